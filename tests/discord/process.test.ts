// The bot process: a rejected token ends it with a clear message and a non-zero exit; SIGINT and
// SIGTERM end it cleanly with exit code 0.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { botEnv } from './harness.js';

const SCRIPT = 'tests/discord/fixtures/run-bot.ts';

interface BotProcess {
  exit: Promise<number | null>;
  stderr: () => string;
  /** Resolves once the process has written `text` to stderr (its log). */
  waitForLog: (text: string) => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
}

function startBotProcess(env: Record<string, string>): BotProcess {
  stateDirs.push(env.EMBEDDINGS_DIR!);
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForLog = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stderr.includes(text)) return;
        child.stderr.off('data', check);
        resolve();
      };
      child.stderr.on('data', check);
      child.once('exit', () => reject(new Error(`bot process exited before logging "${text}":\n${stderr}`)));
      check();
    });
  return { exit, stderr: () => stderr, waitForLog, kill: (signal) => child.kill(signal) };
}

let fake: FakeDiscord;
const stateDirs: string[] = [];

beforeEach(async () => {
  fake = await FakeDiscord.start();
});

afterEach(async () => {
  await fake.close();
  for (const dir of stateDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('bot process', () => {
  it('exits non-zero with a clear message when Discord rejects the token, never printing it', async () => {
    const bot = startBotProcess(botEnv(fake, { DISCORD_TOKEN: 'rejected-secret-token' }));
    expect(await bot.exit).toBe(1);
    expect(bot.stderr().split('Discord rejected the token (DISCORD_TOKEN)')).toHaveLength(2);
    expect(bot.stderr()).not.toContain('rejected-secret-token');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('answers, then on %s disconnects and exits 0', async (signal) => {
    const bot = startBotProcess(botEnv(fake));
    await bot.waitForLog('bot ready');
    const reply = await fake.waitForReply(await fake.sendCommand('sources'));
    expect(reply.message.embeds).toBeDefined();

    bot.kill(signal);
    expect(await bot.exit).toBe(0);
    expect(bot.stderr()).toContain('shutting down');
  });
});
