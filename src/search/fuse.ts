// Fusion of the dense (embedding) and lexical (BM25) rankings into one. Two ways are kept because
// both were measured (`npm run calibrate`): reciprocal-rank fusion ignores score scales entirely;
// the weighted sum keeps how far ahead a passage is on each side, each side relative to its best
// candidate, so neither the similarity scale of a model nor BM25's unbounded scores dominate. The
// dense side counts from the model's floor (./dense-scale.ts), not from 0: with a model that gives
// every text 0.6 or more, "relative to the best" would otherwise rank everything alike.
import type { Passage, PassageKind } from '../sources/types.js';
import { scaleSimilarity, type DenseScale } from './dense-scale.js';

export type FusionMethod = 'rrf' | 'weighted';

export interface RankedCandidate {
  passage: Passage;
  /** Cosine similarity with the question, when the dense search returned the passage. */
  dense?: number;
  denseRank?: number;
  /** Raw BM25 score, when the lexical search returned the passage. */
  lexical?: number;
  lexicalRank?: number;
  /** Analysed question terms found in the passage by the lexical search. */
  matchedTerms: string[];
  /** The passage's own terms they matched (differs from the question's for fuzzy matches). */
  passageTerms: string[];
}

export interface FusedCandidate extends RankedCandidate {
  score: number;
}

export interface FusionOptions {
  method: FusionMethod;
  /** RRF: the usual damping constant (60 in Cormack et al. 2009). */
  rrfK: number;
  /** Weighted sum: share of the dense similarity (relative to the best), the rest BM25 (relative to the best). */
  denseWeight: number;
  /**
   * Reader comments are multiplied by this, so an article passage that answers as well ranks
   * first, while a comment that answers clearly better still wins.
   */
  commentFactor: number;
  /** When the question names a kind of passage ("in the comments"), passages of other kinds are multiplied by this. */
  otherKindFactor: number;
  /**
   * Header lines (title, byline) are short and full of the topic's words, so BM25 ranks them high for
   * any question on the topic; unless the question asks about the page itself, they count this much.
   */
  headerFactor: number;
}

export function fuse(candidates: readonly RankedCandidate[], options: FusionOptions, scale: DenseScale, asked?: PassageKind): FusedCandidate[] {
  const aboveFloor = (c: RankedCandidate): number => (c.dense === undefined ? 0 : Math.max(0, scaleSimilarity(c.dense, scale)));
  const bestLexical = Math.max(0, ...candidates.map((c) => c.lexical ?? 0));
  const bestDense = Math.max(0, ...candidates.map(aboveFloor));
  const scoreOf = (c: RankedCandidate): number => {
    if (options.method === 'rrf') {
      const part = (rank?: number) => (rank === undefined ? 0 : 1 / (options.rrfK + rank));
      return part(c.denseRank) + part(c.lexicalRank);
    }
    const lexical = bestLexical > 0 ? (c.lexical ?? 0) / bestLexical : 0;
    const dense = bestDense > 0 ? aboveFloor(c) / bestDense : 0;
    return options.denseWeight * dense + (1 - options.denseWeight) * lexical;
  };
  const unasked = { article: 1, comment: options.commentFactor, header: options.headerFactor } satisfies Record<PassageKind, number>;
  // A header line is no more likely to answer a question about comments than unasked.
  const kindFactor = (kind: PassageKind): number => (asked === undefined ? unasked[kind] : kind === asked ? 1 : options.otherKindFactor * unasked[kind]);
  return candidates
    .map((c) => ({ ...c, score: scoreOf(c) * kindFactor(c.passage.kind) }))
    .sort((a, b) => b.score - a.score);
}
