// The embedded store's lexical side: BM25 keyword search over passages (minisearch), next to the
// embedding search. It catches what embeddings blur, such as names ("Marvienko"), codes ("S-400")
// and figures ("$4.2 billion").
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Passage } from '../sources/types.js';
import type { LexicalHit, WeightedTerm } from '../store/types.js';
import { analyze } from '../text/normalize.js';
import { buildTermStats, type TermStats } from '../search/termStats.js';
import { allowedEdits, FUZZY_MATCH_WEIGHT } from '../store/fuzzy-terms.js';

interface IndexedPassage {
  id: number;
  terms: string;
}

/** Passages are analysed once; minisearch then only splits the already analysed terms. */
const splitTerms = (terms: string): string[] => (terms ? terms.split(' ') : []);
const asIs = (term: string): string => term;

export class LexicalIndex {
  private readonly miniSearch: MiniSearch<IndexedPassage>;

  private constructor(
    private readonly passages: readonly Passage[],
    analysed: readonly string[][],
    /** Term rarity over the same passages, for weighting terms outside BM25 (quote selection). */
    readonly stats: TermStats,
  ) {
    this.miniSearch = new MiniSearch<IndexedPassage>({
      fields: ['terms'],
      tokenize: splitTerms,
      processTerm: asIs,
      searchOptions: { tokenize: splitTerms, processTerm: asIs },
    });
    this.miniSearch.addAll(analysed.map((terms, id) => ({ id, terms: terms.join(' ') })));
  }

  static build(passages: readonly Passage[]): LexicalIndex {
    const analysed = passages.map((p) => analyze(p.text));
    return new LexicalIndex(passages, analysed, buildTermStats(analysed));
  }

  get size(): number {
    return this.passages.length;
  }

  /** The k best passages for analysed query terms, optionally only from the source with this slug. */
  search(terms: readonly WeightedTerm[], k: number, sourceSlug?: string): LexicalHit[] {
    const weights = new Map(terms.map(({ term, weight }) => [term, weight]));
    const options: SearchOptions = {
      boostTerm: (term) => weights.get(term) ?? 1,
      // Only a rare term no passage holds searches near spellings (see ../store/fuzzy-terms.ts).
      fuzzy: (term) => allowedEdits(term, this.stats.documentFrequency(term)) || false,
      weights: { fuzzy: FUZZY_MATCH_WEIGHT, prefix: 0 },
    };
    if (sourceSlug !== undefined) options.filter = (r) => this.passageAt(r.id).source === sourceSlug;
    return this.miniSearch
      .search([...weights.keys()].join(' '), options)
      .slice(0, k)
      .map((r, i) => ({
        passage: this.passageAt(r.id),
        score: r.score,
        rank: i + 1,
        terms: r.queryTerms,
        passageTerms: r.terms,
      }));
  }

  private passageAt(id: number): Passage {
    const passage = this.passages[id];
    if (!passage) throw new Error(`lexical index out of step with its passages: no passage ${id}`);
    return passage;
  }
}
