// Where a page saved after another in the same file begins: as a file begins, with a title line at the
// left margin after a blank line, and a byline or a dateline at most two blank lines under it.
import type { Line } from './lines.js';
import { isCommentsHeading, parseCommentMarker, parseSignature } from './comments.js';
import { isEndOfContent, isFurnitureLine } from './furniture.js';
import { hasTimeOfDay, isDateLine, parseByline, parseCreditLine } from './header.js';

const MAX_TITLE_WORDS = 25;
/**
 * A commenter's name over the comment's date has a title's shape; a title under which only a date
 * follows needs more words than a name has, and a date without the time comments are stamped with.
 */
const MIN_TITLE_WORDS_OVER_DATE = 4;
const MAX_BLANK_LINES_UNDER_TITLE = 2;

export interface PageStartOptions {
  /** In a list of other stories, whose cards print a title and a date: only a byline then says "new page". */
  bylineRequired?: boolean;
}

export function isPageStart(lines: readonly Line[], index: number, options: PageStartOptions = {}): boolean {
  const line = lines[index];
  const before = lines[index - 1];
  if (!line || line.indent > 0 || (before !== undefined && before.text !== '') || !looksLikeTitle(line.text)) return false;
  const under = lines.slice(index + 1, index + 2 + MAX_BLANK_LINES_UNDER_TITLE).find((candidate) => candidate.text !== '');
  if (!under) return false;
  if (parseByline(under.text)) return true;
  return (
    !options.bylineRequired &&
    isDateLine(under.text) &&
    !hasTimeOfDay(under.text) &&
    line.text.split(/\s+/).length >= MIN_TITLE_WORDS_OVER_DATE
  );
}

function looksLikeTitle(text: string): boolean {
  return (
    /^[\p{Lu}\p{N}"“‘']/u.test(text) &&
    text.split(/\s+/).length <= MAX_TITLE_WORDS &&
    !/[:;,]$/.test(text) &&
    parseCommentMarker(text) === undefined &&
    parseSignature(text) === undefined &&
    !isCommentsHeading(text) &&
    !isEndOfContent(text) &&
    !isFurnitureLine(text) &&
    !isDateLine(text) &&
    parseByline(text) === undefined &&
    parseCreditLine(text) === undefined
  );
}
