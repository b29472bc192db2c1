// One saved page → one Source: title, credits, and its passages with exact offsets.
import { createHash } from 'node:crypto';
import type { PageCredits, Source, SourceMetadata } from './types.js';
import { readLayout, type PageHead, type PageLayout } from './layout.js';
import { cleanTitle, titleFromOpening } from './header.js';
import { quotedStretches } from './attribution.js';
import { buildPassages } from './passages.js';
import { assertUniqueIds } from './citation-ids.js';
import { deriveSlug } from './slug.js';

/**
 * Part of every source's hash. An index re-reads only the files whose hash changed, so bump this
 * whenever the same text would now give other passages or ids: existing indexes then pick it up.
 */
export const PARSER_VERSION = 3;

/** Source.hash of a page's text: the parser version and the text, so a new parser re-reads every file. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(`parser ${PARSER_VERSION}\n`).update(text, 'utf8').digest('hex');
}

export interface ParseOptions {
  /** The path passages cite, relative to the project root; by default the seeds folder's. */
  file?: string;
  /** The slug loadSources assigned (unique and stable across sources); else metadata.slug ?? derived. */
  slug?: string;
  /** How the text was decoded from the file's bytes (see readSourceText); by default UTF-8. */
  encoding?: string;
}

/**
 * Parses a page's text. Pure. The command is metadata.command ?? the slug: a command name is separate
 * from the slug, so renaming a command changes no citation id.
 */
export function parseSource(fileName: string, text: string, metadata: SourceMetadata = {}, options: ParseOptions = {}): Source {
  const file = options.file ?? `seeds/${fileName}`;
  const layout = readLayout(text);
  const quoted = quotedStretches(text, layout.blocks);
  const credited = layout.byline?.outlet ?? layout.credit?.outlet;
  // A post that quotes another outlet at length is not that outlet's page: its own outlet stays unknown.
  const outlet = metadata.outlet ?? credited;
  const quotes = quoted[0]?.outlet;
  const author = metadata.author ?? layout.byline?.author;
  const url = metadata.url ?? layout.credit?.url;
  const date = metadata.date ?? layout.byline?.date ?? layout.date;
  const title = metadata.title ?? (cleanTitle(layout.titleLine ?? '') || untitled(text, layout, fileName));
  const slug = options.slug ?? metadata.slug ?? deriveSlug({ outlet, title, fileName });
  const passages = buildPassages(text, layout, { slug, file }, quoted);
  const pages = layout.pages.length > 1 ? pageCredits(layout.pages, { title, author, outlet, date }) : undefined;
  assertUniqueIds(passages, file);
  return {
    slug,
    command: metadata.command ?? slug,
    file,
    fileName,
    encoding: options.encoding ?? 'utf-8',
    title,
    ...(outlet === undefined ? {} : { outlet }),
    ...(quotes === undefined ? {} : { quotes }),
    ...(author === undefined ? {} : { author }),
    ...(date === undefined ? {} : { date }),
    ...(url === undefined ? {} : { url }),
    ...(pages === undefined ? {} : { pages }),
    ...(layout.furniture.length === 0 ? {} : { furniture: layout.furniture.map(({ start, end }) => text.slice(start, end)) }),
    hash: sourceHash(text),
    text,
    passages,
  };
}

/** Each page's own title and credits; the first page's are the source's (sources.json included). */
function pageCredits(pages: readonly PageHead[], first: PageCredits): PageCredits[] {
  return pages.map((page, index) => {
    if (index === 0) return withoutUndefined(first);
    const outlet = page.byline?.outlet ?? page.credit?.outlet;
    return withoutUndefined({
      title: cleanTitle(page.titleLine ?? '') || `${first.title} (page ${index + 1})`,
      author: page.byline?.author,
      outlet,
      date: page.byline?.date ?? page.date,
    });
  });
}

function withoutUndefined(credits: PageCredits): PageCredits {
  return Object.fromEntries(Object.entries(credits).filter(([, value]) => value !== undefined)) as PageCredits;
}

/** A page that prints no title (its first line is a long paragraph) is called by its opening words. */
function untitled(text: string, layout: PageLayout, fileName: string): string {
  const opening = layout.blocks.find((block) => block.paragraphs.length > 0)?.paragraphs[0];
  return (opening && titleFromOpening(text.slice(opening.start, opening.end))) || fileName.replace(/\.txt$/i, '');
}
