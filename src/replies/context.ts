// A citation with its surroundings (/quote and the "Show context" button): the cited paragraph as a
// blockquote with the quoted part in bold, up to two paragraphs either side, then the citation.
import { EmbedBuilder, MessageFlags } from 'discord.js';
import { formatCitationRef } from '../citations/citation-ref.js';
import { quotedSentences } from '../citations/quoted-sentences.js';
import type { CitationContext } from '../engine/types.js';
import type { Passage } from '../sources/types.js';
import { blockquote, blockquoteMarkdown } from './blockquote.js';
import { citationLine } from './citation-line.js';
import { escapeText } from './escape.js';
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
  const { source, passage } = context;
  const sentences = context.quoted && quotedSentences(passage, context.quoted);
  const id = formatCitationRef({ passage: passage.id, ...(sentences && { sentences }) });
  const citation = citationLine({ ...passage, citation: id, title: source.title, outlet: source.outlet });
  const note = options.changedSinceQuoted ? CHANGED_NOTE : options.note && `*${escapeText(options.note)}*`;
  let room = DISCORD_LIMITS.embedDescription - citation.length - SEPARATOR.length - (note ? note.length + SEPARATOR.length : 0);
  const cited = citedParagraph(passage, context.quoted, Math.min(room, Math.floor(DISCORD_LIMITS.embedDescription * 0.6)));
  room -= cited.length;

  // Nearest neighbours first; each is shortened on the side away from the cited paragraph.
  const before: string[] = [];
  const after: string[] = [];
  const nearestFirst = interleave([...context.after], [...context.before].reverse());
  for (const { passage: neighbour, side } of nearestFirst) {
    const max = room - SEPARATOR.length;
    if (max < MIN_NEIGHBOUR && neighbour.text.length > max) continue;
    const text = fitRendered(neighbour.text, max, escapeText, side === 'after' ? 'start' : 'end');
    if (!text) continue;
    room -= text.length + SEPARATOR.length;
    if (side === 'after') after.push(text);
    else before.unshift(text);
  }

  const description = [...(note ? [note] : []), ...before, cited, ...after, citation].join(SEPARATOR);
  const embed = new EmbedBuilder().setTitle(`Context of ${passage.id}`.slice(0, DISCORD_LIMITS.embedTitle)).setDescription(description);
  return { embeds: [embed.toJSON()], allowed_mentions: NO_MENTIONS, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
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
