// A real bot (startBot with a real discord.js Client and the real engine) against the fake Discord,
// with its log lines captured so tests can check what is (and is not) logged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { parseConfig, type Config } from '../../src/config/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { Engine } from '../../src/engine/types.js';
import type { Logger } from '../../src/log/logger.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';
import { afterAll, beforeAll } from 'vitest';

export interface CapturedLog {
  lines: Record<string, unknown>[];
  text(): string;
  logger: Logger;
  /** Resolves with the first line (past or within two seconds) that matches: the interaction line follows its reply. */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

export function captureLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString('utf8');
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const waitFor = async (match: (line: Record<string, unknown>) => boolean) => {
    for (const deadline = Date.now() + 2000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) {
      const line = lines.find(match);
      if (line) return line;
    }
    throw new Error('no matching log line within 2 s');
  };
  return { lines, text: () => raw.join(''), logger: pino({ level: 'debug' }, stream), waitFor };
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  config: Config;
  log: CapturedLog;
  close(): Promise<void>;
}

/** Environment for the bot's config; EMBEDDINGS_DIR only holds the command-sync state and the feedback log here. */
export function botEnv(fake: FakeDiscord, env: Record<string, string> = {}): Record<string, string> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bot-state-'));
  return {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_GUILD_ID: fake.guildId,
    EMBEDDINGS_DIR: stateDir,
    FEEDBACK_LOG: join(stateDir, 'feedback.jsonl'),
    COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'debug',
    ...env,
  };
}

async function closeFake(fake: FakeDiscord, config: Config): Promise<void> {
  await fake.close();
  rmSync(config.EMBEDDINGS_DIR, { recursive: true, force: true });
}

/** A fresh fake Discord and bot config for one test, both cleaned up after it. */
export async function withFakeDiscord(env: Record<string, string>, test: (fake: FakeDiscord, config: Config) => Promise<void>): Promise<void> {
  const fake = await FakeDiscord.start();
  const config = parseConfig(botEnv(fake, env));
  try {
    await test(fake, config);
  } finally {
    await closeFake(fake, config);
  }
}

export async function startHarness(engine: Engine, env: Record<string, string> = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const config = parseConfig(botEnv(fake, env));
  const log = captureLog();
  try {
    const bot = await startBot({ engine, config, log: log.logger });
    return {
      fake,
      bot,
      config,
      log,
      close: async () => {
        await bot.stop();
        await closeFake(fake, config);
      },
    };
  } catch (error) {
    await closeFake(fake, config);
    throw error;
  }
}

export interface BotOnSeeds {
  opened: TestEngine;
  engine: Engine;
  h: Harness;
}

/**
 * The real engine over the seeds and a bot on the fake Discord for a whole test file: opened before
 * its tests (then handed to `ready`) and closed after them.
 */
export function withBotOnSeeds(ready: (bot: BotOnSeeds) => void, env: Record<string, string> = {}): void {
  let bot: BotOnSeeds | undefined;
  beforeAll(async () => {
    const opened = await openTestEngine();
    bot = { opened, engine: opened.engine, h: await startHarness(opened.engine, env) };
    ready(bot);
  });
  afterAll(async () => {
    await bot?.h.close();
    await bot?.opened.dispose();
  });
}
