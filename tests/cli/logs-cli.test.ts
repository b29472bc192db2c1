// Logs for people and for machines: readable lines in a terminal, JSON lines when stderr is not a
// terminal or LOG_FORMAT=json; the console shows only warnings and errors unless LOG_LEVEL is set.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLogFormat } from '../../src/log/logger.js';
import { runCli, runCliInTerminal } from './run-cli.js';

let embeddingsDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  embeddingsDir = await mkdtemp(join(tmpdir(), 'logs-cli-'));
  env = { EMBEDDING_MODEL: 'offline', EMBEDDINGS_DIR: embeddingsDir, DISCORD_TOKEN: '', LOG_LEVEL: '', LOG_FORMAT: '' };
});

afterAll(async () => {
  await rm(embeddingsDir, { recursive: true, force: true });
});

const JSON_LINE = /^\{"level":\d+/m;
const PRETTY_INFO = /^\[\d\d:\d\d:\d\d\] INFO: engine ready/m;

describe('log format', () => {
  it('is pretty for a terminal and JSON for anything else', () => {
    expect(defaultLogFormat({ isTTY: true })).toBe('pretty');
    expect(defaultLogFormat({ isTTY: false })).toBe('json');
    expect(defaultLogFormat({})).toBe('json');
  });

  it('writes JSON lines when stderr is a pipe', async () => {
    const piped = await runCli(['start'], { ...env, LOG_LEVEL: 'info' }, '/quit\n');
    expect(piped.code).toBe(0);
    const lines = piped.stderr.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain('engine ready');
  });

  it('writes readable lines in a terminal, and JSON there too with LOG_FORMAT=json', async () => {
    const shown = await runCliInTerminal(['start'], { ...env, LOG_LEVEL: 'info' }, '/quit\n');
    expect(shown.shown).toMatch(PRETTY_INFO);
    expect(shown.shown).not.toMatch(JSON_LINE);
    const json = await runCliInTerminal(['start'], { ...env, LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, '/quit\n');
    expect(json.shown).toMatch(JSON_LINE);
    expect(json.shown).not.toMatch(PRETTY_INFO);
  });
});

describe('the console', () => {
  it('logs nothing below a warning unless LOG_LEVEL is set', async () => {
    const piped = await runCli(['start'], env, '/sources\n');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('Sources (5)');
    expect(piped.stderr).not.toMatch(JSON_LINE);
    expect(piped.stderr).not.toContain('engine ready');
  });

  it('in a terminal, prompts with "ask› ", which no quote line starts with, and no log line comes first', async () => {
    const shown = await runCliInTerminal(['start'], env, 'Who is Valentina Marvienko?\n/quit\n');
    expect(shown.shown).toContain('ask› ');
    expect(shown.shown).not.toContain('engine ready');
    expect(shown.shown).not.toMatch(JSON_LINE);
    expect(shown.shown).toMatch(/^│ .*Valentina Marvienko/m);
    expect(shown.shown).not.toMatch(/^> /m);
  });
});
