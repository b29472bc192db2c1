// The loaded vector index: approximate nearest-neighbour search over passage vectors (HNSW,
// cosine), plus exact search over the same vectors so recall can be measured against it.
import type { HierarchicalNSW } from 'hnswlib-node';
import type { Passage } from '../sources/types.js';
import type { DenseHit } from '../store/types.js';
import type { IndexManifest } from './manifest.js';
import type { IndexEntry } from './store.js';

export type PassageFilter = (passage: Passage) => boolean;

export class VectorIndex {
  /** Passages in reading order of their sources; `vectors[i]` belongs to `passages[i]`. */
  readonly passages: readonly Passage[];
  readonly vectors: readonly Float32Array[];
  private readonly byLabel: ReadonlyMap<number, IndexEntry>;

  constructor(
    private readonly graph: HierarchicalNSW,
    private readonly entries: readonly IndexEntry[],
    /** What is on disk: model, HNSW parameters, per-file hashes, build time. */
    readonly manifest: Readonly<IndexManifest>,
  ) {
    this.passages = entries.map((entry) => entry.passage);
    this.vectors = entries.map((entry) => entry.vector);
    this.byLabel = new Map(entries.map((entry) => [entry.label, entry]));
  }

  /** The model that made the vectors; queries must be embedded by the same one. */
  get modelId(): string {
    return this.manifest.modelId;
  }

  get dimensions(): number {
    return this.manifest.dimensions;
  }

  get count(): number {
    return this.entries.length;
  }

  /** Graph slots allocated (grows with resizeIndex as passages are added). */
  get capacity(): number {
    return this.graph.getMaxElements();
  }

  /**
   * The k passages nearest to `vector` by HNSW search, best first, restricted to those `filter`
   * accepts. Returns min(k, matching passages) hits.
   */
  searchDense(vector: Float32Array, k: number, filter?: PassageFilter): DenseHit[] {
    const wanted = this.clampK(vector, k, filter);
    if (wanted === 0) return [];
    this.graph.setEf(Math.max(this.manifest.ef, wanted));
    const labelFilter = filter && ((label: number) => this.acceptsLabel(label, filter));
    const { neighbors, distances } = this.graph.searchKnn(Array.from(vector), wanted, labelFilter);
    return neighbors.flatMap((label, i) => {
      const entry = this.byLabel.get(label);
      return entry ? [{ passage: entry.passage, similarity: 1 - (distances[i] ?? 1) }] : [];
    });
  }

  /**
   * Exact search: cosine similarity against every stored vector. The reference HNSW recall is
   * measured against. (hnswlib's BruteforceSearch is not used: with a filter it can miss matches.)
   */
  bruteForce(vector: Float32Array, k: number, filter?: PassageFilter): DenseHit[] {
    const wanted = this.clampK(vector, k, filter);
    if (wanted === 0) return [];
    const queryNorm = norm(vector);
    const hits: DenseHit[] = [];
    this.entries.forEach(({ passage, vector: stored }) => {
      if (filter && !filter(passage)) return;
      hits.push({ passage, similarity: dot(vector, stored) / (queryNorm * norm(stored) || 1) });
    });
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, wanted);
  }

  private acceptsLabel(label: number, filter: PassageFilter): boolean {
    const entry = this.byLabel.get(label);
    return entry !== undefined && filter(entry.passage);
  }

  private clampK(vector: Float32Array, k: number, filter: PassageFilter | undefined): number {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`Query vector has ${vector.length} dimensions; the index has ${this.dimensions}.`);
    }
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}.`);
    const available = filter ? this.passages.filter(filter).length : this.count;
    return Math.min(k, available);
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function norm(v: Float32Array): number {
  return Math.sqrt(dot(v, v));
}
