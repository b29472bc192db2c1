// Reads a saved page top to bottom and sorts its lines into header lines (title, byline, dateline,
// credit), the article, the reader comments and furniture, keeping each as offsets into the file text.
// A file may hold several pages one after another; each begins as a file does (see ./page-start.ts).
import type { HeaderFact, PassageKind } from './types.js';
import { splitLines, type Line } from './lines.js';
import { isCaptionMarker, isEndOfContent, isFurnitureLine, isRecommendationsHeading, isTestimonial } from './furniture.js';
import { CommentNumbering, isCommentsHeading, parseCommentMarker, parseSignature, type CommentMarker } from './comments.js';
import { isDateLine, mayBeTitle, parseByline, parseCreditLine, type Byline, type Credit } from './header.js';
import { isPageStart } from './page-start.js';

/** A paragraph as offsets into the file text, trimmed of surrounding whitespace. */
export interface Span {
  start: number;
  end: number;
}

/** A page's article, or one reader comment. */
export interface Block {
  kind: Exclude<PassageKind, 'header'>;
  /** 1-based page of the file it is on. */
  page: number;
  comment?: string;
  commenter?: string;
  paragraphs: Span[];
}

/** A line that states a fact about its page: the title, the byline, the outlet it credits, the date. */
export interface HeaderLine extends Span {
  fact: HeaderFact;
  page: number;
}

/** What one page of the file says of itself: its title line, byline, credit line and dateline. */
export interface PageHead {
  titleLine?: string;
  byline?: Byline;
  credit?: Credit;
  date?: string;
}

/**
 * The layout's own title line (the first line as written, unless too long to be a title: then it is
 * article text), byline, credit and dateline are the first page's.
 */
export interface PageLayout extends PageHead {
  /** Each page's own, in file order. */
  pages: PageHead[];
  /** Every page's header lines, in file order. */
  headers: HeaderLine[];
  /** Each page's article, then its comments, in file order. */
  blocks: Block[];
  /** Lines left out as page furniture (comment forms, share widgets, shop blurbs, other stories), in file order. */
  furniture: Span[];
}

/** A caption under "Related video:" is one short line; anything longer is the page's own text again. */
const MAX_CAPTION_WORDS = 30;

/** Where the lines being read belong: the article, the reader comments, or furniture (a comment form, other stories). */
type Region = 'article' | 'comments' | 'form' | 'recommendations';

export function readLayout(text: string): PageLayout {
  const lines = splitLines(text);
  const layout: PageLayout = { headers: [], blocks: [], pages: [], furniture: [] };
  const numbering = new CommentNumbering();
  let pages = 0;
  let article: Block = { kind: 'article', page: 1, paragraphs: [] };
  let head: PageHead = {};
  let region: Region = 'article';
  let block: Block | undefined;
  let paragraph: Line[] = [];
  let caption: 'expected' | 'inside' | undefined;
  // Once entries are signed "NAME says", a numbered line inside a comment is the commenter's own list.
  let signedComments = false;

  const endParagraph = (): void => {
    const first = paragraph[0];
    const last = paragraph.at(-1);
    if (block && first && last && !isTestimonial(paragraph.map((line) => line.text))) {
      block.paragraphs.push({ start: first.contentStart, end: last.contentEnd });
    }
    paragraph = [];
  };
  const addHeader = (line: Line, fact: HeaderFact): void => {
    endParagraph();
    layout.headers.push({ start: line.contentStart, end: line.contentEnd, fact, page: pages });
  };
  const startPage = (title?: Line): void => {
    endParagraph();
    pages++;
    head = title ? { titleLine: title.text } : {};
    layout.pages.push(head);
    article = { kind: 'article', page: pages, paragraphs: [] };
    layout.blocks.push(article);
    region = 'article';
    block = article;
    caption = undefined;
    signedComments = false;
    numbering.newSection();
    if (title) addHeader(title, 'title');
  };
  const startComment = (indent: number, printed?: number, commenter?: string): Block => {
    const comment: Block = { kind: 'comment', page: pages, comment: numbering.next(indent, printed), commenter, paragraphs: [] };
    layout.blocks.push(comment);
    return comment;
  };
  /** Whether the page so far has more than its header: article text, or comments and furniture after it. */
  const pageHasText = (): boolean => region !== 'article' || article.paragraphs.length > 0 || paragraph.length > 0;

  const titleIndex = lines.findIndex((line) => line.text !== '');
  const first = lines[titleIndex];
  const titled = first !== undefined && mayBeTitle(first.text);
  startPage(titled ? first : undefined);

  for (let index = titled ? titleIndex + 1 : Math.max(titleIndex, 0); index < lines.length; index++) {
    const line = lines[index]!;
    const text = line.text;
    if (text === '') {
      endParagraph();
      if (caption === 'inside') caption = undefined;
      continue;
    }
    if (pageHasText() && isPageStart(lines, index, { bylineRequired: region === 'recommendations' })) {
      startPage(line);
      continue;
    }
    if (caption !== undefined) {
      if (caption === 'inside' || text.split(/\s+/).length <= MAX_CAPTION_WORDS) {
        caption = 'inside';
        continue;
      }
      caption = undefined;
    }
    if (isCommentsHeading(text)) {
      endParagraph();
      // Above the article, "14 Comments" is a link to them, not where they start.
      if (pageHasText()) {
        region = 'comments';
        block = undefined;
        numbering.newSection();
      }
      continue;
    }
    if (isEndOfContent(text)) region = isRecommendationsHeading(text) ? 'recommendations' : 'form';
    const aboveArticle = !pageHasText();
    // A date line is the article's dateline above it, and a comment's time stamp anywhere else.
    const dateLine = isDateLine(text);
    if (dateLine && aboveArticle) {
      addHeader(line, 'date');
      head.date ??= text;
      continue;
    }
    if (region === 'form' || region === 'recommendations' || dateLine || isFurnitureLine(text)) {
      endParagraph();
      if (!dateLine) layout.furniture.push({ start: line.contentStart, end: line.contentEnd });
      continue;
    }
    if (isCaptionMarker(text)) {
      endParagraph();
      caption = 'expected';
      continue;
    }

    const marker =
      parseCommentMarker(text) ??
      // Themes that number nothing still sign each entry on a line of its own.
      (region === 'comments' && paragraph.length === 0 ? signatureMarker(text) : undefined);
    // WordPress themes that print no comments heading still sign every entry.
    if (region === 'article' && marker?.commenter !== undefined) region = 'comments';
    if (region === 'comments') {
      if (marker && (marker.commenter !== undefined || !signedComments)) {
        endParagraph();
        signedComments ||= marker.commenter !== undefined;
        block = startComment(line.indent, marker.printed, marker.commenter);
        if (marker.textOffset !== undefined) paragraph.push({ ...line, contentStart: line.contentStart + marker.textOffset });
        continue;
      }
      block ??= startComment(line.indent);
      paragraph.push(line);
      continue;
    }

    const byline = aboveArticle ? parseByline(text) : undefined;
    if (byline) {
      addHeader(line, 'byline');
      head.byline ??= byline;
      continue;
    }
    const credit = parseCreditLine(text);
    if (credit) {
      addHeader(line, 'outlet');
      head.credit ??= credit;
      continue;
    }
    paragraph.push(line);
  }
  endParagraph();
  return { ...layout, ...layout.pages[0] };
}

function signatureMarker(text: string): CommentMarker | undefined {
  const commenter = parseSignature(text);
  return commenter === undefined ? undefined : { commenter };
}
