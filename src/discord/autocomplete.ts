// Suggestions for /ask source: sources whose slug, command, title or outlet contains what was typed.
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { SourceSummary } from '../engine/types.js';
import { DISCORD_LIMITS } from '../replies/limits.js';
import { shortenPlain } from '../replies/shorten.js';

export function sourceChoices(sources: SourceSummary[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const query = typed.trim().toLowerCase();
  return sources
    .filter((source) => !query || [source.slug, source.command, source.title, source.outlet].some((field) => field?.toLowerCase().includes(query)))
    .slice(0, DISCORD_LIMITS.choices)
    .map((source) => ({
      name: shortenPlain(`${source.title.trim()}${source.outlet ? ` (${source.outlet})` : ''}`, DISCORD_LIMITS.choiceName) || source.slug,
      value: source.slug,
    }));
}
