// Each token's own direction: a pseudo-random identity vector plus a share of hashed character n-gram
// vectors (as in fastText, Bojanowski et al. 2017), so words that share spelling ("lawmaker",
// "lawmakers") or pieces of an unknown word start out close.
import { fillRandom, hashString } from './hashing.js';
import { CONTINUATION_PREFIX } from './subword-pieces.js';
import { addScaledRow, normalizeRow } from './vector-math.js';
import type { Vocabulary } from './vocabulary.js';

const NGRAM_BUCKETS = 1 << 15;
const MIN_NGRAM = 3;
const MAX_NGRAM = 5;
/** Weight of the spelling (n-gram) part relative to the identity part. */
const NGRAM_SHARE = 0.5;
const IDENTITY_SEED = 1;
const NGRAM_SEED = 2;

/** The string whose n-grams describe a token: words are bounded by "<" and ">", initial pieces only start with "<". */
function spelling(token: string, kind: Vocabulary['kinds'][number]): string {
  if (token.startsWith(CONTINUATION_PREFIX)) return token.slice(CONTINUATION_PREFIX.length);
  return kind === 'word' ? `<${token}>` : `<${token}`;
}

function ngrams(text: string): string[] {
  if (text.length <= MIN_NGRAM) return [text];
  const grams: string[] = [];
  for (let n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
    for (let start = 0; start + n <= text.length; start++) grams.push(text.slice(start, start + n));
  }
  return grams;
}

function ngramTable(dim: number): Float32Array {
  const table = new Float32Array(NGRAM_BUCKETS * dim);
  for (let bucket = 0; bucket < NGRAM_BUCKETS; bucket++) {
    fillRandom(table, bucket * dim, dim, hashString(`bucket ${bucket}`, NGRAM_SEED));
  }
  return table;
}

/** Unit vectors [vocabulary size, dim]; special tokens and punctuation stay zero. */
export function ownVectors(vocabulary: Vocabulary, dim: number): Float32Array {
  const table = ngramTable(dim);
  const vectors = new Float32Array(vocabulary.tokens.length * dim);
  const spellingPart = new Float32Array(dim);
  vocabulary.tokens.forEach((token, id) => {
    const kind = vocabulary.kinds[id]!;
    if (kind === 'special' || kind === 'punctuation') return;
    spellingPart.fill(0);
    for (const gram of ngrams(spelling(token, kind))) {
      addScaledRow(spellingPart, 0, table, hashString(gram, NGRAM_SEED) % NGRAM_BUCKETS, 1, dim);
    }
    normalizeRow(spellingPart, 0, dim);
    fillRandom(vectors, id * dim, dim, hashString(token, IDENTITY_SEED));
    normalizeRow(vectors, id, dim);
    addScaledRow(vectors, id, spellingPart, 0, NGRAM_SHARE, dim);
    normalizeRow(vectors, id, dim);
  });
  return vectors;
}
