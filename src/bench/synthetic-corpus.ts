// Synthetic corpora of any size made from the seeds' own sentences: deterministic recombinations
// (seeded PRNG) into paragraphs whose sentence counts follow the seeds' paragraphs.
//
// They are built as Source objects directly rather than written as .txt files for loadSources: the
// page parser would read headings, comments and page furniture into them and the passage count would
// no longer be the one asked for. Offsets are exact all the same: text.slice(start, end) === passage.
import { createHash } from 'node:crypto';
import type { Passage, Source } from '../sources/types.js';
import { splitSentences } from '../text/sentences.js';
import { pick, seededRandom, type Random } from './prng.js';

export interface SyntheticCorpusOptions {
  passages: number;
  seed: number;
  /** Paragraphs drawn after the corpus's, none of them in it: queries that are not copies of passages. */
  heldOut?: number;
  /** Passages per synthetic source file (the seeds have 4–29). */
  passagesPerSource?: number;
}

export interface SyntheticCorpus {
  sources: Source[];
  heldOut: string[];
}

interface SentencePool {
  sentences: string[];
  /** Sentences per paragraph of the seeds, one entry per seed passage. */
  paragraphSizes: number[];
}

const DEFAULT_PASSAGES_PER_SOURCE = 20;
/** Draws of one size that may repeat an earlier paragraph before the size goes up by one. */
const RETRIES_PER_SIZE = 8;
const PARAGRAPH_BREAK = '\n\n';

export function syntheticCorpus(seeds: readonly Source[], options: SyntheticCorpusOptions): SyntheticCorpus {
  if (!Number.isInteger(options.passages) || options.passages < 1) throw new RangeError(`passages must be a positive integer, got ${options.passages}`);
  const paragraphs = recombinedParagraphs(sentencePool(seeds), seededRandom(options.seed));
  const take = (count: number): string[] => Array.from({ length: count }, () => paragraphs.next().value as string);
  const texts = take(options.passages);
  const perSource = options.passagesPerSource ?? DEFAULT_PASSAGES_PER_SOURCE;
  const sources: Source[] = [];
  for (let first = 0; first < texts.length; first += perSource) {
    sources.push(syntheticSource(sources.length + 1, texts.slice(first, first + perSource)));
  }
  return { sources, heldOut: take(options.heldOut ?? 0) };
}

function sentencePool(seeds: readonly Source[]): SentencePool {
  const sentences = new Set<string>();
  const paragraphSizes: number[] = [];
  // Paragraphs only: header lines (titles, bylines) are no paragraphs to take sentence counts from.
  for (const passage of seeds.flatMap((source) => source.passages).filter((passage) => passage.kind !== 'header')) {
    const spans = splitSentences(passage.text);
    for (const { start, end } of spans) sentences.add(passage.text.slice(start, end).replace(/\s+/g, ' '));
    if (spans.length > 0) paragraphSizes.push(spans.length);
  }
  if (sentences.size === 0) throw new RangeError('the seeds have no sentences to recombine');
  return { sentences: [...sentences], paragraphSizes };
}

/**
 * Endless distinct paragraphs. Two paragraphs never hold the same set of sentences, not even in another
 * order: to a bag-of-words model they would be the same vector, and exact ties blur a recall measurement.
 * Once the small sizes are used up (the seeds have few sentences), paragraphs grow by a sentence.
 */
function* recombinedParagraphs({ sentences, paragraphSizes }: SentencePool, random: Random): Generator<string, never> {
  const seen = new Set<string>();
  const indexes = sentences.map((_, i) => i);
  for (;;) {
    let size = pick(paragraphSizes, random);
    for (let attempt = 1; ; attempt++) {
      if (size > sentences.length) throw new RangeError('the seeds have too few sentences for that many distinct paragraphs');
      const chosen = drawDistinct(indexes, size, random);
      const key = [...chosen].sort((a, b) => a - b).join(',');
      if (!seen.has(key)) {
        seen.add(key);
        yield chosen.map((i) => sentences[i]!).join(' ');
        break;
      }
      if (attempt % RETRIES_PER_SIZE === 0) size++;
    }
  }
}

/** `count` different elements in random order (a partial Fisher–Yates shuffle of a copy). */
function drawDistinct(items: readonly number[], count: number, random: Random): number[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

function syntheticSource(number: number, paragraphs: readonly string[]): Source {
  const slug = `synthetic-${String(number).padStart(6, '0')}`;
  const fileName = `${slug}.txt`;
  const file = `synthetic/${fileName}`;
  const text = paragraphs.join(PARAGRAPH_BREAK) + '\n';
  let start = 0;
  const passages = paragraphs.map((paragraph, i): Passage => {
    const passage: Passage = { id: `${slug}:p${i + 1}`, source: slug, file, kind: 'article', paragraph: i + 1, start, end: start + paragraph.length, text: paragraph };
    start = passage.end + PARAGRAPH_BREAK.length;
    return passage;
  });
  return { slug, command: slug, file, fileName, encoding: 'utf-8', title: `Synthetic source ${number}`, hash: createHash('sha256').update(text).digest('hex'), text, passages };
}
