// How a citation reads under a quote: "**Title** (Outlet) · reader comment 3 by NAME · paragraph 4 · `id`".
import type { PassageKind } from '../sources/types.js';
import { escapeText } from './escape.js';
import { shortenPlain } from './shorten.js';

export interface CitationParts {
  citation: string;
  title: string;
  outlet?: string;
  kind: PassageKind;
  commenter?: string;
  /** The comment's number as the page shows it ("3", "4.1"). */
  comment?: string;
  paragraph: number;
}

/** Long page titles would crowd out the quotes. */
const MAX_TITLE = 100;

export function citationLine(parts: CitationParts): string {
  const source = `**${escapeText(shortenPlain(parts.title, MAX_TITLE))}**${parts.outlet ? ` (${escapeText(parts.outlet)})` : ''}`;
  const number = parts.comment ? ` ${escapeText(parts.comment)}` : '';
  const by = parts.commenter ? ` by ${escapeText(parts.commenter)}` : '';
  const comment = parts.kind === 'comment' ? [`reader comment${number}${by}`] : [];
  return [source, ...comment, `paragraph ${parts.paragraph}`, `\`${parts.citation}\``].join(' · ');
}
