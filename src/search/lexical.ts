// BM25 keyword search over passages (minisearch), next to the embedding search: it catches what
// embeddings blur, such as names ("Marvienko"), codes ("S-400") and figures ("$4.2 billion").
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Passage } from '../sources/types.js';
import { analyze } from '../text/normalize.js';
import { buildTermStats, type TermStats } from './termStats.js';
import { isRareWord } from './term-weight.js';

export interface LexicalHit {
  passage: Passage;
  /** Raw BM25 score from minisearch (unbounded; compare only within one query). */
  score: number;
  /** 1-based position in this result list. */
  rank: number;
  /** Analysed query terms that matched the passage. */
  terms: string[];
  /** The passage's terms they matched: the same, or the indexed spelling a misspelt term found. */
  passageTerms: string[];
}

interface IndexedPassage {
  id: number;
  terms: string;
}

/** Passages are analysed once; minisearch then only splits the already analysed terms. */
const splitTerms = (terms: string): string[] => (terms ? terms.split(' ') : []);
const asIs = (term: string): string => term;
/** Edit distance allowed as a share of the term's length: 1 edit for 5–7 letters, 2 from 8. */
const UNSEEN_TERM_FUZZINESS = 0.2;
const uniqueQueryTerms = (query: string): string[] => [...new Set(analyze(query))];

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
      searchOptions: { tokenize: uniqueQueryTerms, processTerm: asIs },
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

  /** The k best passages for a query, optionally only from the source with this slug. */
  search(query: string, k: number, sourceSlug?: string): LexicalHit[] {
    const options: SearchOptions = {
      // A rare term no passage contains is likely a misspelling or a variant ("defence", "Matvienko"):
      // only those search fuzzily, as fuzzy matching of known terms ("russian" ~ "russia") added noise
      // and a common word absent from the passages ("price") is simply not covered by them.
      fuzzy: (term) => term.length >= 5 && this.stats.documentFrequency(term) === 0 && isRareWord(term) && UNSEEN_TERM_FUZZINESS,
      maxFuzzy: 2,
    };
    if (sourceSlug !== undefined) options.filter = (r) => this.passageAt(r.id).source === sourceSlug;
    return this.miniSearch
      .search(query, options)
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
