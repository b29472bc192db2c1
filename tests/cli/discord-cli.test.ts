// The real CLI against the fake Discord on 127.0.0.1: what a person sees when Discord answers
// with an error, is out of reach, or rejects the token.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedPort } from '../discord/closed-port.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { runCli } from './run-cli.js';
const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.cli-secret-token';

let fake: FakeDiscord;
let stateDir: string;

beforeEach(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
  stateDir = await mkdtemp(join(tmpdir(), 'discord-cli-'));
});

afterEach(async () => {
  await fake.close();
  await rm(stateDir, { recursive: true, force: true });
});

function cli(env: Record<string, string>, ...args: string[]) {
  return runCli(args, {
    EMBEDDING_MODEL: 'offline',
    EMBEDDINGS_DIR: stateDir,
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_GUILD_ID: fake.guildId,
    LOG_LEVEL: 'debug',
    ...env,
  });
}

describe('the bot token in printed messages', () => {
  it('is scrubbed from a Discord error body that echoes it', async () => {
    fake.failOnce('PUT', /\/commands$/, 400, { message: `Invalid Form Body (request signed with ${TOKEN})`, code: 50035 });
    const { code, stderr } = await cli({}, 'register');
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid Form Body (request signed with [redacted])');
    expect(stderr).not.toContain(TOKEN);
  });
});

/** How often `text` occurs in `output`. */
const count = (output: string, text: string) => output.split(text).length - 1;

describe('start-up failures', () => {
  it('a rejected token: one plain message, exit code 1', async () => {
    const { code, stderr } = await cli({ DISCORD_TOKEN: 'MTIz.wrong-token-value', LOG_LEVEL: 'info' }, 'start');
    expect(code).toBe(1);
    expect(count(stderr, 'Discord rejected the token (DISCORD_TOKEN)')).toBe(1);
    expect(stderr).not.toContain('wrong-token-value');
  });

  it('an unreachable DISCORD_API_BASE: a plain message naming it', async () => {
    const apiBase = `http://127.0.0.1:${await closedPort()}/api`;
    const { code, stderr } = await cli({ DISCORD_API_BASE: apiBase, LOG_LEVEL: 'info' }, 'register');
    expect(code).toBe(1);
    expect(count(stderr, `Cannot reach Discord at ${apiBase} (connection refused). Check DISCORD_API_BASE`)).toBe(1);
    expect(stderr).not.toContain('ECONNREFUSED');
  });
});
