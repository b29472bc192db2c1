// How a citation reads. Above its excerpts, a source once: "**Title** · Outlet" (the title a link to
// the page when its URL is known). Under each excerpt: "**[1]** ¶ 4 · `informed-comment:p4/s2-3`",
// the place a link that opens the page at the quoted words, the id what /quote takes.
import type { CitedResult } from '../answer/types.js';
import type { SourceSummary } from '../engine/types.js';
import type { HeaderFact } from '../sources/types.js';
import { escapeText } from './escape.js';
import { linkedIf } from './link.js';
import { shortenPlain } from './shorten.js';

/** What a citation line needs: the citing fields of an answer's result (a passage fits too). */
export type CitationParts = Pick<CitedResult, 'citation' | 'kind' | 'fact' | 'commenter' | 'comment' | 'paragraph' | 'url' | 'quoting'>;

const HEADER_LINE: Record<HeaderFact, string> = { title: 'title line', byline: 'byline', outlet: 'credit line', date: 'dateline' };

/** Long page titles would crowd out the quotes. */
const MAX_TITLE = 100;

export function citationLine(parts: CitationParts): string {
  const place = linkedIf(escapeText(passagePlace(parts)), parts.url);
  const quoting = parts.quoting ? [`quoting ${escapeText(parts.quoting)}`] : [];
  return [place, ...quoting, `\`${parts.citation}\``].join(' · ');
}

/** A source as a heading: its title in bold (a link to the page when its URL is known), then author and outlet. */
export function sourceHeading(source: Pick<SourceSummary, 'title' | 'author' | 'outlet' | 'url'>): string {
  const title = `**${linkedIf(escapeText(shortenPlain(source.title, MAX_TITLE)), source.url)}**`;
  const credits = [source.author, source.outlet].filter((credit) => credit !== undefined).map(escapeText);
  return [title, ...credits].join(' · ');
}

/** The passage facts that say where in its source it is. */
export type PlaceParts = Pick<CitationParts, 'kind' | 'fact' | 'commenter' | 'comment' | 'paragraph'>;

/**
 * Where a passage is, in words a reader knows (plain text): "¶ 4" for an article paragraph, "byline" or
 * "title line" for a header line, "comment 3 by CHUCKMAN", "reply to comment 4, by Jesus" (comment 4.1
 * is the first reply to comment 4), and ", ¶ 2" after a comment's later paragraphs.
 */
export function passagePlace({ kind, fact, commenter, comment, paragraph }: PlaceParts): string {
  if (kind === 'article') return `¶ ${paragraph}`;
  if (kind === 'header') return fact ? HEADER_LINE[fact] : 'header line';
  const parent = comment?.includes('.') ? comment.slice(0, comment.lastIndexOf('.')) : undefined;
  const by = commenter ? `${parent ? ',' : ''} by ${commenter}` : '';
  const which = parent ? `reply to comment ${parent}` : comment ? `comment ${comment}` : 'reader comment';
  return `${which}${by}${paragraph > 1 ? `, ¶ ${paragraph}` : ''}`;
}
