// How a citation reads under a quote: "**Title** (Outlet) · reader comment by NAME · paragraph 4 · `id`".
import type { PassageKind } from '../sources/types.js';
import { escapeText } from './escape.js';
import { shortenPlain } from './shorten.js';

export interface CitationParts {
  citation: string;
  title: string;
  outlet?: string;
  kind: PassageKind;
  commenter?: string;
  paragraph: number;
}

/** Long page titles would crowd out the quotes. */
const MAX_TITLE = 100;

export function citationLine(parts: CitationParts): string {
  const source = `**${escapeText(shortenPlain(parts.title, MAX_TITLE))}**${parts.outlet ? ` (${escapeText(parts.outlet)})` : ''}`;
  const comment = parts.kind === 'comment' ? [parts.commenter ? `reader comment by ${escapeText(parts.commenter)}` : 'reader comment'] : [];
  return [source, ...comment, `paragraph ${parts.paragraph}`, `\`${parts.citation}\``].join(' · ');
}
