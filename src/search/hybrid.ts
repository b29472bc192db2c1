// Hybrid retrieval: a store's dense (embedding) and lexical (BM25) candidates for a question, fused
// into one ranking, with the evidence that decides whether the sources cover the question at all.
import type { HeaderFact, Passage } from '../sources/types.js';
import type { PassageStore } from '../store/types.js';
import { analyze } from '../text/normalize.js';
import { coverage, isAnswerable, type AbstainThresholds, type Evidence } from './abstain.js';
import { expectedAnswerType, holdsAnswerOfType } from './answer-type.js';
import { scaleSimilarity, type DenseScale } from './dense-scale.js';
import { fuse, type FusedCandidate, type FusionOptions, type RankedCandidate } from './fuse.js';
import type { FurnitureLines } from './furniture-bait.js';
import { factTerm } from './passage-terms.js';
import { askedFor } from './question-intent.js';
import { queryTerms } from './query-terms.js';
import { informativeness } from './term-weight.js';
import { idfOf } from './termStats.js';

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

/**
 * How much better furniture must cover a question than the best passage for it to be bait, when the
 * passage holds words the furniture does not: twice. A question may name its page by a name only
 * furniture gives ("the New English Review post") and still ask about the article.
 */
const BAIT_RATIO = 2;

/**
 * A question about the page's chrome (a comment form, a shop blurb): a furniture line covers it far
 * better than any passage, or better and holding every word the best passage holds ("my Google+
 * account" against a comment about the Fed's "account").
 */
function isBait(
  furniture: { coverage: number; terms: ReadonlySet<string> },
  candidates: readonly RankedCandidate[],
  questionTerms: readonly string[],
  passageCoverage: number,
): boolean {
  if (furniture.coverage === 0 || furniture.coverage <= passageCoverage) return false;
  if (furniture.coverage >= BAIT_RATIO * passageCoverage) return true;
  const held = (c: RankedCandidate) => questionTerms.filter((term) => c.passageTerms.includes(term) || c.matchedTerms.includes(term));
  return candidates.every((c) => held(c).every((term) => furniture.terms.has(term)));
}

/** A header line found for a question about the page ranks this much above the best other result. */
const HEADER_LEAD = 0.01;

export class HybridSearch {
  constructor(
    private readonly store: PassageStore,
    private readonly options: HybridSearchOptions,
    /** The model's similarity scale on this store's passages, measured when the index was built. */
    readonly denseScale: DenseScale,
    /** The sources' furniture lines, to decline questions only they answer. */
    private readonly furniture?: FurnitureLines,
  ) {}

  /** The same store searched with other settings (calibration and benchmarks compare variants). */
  withOptions(options: HybridSearchOptions): HybridSearch {
    return new HybridSearch(this.store, options, this.denseScale, this.furniture);
  }

  async search(query: SearchQuery, k: number, sourceSlug?: string): Promise<SearchOutcome> {
    const searched = sourceSlug === undefined ? this.store.passageCount : this.store.passagesOf(sourceSlug);
    const empty: SearchOutcome = { hits: [], evidence: { dense: 0, coverage: 0 }, answerable: false, searched };
    if (searched === 0) return empty;

    const terms = queryTerms(query.text);
    const [denseHits, lexicalHits, counts] = await Promise.all([
      this.store.dense(query.vector, this.options.candidates, sourceSlug),
      this.store.lexical(terms, this.options.candidates, sourceSlug),
      this.store.termCounts(terms.map(({ term }) => term)),
    ]);
    const candidates = new Map<string, RankedCandidate>();
    const candidate = (passage: Passage): RankedCandidate => {
      let c = candidates.get(passage.id);
      if (!c) candidates.set(passage.id, (c = { passage, matchedTerms: [], passageTerms: [] }));
      return c;
    };
    denseHits.forEach((hit, i) => {
      Object.assign(candidate(hit.passage), { dense: hit.similarity, denseRank: i + 1 });
    });
    for (const hit of lexicalHits) {
      Object.assign(candidate(hit.passage), { lexical: hit.score, lexicalRank: hit.rank, matchedTerms: hit.terms, passageTerms: hit.passageTerms });
    }
    // Lexical-only candidates still get their true similarity, so a weighted sum compares like with like.
    const lexicalOnly = [...candidates.values()].filter((c) => c.dense === undefined).map((c) => c.passage.id);
    const similarities = lexicalOnly.length === 0 ? new Map<string, number>() : await this.store.similarities(query.vector, lexicalOnly);
    for (const c of candidates.values()) c.dense ??= similarities.get(c.passage.id) ?? 0;

    const weight = informativeness(idfOf(counts));
    const questionTerms = analyze(query.text);
    const all = [...candidates.values()];
    const evidence: Evidence = {
      dense: scaleSimilarity(Math.max(...all.map((c) => c.dense ?? 0)), this.denseScale),
      coverage: Math.max(0, ...all.map((c) => coverage(questionTerms, c.matchedTerms, c.passageTerms, weight))),
    };
    const asked = askedFor(query.text);
    // Naming a commenter ("what did CHUCKMAN say…") asks for comments as much as saying "comment" does.
    const namesCommenter = all.some((c) => c.passage.commenter !== undefined && analyze(c.passage.commenter).some((t) => questionTerms.includes(t)));
    const fused = fuse(all, this.options.fusion, this.denseScale, asked.kind ?? (namesCommenter ? 'comment' : undefined));
    // A question about the page's chrome (a comment form, a shop blurb) is declined, whatever word it shares with the article.
    const bait = this.furniture !== undefined && isBait(this.furniture.best(questionTerms, weight), all, questionTerms, evidence.coverage);
    let answerable = !bait && isAnswerable(evidence, this.options.abstain);
    if (asked.facts.length > 0) {
      // A question about the page: the header line stating the fact, of the page the question names
      // (the source asked, else the one its best match belongs to), answers it.
      // Header lines count in full here: a question often names the page by its title.
      const page = sourceSlug ?? fuse(all, { ...this.options.fusion, headerFactor: 1 }, this.denseScale)[0]?.passage.source;
      const header = page === undefined ? undefined : await this.headerOf(page, asked.facts);
      if (header) {
        fused.unshift({ passage: header, matchedTerms: [], passageTerms: [], score: (fused[0]?.score ?? 1) * (1 + HEADER_LEAD) });
        answerable = true;
      } else if (asked.authorship) {
        answerable = false;
      }
    }
    if (!answerable) return { hits: [], evidence, answerable, searched };
    // The tail cut is the best result's, typed or not: a figure far down the ranking is no answer.
    const floor = (fused[0]?.score ?? 0) * this.options.minRelativeScore;
    const ranked = fused.filter((c, i) => c.score >= floor && fused.findIndex((d) => d.passage.id === c.passage.id) === i);
    // "How many…", "when…": only passages holding a figure or a time answer it; none of them, no answer.
    const type = asked.facts.length === 0 ? expectedAnswerType(query.text) : undefined;
    const hits = (type === undefined ? ranked : ranked.filter((c) => holdsAnswerOfType(c.passage.text, type))).slice(0, k);
    if (hits.length === 0) return { hits: [], evidence, answerable: false, searched };
    return { hits, evidence, answerable, searched };
  }

  /** The source's header line stating the first of `facts` that it has. */
  private async headerOf(source: string, facts: readonly HeaderFact[]): Promise<Passage | undefined> {
    for (const fact of facts) {
      const [hit] = await this.store.lexical([{ term: factTerm(fact), weight: 1 }], 1, source);
      if (hit?.passage.kind === 'header' && hit.passage.fact === fact) return hit.passage;
    }
    return undefined;
  }
}
