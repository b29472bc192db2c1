// Generated page layouts, the way blogs and news sites save as text: titles, bylines and datelines,
// comment counts in different places, numbered, bulleted and signed comments with nested replies and
// restarted numbering, several pages in one file, furniture wherever it stands, CRLF line ends, tab and
// no-break-space indentation. Whatever the layout, the parser must cite exact slices with unique ids,
// keep article text out of the comments and furniture out of every passage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/sources/parse.js';
import type { HeaderFact, Passage } from '../../src/sources/types.js';

// ---- What a page is made of --------------------------------------------------------------------

/** Plain words that no pattern of the parser reacts to (no "by", "from", "says", months, pronouns). */
const WORDS = [
  'baghdad', 'officials', 'militia', 'coalition', 'talks', 'airspace', 'weapons', 'envoys', 'ministry', 'border',
  'convoy', 'supplies', 'analysts', 'parliament', 'pressure', 'offensive', 'refinery', 'province', 'agreement',
  'support', 'strikes', 'training', 'equipment', 'the', 'and', 'of', 'in', 'with', 'against', 'over', 'after', 'near',
];
const TITLE_WORDS = ['Baghdad', 'Moscow', 'Weighs', 'Russian', 'Air', 'Campaign', 'Militias', 'Turn', 'Talks', 'Stall', 'Envoys', 'Coalition', 'Deal', 'Iraq', 'Syria', 'Pressure', 'Grows', 'Weapons'];
const NAMES = ['Sam Doe', 'Ann Lee', 'Carol Deng', 'Dan Okafor', 'Hélène Dupré', 'José Ruiz', 'Erin Walsh'];
const OUTLETS = ['Example Daily', 'Informed Comment', 'The Baghdad Post'];
const DATES = ['October 12, 2015', 'Jan 3, 2020', '12 March 2016', '2015-10-12'];
const STAMPS = ['October 13, 2015 at 9:02 am', 'January 4, 2020 at 11:15 pm'];
const SHARE_WIDGETS = ['Share this:', 'Click to share on Twitter (Opens in new window)', 'Like this:', 'Like Loading...', 'Send this to a friend', 'image_pdfimage_print', 'Advertisement'];
const SHOP_BLURBS = ['Order on Amazon, Amazon UK or wherever books are sold.', 'Available at Amazon US, Amazon UK or wherever books are sold.', 'Buy it on Amazon or at your local bookstore today.'];
const COMMENT_FORM = ['Leave a Reply', 'Fill in your details below or click an icon to log in:', 'Your email address will not be published. Required fields are marked *', 'Notify me of new comments via email.', 'Connecting to %s'];
const RECOMMENDATIONS = ['You May Also Like', 'Related posts', 'Read next'];
/** Indentation units: spaces, a tab, no-break spaces. */
const INDENTS = ['  ', '\t', '\u00a0\u00a0', ' \u00a0'];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 14 })
  .map((words) => `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
/** A paragraph as the lines it is hard-wrapped into. */
const paragraphLines = fc.array(sentence, { minLength: 1, maxLength: 3 }).chain((sentences) =>
  fc.integer({ min: 1, max: 3 }).map((wraps) => wrap(sentences.join(' '), wraps)),
);
const title = fc.array(fc.constantFrom(...TITLE_WORDS), { minLength: 4, maxLength: 8 }).map((words) => words.join(' '));

function wrap(text: string, lines: number): string[] {
  const words = text.split(' ');
  const size = Math.ceil(words.length / lines);
  const wrapped: string[] = [];
  for (let i = 0; i < words.length; i += size) wrapped.push(words.slice(i, i + size).join(' '));
  return wrapped;
}

interface Entry {
  commenter: string;
  paragraphs: string[][];
  replies: Entry[];
}

const entry: fc.Arbitrary<Entry> = fc.letrec<{ entry: Entry }>((tie) => ({
  entry: fc.record({
    commenter: fc.constantFrom(...NAMES),
    paragraphs: fc.array(paragraphLines, { minLength: 1, maxLength: 2 }),
    replies: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<Entry[]>([]), fc.array(tie('entry'), { maxLength: 2 })),
  }),
})).entry;

type CommentStyle = 'numbered' | 'signed-numbered' | 'signed-bullets' | 'signed-bare';

const comments = fc.record({
  style: fc.constantFrom<CommentStyle>('numbered', 'signed-numbered', 'signed-bullets', 'signed-bare'),
  heading: fc.option(fc.constantFrom('count', 'count-responses', 'one', 'responses-to', 'thoughts-on', 'plain')),
  entries: fc.array(entry, { minLength: 1, maxLength: 4 }),
  /** Paginated comments: the numbering starts again at this entry. */
  restartAt: fc.option(fc.integer({ min: 1, max: 3 })),
  /** Unsigned pages may mark replies with bullets, as WordPress lists do. */
  bulletReplies: fc.boolean(),
  stamps: fc.boolean(),
  replyLinks: fc.boolean(),
  topIndent: fc.boolean(),
});

const page = fc.record({
  title,
  byline: fc.option(fc.tuple(fc.constantFrom(...NAMES), fc.option(fc.constantFrom(...OUTLETS)))),
  dateline: fc.option(fc.constantFrom(...DATES)),
  blanksUnderTitle: fc.integer({ min: 0, max: 2 }),
  countAboveArticle: fc.boolean(),
  paragraphs: fc.array(
    fc.record({
      lines: paragraphLines,
      indented: fc.boolean(),
      furnitureAfter: fc.option(fc.record({ line: fc.constantFrom(...SHARE_WIDGETS, ...SHOP_BLURBS), attached: fc.boolean() })),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  credit: fc.option(fc.constantFrom(...OUTLETS)),
  comments: fc.option(comments),
  ending: fc.constantFrom('none', 'form', 'form-before-comments', 'recommendations'),
});

const layout = fc.record({
  pages: fc.array(page, { minLength: 1, maxLength: 3 }),
  eol: fc.constantFrom('\n', '\r\n'),
  indent: fc.constantFrom(...INDENTS),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;
type Page = Layout['pages'][number];

// ---- Writing the page, and what the parser must make of it -------------------------------------

interface Span {
  start: number;
  end: number;
}

interface Expected {
  text: string;
  article: Span[];
  /** Each comment paragraph with its commenter (signed entries) and its number path as the page prints it ("2.1"). */
  comments: Array<Span & { commenter?: string; printed: string }>;
  headers: Array<Span & { fact: HeaderFact }>;
  furniture: Span[];
}

class PageWriter {
  text = '';
  readonly expected: Omit<Expected, 'text'> = { article: [], comments: [], headers: [], furniture: [] };

  constructor(private readonly eol: string) {}

  /** Writes one line; returns the span of its content (after `indent` and any `marker`). */
  line(content: string, indent = '', marker = ''): Span {
    const start = this.text.length + indent.length + marker.length;
    this.text += `${indent}${marker}${content}${this.eol}`;
    return { start, end: start + content.length };
  }

  blank(count = 1): void {
    for (let i = 0; i < count; i++) this.text += this.eol;
  }

  /** A paragraph's lines, the first after `marker`; returns the paragraph's span. */
  paragraph(lines: readonly string[], indent: string, marker = ''): Span {
    const spans = lines.map((content, index) => this.line(content, indent, index === 0 ? marker : ''));
    return { start: spans[0]!.start, end: spans.at(-1)!.end };
  }

  furniture(content: string, indent = ''): void {
    this.expected.furniture.push(this.line(content, indent));
  }

  header(content: string, fact: HeaderFact): void {
    this.expected.headers.push({ ...this.line(content), fact });
  }
}

function write({ pages, eol, indent }: Layout): Expected {
  const writer = new PageWriter(eol);
  pages.forEach((each, index) => {
    // A later page's header must say "new page": a byline always after a list of other stories, else a
    // byline or a dateline.
    const previous = pages[index - 1];
    const needsByline = previous !== undefined && previous.ending === 'recommendations';
    const needsHeader = previous !== undefined && each.byline === null && each.dateline === null;
    writePage(writer, {
      ...each,
      byline: needsByline || needsHeader ? (each.byline ?? [NAMES[index]!, null]) : each.byline,
    }, indent, index);
  });
  return { text: writer.text, ...writer.expected };
}

function writePage(writer: PageWriter, page: Page, indent: string, index: number): void {
  if (index > 0) writer.blank(1 + (index % 2));
  writer.header(page.title, 'title');
  writer.blank(page.blanksUnderTitle);
  if (page.byline) writer.header(`By ${page.byline[0]}${page.byline[1] ? ` | ${page.byline[1]}` : ''}`, 'byline');
  if (page.dateline) writer.header(page.dateline, 'date');
  // A comment count under the byline links to the comments; it is no heading above the article.
  if (page.countAboveArticle) writer.furniture(`${page.comments?.entries.length ?? 0} Comments`);
  writer.blank();

  for (const paragraph of page.paragraphs) {
    writer.expected.article.push(writer.paragraph(paragraph.lines, paragraph.indented ? indent : ''));
    if (paragraph.furnitureAfter) {
      if (!paragraph.furnitureAfter.attached) writer.blank();
      writer.furniture(paragraph.furnitureAfter.line);
    }
    writer.blank();
  }
  if (page.credit) {
    writer.header(`Source: ${page.credit}`, 'outlet');
    writer.blank();
  }
  // Without a heading, comments are found by numbered or bulleted signatures, and not after a comment form.
  const headingOptional = (page.comments?.style === 'signed-numbered' || page.comments?.style === 'signed-bullets') && page.ending !== 'form-before-comments';
  const comments = page.comments && (page.comments.heading !== null || headingOptional ? page.comments : { ...page.comments, heading: 'count' as const });
  if (comments && page.ending === 'form-before-comments') writeForm(writer);
  if (comments) writeComments(writer, comments, page.title, indent);
  if (page.ending === 'form' || (page.ending === 'form-before-comments' && !comments)) writeForm(writer);
  if (page.ending === 'recommendations') writeRecommendations(writer, page.title);
}

function writeForm(writer: PageWriter): void {
  for (const line of COMMENT_FORM) {
    writer.furniture(line);
    writer.blank();
  }
}

function writeRecommendations(writer: PageWriter, title: string): void {
  writer.furniture(RECOMMENDATIONS[title.length % RECOMMENDATIONS.length]!);
  writer.blank();
  for (const card of [`${title} Again`, `Weapons Deal Signed Near Baghdad`]) {
    writer.furniture(card);
    writer.furniture(DATES[card.length % DATES.length]!);
    writer.blank();
    writer.furniture('One of the giants of the coalition experiences the highest pressure…', '  ');
    writer.blank();
  }
}

function writeComments(writer: PageWriter, comments: NonNullable<Page['comments']>, title: string, unit: string): void {
  const count = comments.entries.length;
  const heading = {
    count: `${count} Comments`,
    'count-responses': `${count} Responses`,
    one: 'One Response',
    'responses-to': `${count} responses to “${title}”`,
    'thoughts-on': `${count} thoughts on “${title}”`,
    plain: 'Comments',
  };
  if (comments.heading !== null) {
    writer.furniture(heading[comments.heading]);
    writer.blank();
  }
  const top = comments.topIndent ? unit : '';
  comments.entries.forEach((each, index) => {
    const restart = comments.restartAt !== null && index >= comments.restartAt;
    const number = restart ? index - comments.restartAt! + 1 : index + 1;
    writeEntry(writer, each, comments, top, unit, String(number));
  });
}

function writeEntry(writer: PageWriter, entry: Entry, comments: NonNullable<Page['comments']>, indent: string, unit: string, printed: string): void {
  const inner = indent + unit;
  const number = Number(printed.split('.').at(-1));
  const signed = comments.style !== 'numbered';
  const reply = printed.includes('.');
  const numbered = comments.style === 'numbered' && !(reply && comments.bulletReplies);
  const marker = { numbered: numbered ? `${number}. ` : '• ', 'signed-numbered': `${number}. `, 'signed-bullets': '• ', 'signed-bare': '' }[comments.style];
  const commenter = signed ? entry.commenter : undefined;
  let paragraphs = entry.paragraphs;
  if (signed) {
    writer.line(`${entry.commenter} says:`, indent, marker);
    if (comments.stamps) writer.furniture(STAMPS[number % STAMPS.length]!, inner);
    writer.blank();
  } else {
    // An unsigned entry's words start on its marker's line.
    const [first, ...rest] = paragraphs;
    writer.expected.comments.push({ ...writer.paragraph(first!, indent, marker), printed });
    writer.blank();
    paragraphs = rest;
  }
  for (const lines of paragraphs) {
    writer.expected.comments.push({ ...writer.paragraph(lines, inner), printed, ...(commenter === undefined ? {} : { commenter }) });
    writer.blank();
  }
  if (comments.replyLinks) {
    writer.furniture('Reply', inner);
    writer.blank();
  }
  entry.replies.forEach((reply, index) => writeEntry(writer, reply, comments, inner, unit, `${printed}.${index + 1}`));
}

// ---- The properties ----------------------------------------------------------------------------

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const covers = (passage: Span, span: Span): boolean => passage.start <= span.start && span.end <= passage.end;

/** Every way the passages of a generated page fall short, in words; none for a good parse. */
function problems(expected: Expected, passages: readonly Passage[]): string[] {
  const { text } = expected;
  const found: string[] = [];
  const quote = (span: Span): string => JSON.stringify(text.slice(span.start, span.end));
  let previousEnd = 0;
  for (const passage of passages) {
    if (text.slice(passage.start, passage.end) !== passage.text) found.push(`${passage.id}: offsets do not give its text`);
    if (passage.text.trim() !== passage.text || passage.text === '') found.push(`${passage.id}: not a trimmed, non-empty slice`);
    if (passage.start < previousEnd) found.push(`${passage.id}: overlaps the passage before it`);
    previousEnd = passage.end;
  }
  if (new Set(passages.map((passage) => passage.id)).size !== passages.length) found.push('ids repeat');
  const within = (span: Span): Passage[] => passages.filter((passage) => overlaps(passage, span));
  for (const span of expected.article) {
    const where = within(span);
    if (where.length !== 1 || where[0]!.kind !== 'article' || !covers(where[0]!, span)) {
      found.push(`article text ${quote(span)} is in ${where.map((passage) => `${passage.kind} ${passage.id}`).join(', ') || 'no passage'}`);
    }
  }
  for (const span of expected.comments) {
    const where = within(span);
    if (where.length !== 1 || where[0]!.kind !== 'comment' || !covers(where[0]!, span)) {
      found.push(`comment text ${quote(span)} is in ${where.map((passage) => `${passage.kind} ${passage.id}`).join(', ') || 'no passage'}`);
    } else if (where[0]!.commenter !== span.commenter) {
      found.push(`comment text ${quote(span)} credited to ${where[0]!.commenter}, not ${span.commenter}`);
    }
  }
  for (const span of expected.headers) {
    const where = within(span);
    if (where.length !== 1 || where[0]!.kind !== 'header' || where[0]!.fact !== span.fact || where[0]!.start !== span.start || where[0]!.end !== span.end) {
      found.push(`${span.fact} line ${quote(span)} is in ${where.map((passage) => `${passage.kind} ${passage.id}`).join(', ') || 'no passage'}`);
    }
  }
  for (const span of expected.furniture) {
    const where = within(span);
    if (where.length > 0) found.push(`furniture ${quote(span)} is in ${where.map((passage) => passage.id).join(', ')}`);
  }
  return found;
}

function check(expected: Expected): Passage[] {
  const { passages } = parseSource('generated.txt', expected.text);
  expect(problems(expected, passages), expected.text).toEqual([]);
  return passages;
}

describe('generated page layouts', () => {
  it('give exact passages with unique ids; article text is never a comment, furniture never a passage', () => {
    fc.assert(
      fc.property(layout, (generated) => {
        check(write(generated));
      }),
      { numRuns: 200 },
    );
  });

  it('keep the page’s own comment numbers where they never repeat (one page, no restart)', () => {
    const onePage = layout.filter(({ pages }) => pages.length === 1 && pages[0]!.comments?.restartAt === null);
    fc.assert(
      fc.property(onePage, (generated) => {
        const expected = write(generated);
        const passages = check(expected);
        const numbers = expected.comments.map((span) => passages.find((passage) => covers(passage, span))?.comment);
        expect(numbers).toEqual(expected.comments.map((span) => span.printed));
      }),
      { numRuns: 100 },
    );
  });
});
