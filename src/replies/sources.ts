// /sources: every source with the command that reaches it, its title (a link to the page when its URL
// is known), outlet and passage count; the footer names the embedding model.
import { EmbedBuilder } from 'discord.js';
import type { SourceSummary } from '../engine/types.js';
import { COLOURS } from './colours.js';
import { escapeText } from './escape.js';
import { linkedIf } from './link.js';
import { DISCORD_LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './reply.js';
import { shortenPlain } from './shorten.js';

const MAX_TITLE = 120;

/** `commandBySource` maps a slug to its own slash command; sources without one are reached via /ask. */
export function sourcesReply(sources: SourceSummary[], commandBySource: ReadonlyMap<string, string>, modelId?: string): Reply {
  const lines = sources.map((source) => {
    const command = commandBySource.get(source.slug);
    const reach = command ? `**/${command}**` : `**/ask source:${source.slug}**`;
    const outlet = source.outlet ? ` · ${escapeText(source.outlet)}` : '';
    return `${reach} — ${linkedIf(escapeText(shortenPlain(source.title, MAX_TITLE)), source.url)}${outlet} · ${source.passages} passages`;
  });
  const passages = sources.reduce((sum, source) => sum + source.passages, 0);
  const embed = new EmbedBuilder()
    .setColor(COLOURS.info)
    .setTitle(`Sources (${sources.length})`)
    .setDescription(withinLimit(lines, DISCORD_LIMITS.embedDescription) || 'No sources are loaded.')
    .setFooter({ text: `${passages} passages in all${modelId ? ` · embedding model ${modelId}` : ''}` });
  return { embeds: [embed.toJSON()], allowed_mentions: NO_MENTIONS };
}

/** As many whole lines as fit, then a count of the rest. */
function withinLimit(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = `…and ${lines.length - i} more (see /ask source:)`;
    const rest = lines.length - i - 1;
    if (length + line.length + 1 + (rest > 0 ? more.length + 1 : 0) > max) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}
