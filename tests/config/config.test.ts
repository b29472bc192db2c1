import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../../src/config/paths.js';
import { configSchema } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';

describe('parseConfig', () => {
  it('gives working defaults for an empty environment (console mode)', () => {
    const config = parseConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.EMBEDDING_MODEL).toBe('Xenova/bge-small-en-v1.5');
    expect(config.RESULTS_PER_ANSWER).toBe(3);
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ' }).DISCORD_GUILD_ID).toBeUndefined();
  });

  it('treats an empty value as unset for every setting alike: defaults, never 0 and never an error', () => {
    const defaults = parseConfig({});
    for (const blank of ['', '  ']) {
      const env = Object.fromEntries(Object.keys(configSchema.shape).map((name) => [name, blank]));
      expect(parseConfig(env)).toEqual(defaults);
    }
    expect(parseConfig({ COOLDOWN_SECONDS: '' }).COOLDOWN_SECONDS).toBe(3);
    expect(parseConfig({ RESULTS_PER_ANSWER: '' }).RESULTS_PER_ANSWER).toBe(3);
    expect(parseConfig({ COOLDOWN_SECONDS: '0' }).COOLDOWN_SECONDS).toBe(0);
  });

  it('lists every problem with the variable name', () => {
    const error = (() => {
      try {
        parseConfig({ DISCORD_GUILD_ID: 'my-server', RESULTS_PER_ANSWER: '9', DISCORD_API_BASE: 'not a url' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['DISCORD_GUILD_ID', 'RESULTS_PER_ANSWER', 'DISCORD_API_BASE']) expect(message).toContain(name);
  });

  it('is documented: .env.example names every variable', () => {
    const example = readFileSync(fromProjectRoot('.env.example'), 'utf8');
    for (const name of Object.keys(configSchema.shape)) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('logger redaction', () => {
  it('never writes a token', () => {
    let written = '';
    const sink = new Writable({ write: (chunk, _e, done) => ((written += String(chunk)), done()) });
    const log = createLogger('info', sink);
    log.info({ token: 'secret-1', config: { DISCORD_TOKEN: 'secret-2' }, request: { headers: { authorization: 'Bot secret-3' } } }, 'starting');
    expect(written).toContain('starting');
    expect(written).not.toContain('secret');
    expect(written).toContain('[redacted]');
  });
});
