// Direction of every token: own vectors (identity + spelling), inflected words folded onto their lemma,
// and — when WordNet is available — lemmas retrofitted to their synonyms and related words.
import { retrofit } from './retrofit.js';
import type { RetrofitSettings } from './retrofit.js';
import { ownVectors } from './token-vectors.js';
import { addScaledRow, normalizeRow } from './vector-math.js';
import type { Vocabulary } from './vocabulary.js';
import { wordnetNeighbors } from './wordnet-graph.js';
import type { WordNet } from './wordnet.js';

/** How much of an inflected form's own vector is kept next to its lemma's ("studies" vs "study"). */
const INFLECTION_OWN_SHARE = 0.35;
// Retrofitting cost is memory-bound (one random row per edge per iteration): these keep generation to seconds.
const MAX_NEIGHBORS = 16;
const RETROFIT: RetrofitSettings = { iterations: 6, anchor: 0.5 };

/** Unit vectors [vocabulary size, dim] (zero rows for special tokens and punctuation). */
export function lexicalVectors(vocabulary: Vocabulary, dim: number, wordnet: WordNet | null): Float32Array {
  const own = ownVectors(vocabulary, dim);
  const vectors = own.slice();
  if (wordnet) {
    const graph = wordnetNeighbors(wordnet, (word) => vocabulary.lemmaIdOf(word), vocabulary.tokens.length, MAX_NEIGHBORS);
    retrofit(vectors, dim, graph, RETROFIT);
  }
  // Inflections kept whole ("studies", "stopped") lean on their lemma's (retrofitted) vector.
  for (const [id, word] of vocabulary.tokens.entries()) {
    const lemmaId = vocabulary.kinds[id] === 'word' ? vocabulary.lemmaIdOf(word) : undefined;
    if (lemmaId === undefined || lemmaId === id) continue;
    vectors.fill(0, id * dim, (id + 1) * dim);
    addScaledRow(vectors, id, vectors, lemmaId, 1, dim);
    addScaledRow(vectors, id, own, id, INFLECTION_OWN_SHARE, dim);
    normalizeRow(vectors, id, dim);
  }
  return vectors;
}
