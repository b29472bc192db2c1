// Whose words a paragraph is. A blog post that quotes another outlet at length closes a paragraph of
// its own with "… From the WSJ:"; the paragraphs after it are the outlet's, until the blogger speaks
// again in their own voice (first person outside quotation marks) or the article ends.
import type { Block, Span } from './layout.js';
import { parseLeadIn } from './header.js';

/** A run of article paragraphs that quotes another outlet. */
export interface QuotedStretch extends Span {
  /** The quoted outlet's name in full ("The Wall Street Journal"). */
  outlet: string;
}

/** Quotations ("…" or “…”) are other people's words; an unclosed one runs to the paragraph's end. */
const QUOTATION = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
/** News copy says "I" or "we" only inside quotation marks; "US" is the country, so only "us" counts. */
const FIRST_PERSON = /\b(?:I|[Mm]e|[Mm]y|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves)\b/u;

export function inOwnVoice(paragraph: string): boolean {
  return FIRST_PERSON.test(paragraph.replace(QUOTATION, ' '));
}

/** The quoted stretches of every page's article, in file order. */
export function quotedStretches(text: string, blocks: readonly Block[]): QuotedStretch[] {
  const stretches: QuotedStretch[] = [];
  for (const block of blocks) {
    if (block.kind !== 'article') continue;
    let open: QuotedStretch | undefined;
    let quoting: string | undefined;
    for (const span of block.paragraphs) {
      const paragraph = text.slice(span.start, span.end);
      const leadIn = parseLeadIn(paragraph);
      if (leadIn || inOwnVoice(paragraph)) {
        // The blogger's own paragraph: it ends any quotation, and a lead-in starts the next one.
        open = undefined;
        quoting = leadIn?.outlet;
        continue;
      }
      if (quoting === undefined) continue;
      if (open) open.end = span.end;
      else stretches.push((open = { start: span.start, end: span.end, outlet: quoting }));
    }
  }
  return stretches;
}
