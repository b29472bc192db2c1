// Boundary types of the store stage: where passages, their vectors and the lexical index live, and
// how search asks them for candidates. The embedded store (hnswlib + minisearch in embeddings/, in
// this process) and any other store answer the same questions, so search, citations and the engine
// never know which one they talk to.
import type { Embedder } from '../embedding/types.js';
import type { SlugBook } from '../sources/slug.js';
import type { Passage, Source } from '../sources/types.js';
import type { SourceChanges } from './source-changes.js';

export interface DenseHit {
  passage: Passage;
  /** Cosine similarity, 1 − cosine distance: 1 for the same direction. */
  similarity: number;
}

export interface LexicalHit {
  passage: Passage;
  /** Raw BM25 score (unbounded; compare only within one query). */
  score: number;
  /** 1-based position in this result list. */
  rank: number;
  /** Query terms that matched the passage. */
  terms: string[];
  /** The passage's terms they matched: the same, or the indexed spelling a misspelt term found. */
  passageTerms: string[];
}

/** One analysed query term (see ../text/normalize.ts) and how much it counts: 1 for a word the user typed. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** How many passages hold each term, over how many passages: the rarity behind term weights. */
export interface TermCounts {
  documentCount: number;
  /** Passages holding each asked-for term; absent terms are in no passage. */
  documentFrequency: ReadonlyMap<string, number>;
}

/**
 * Settings measured on this store's model and passages (see ../search), kept with the store so they are
 * measured again only when `key` (model and corpus) changes. Stores keep `data` as given.
 */
export interface StoredCalibration {
  key: string;
  data: Record<string, unknown>;
}

export interface PassageStore {
  /** The model that made the vectors; queries must be embedded by the same one. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Passages in the store. */
  readonly passageCount: number;
  /** Passages of one source, by slug (0 when unknown). */
  passagesOf(source: string): number;
  /** The k passages nearest to the vector, best first; only the source's when a slug is given. */
  dense(vector: Float32Array, k: number, source?: string): Promise<DenseHit[]>;
  /** The k best passages by BM25 over the analysed terms, best first; only the source's when a slug is given. */
  lexical(terms: readonly WeightedTerm[], k: number, source?: string): Promise<LexicalHit[]>;
  /** Cosine similarity of the vector to each passage, by citation id (for candidates one side did not return). */
  similarities(vector: Float32Array, passageIds: readonly string[]): Promise<Map<string, number>>;
  termCounts(terms: readonly string[]): Promise<TermCounts>;
  /** The calibration saved with the store, if any. */
  readCalibration(): Promise<StoredCalibration | undefined>;
  saveCalibration(calibration: StoredCalibration): Promise<void>;
  close(): Promise<void>;
}

/** Where a sync is reported; a pino logger fits. */
export interface StoreLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface StoreSyncOptions {
  sources: readonly Source[];
  embedder: Embedder;
  /** The slugs recorded before (StoreLocation.readSlugBook); the sources' slugs are added to it. */
  slugBook?: SlugBook;
  /** Called as passages are embedded: texts done so far, texts to embed in all. */
  onProgress?: (done: number, total: number) => void;
  logger?: StoreLogger;
}

export interface StoreSyncStats {
  sources: number;
  passages: number;
  /** Passages whose vectors the model computed in this run. */
  embedded: number;
  /** Passages whose vectors came from the store. */
  reused: number;
  /** Source files by what happened to them since the store was last synced. */
  files: SourceChanges;
  /** Why the store was built from scratch, or null when it was updated in place. */
  rebuilt: string | null;
  /** Whether anything was written (false when nothing had changed). */
  written: boolean;
  seconds: number;
}

/** A store before it is opened: where it is, what it recorded, and how to bring it up to date. */
export interface StoreLocation {
  /** For log lines: "embeddings/ (hnswlib + minisearch)", "postgres://host/db". */
  readonly description: string;
  /** The slugs recorded with the store, so sources keep theirs; {} when there is none yet. */
  readSlugBook(): Promise<SlugBook>;
  /** Brings the store in line with the sources (embedding only what it lacks), then opens it for queries. */
  open(options: StoreSyncOptions): Promise<{ store: PassageStore; stats: StoreSyncStats }>;
  /**
   * Starts reading what the next open() will need, beside what comes before it (loading the model,
   * reading the sources); that open() takes it over. Returns how to stop it when open() will not be
   * called. Optional: a store with nothing to read ahead has none.
   */
  prepare?(): () => Promise<void>;
}
