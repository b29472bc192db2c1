// Thousands of sources: Discord takes 100 commands, and the skipped ones make one log line, not one each.
import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS } from '../../src/discord/commands.js';
import { registerCommands } from '../../src/discord/register.js';
import type { SourceSummary } from '../../src/engine/types.js';
import { captureLog, withFakeDiscord } from './harness.js';

function source(slug: string, command = slug): SourceSummary {
  return { slug, command, title: `The ${slug} page`, file: `seeds/${slug}.txt`, passages: 3 };
}

describe('registerCommands with 2,000 sources', () => {
  it('registers 100 commands and summarises the skipped ones in one warning: counts by reason and a few examples', () =>
    withFakeDiscord({}, async (fake, config) => {
      const sources = [source('bad-name', 'Has Space'), ...Array.from({ length: 1_999 }, (_, i) => source(`source-${i}`))];
      const log = captureLog();
      const result = await registerCommands({ token: fake.token, sources, log: log.logger, apiBase: fake.apiBase, guildId: config.DISCORD_GUILD_ID });
      // Discord's cap is on slash commands (type 1); message commands such as "Find in sources" count apart.
      const registered = fake.registeredCommands(fake.guildId);
      const slash = registered.filter((command) => (command.type ?? 1) === 1);
      expect(slash).toHaveLength(MAX_COMMANDS);
      const builtIn = slash.filter((command) => !String(command.name).startsWith('source-')).length;

      const warnings = log.lines.filter((line) => line.level === 40);
      expect(warnings).toHaveLength(1);
      const [warning] = warnings as [{ skipped: number; byReason: Record<string, number>; examples: string[]; msg: string }];
      expect(warning.skipped).toBe(result.skipped.length);
      expect(warning.skipped).toBe(sources.length - (MAX_COMMANDS - builtIn));
      expect(Object.values(warning.byReason).sort((a, b) => a - b)).toEqual([1, warning.skipped - 1]);
      expect(Object.keys(warning.byReason).some((reason) => reason.includes(`at most ${MAX_COMMANDS} commands`))).toBe(true);
      expect(warning.examples).toEqual(result.skipped.slice(0, 5).map((skip) => `/${skip.command} (${skip.slug})`));
      expect(warning.msg).toContain(`${warning.skipped} per-source commands skipped`);
    }));
});
