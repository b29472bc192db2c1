// How much each token contributes to a text's vector: the smooth inverse frequency of Arora et al. 2017
// (SIF), a / (a + p(token)) over spoken-English frequency. "the" ≈ 0.02, "people" ≈ 0.3, and every
// content word close to 1: a name such as "Iraq" (rare in speech, but in every passage here) does not
// drown the words that say what is asked ("ambassador", "killing"). Special tokens weigh nothing.
import type { Vocabulary } from './vocabulary.js';

const SMOOTHING = 5e-4;
/** Pieces are fragments of one word; several of them together should not outweigh a whole word. */
const PIECE_FACTOR = 0.5;
/** Digits are absent from the word counts: give numbers the weight of a moderately common word. */
const DIGITS_PROBABILITY = 2e-5;

/** The embedding weight of a token with the given corpus probability. */
function smoothInverseFrequency(probability: number): number {
  return SMOOTHING / (SMOOTHING + probability);
}

export function tokenWeights(vocabulary: Vocabulary, total: number): Float32Array {
  const weights = new Float32Array(vocabulary.tokens.length);
  vocabulary.kinds.forEach((kind, id) => {
    const probability = (vocabulary.counts[id]! + 0.5) / total;
    switch (kind) {
      case 'special':
      case 'punctuation':
        weights[id] = 0;
        break;
      case 'digits':
        weights[id] = PIECE_FACTOR * smoothInverseFrequency(DIGITS_PROBABILITY);
        break;
      case 'character':
      case 'piece':
        weights[id] = PIECE_FACTOR * smoothInverseFrequency(probability);
        break;
      case 'word':
        weights[id] = smoothInverseFrequency(probability);
        break;
    }
  });
  return weights;
}
