// Start-up and protection: token rejection, command sync only on change, per-user cooldown (not charged for failed questions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/discord/bot.js';
import { DiscordTokenError } from '../../src/discord/errors.js';
import { buildCommandSet } from '../../src/discord/commands.js';
import { registerCommands } from '../../src/discord/register.js';
import type { Engine } from '../../src/engine/types.js';
import { FakeDiscord } from '../fake-discord/fake-discord.js';
import { captureLog, startHarness, withFakeDiscord } from './harness.js';
import { embedOf, noticeText } from './read-reply.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';

let opened: TestEngine;
let engine: Engine;

beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
});

afterAll(async () => {
  await opened?.dispose();
});

describe('token', () => {
  it('a rejected token gives a clear error that never contains the token', () =>
    withFakeDiscord({ DISCORD_TOKEN: 'wrong-secret-token' }, async (fake, config) => {
      const log = captureLog();
      const failure = await startBot({ engine, config, log: log.logger }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DiscordTokenError);
      expect((failure as Error).message).toMatch(/^Discord rejected the token \(DISCORD_TOKEN\)/);
      expect((failure as Error).message).not.toContain('wrong-secret-token');
      expect(log.text()).not.toContain('wrong-secret-token');
      expect(fake.requests.every((r) => r.path === '/gateway/bot')).toBe(true);
    }));
});

describe('command sync', () => {
  it('registers on first start, skips the PUT when the commands are unchanged, and restores a deleted one', () =>
    withFakeDiscord({}, async (fake, config) => {
      const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
      const first = await startBot({ engine, config, log: captureLog().logger });
      await first.stop();
      expect(puts()).toHaveLength(1);
      const second = await startBot({ engine, config, log: captureLog().logger });
      await second.stop();
      expect(puts()).toHaveLength(1);
      expect(fake.registeredCommands(fake.guildId).length).toBe(buildCommandSet(engine.listSources()).payloads.length);
      expect(fake.registeredCommands(fake.guildId).length).toBeGreaterThan(engine.listSources().length);

      // Someone deletes a command on Discord's side: the next start notices and registers again.
      fake.deleteCommand('sources', fake.guildId);
      const third = await startBot({ engine, config, log: captureLog().logger });
      await third.stop();
      expect(puts()).toHaveLength(2);
      expect(fake.registeredCommands(fake.guildId).map((c) => c.name)).toContain('sources');
    }));
});

describe('registerCommands (npm run register)', () => {
  it('finds the application id, registers globally, and a later bot start sees nothing changed', () =>
    withFakeDiscord({ DISCORD_GUILD_ID: '' }, async (fake, config) => {
      const log = captureLog();
      const result = await registerCommands({
        token: fake.token,
        sources: engine.listSources(),
        log: log.logger,
        apiBase: fake.apiBase,
        stateDir: config.EMBEDDINGS_DIR,
      });
      expect(result).toMatchObject({ applicationId: fake.applicationId, scope: 'global', changed: true, skipped: [] });
      expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/applications/@me')).toBe(true);
      expect(fake.registeredCommands().map((c) => c.name)).toEqual(result.commands);

      const bot = await startBot({ engine, config, log: log.logger });
      await bot.stop();
      expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    }));

  it('turns a 401 into DiscordTokenError', async () => {
    const fake = await FakeDiscord.start();
    try {
      const attempt = registerCommands({ token: 'bad', sources: engine.listSources(), log: captureLog().logger, apiBase: fake.apiBase });
      await expect(attempt).rejects.toBeInstanceOf(DiscordTokenError);
    } finally {
      await fake.close();
    }
  });
});

describe('cooldown', () => {
  it('refuses a second rapid question from the same user, ephemerally, but not another user\'s', async () => {
    const h = await startHarness(engine, { COOLDOWN_SECONDS: '600' });
    try {
      const question = [{ name: 'question', type: 3 as const, value: 'Why does Iraq want Russian air strikes?' }];
      const alice = { id: '200000000000000001', username: 'alice' };
      const bob = { id: '200000000000000002', username: 'bob' };
      const first = await h.fake.waitForReply(await h.fake.sendCommand('ask', question, alice));
      const second = await h.fake.waitForReply(await h.fake.sendCommand('ask', question, alice));
      const other = await h.fake.waitForReply(await h.fake.sendCommand('ask', question, bob));
      expect((first.callback.body as { type: number }).type).toBe(5);
      expect((second.callback.body as { type: number }).type).toBe(4);
      expect(second.message.flags).toBe(64);
      expect(noticeText(second.message)).toMatch(/please wait \d+ s/);
      expect((other.callback.body as { type: number }).type).toBe(5);
      expect(h.log.lines.some((l) => l.msg === 'interaction' && l.outcome === 'cooldown')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('does not hold a failed question against the user: a mistyped source can be corrected at once', async () => {
    const h = await startHarness(engine, { COOLDOWN_SECONDS: '600' });
    try {
      const question = { name: 'question', type: 3 as const, value: 'Why does Iraq want Russian air strikes?' };
      const carol = { id: '200000000000000003', username: 'carol' };
      const mistyped = await h.fake.waitForReply(
        await h.fake.sendCommand('ask', [question, { name: 'source', type: 3, value: 'no-such-source' }], carol),
      );
      expect(noticeText(mistyped.message)).toContain('no-such-source');
      const retried = await h.fake.waitForReply(await h.fake.sendCommand('ask', [question], carol));
      expect((retried.callback.body as { type: number }).type).toBe(5);
      expect(embedOf(retried.message).description).toMatch(/^>/m);
    } finally {
      await h.close();
    }
  });
});
