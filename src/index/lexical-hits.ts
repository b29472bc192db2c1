// What a lexical search returns, wherever the index runs (this thread or a worker): matches over
// numbered documents, turned into hits on the passages they number. Kept apart from the index so
// that starting a load on a worker (./early-lexical.ts) imports neither minisearch nor the analysis.
import type { Passage } from '../sources/types.js';
import type { TermStats } from '../search/termStats.js';
import type { LexicalHit, WeightedTerm } from '../store/types.js';

/** A match over numbered documents (a passage's number is its position in index order). */
export interface LexicalMatch {
  document: number;
  score: number;
  terms: string[];
  passageTerms: string[];
}

/** What the embedded store searches: a LexicalIndex in this thread, or one on a worker (./lexical-on-worker.ts). */
export interface LexicalSearcher {
  readonly stats: TermStats;
  search(terms: readonly WeightedTerm[], k: number, sourceSlug?: string): LexicalHit[] | Promise<LexicalHit[]>;
  close(): Promise<void>;
}

/** Matches as hits on the passages they number. */
export function lexicalHits(matches: readonly LexicalMatch[], passages: readonly Passage[]): LexicalHit[] {
  return matches.map(({ document, score, terms, passageTerms }, i) => {
    const passage = passages[document];
    if (!passage) throw new Error(`lexical index out of step with its passages: no passage ${document}`);
    return { passage, score, rank: i + 1, terms, passageTerms };
  });
}
