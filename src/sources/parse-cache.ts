// Parsed sources kept between starts. Parsing is most of a start on a large corpus (3.6 of 6.9 s for
// 106,000 passages in 5,000 files), and a file parses to the same Source as long as its text, its
// place, its sources.json entry, its slug and the parser stay the same. So each Source (less its
// text, which is read from the file every time) is stored under a key of those inputs, in one
// JSON-lines file written atomically; a file whose key changed is parsed again.
//
// "The parser" is its code, not a version number someone must remember to bump: the file's header
// holds a hash of this folder's and ../text's files (and of the Unicode data sentence splitting relies
// on), and a cache written by other code is not read, so an edited parser can never serve a stale
// parse. A missing, damaged or outdated cache is only slower: it is ignored and written anew.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDirectory } from '../config/make-directory.js';
import { writeFileAtomic } from '../index/atomic-write.js';
import { fromJsonLines, toJsonLines } from '../index/json-lines.js';
import { parseSource, sourceHash, type ParseOptions } from './parse.js';
import type { Passage, Source, SourceMetadata } from './types.js';

/** Bump when the cache file's own layout changes. */
const CACHE_FORMAT = 1;

type ParsedSource = Omit<Source, 'text'>;

interface CacheHeader {
  format: number;
  parser: string;
}

interface CacheEntry {
  key: string;
  source: ParsedSource;
}

/** The folders whose code decides what a text parses to. */
const PARSER_FOLDERS = [new URL('./', import.meta.url), new URL('../text/', import.meta.url)];

let parserFingerprint: string | undefined;

/** A hash of the parser's code and of the runtime's Unicode data. */
function currentParser(): string {
  if (parserFingerprint !== undefined) return parserFingerprint;
  const hash = createHash('sha256').update(`unicode ${process.versions.unicode} icu ${process.versions.icu}\n`);
  for (const folder of PARSER_FOLDERS) {
    const dir = fileURLToPath(folder);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isFile()) hash.update(`${entry.name}\n`).update(readFileSync(`${dir}${entry.name}`));
    }
  }
  parserFingerprint = hash.digest('hex');
  return parserFingerprint;
}

export class ParseCache {
  /** Files parsed, and files taken from the cache, since the cache was opened. */
  readonly counts = { parsed: 0, reused: 0 };
  /** What the cache file holds (or held when last saved). */
  private stored: Map<string, ParsedSource>;
  /** What the sources read since the last save came to: the next file's content. */
  private current = new Map<string, ParsedSource>();

  private constructor(
    private readonly path: string,
    stored: Map<string, ParsedSource>,
  ) {
    this.stored = stored;
  }

  /** The cache in `path`; empty when the file is missing, damaged or from another parser. */
  static async open(path: string): Promise<ParseCache> {
    return new ParseCache(path, await readEntries(path));
  }

  /** parseSource, or the Source parsed before from the same inputs. */
  parse(fileName: string, text: string, metadata: SourceMetadata = {}, options: ParseOptions = {}): Source {
    const key = entryKey(fileName, text, metadata, options);
    const known = this.stored.get(key) ?? this.current.get(key);
    if (known && quotesExactly(known, text)) {
      this.counts.reused++;
      this.current.set(key, known);
      return { ...known, text };
    }
    this.counts.parsed++;
    const source = parseSource(fileName, text, metadata, options);
    this.current.set(key, withoutText(source));
    return source;
  }

  /**
   * Writes what the sources came to since the last save, when that differs from the file: the parses
   * of files that are gone or changed are dropped. Throws when the file cannot be written.
   */
  async save(): Promise<void> {
    const unchanged = this.current.size === this.stored.size && [...this.current.keys()].every((key) => this.stored.has(key));
    if (!unchanged) {
      const header: CacheHeader = { format: CACHE_FORMAT, parser: currentParser() };
      const entries = [...this.current].map(([key, source]): CacheEntry => ({ key, source }));
      await makeDirectory(dirname(this.path));
      await writeFileAtomic(this.path, toJsonLines([header, ...entries]));
    }
    this.stored = this.current;
    this.current = new Map();
  }
}

function withoutText({ text: _text, ...parsed }: Source): ParsedSource {
  return parsed;
}

/** Every cached passage is the text's slice at its offsets: a damaged or altered cache never yields a wrong quote. */
function quotesExactly(source: ParsedSource, text: string): boolean {
  return source.passages.every(
    (passage: unknown) =>
      typeof passage === 'object' &&
      passage !== null &&
      typeof (passage as Passage).text === 'string' &&
      text.slice((passage as Passage).start, (passage as Passage).end) === (passage as Passage).text,
  );
}

function entryKey(fileName: string, text: string, metadata: SourceMetadata, options: ParseOptions): string {
  // sourceHash covers the text (and PARSER_VERSION); the rest is what parseSource reads besides it.
  const inputs = JSON.stringify([sourceHash(text), fileName, metadata, options.file ?? null, options.slug ?? null, options.encoding ?? null]);
  return createHash('sha256').update(inputs).digest('hex');
}

async function readEntries(path: string): Promise<Map<string, ParsedSource>> {
  const entries = new Map<string, ParsedSource>();
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return entries;
  }
  try {
    const lines = fromJsonLines(bytes);
    const header = lines.next().value as Partial<CacheHeader> | undefined;
    if (header?.format !== CACHE_FORMAT || header.parser !== currentParser()) return entries;
    for (const line of lines) {
      const { key, source } = line as CacheEntry;
      if (typeof key !== 'string' || !isParsedSource(source)) return new Map();
      entries.set(key, source);
    }
  } catch {
    return new Map();
  }
  return entries;
}

/** The shape a cached Source must have to be used; anything else means the file is damaged. */
function isParsedSource(value: unknown): value is ParsedSource {
  if (typeof value !== 'object' || value === null) return false;
  const { slug, file, hash, passages } = value as Partial<ParsedSource>;
  return typeof slug === 'string' && typeof file === 'string' && typeof hash === 'string' && Array.isArray(passages);
}
