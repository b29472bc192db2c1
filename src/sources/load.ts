// Every *.txt in the seeds folder → Sources, in file-name order, with unique slugs.
//
// A file that cannot be read, is binary, is empty or holds no text worth citing is skipped and reported
// through onSkip (by default a process warning on stderr): one bad page should not keep the bot from answering
// from the others. No usable file at all, or an invalid sources.json, is an error.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Source, SourceMetadata } from './types.js';
import type { ParseCache } from './parse-cache.js';
import { parseSource } from './parse.js';
import { readSourceText, type SourceText } from './read-text.js';
import { MetadataError, METADATA_FILE, readMetadata } from './metadata.js';
import { assignSlugs, type SlugBook } from './slug.js';

export interface SkippedFile {
  /** Path relative to the project root. */
  file: string;
  reason: string;
}

export interface LoadOptions {
  onSkip?: (skipped: SkippedFile) => void;
  /** A sources.json entry that could not be followed (its file is gone, its slug belongs to another file). */
  onMetadataWarning?: (message: string) => void;
  /** Slugs given before, recorded with the index: each source keeps its own. */
  slugBook?: SlugBook;
  /** Sources parsed at earlier starts (./parse-cache.ts): a file is parsed only when it, or the parser, changed. Saved before returning. */
  parseCache?: ParseCache;
}

type ParseFunction = typeof parseSource;

export class SourceLoadError extends Error {
  override readonly name = 'SourceLoadError';
}

const warnSkipped = ({ file, reason }: SkippedFile): void => {
  process.emitWarning(`Skipped source ${file}: ${reason}`, 'SourceWarning');
};

const warnMetadata = (message: string): void => {
  process.emitWarning(message, 'SourceWarning');
};

export async function loadSources(seedsDir: string, projectRoot: string, options: LoadOptions = {}): Promise<Source[]> {
  const onSkip = options.onSkip ?? warnSkipped;
  const onMetadataWarning = options.onMetadataWarning ?? warnMetadata;
  const metadata = await readMetadata(seedsDir);
  const fileNames = (await readdir(seedsDir)).filter((name) => /\.txt$/i.test(name)).sort();
  // A file removed while sources.json still names it: the entry waits for the file, it breaks nothing.
  const unknown = Object.keys(metadata).filter((name) => !fileNames.includes(name));
  if (unknown.length > 0) onMetadataWarning(`${METADATA_FILE} names files that are not in ${seedsDir} (ignored): ${unknown.join(', ')}`);

  const parse: ParseFunction = options.parseCache ? options.parseCache.parse.bind(options.parseCache) : parseSource;
  const sources: Source[] = [];
  const reads = readAhead(fileNames.map((fileName) => join(seedsDir, fileName)));
  for (const [index, fileName] of fileNames.entries()) {
    const path = join(seedsDir, fileName);
    const file = relative(projectRoot, path).split(sep).join('/');
    const read = await reads(index);
    if ('skip' in read) {
      onSkip({ file, reason: read.skip });
      continue;
    }
    const { text, encoding } = read;
    if (text.trim() === '') {
      onSkip({ file, reason: 'the file is empty' });
      continue;
    }
    const source = parse(fileName, text, metadata[fileName], { file, encoding });
    if (source.passages.length === 0) {
      onSkip({ file, reason: 'no article or comment text was found in it' });
      continue;
    }
    sources.push(source);
  }
  if (sources.length === 0) throw new SourceLoadError(`No usable source (*.txt) in ${seedsDir}`);
  const loaded = withAssignedSlugs(sources, metadata, parse, options.slugBook, onMetadataWarning);
  await options.parseCache?.save().catch(() => {
    // A folder that cannot be written only makes the next start parse again.
  });
  return loaded;
}

/**
 * Files read while earlier ones are parsed. One at a time, a folder of 5,000 small files spent a
 * quarter of its loading time waiting on the disk; a bounded window keeps file handles few.
 */
const READ_AHEAD = 16;

/** The text of paths[index], to be taken in index order; the next files' reads start as each is taken. */
function readAhead(paths: readonly string[]): (index: number) => Promise<SourceText> {
  const started = new Map<number, Promise<SourceText>>();
  const start = (index: number) => {
    if (index >= paths.length || started.has(index)) return;
    const read = readSourceText(paths[index]!);
    // An unreadable file is a skip, not a rejection; anything else rejects when its turn comes, not before.
    read.catch(() => {});
    started.set(index, read);
  };
  for (let index = 0; index < READ_AHEAD; index++) start(index);
  return (index) => {
    start(index);
    const read = started.get(index)!;
    started.delete(index);
    start(index + READ_AHEAD);
    return read;
  };
}

/** Slugs unique and stable across sources (see assignSlugs); two files may not choose the same one in sources.json. */
function withAssignedSlugs(
  sources: Source[],
  metadata: Record<string, SourceMetadata>,
  parse: ParseFunction,
  book: SlugBook = {},
  onMetadataWarning: (message: string) => void,
): Source[] {
  const chosen = sources.flatMap((source) => metadata[source.fileName]?.slug ?? []);
  const clash = chosen.find((slug, index) => chosen.indexOf(slug) !== index);
  if (clash !== undefined) throw new MetadataError(`${METADATA_FILE} gives the slug "${clash}" to more than one file`);
  const { slugs, refused } = assignSlugs(
    sources.map((source) => ({ file: source.file, hash: source.hash, derived: source.slug, chosen: metadata[source.fileName]?.slug })),
    book,
  );
  for (const { file, chosen, heldBy } of refused) {
    const holder = sources.some((source) => source.file === heldBy) ? heldBy : `${heldBy}, removed (its citations stay reserved)`;
    onMetadataWarning(`${METADATA_FILE} gives ${file} the slug "${chosen}", which already belongs to ${holder}; ${file} keeps its own.`);
  }
  return sources.map((source, index) => {
    const slug = slugs[index];
    if (slug === undefined || slug === source.slug) return source;
    return parse(source.fileName, source.text, metadata[source.fileName], { file: source.file, encoding: source.encoding, slug });
  });
}
