// Direction of every token: own vectors (identity + spelling), plus — when WordNet is available — a
// semantic vector from the word's senses (glosses, synonyms, relations); inflected words are folded
// onto their lemma.
import { ownVectors } from './token-vectors.js';
import { senseVectors } from './sense-vectors.js';
import { addScaledRow, normalizeRow } from './vector-math.js';
import type { Vocabulary } from './vocabulary.js';
import type { WordNet } from '../../text/wordnet.js';

/** Weight of the semantic part next to the token's own (unit) vector: equal, so a word still matches
 *  itself best while related words reach cosines of 0.2–0.6. */
const SENSE_SHARE = 1;
/** How much of an inflected form's own vector is kept next to its lemma's ("studies" vs "study"). */
const INFLECTION_OWN_SHARE = 0.35;

/** Unit vectors [vocabulary size, dim] (zero rows for special tokens and punctuation). */
export function lexicalVectors(vocabulary: Vocabulary, dim: number, wordnet: WordNet | null): Float32Array {
  const own = ownVectors(vocabulary, dim);
  const vectors = own.slice();
  if (wordnet) {
    const semantic = senseVectors(vocabulary, wordnet, own, dim);
    for (let id = 0; id < vocabulary.tokens.length; id++) {
      addScaledRow(vectors, id, semantic, id, SENSE_SHARE, dim);
      normalizeRow(vectors, id, dim);
    }
  }
  // Inflections kept whole ("studies", "stopped") lean on their lemma's vector.
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
