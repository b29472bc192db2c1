// How much each token contributes to a text's vector: an IDF-like weight from spoken-English frequency,
// log(1 + a / p(token)) (a smooth cousin of SIF, Arora et al. 2017). "the" ≈ 0.02, "government" ≈ 2,
// a word seen three times ≈ 9. Special tokens weigh nothing.
import type { Vocabulary } from './vocabulary.js';

const SMOOTHING = 5e-4;
/** Pieces are fragments of one word; several of them together should not outweigh a whole word. */
const PIECE_FACTOR = 0.5;
/** Digits are absent from the word counts: give numbers the weight of a moderately common word. */
const DIGITS_PROBABILITY = 2e-5;

export function frequencyWeight(count: number, total: number): number {
  return Math.log1p(SMOOTHING / ((count + 0.5) / total));
}

export function tokenWeights(vocabulary: Vocabulary, total: number): Float32Array {
  const weights = new Float32Array(vocabulary.tokens.length);
  vocabulary.kinds.forEach((kind, id) => {
    const count = vocabulary.counts[id]!;
    switch (kind) {
      case 'special':
      case 'punctuation':
        weights[id] = 0;
        break;
      case 'digits':
        weights[id] = PIECE_FACTOR * Math.log1p(SMOOTHING / DIGITS_PROBABILITY);
        break;
      case 'character':
      case 'piece':
        weights[id] = PIECE_FACTOR * frequencyWeight(count, total);
        break;
      case 'word':
        weights[id] = frequencyWeight(count, total);
        break;
    }
  });
  return weights;
}
