// The embedded store's lexical side: BM25 keyword search over passages (minisearch), next to the
// embedding search. It catches what embeddings blur, such as names ("Marvienko"), codes ("S-400")
// and figures ("$4.2 billion").
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Passage } from '../sources/types.js';
import type { LexicalHit, WeightedTerm } from '../store/types.js';
import { LEXICAL_ANALYSIS_VERSION, passageTerms } from '../search/passage-terms.js';
import { buildTermStats, termStatsOf, type TermStats } from '../search/termStats.js';
import { allowedEdits, FUZZY_MATCH_WEIGHT } from '../store/fuzzy-terms.js';
import { fromJsonLines, toJsonLines } from './json-lines.js';

interface IndexedPassage {
  id: number;
  terms: string;
}

/** Passages are analysed once; minisearch then only splits the already analysed terms. */
const splitTerms = (terms: string): string[] => (terms ? terms.split(' ') : []);
const asIs = (term: string): string => term;

const MINISEARCH_OPTIONS = {
  fields: ['terms'],
  tokenize: splitTerms,
  processTerm: asIs,
  searchOptions: { tokenize: splitTerms, processTerm: asIs },
};
/** minisearch's serialisation format this code reads (its toJSON `serializationVersion`). */
const MINISEARCH_FORMAT = 2;

/**
 * The lexical index as stored beside the graph, as JSON lines (./json-lines.ts): first a header (the
 * analysis, the passage count, and minisearch's own serialisation but its term index), then one line
 * per term of that index. Over passages in index order.
 */
interface LexicalHeader {
  /** LEXICAL_ANALYSIS_VERSION of the terms it holds. */
  analysis: number;
  documentCount: number;
  /** Each term's document frequency: counting it from the posting lists took most of a second at 100,000 passages. */
  documentFrequency: Record<string, number>;
  miniSearch: Omit<ReturnType<MiniSearch['toJSON']>, 'index'>;
}
type IndexLine = ReturnType<MiniSearch['toJSON']>['index'][number];

export class LexicalIndex {
  private constructor(
    private readonly passages: readonly Passage[],
    private readonly miniSearch: MiniSearch<IndexedPassage>,
    /** Term rarity over the same passages, for weighting terms outside BM25 (quote selection). */
    readonly stats: TermStats,
  ) {}

  static build(passages: readonly Passage[]): LexicalIndex {
    const analysed = passages.map(passageTerms);
    const miniSearch = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
    miniSearch.addAll(analysed.map((terms, id) => ({ id, terms: terms.join(' ') })));
    return new LexicalIndex(passages, miniSearch, buildTermStats(analysed));
  }

  /**
   * The index `serialize` wrote for these passages, without analysing their text again (at 100,000
   * passages analysing took most of a start). Throws when the bytes do not fit the passages.
   */
  static load(passages: readonly Passage[], bytes: Uint8Array): LexicalIndex {
    const lines = fromJsonLines(bytes);
    const header = lines.next().value as LexicalHeader | undefined;
    // A header holding the term index is the one-object format written before: built again.
    if (
      !header ||
      'index' in header.miniSearch ||
      header.documentFrequency === undefined ||
      header.documentCount !== passages.length ||
      header.miniSearch.serializationVersion !== MINISEARCH_FORMAT
    ) {
      throw new Error(`stored lexical index does not fit the passages (${header?.documentCount} documents for ${passages.length} passages)`);
    }
    if (header.analysis !== LEXICAL_ANALYSIS_VERSION) {
      throw new Error(`stored lexical index holds terms of another analysis (version ${header.analysis}, now ${LEXICAL_ANALYSIS_VERSION})`);
    }
    const index = [...lines] as IndexLine[];
    const stats = termStatsOf(passages.length, new Map(Object.entries(header.documentFrequency)));
    return new LexicalIndex(passages, MiniSearch.loadJS<IndexedPassage>({ ...header.miniSearch, index }, MINISEARCH_OPTIONS), stats);
  }

  serialize(): Uint8Array {
    const { index, ...miniSearch } = this.miniSearch.toJSON();
    // A term's document frequency is the size of its posting list (in the one field, "0").
    const documentFrequency = Object.fromEntries(index.map(([term, fields]) => [term, Object.keys(fields['0'] ?? {}).length]));
    const header: LexicalHeader = { analysis: LEXICAL_ANALYSIS_VERSION, documentCount: this.passages.length, documentFrequency, miniSearch };
    return toJsonLines([header, ...index]);
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
