// The embedded store, the default: the HNSW graph, passages, vectors and a BM25 index over the same
// passages in embeddings/ (see ./build.ts), all loaded into this process.
import type { SlugBook } from '../sources/slug.js';
import type {
  DenseHit,
  LexicalHit,
  PassageStore,
  StoreLocation,
  StoredCalibration,
  StoreSyncOptions,
  StoreSyncStats,
  TermCounts,
  WeightedTerm,
} from '../store/types.js';
import { readCalibrationFile, writeCalibrationFile } from './calibration-file.js';
import { buildOrUpdateIndex } from './build.js';
import type { LexicalSearcher } from './lexical-hits.js';
import { startEarlyLexicalLoad, type EarlyLexicalLoad } from './early-lexical.js';
import { readSlugBook } from './store.js';
import type { VectorIndex } from './vector-index.js';

export class EmbeddedStore implements PassageStore {
  private readonly vectorById: ReadonlyMap<string, Float32Array>;
  private readonly countBySource: ReadonlyMap<string, number>;

  constructor(
    readonly vectors: VectorIndex,
    readonly lexicalIndex: LexicalSearcher,
    private readonly dir: string,
  ) {
    this.vectorById = new Map(vectors.passages.map((passage, i) => [passage.id, vectors.vectors[i]!]));
    const counts = new Map<string, number>();
    for (const passage of vectors.passages) counts.set(passage.source, (counts.get(passage.source) ?? 0) + 1);
    this.countBySource = counts;
  }

  get modelId(): string {
    return this.vectors.modelId;
  }

  get dimensions(): number {
    return this.vectors.dimensions;
  }

  get passageCount(): number {
    return this.vectors.count;
  }

  passagesOf(source: string): number {
    return this.countBySource.get(source) ?? 0;
  }

  async dense(vector: Float32Array, k: number, source?: string): Promise<DenseHit[]> {
    return this.vectors.searchDense(vector, k, source === undefined ? undefined : (passage) => passage.source === source);
  }

  async lexical(terms: readonly WeightedTerm[], k: number, source?: string): Promise<LexicalHit[]> {
    return this.lexicalIndex.search(terms, k, source);
  }

  async similarities(vector: Float32Array, passageIds: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const id of passageIds) {
      const stored = this.vectorById.get(id);
      if (stored) found.set(id, dot(vector, stored));
    }
    return found;
  }

  async termCounts(terms: readonly string[]): Promise<TermCounts> {
    const { stats } = this.lexicalIndex;
    return { documentCount: stats.documentCount, documentFrequency: new Map(terms.map((term) => [term, stats.documentFrequency(term)])) };
  }

  readCalibration(): Promise<StoredCalibration | undefined> {
    return readCalibrationFile(this.dir);
  }

  saveCalibration(calibration: StoredCalibration): Promise<void> {
    return writeCalibrationFile(this.dir, calibration);
  }

  async close(): Promise<void> {
    // Graph and maps are garbage-collected with the store; a lexical index on a worker thread is stopped.
    await this.lexicalIndex.close();
  }
}

/** Stored vectors are unit vectors, so the dot product is the cosine similarity. */
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export interface EmbeddedStoreLocation extends StoreLocation {
  open(options: StoreSyncOptions): Promise<{ store: EmbeddedStore; stats: StoreSyncStats }>;
  prepare(): () => Promise<void>;
}

/** The embedded store in `dir` (the project's embeddings/ folder). */
export function embeddedStoreLocation(
  dir: string,
  options: {
    lexicalWorkerMinPassages?: number;
    /** The lexical index, already loading (startEarlyLexicalLoad); the first open() takes it over. */
    earlyLexical?: Promise<EarlyLexicalLoad | undefined>;
  } = {},
): EmbeddedStoreLocation {
  const { lexicalWorkerMinPassages } = options;
  // The longest part of opening a large index, loading its stored BM25 index, starts at prepare() if not before.
  let earlyLexical = options.earlyLexical;
  return {
    description: `${dir} (hnswlib + minisearch)`,
    readSlugBook: (): Promise<SlugBook> => readSlugBook(dir),
    prepare() {
      earlyLexical ??= startEarlyLexicalLoad(dir, lexicalWorkerMinPassages);
      return async () => {
        const early = earlyLexical;
        earlyLexical = undefined;
        await (await early)?.load.cancel();
      };
    },
    async open(options: StoreSyncOptions): Promise<{ store: EmbeddedStore; stats: StoreSyncStats }> {
      const early = earlyLexical;
      earlyLexical = undefined;
      const { index, lexical, stats } = await buildOrUpdateIndex({ dir, ...options, lexicalWorkerMinPassages, earlyLexical: early });
      return { store: new EmbeddedStore(index, lexical, dir), stats };
    },
  };
}
