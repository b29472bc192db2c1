// Reads a saved page top to bottom and sorts its lines into the article, the reader comments and
// furniture, keeping each paragraph as offsets into the file text.
import type { PassageKind } from './types.js';
import { splitLines, type Line } from './lines.js';
import { isCaptionMarker, isEndOfContent, isFurnitureLine, isTestimonial } from './furniture.js';
import { CommentNumbering, isCommentsHeading, parseCommentMarker } from './comments.js';
import { isDateLine, parseByline, parseCreditLine, type Byline, type Credit } from './header.js';

/** A paragraph as offsets into the file text, trimmed of surrounding whitespace. */
export interface Span {
  start: number;
  end: number;
}

/** The article, or one reader comment. */
export interface Block {
  kind: PassageKind;
  comment?: string;
  commenter?: string;
  paragraphs: Span[];
}

export interface PageLayout {
  /** The first line, as written. */
  titleLine: string;
  byline?: Byline;
  credit?: Credit;
  /** A dateline above the article. */
  date?: string;
  /** The article first, then the comments in page order. */
  blocks: Block[];
}

/** A caption under "Related video:" is one short line; anything longer is the page's own text again. */
const MAX_CAPTION_WORDS = 30;

type Region = 'article' | 'comments' | 'furniture';

export function readLayout(text: string): PageLayout {
  const lines = splitLines(text);
  const titleIndex = lines.findIndex((line) => line.text !== '');
  const article: Block = { kind: 'article', paragraphs: [] };
  const layout: PageLayout = { titleLine: lines[titleIndex]?.text ?? '', blocks: [article] };
  const numbering = new CommentNumbering();
  let region: Region = 'article';
  let block: Block | undefined = article;
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
  const startComment = (indent: number, printed?: number, commenter?: string): Block => {
    const comment: Block = { kind: 'comment', comment: numbering.next(indent, printed), commenter, paragraphs: [] };
    layout.blocks.push(comment);
    return comment;
  };

  for (const line of titleIndex < 0 ? [] : lines.slice(titleIndex + 1)) {
    const text = line.text;
    if (text === '') {
      endParagraph();
      if (caption === 'inside') caption = undefined;
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
      region = 'comments';
      block = undefined;
      continue;
    }
    if (isEndOfContent(text)) region = 'furniture';
    const aboveArticle = region === 'article' && article.paragraphs.length === 0 && paragraph.length === 0;
    // A date line is the article's dateline above it, and a comment's time stamp anywhere else.
    const dateLine = isDateLine(text);
    if (dateLine && aboveArticle) layout.date ??= text;
    if (region === 'furniture' || dateLine || isFurnitureLine(text)) {
      endParagraph();
      continue;
    }
    if (isCaptionMarker(text)) {
      endParagraph();
      caption = 'expected';
      continue;
    }

    const marker = parseCommentMarker(text);
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
      layout.byline ??= byline;
      continue;
    }
    const credit = parseCreditLine(text);
    if (credit) {
      endParagraph();
      layout.credit ??= credit;
      continue;
    }
    paragraph.push(line);
  }
  endParagraph();
  return layout;
}
