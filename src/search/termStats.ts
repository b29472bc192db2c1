// Document frequencies of analysed terms over a set of passages: the rarity weight that the lexical
// index and quote selection share, so a name like "Marvienko" outweighs "Iraq" in both.
import type { TermCounts } from '../store/types.js';

/** Rarity of a term (analysed with ../text/normalize.js analyze()); higher is rarer. */
export type Idf = (term: string) => number;

export interface TermStats {
  readonly documentCount: number;
  documentFrequency(term: string): number;
  idf: Idf;
}

/** The BM25 form (as in minisearch): never negative, and unseen terms get the highest weight. */
function bm25Idf(documentCount: number, df: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

/** Idf over the terms a store counted (others count as in no passage). */
export function idfOf({ documentCount, documentFrequency }: TermCounts): Idf {
  return (term) => bm25Idf(documentCount, documentFrequency.get(term) ?? 0);
}

/** Builds statistics from each document's analysed terms (repeats within a document count once). */
export function buildTermStats(documents: Iterable<readonly string[]>): TermStats {
  const { documentCount, frequency } = countDocumentFrequencies(documents);
  return termStatsOf(documentCount, frequency);
}

/** How many documents hold each term (repeats within a document count once). */
export function countDocumentFrequencies(documents: Iterable<readonly string[]>): { documentCount: number; frequency: Map<string, number> } {
  const frequency = new Map<string, number>();
  let documentCount = 0;
  for (const terms of documents) {
    documentCount++;
    for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return { documentCount, frequency };
}

/** Statistics from document frequencies already counted (a stored index's). */
export function termStatsOf(documentCount: number, frequency: ReadonlyMap<string, number>): TermStats {
  const documentFrequency = (term: string): number => frequency.get(term) ?? 0;
  return {
    documentCount,
    documentFrequency,
    idf: (term) => bm25Idf(documentCount, documentFrequency(term)),
  };
}
