// An answer as Discord sees it: one embed, the question as its title; the excerpts grouped under
// their source (named once, a link to the page when its URL is known), each a verbatim blockquote
// followed by its citation line; a "Show context" button per excerpt, and 👍/👎 when feedback is on.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Answer, CitedResult } from '../answer/types.js';
import type { SourceSummary } from '../engine/types.js';
import { blockquote } from './blockquote.js';
import { citationLine, sourceHeading } from './citation-line.js';
import { passageFingerprint } from '../citations/fingerprint.js';
import { COLOURS } from './colours.js';
import { contextButtonId } from './custom-id.js';
import { escapeText } from './escape.js';
import { voteButtons } from './feedback.js';
import { DISCORD_LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './reply.js';
import { fitRendered, shortenPlain } from './shorten.js';

export interface AnswerReplyOptions {
  /** Title of the source the question was restricted to, for the "not covered" message. */
  sourceTitle?: string;
  /** A source's summary by slug: its URL, author and outlet for the heading above its excerpts. */
  sourceOf?: (slug: string) => SourceSummary | undefined;
  /** When the one source asked does not cover the question: the sources that do (empty: none). */
  coveredBy?: SourceSummary[];
  /** A source's own slash command, to point at it. */
  commandOf?: (slug: string) => string | undefined;
  /** The "question" is a message being checked against the sources ("Find in sources"). */
  claim?: boolean;
  /** 👍/👎 under the answer. */
  voteButtons?: boolean;
}

/** Sources named in a decline; the rest are counted. */
const MAX_SUGGESTED = 5;

const BLOCK_SEPARATOR = '\n\n';
/** How to read a citation, under every answer (the middle part only when some citation is a link). */
const READING_HINT = ['¶ = paragraph', 'a linked citation opens its source at the quote', '/quote <id> shows the paragraphs around it'];

export function answerReply(answer: Answer, options: AnswerReplyOptions = {}): Reply {
  const answered = answer.answered && answer.results.length > 0;
  // Grouped by source in order of each source's best excerpt, then numbered as they read.
  const ordered = answered ? bySource(answer.results) : [];
  const embed = new EmbedBuilder()
    .setColor(answered ? COLOURS.answer : COLOURS.notCovered)
    .setTitle(fitRendered(answer.question, DISCORD_LIMITS.embedTitle, escapeText) || 'Your question')
    .setDescription(answered ? excerpts(ordered, options.sourceOf) : notCovered(options))
    .setFooter({ text: footer(answer, ordered) });
  if (options.claim) embed.setAuthor({ name: 'Find in sources: what they say about this message' });
  const votes = answered && options.voteButtons ? [voteButtons()] : [];
  const components = answered ? [...contextButtons(ordered, DISCORD_LIMITS.rows - votes.length), ...votes] : [];
  return { embeds: [embed.toJSON()], components, allowed_mentions: NO_MENTIONS };
}

function notCovered({ sourceTitle, coveredBy, commandOf, claim }: AnswerReplyOptions): string {
  if (claim) return 'The sources do not cover what this message says: nothing in them matches it, so there is nothing to quote.';
  if (!sourceTitle) {
    return 'The sources do not cover this question: nothing in them answers it, so there is nothing to quote. Try rephrasing it, or see what they are about with /sources.';
  }
  const declined = `The source “${escapeText(shortenPlain(sourceTitle, 200))}” does not cover this question, so there is nothing to quote from it.`;
  if (coveredBy === undefined) return `${declined} Ask all the sources with /ask, or see what they are about with /sources.`;
  if (coveredBy.length === 0) return `${declined} No other source covers it either; see what they are about with /sources.`;
  const named = coveredBy.slice(0, MAX_SUGGESTED).map((source) => {
    const command = commandOf?.(source.slug);
    return `${sourceHeading(source)}${command ? ` (/${command})` : ''}`;
  });
  const more = coveredBy.length > MAX_SUGGESTED ? [`and ${coveredBy.length - MAX_SUGGESTED} more`] : [];
  const one = coveredBy.length === 1;
  const list = [...named, ...more].map((line) => `- ${line}`).join('\n');
  return `${declined} ${one ? 'This source covers it' : 'These sources cover it'}:\n${list}\nAsk ${one ? 'it' : 'one of them'} with its command, or all the sources at once with /ask.`;
}

function bySource(results: CitedResult[]): CitedResult[] {
  const sources = [...new Set(results.map((result) => result.source))];
  return sources.flatMap((source) => results.filter((result) => result.source === source));
}

/**
 * Each excerpt gets an equal share of what the headings and citation lines leave, and passes on what
 * it does not use. Links that would take more than half the room (very long URLs) are left out.
 */
function excerpts(results: CitedResult[], sourceOf: AnswerReplyOptions['sourceOf']): string {
  let layout = citing(results, sourceOf, true);
  if (layout.fixed > DISCORD_LIMITS.embedDescription / 2) layout = citing(results, sourceOf, false);
  const { headings, citations } = layout;
  let room = DISCORD_LIMITS.embedDescription - layout.fixed;
  const blocks = results.map((result, i) => {
    const quote = fitRendered(result.quote, Math.floor(room / (results.length - i)), blockquote);
    room -= quote.length;
    return `${headings[i]}${quote}\n${citations[i]}`;
  });
  return blocks.join(BLOCK_SEPARATOR);
}

/** The headings and citation lines of the excerpts, and the room they take with the separators. */
function citing(results: CitedResult[], sourceOf: AnswerReplyOptions['sourceOf'], links: boolean) {
  const headings = results.map((result, i) => {
    if (i > 0 && results[i - 1]!.source === result.source) return '';
    const source = sourceOf?.(result.source) ?? { title: result.title, outlet: result.outlet };
    return `${sourceHeading(links ? source : { ...source, url: undefined })}\n`;
  });
  const citations = results.map((result, i) => {
    const line = citationLine({ ...result, citation: result.quoteCitation, url: links ? result.url : undefined });
    return `**[${i + 1}]** ${line}`;
  });
  const fixed =
    headings.reduce((sum, heading) => sum + heading.length, 0) +
    citations.reduce((sum, line) => sum + line.length + 1, 0) +
    BLOCK_SEPARATOR.length * (results.length - 1);
  return { headings, citations, fixed };
}

function footer(answer: Answer, shown: CitedResult[]): string {
  const searched = `Searched ${answer.searched} passages in ${Math.round(answer.tookMs)} ms`;
  const linked = shown.some((result) => result.url !== undefined);
  const hint = READING_HINT.filter((_, i) => i !== 1 || linked);
  return shortenPlain(shown.length > 0 ? [searched, ...hint].join(' · ') : searched, DISCORD_LIMITS.footer);
}

function contextButtons(results: CitedResult[], maxRows: number): APIActionRowComponent<APIButtonComponent>[] {
  const buttons = results.flatMap((result, i) => {
    const customId = contextButtonId({
      citation: result.citation,
      quoted: { start: result.start, end: result.end },
      fingerprint: passageFingerprint(result.text),
    });
    return customId ? [new ButtonBuilder().setCustomId(customId).setLabel(`Show context [${i + 1}]`).setStyle(ButtonStyle.Secondary)] : [];
  });
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow)).toJSON());
  }
  return rows;
}
