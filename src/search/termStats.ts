// Document frequencies of analysed terms over a set of passages: the rarity weight that the lexical
// index and quote selection share, so a name like "Marvienko" outweighs "Iraq" in both.

/** Rarity of a term (analysed with ../text/normalize.js analyze()); higher is rarer. */
export type Idf = (term: string) => number;

export interface TermStats {
  readonly documentCount: number;
  documentFrequency(term: string): number;
  idf: Idf;
}

/** Builds statistics from each document's analysed terms (repeats within a document count once). */
export function buildTermStats(documents: Iterable<readonly string[]>): TermStats {
  const frequency = new Map<string, number>();
  let documentCount = 0;
  for (const terms of documents) {
    documentCount++;
    for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const documentFrequency = (term: string): number => frequency.get(term) ?? 0;
  return {
    documentCount,
    documentFrequency,
    // The BM25 form (as in minisearch): never negative, and unseen terms get the highest weight.
    idf: (term) => {
      const df = documentFrequency(term);
      return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
    },
  };
}
