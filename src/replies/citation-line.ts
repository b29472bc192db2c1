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
