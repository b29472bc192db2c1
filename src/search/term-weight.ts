// How much a question term says about what is asked, for deciding whether the sources cover it.
// Two views, combined by geometric mean: rarity in the indexed passages (BM25 IDF: a term every
// passage has tells little) and rarity in everyday English (SUBTLEX word counts: "got", "good",
// "like" are filler even when the passages never use them, while "bitcoin" or "uranium" are not).
import { loadWordFrequencies, type WordFrequencies } from '../text/word-frequencies.js';
import type { Idf } from './termStats.js';

let frequencies: WordFrequencies | undefined;

/** Probability at which a word's weight is log 2: "government" ≈ 2, a word seen three times ≈ 9. */
const SMOOTHING = 5e-4;

/** Below this many occurrences per million words a word counts as rare (names, jargon, variants). */
const RARE_PER_MILLION = 10;

/** Reads the word counts now instead of at the first question: a start calls it while the store opens. */
export function preloadWordFrequencies(): void {
  frequencies ??= loadWordFrequencies();
}

/** Occurrences of an analysed term in everyday English (plural-folded, so the plural is tried too). */
function generalCount(term: string): { count: number; total: number } {
  frequencies ??= loadWordFrequencies();
  return { count: frequencies.counts.get(term) ?? frequencies.counts.get(`${term}s`) ?? 0, total: frequencies.total };
}

/** Everyday-English informativeness of an analysed term. */
export function generalWeight(term: string): number {
  const { count, total } = generalCount(term);
  // IDF-like, on a log scale: log(1 + a / p).
  return Math.log1p(SMOOTHING / ((count + 0.5) / total));
}

/**
 * Rare words and names may be misspelt or spelt another way ("Matvienko", "defence"); a common word
 * is taken as written, so "price" never stands in for "prime".
 */
export function isRareWord(term: string): boolean {
  const { count, total } = generalCount(term);
  return (count / total) * 1e6 < RARE_PER_MILLION;
}

export function informativeness(idf: Idf): Idf {
  return (term) => Math.sqrt(idf(term) * generalWeight(term));
}
