// From laid-out paragraphs to citable passages: headings and scraps joined to a neighbour, paragraphs
// too long for the embedding model cut at sentence boundaries, header lines each a passage of their own,
// each with a citation id (./citation-ids.ts).
import type { Passage } from './types.js';
import type { Block, HeaderLine, PageLayout, Span } from './layout.js';
import { citationId } from './citation-ids.js';
import { countWords, splitLong } from './split-long.js';
import type { QuotedStretch } from './attribution.js';

/** Shorter paragraphs ("A hopeful sign.") carry too little alone and join a neighbour of the same block. */
export const MIN_PASSAGE_WORDS = 6;
/** A heading is a short title-cased line without closing punctuation. */
const MAX_HEADING_WORDS = 20;

export interface PassageTarget {
  slug: string;
  file: string;
}

/**
 * Every passage of the page, in file order. Article paragraphs and header lines are counted through the
 * whole file (a file may hold several pages); a comment's paragraphs from 1. Article passages inside a
 * quoted stretch say whom they quote.
 */
export function buildPassages(
  text: string,
  { blocks, headers }: Pick<PageLayout, 'blocks' | 'headers'>,
  target: PassageTarget,
  quoted: readonly QuotedStretch[] = [],
): Passage[] {
  // Pages are numbered only in a file of several: a one-page file's passages stay as they always were.
  const paged = headers.some((header) => header.page > 1) || blocks.some((block) => block.page > 1);
  const pageOf = (page: number) => (paged ? { page } : {});
  const passages: Passage[] = headers.map((header, index) => ({ ...headerPassage(text, header, index + 1, target), ...pageOf(header.page) }));
  let articleParagraphs = 0;
  for (const block of blocks) {
    const { units, counted } = joinScraps(text, block, block.kind === 'article' ? articleParagraphs : 0);
    if (block.kind === 'article') articleParagraphs = counted;
    for (const unit of units) {
      const quoting = block.kind === 'article' ? quotedOutlet(quoted, unit) : undefined;
      const pieces = splitLong(text, unit);
      pieces.forEach((piece, index) => {
        const part = pieces.length > 1 ? index + 1 : undefined;
        passages.push({
          id: citationId(target.slug, { kind: block.kind, comment: block.comment, paragraph: unit.paragraph, part }),
          source: target.slug,
          file: target.file,
          kind: block.kind,
          ...(quoting === undefined ? {} : { quoting }),
          ...(block.commenter === undefined ? {} : { commenter: block.commenter }),
          ...(block.comment === undefined ? {} : { comment: block.comment }),
          paragraph: unit.paragraph,
          ...(part === undefined ? {} : { part }),
          ...pageOf(block.page),
          start: piece.start,
          end: piece.end,
          text: text.slice(piece.start, piece.end),
        });
      });
    }
  }
  return passages.sort((a, b) => a.start - b.start);
}

/** The outlet whose quoted stretch holds the whole unit, if any. */
function quotedOutlet(quoted: readonly QuotedStretch[], unit: Span): string | undefined {
  return quoted.find((stretch) => stretch.start <= unit.start && unit.end <= stretch.end)?.outlet;
}

/** A header line, so "who wrote it" or "which site" can be answered with the line that says so. */
function headerPassage(text: string, header: HeaderLine, number: number, target: PassageTarget): Passage {
  return {
    id: citationId(target.slug, { kind: 'header', paragraph: number }),
    source: target.slug,
    file: target.file,
    kind: 'header',
    fact: header.fact,
    paragraph: number,
    start: header.start,
    end: header.end,
    text: text.slice(header.start, header.end),
  };
}

interface Unit extends Span {
  /** Reader's count of the first real paragraph in the unit (headings are not counted). */
  paragraph: number;
}

/**
 * Headings join the paragraph after them; scraps join the paragraph before them (or after, when they
 * come first). A joined unit spans the blank line between, so it is still one slice of the file; it
 * never spans a line left out between them (furniture, a testimonial), which then stands alone.
 * Paragraphs are numbered from `counted` + 1; the count after the block's last paragraph comes back.
 */
function joinScraps(text: string, block: Block, counted: number): { units: Unit[]; counted: number } {
  const units: Unit[] = [];
  let waiting: (Span & { paragraph?: number }) | undefined;
  const adjacent = (before: Span, after: Span): boolean => text.slice(before.end, after.start).trim() === '';
  const flushWaiting = (): void => {
    if (waiting) units.push({ start: waiting.start, end: waiting.end, paragraph: waiting.paragraph ?? ++counted });
    waiting = undefined;
  };
  for (const span of block.paragraphs) {
    const words = text.slice(span.start, span.end);
    const heading = block.kind === 'article' && isHeading(words);
    const paragraph = heading ? undefined : ++counted;
    const scrap = !heading && countWords(words, MIN_PASSAGE_WORDS) < MIN_PASSAGE_WORDS;
    if (waiting && !adjacent(waiting, span)) flushWaiting();
    const previous = units.at(-1);
    if (scrap && previous && !waiting && adjacent(previous, span)) {
      previous.end = span.end;
    } else if (heading || scrap) {
      waiting = { start: waiting?.start ?? span.start, end: span.end, paragraph: waiting?.paragraph ?? paragraph };
    } else {
      units.push({ start: waiting?.start ?? span.start, end: span.end, paragraph: waiting?.paragraph ?? counted });
      waiting = undefined;
    }
  }
  const last = units.at(-1);
  if (waiting && last && adjacent(last, waiting)) last.end = waiting.end;
  else flushWaiting();
  return { units, counted };
}

function isHeading(paragraph: string): boolean {
  if (paragraph.includes('\n') || countWords(paragraph, MAX_HEADING_WORDS + 1) > MAX_HEADING_WORDS) return false;
  if (/[.!?:;,…"”’')\]]$/u.test(paragraph)) return false;
  const longWords = paragraph.split(/\s+/).filter((word) => /^\P{L}*\p{L}{4}/u.test(word));
  const capitalised = longWords.filter((word) => /^\P{L}*\p{Lu}/u.test(word));
  return longWords.length >= 2 && capitalised.length / longWords.length >= 0.75;
}
