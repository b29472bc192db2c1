// A citation with its surroundings (/quote and the "Show context" button): up to two paragraphs either
// side of the cited one, each labelled with whose it is ("¶ 3", "comment 4 by Chris Chuba", "reply to
// comment 4, by Jesus", "quoting The Wall Street Journal"), the cited paragraph blockquoted with the
// quoted part in bold. The title names the source and opens it at the cited words when its URL is known.
import { EmbedBuilder, MessageFlags } from 'discord.js';
import { formatCitationRef } from '../citations/citation-ref.js';
import { quotedSentences } from '../citations/quoted-sentences.js';
import { quoteLink } from '../citations/text-fragment.js';
import type { CitationContext } from '../engine/types.js';
import type { Passage } from '../sources/types.js';
import { blockquote, blockquoteMarkdown } from './blockquote.js';
import { passagePlace } from './citation-line.js';
import { COLOURS } from './colours.js';
import { escapeText } from './escape.js';
import { linkedIf, MAX_LINK } from './link.js';
import { DISCORD_LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './reply.js';
import { fitRendered } from './shorten.js';

const SEPARATOR = '\n\n';
/** Neighbours shorter than this are left out rather than shown as a stub. */
const MIN_NEIGHBOUR = 200;

export interface ContextReplyOptions {
  ephemeral?: boolean;
  /** The paragraph changed since an answer quoted it: say so above it (nothing is marked). */
  changedSinceQuoted?: boolean;
  /** Anything else to say above the paragraphs (plain text). */
  note?: string;
}

const CHANGED_NOTE = '*This paragraph has changed since the answer quoted it. Here it is as it reads now; the quoted words are not marked.*';

export function contextReply(context: CitationContext, options: ContextReplyOptions = {}): Reply {
  const { source, passage, quoted } = context;
  const sentences = quoted && quotedSentences(passage, quoted);
  const id = formatCitationRef({ passage: passage.id, ...(sentences && { sentences }) });
  const cited = quoted ? passage.text.slice(quoted.start - passage.start, quoted.end - passage.start) : passage.text;
  const link = quoteLink(source.url, cited);
  const citation = `Cited as \`${id}\`${quoted ? ' · the quoted words in bold' : ''}`;
  const note = options.changedSinceQuoted ? CHANGED_NOTE : options.note && `*${escapeText(options.note)}*`;
  let room = DISCORD_LIMITS.embedDescription - citation.length - SEPARATOR.length - (note ? note.length + SEPARATOR.length : 0);
  const citedLabel = `**${linkedIf(escapeText(whose(passage)), link)}**\n`;
  const citedText = citedParagraph(passage, quoted, Math.min(room, Math.floor(DISCORD_LIMITS.embedDescription * 0.6)) - citedLabel.length);
  room -= citedLabel.length + citedText.length;

  // Nearest neighbours first; each is shortened on the side away from the cited paragraph.
  const before: string[] = [];
  const after: string[] = [];
  const nearestFirst = interleave([...context.after], [...context.before].reverse());
  for (const { passage: neighbour, side } of nearestFirst) {
    const label = `*${escapeText(whose(neighbour))}*\n`;
    const max = room - SEPARATOR.length - label.length;
    if (max < MIN_NEIGHBOUR && neighbour.text.length > max) continue;
    const text = fitRendered(neighbour.text, max, escapeText, side === 'after' ? 'start' : 'end');
    if (!text) continue;
    room -= label.length + text.length + SEPARATOR.length;
    if (side === 'after') after.push(label + text);
    else before.unshift(label + text);
  }

  const description = [...(note ? [note] : []), ...before, citedLabel + citedText, ...after, citation].join(SEPARATOR);
  const embed = new EmbedBuilder()
    .setColor(COLOURS.context)
    .setTitle(fitRendered(source.title, DISCORD_LIMITS.embedTitle, escapeText) || passage.id)
    .setDescription(description);
  if (link && link.length <= MAX_LINK) embed.setURL(link);
  return { embeds: [embed.toJSON()], allowed_mentions: NO_MENTIONS, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Whose words a paragraph is: its place (article paragraph, whose comment), and the outlet it quotes. */
function whose(passage: Passage): string {
  const quoting = passage.quoting;
  return quoting ? `${passagePlace(passage)} · quoting ${quoting}` : passagePlace(passage);
}

function interleave(after: Passage[], before: Passage[]): { passage: Passage; side: 'after' | 'before' }[] {
  const out: { passage: Passage; side: 'after' | 'before' }[] = [];
  for (let i = 0; i < Math.max(after.length, before.length); i++) {
    if (after[i]) out.push({ passage: after[i]!, side: 'after' });
    if (before[i]) out.push({ passage: before[i]!, side: 'before' });
  }
  return out;
}

/** The cited paragraph, blockquoted; the quoted part (when known) in bold, the rest shortened around it. */
function citedParagraph(passage: Passage, quoted: CitationContext['quoted'], max: number): string {
  const mark = quoted && quotedRange(passage, quoted);
  if (!mark) return fitRendered(passage.text, max, blockquote);
  const [start, end] = mark;
  const bold = boldLines(fitRendered(passage.text.slice(start, end), Math.floor(max * 0.6), escapeText));
  const share = Math.floor((max - bold.length - 2) / 2);
  const head = fitRendered(passage.text.slice(0, start), share, escapeText, 'end');
  const tail = fitRendered(passage.text.slice(end), max - bold.length - 2 - head.length, escapeText);
  return blockquoteMarkdown(`${head}${bold}${tail}`);
}

/** Bold per line: a mark spanning a line break would not survive the blockquote. */
function boldLines(markdown: string): string {
  return markdown.replace(/[^\n]+/g, (line) => `**${line}**`);
}

/** Offsets of the quote inside the passage text, when they really are inside it. */
function quotedRange(passage: Passage, quoted: { start: number; end: number }): [number, number] | undefined {
  const start = quoted.start - passage.start;
  const end = quoted.end - passage.start;
  return start >= 0 && end <= passage.text.length && start < end ? [start, end] : undefined;
}
