// Hybrid retrieval: the HNSW (dense) and BM25 (lexical) candidates of a question, fused into one
// ranking, with the evidence that decides whether the sources cover the question at all.
import type { Passage } from '../sources/types.js';
import type { VectorIndex } from '../index/vector-index.js';
import { analyze } from '../text/normalize.js';
import { coverage, isAnswerable, type AbstainThresholds, type Evidence } from './abstain.js';
import { fuse, type FusedCandidate, type FusionOptions, type RankedCandidate } from './fuse.js';
import type { LexicalIndex } from './lexical.js';

export interface HybridSearchOptions {
  fusion: FusionOptions;
  abstain: AbstainThresholds;
  /** Candidates taken from each side before fusion. */
  candidates: number;
  /**
   * Results scoring below this share of the best result's fused score are left out: the tail of a
   * ranking is mostly noise, and a reader should not have to wade through it.
   */
  minRelativeScore: number;
}

/** Weight of a question term in the coverage evidence (see ./term-weight.ts). */
export type TermWeight = (term: string) => number;

export interface SearchQuery {
  text: string;
  /** The question embedded by the same model as the index. */
  vector: Float32Array;
}

export interface SearchOutcome {
  /** Best first, at most k. Empty when the question is not answerable from the sources. */
  hits: FusedCandidate[];
  evidence: Evidence;
  answerable: boolean;
  /** Passages in scope (all, or the one source's). */
  searched: number;
}

export class HybridSearch {
  private readonly vectorById: ReadonlyMap<string, Float32Array>;
  private readonly countBySource: ReadonlyMap<string, number>;

  constructor(
    private readonly dense: VectorIndex,
    private readonly lexical: LexicalIndex,
    private readonly options: HybridSearchOptions,
    private readonly termWeight: TermWeight,
  ) {
    this.vectorById = new Map(dense.passages.map((p, i) => [p.id, dense.vectors[i]!]));
    const counts = new Map<string, number>();
    for (const p of dense.passages) counts.set(p.source, (counts.get(p.source) ?? 0) + 1);
    this.countBySource = counts;
  }

  /** The same indexes searched with other settings (calibration and benchmarks compare variants). */
  withOptions(options: HybridSearchOptions): HybridSearch {
    return new HybridSearch(this.dense, this.lexical, options, this.termWeight);
  }

  search(query: SearchQuery, k: number, sourceSlug?: string): SearchOutcome {
    const searched = sourceSlug === undefined ? this.dense.count : (this.countBySource.get(sourceSlug) ?? 0);
    const empty: SearchOutcome = { hits: [], evidence: { dense: 0, coverage: 0 }, answerable: false, searched };
    if (searched === 0) return empty;

    const filter = sourceSlug === undefined ? undefined : (p: Passage) => p.source === sourceSlug;
    const candidates = new Map<string, RankedCandidate>();
    const candidate = (passage: Passage): RankedCandidate => {
      let c = candidates.get(passage.id);
      if (!c) candidates.set(passage.id, (c = { passage, matchedTerms: [], passageTerms: [] }));
      return c;
    };
    this.dense.searchDense(query.vector, this.options.candidates, filter).forEach((hit, i) => {
      Object.assign(candidate(hit.passage), { dense: hit.similarity, denseRank: i + 1 });
    });
    for (const hit of this.lexical.search(query.text, this.options.candidates, sourceSlug)) {
      Object.assign(candidate(hit.passage), { lexical: hit.score, lexicalRank: hit.rank, matchedTerms: hit.terms, passageTerms: hit.passageTerms });
    }
    // Lexical-only candidates still get their true similarity, so a weighted sum compares like with like.
    for (const c of candidates.values()) c.dense ??= this.similarity(query.vector, c.passage);

    const questionTerms = analyze(query.text);
    const all = [...candidates.values()];
    const evidence: Evidence = {
      dense: Math.max(0, ...all.map((c) => c.dense ?? 0)),
      coverage: Math.max(0, ...all.map((c) => coverage(questionTerms, c.matchedTerms, c.passageTerms, this.termWeight))),
    };
    const answerable = isAnswerable(evidence, this.options.abstain);
    const fused = answerable ? fuse(all, this.options.fusion) : [];
    const floor = (fused[0]?.score ?? 0) * this.options.minRelativeScore;
    const hits = fused.filter((c) => c.score >= floor).slice(0, k);
    return { hits, evidence, answerable, searched };
  }

  private similarity(query: Float32Array, passage: Passage): number {
    const vector = this.vectorById.get(passage.id);
    if (!vector) return 0;
    let sum = 0;
    for (let i = 0; i < query.length; i++) sum += query[i]! * vector[i]!;
    return sum;
  }
}
