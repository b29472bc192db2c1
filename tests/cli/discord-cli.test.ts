// The real CLI against the fake Discord on 127.0.0.1: what a person sees when Discord answers
// with an error, is out of reach, or rejects the token.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';

const run = promisify(execFile);
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

async function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: projectRoot,
      env: {
        ...process.env,
        EMBEDDING_MODEL: 'offline',
        EMBEDDINGS_DIR: stateDir,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE: fake.apiBase,
        DISCORD_GUILD_ID: fake.guildId,
        LOG_LEVEL: 'debug',
        ...env,
      },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
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
