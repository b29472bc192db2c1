// The embedded store's lexical side: BM25 keyword search over passages (minisearch), next to the
// embedding search. It catches what embeddings blur, such as names ("Marvienko"), codes ("S-400")
// and figures ("$4.2 billion").
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Passage } from '../sources/types.js';
import type { LexicalHit, WeightedTerm } from '../store/types.js';
import { LEXICAL_ANALYSIS_VERSION, passageTerms } from '../search/passage-terms.js';
import { countDocumentFrequencies, termStatsOf, type TermStats } from '../search/termStats.js';
import { allowedEdits, FUZZY_MATCH_WEIGHT } from '../store/fuzzy-terms.js';
import { fromJsonLines, toJsonLines } from './json-lines.js';
import { lexicalHits, type LexicalMatch, type LexicalSearcher } from './lexical-hits.js';

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

/**
 * BM25 over numbered documents: minisearch and the terms' document frequencies. What a worker thread
 * can hold without the passages (./lexical-on-worker.ts).
 */
export class LexicalPostings {
  /** Term rarity over the same documents, for weighting terms outside BM25 (quote selection). */
  readonly stats: TermStats;

  private constructor(
    private readonly miniSearch: MiniSearch<IndexedPassage>,
    /** How many documents hold each term. */
    readonly documentFrequencies: ReadonlyMap<string, number>,
    documentCount: number,
  ) {
    this.stats = termStatsOf(documentCount, documentFrequencies);
  }

  static build(analysed: readonly (readonly string[])[]): LexicalPostings {
    const miniSearch = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
    miniSearch.addAll(analysed.map((terms, id) => ({ id, terms: terms.join(' ') })));
    const { documentCount, frequency } = countDocumentFrequencies(analysed);
    return new LexicalPostings(miniSearch, frequency, documentCount);
  }

  /**
   * The postings `serialize` wrote, without analysing any text again (at 100,000 passages analysing
   * took most of a start). Throws when the bytes do not hold `documentCount` documents.
   */
  static load(bytes: Uint8Array, documentCount: number): LexicalPostings {
    const lines = fromJsonLines(bytes);
    const header = lines.next().value as LexicalHeader | undefined;
    // A header holding the term index is the one-object format written before: built again.
    if (
      !header ||
      'index' in header.miniSearch ||
      header.documentFrequency === undefined ||
      header.documentCount !== documentCount ||
      header.miniSearch.serializationVersion !== MINISEARCH_FORMAT
    ) {
      throw new Error(`stored lexical index does not fit the passages (${header?.documentCount} documents for ${documentCount} passages)`);
    }
    if (header.analysis !== LEXICAL_ANALYSIS_VERSION) {
      throw new Error(`stored lexical index holds terms of another analysis (version ${header.analysis}, now ${LEXICAL_ANALYSIS_VERSION})`);
    }
    const index = [...lines] as IndexLine[];
    const miniSearch = MiniSearch.loadJS<IndexedPassage>({ ...header.miniSearch, index }, MINISEARCH_OPTIONS);
    return new LexicalPostings(miniSearch, new Map(Object.entries(header.documentFrequency)), documentCount);
  }

  serialize(): Uint8Array {
    const { index, ...miniSearch } = this.miniSearch.toJSON();
    const documentFrequency = Object.fromEntries(this.documentFrequencies);
    const header: LexicalHeader = { analysis: LEXICAL_ANALYSIS_VERSION, documentCount: this.stats.documentCount, documentFrequency, miniSearch };
    return toJsonLines([header, ...index]);
  }

  /** The k best documents for analysed query terms, optionally only those `keep` accepts. */
  match(terms: readonly WeightedTerm[], k: number, keep?: (document: number) => boolean): LexicalMatch[] {
    const weights = new Map(terms.map(({ term, weight }) => [term, weight]));
    const options: SearchOptions = {
      boostTerm: (term) => weights.get(term) ?? 1,
      // Only a rare term no passage holds searches near spellings (see ../store/fuzzy-terms.ts).
      fuzzy: (term) => allowedEdits(term, this.stats.documentFrequency(term)) || false,
      weights: { fuzzy: FUZZY_MATCH_WEIGHT, prefix: 0 },
    };
    if (keep) options.filter = (r) => keep(r.id as number);
    return this.miniSearch
      .search([...weights.keys()].join(' '), options)
      .slice(0, k)
      .map((r) => ({ document: r.id as number, score: r.score, terms: r.queryTerms, passageTerms: r.terms }));
  }
}

/** BM25 over passages, in this thread. */
export class LexicalIndex implements LexicalSearcher {
  constructor(
    private readonly passages: readonly Passage[],
    private readonly postings: LexicalPostings,
  ) {}

  static build(passages: readonly Passage[]): LexicalIndex {
    return new LexicalIndex(passages, LexicalPostings.build(passages.map(passageTerms)));
  }

  /** The index `serialize` wrote for these passages. Throws when the bytes do not fit them. */
  static load(passages: readonly Passage[], bytes: Uint8Array): LexicalIndex {
    return new LexicalIndex(passages, LexicalPostings.load(bytes, passages.length));
  }

  get stats(): TermStats {
    return this.postings.stats;
  }

  get size(): number {
    return this.passages.length;
  }

  serialize(): Uint8Array {
    return this.postings.serialize();
  }

  /** The k best passages for analysed query terms, optionally only from the source with this slug. */
  search(terms: readonly WeightedTerm[], k: number, sourceSlug?: string): LexicalHit[] {
    return lexicalHits(this.postings.match(terms, k, sourceSlug === undefined ? undefined : (document) => this.passages[document]?.source === sourceSlug), this.passages);
  }

  async close(): Promise<void> {
    // Garbage-collected with its owner.
  }
}
