// /help on Discord: the commands (one per source included), how to read a citation, and an about
// line with the sources and the embedding model.
import { EmbedBuilder, MessageFlags } from 'discord.js';
import type { SourceSummary } from '../engine/types.js';
import { COLOURS } from './colours.js';
import { DISCORD_LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './reply.js';
import { shortenPlain } from './shorten.js';

export interface HelpFacts {
  sources: SourceSummary[];
  /** Source slug → its own slash command. */
  commandBySource: ReadonlyMap<string, string>;
  /** The name of the message command ("Find in sources"), when the bot has one. */
  messageCommand?: string;
  passageCount: number;
  modelId: string;
  /** Whether answers carry 👍/👎 buttons. */
  feedback: boolean;
}

/** Per-source commands named in full; the rest are in /sources. */
const MAX_LISTED = 10;

export function helpReply(facts: HelpFacts): Reply {
  const perSource = [...facts.commandBySource.values()];
  const listed = perSource.slice(0, MAX_LISTED).map((command) => `/${command}`).join(', ');
  const more = perSource.length > MAX_LISTED ? ` and ${perSource.length - MAX_LISTED} more (see /sources)` : '';
  const commands = [
    '**/ask** `question` `[source]` `[count]` — ask every source (or one); the answer quotes them word for word, with citations',
    ...(perSource.length > 0 ? [`**/<source>** \`question\` — ask one source: ${listed}${more}`] : []),
    '**/sources** — the sources, with their commands and links',
    '**/quote** `citation` `[public]` — a cited paragraph with the paragraphs around it, the quoted sentences in bold; only you see it unless `public`',
    ...(facts.messageCommand ? [`**${facts.messageCommand}** — right-click any message → *Apps*: what the sources say about it`] : []),
    '**/help** — this',
  ];
  const reading = [
    '`informed-comment:p4/s2-3` is sentences 2–3 of paragraph 4 of the source `informed-comment`; paste it into /quote.',
    '`c3p2` is paragraph 2 of reader comment 3; comment `4.1` is the first reply to comment 4, `4.1.2` the second reply to that.',
    '"¶ 4" is paragraph 4 of the article; a linked place opens the page with the quoted words highlighted.',
    ...(facts.feedback ? ['👍 / 👎 under an answer tells the admins whether it helped (your id is stored only as a salted hash).'] : []),
  ];
  const description = [...commands, '', '**Reading a citation**', ...reading.map((line) => `- ${line}`)].join('\n');
  const embed = new EmbedBuilder()
    .setColor(COLOURS.info)
    .setTitle('Cited answers from the sources')
    .setDescription(shortenPlain(description, DISCORD_LIMITS.embedDescription))
    .setFooter({ text: `${facts.sources.length} sources · ${facts.passageCount} passages · embedding model ${facts.modelId}` });
  return { embeds: [embed.toJSON()], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}
