// How a citation reads under a quote: "**Title** (Outlet) · reader comment 3 by NAME · paragraph 4 · `id`";
// a header line says which line it is instead ("**Title** · byline · `id`"), and a paragraph quoting
// another outlet says whose words they are ("**Title** · quoting The Wall Street Journal · paragraph 3").
import type { CitedResult } from '../answer/types.js';
import type { HeaderFact } from '../sources/types.js';
import { escapeText } from './escape.js';
import { shortenPlain } from './shorten.js';

/** What a citation line needs: the citing fields of an answer's result (a passage fits too). */
export type CitationParts = Pick<CitedResult, 'citation' | 'title' | 'outlet' | 'kind' | 'fact' | 'quoting' | 'commenter' | 'comment' | 'paragraph'>;

const HEADER_LINE: Record<HeaderFact, string> = { title: 'title line', byline: 'byline', outlet: 'credit line', date: 'dateline' };

/** Long page titles would crowd out the quotes. */
const MAX_TITLE = 100;

export function citationLine(parts: CitationParts): string {
  const source = `**${escapeText(shortenPlain(parts.title, MAX_TITLE))}**${parts.outlet ? ` (${escapeText(parts.outlet)})` : ''}`;
  const number = parts.comment ? ` ${escapeText(parts.comment)}` : '';
  const by = parts.commenter ? ` by ${escapeText(parts.commenter)}` : '';
  const comment = parts.kind === 'comment' ? [`reader comment${number}${by}`] : [];
  const quoting = parts.quoting ? [`quoting ${escapeText(parts.quoting)}`] : [];
  const where = parts.kind !== 'header' ? `paragraph ${parts.paragraph}` : parts.fact ? HEADER_LINE[parts.fact] : 'header line';
  return [source, ...quoting, ...comment, where, `\`${parts.citation}\``].join(' · ');
}
