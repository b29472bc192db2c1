// A DISCORD_API_BASE where nothing listens (a closed loopback port): the real client and the
// command registration end with a plain message that names DISCORD_API_BASE, not a bare ECONNREFUSED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { startBot } from '../../src/discord/bot.js';
import { DiscordUnreachableError } from '../../src/discord/errors.js';
import { registerCommands } from '../../src/discord/register.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';
import { closedPort } from './closed-port.js';
import { captureLog } from './harness.js';

let opened: TestEngine;
let apiBase: string;

beforeAll(async () => {
  opened = await openTestEngine();
  apiBase = `http://127.0.0.1:${await closedPort()}/api`;
});

afterAll(async () => {
  await opened?.dispose();
});

const PLAIN = /^Cannot reach Discord at http:\/\/127\.0\.0\.1:\d+\/api \(connection refused\)\. Check DISCORD_API_BASE/;

describe('an unreachable DISCORD_API_BASE', () => {
  it('ends the bot\'s start with DiscordUnreachableError and a plain message', async () => {
    const config = parseConfig({ DISCORD_TOKEN: 'a-token-for-nowhere', DISCORD_API_BASE: apiBase, COOLDOWN_SECONDS: '0' });
    const failure = await startBot({ engine: opened.engine, config, log: captureLog().logger }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscordUnreachableError);
    expect((failure as Error).message).toMatch(PLAIN);
    expect((failure as Error).message).toContain(apiBase);
  });

  it('ends npm run register the same way', async () => {
    const attempt = registerCommands({ token: 'a-token-for-nowhere', sources: opened.engine.listSources(), log: captureLog().logger, apiBase });
    await expect(attempt).rejects.toBeInstanceOf(DiscordUnreachableError);
    await expect(attempt).rejects.toThrow(PLAIN);
  });
});
