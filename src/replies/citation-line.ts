// How a citation reads under a quote: "**Title** (Outlet) · reader comment 3 by NAME · paragraph 4 · `id`".
import type { CitedResult } from '../answer/types.js';
import { escapeText } from './escape.js';
import { shortenPlain } from './shorten.js';

/** What a citation line needs: the citing fields of an answer's result (a passage fits too). */
export type CitationParts = Pick<CitedResult, 'citation' | 'title' | 'outlet' | 'kind' | 'commenter' | 'comment' | 'paragraph'>;

/** Long page titles would crowd out the quotes. */
const MAX_TITLE = 100;

export function citationLine(parts: CitationParts): string {
  const source = `**${escapeText(shortenPlain(parts.title, MAX_TITLE))}**${parts.outlet ? ` (${escapeText(parts.outlet)})` : ''}`;
  const number = parts.comment ? ` ${escapeText(parts.comment)}` : '';
  const by = parts.commenter ? ` by ${escapeText(parts.commenter)}` : '';
  const comment = parts.kind === 'comment' ? [`reader comment${number}${by}`] : [];
  return [source, ...comment, `paragraph ${parts.paragraph}`, `\`${parts.citation}\``].join(' · ');
}

/** The passage facts that say where in its source it is. */
export type PlaceParts = Pick<CitationParts, 'kind' | 'commenter' | 'comment' | 'paragraph'>;

/**
 * Where a passage is, in words a reader knows (plain text): "¶ 4" for an article paragraph, "comment 3
 * by CHUCKMAN", "reply to comment 4, by Jesus" (comment 4.1 is the first reply to comment 4), and
 * ", ¶ 2" after a comment's later paragraphs.
 */
export function passagePlace({ kind, commenter, comment, paragraph }: PlaceParts): string {
  // Widened on purpose: kinds the sources stage adds later (page header lines) read as their name.
  const described: string = kind;
  if (described === 'article') return `¶ ${paragraph}`;
  if (described !== 'comment') return described === 'header' ? 'page header' : described;
  const parent = comment?.includes('.') ? comment.slice(0, comment.lastIndexOf('.')) : undefined;
  const by = commenter ? `${parent ? ',' : ''} by ${commenter}` : '';
  const which = parent ? `reply to comment ${parent}` : comment ? `comment ${comment}` : 'reader comment';
  return `${which}${by}${paragraph > 1 ? `, ¶ ${paragraph}` : ''}`;
}
