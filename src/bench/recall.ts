// HNSW recall@k against exact search over the same stored vectors, and how much faster HNSW is, for a
// range of query-time ef values on one built graph (ef needs no rebuild; M and efConstruction do).
import hnswlib from 'hnswlib-node';
import { INDEX_SPACE } from '../index/params.js';
import { readStoredIndex, type IndexEntry } from '../index/store.js';
import { VectorIndex } from '../index/vector-index.js';
import { percentile } from './percentile.js';

/** The exact top k of every query: what recall is measured against, computed once per corpus. */
export interface ExactNeighbours {
  k: number;
  ids: ReadonlySet<string>[];
  /** VectorIndex.bruteForce, the project's exact search (JavaScript). */
  msPerQuery: number;
  /** hnswlib's BruteforceSearch (C++), a stricter yardstick for the speed-up. */
  nativeMsPerQuery: number;
}

export interface RecallRow {
  ef: number;
  /** Mean share of the exact top k that HNSW also returned. */
  recall: number;
  hnswMsPerQuery: number;
  /** Exact search time / HNSW time, per query. */
  speedup: number;
  /** Native exact search time / HNSW time, per query. */
  nativeSpeedup: number;
}

export interface RecallFigures {
  passages: number;
  queries: number;
  k: number;
  M: number;
  efConstruction: number;
  /** The ef the index uses by default (src/index/params.ts). */
  defaultEf: number;
  exactMsPerQuery: number;
  nativeExactMsPerQuery: number;
  rows: RecallRow[];
}

/** Queries warmed up on before timing, so the first timed ones do not pay for cold pages. */
const WARM_UP_QUERIES = 20;
/** Sub-millisecond searches are timed over several passes; the median pass counts. */
const TIMED_PASSES = 5;

function medianPassMs(passes: number, pass: () => void): number {
  const times = Array.from({ length: passes }, () => {
    const started = performance.now();
    pass();
    return performance.now() - started;
  });
  return percentile(times, 50);
}

export async function exactNeighbours(dir: string, queries: readonly Float32Array[], k: number): Promise<ExactNeighbours> {
  const { graph, entries, manifest } = await readStoredIndex(dir);
  const index = new VectorIndex(graph, entries, manifest);
  const started = performance.now();
  const ids = queries.map((query) => new Set(index.bruteForce(query, k).map((hit) => hit.passage.id)));
  const msPerQuery = (performance.now() - started) / queries.length;
  return { k, ids, msPerQuery, nativeMsPerQuery: nativeExactMsPerQuery(entries, manifest.dimensions, queries, k) };
}

function nativeExactMsPerQuery(entries: readonly IndexEntry[], dimensions: number, queries: readonly Float32Array[], k: number): number {
  const exact = new hnswlib.BruteforceSearch(INDEX_SPACE, dimensions);
  exact.initIndex(entries.length);
  entries.forEach((entry, i) => exact.addPoint(Array.from(entry.vector), i));
  const points = queries.map((query) => Array.from(query));
  return medianPassMs(TIMED_PASSES, () => points.forEach((point) => exact.searchKnn(point, k))) / queries.length;
}

export async function measureRecall(dir: string, queries: readonly Float32Array[], exact: ExactNeighbours, efs: readonly number[]): Promise<RecallFigures> {
  const { graph, entries, manifest } = await readStoredIndex(dir);
  const rows = efs.map((ef): RecallRow => {
    const index = new VectorIndex(graph, entries, { ...manifest, ef });
    for (const query of queries.slice(0, WARM_UP_QUERIES)) index.searchDense(query, exact.k);
    const found = queries.map((query) => index.searchDense(query, exact.k));
    const hnswMsPerQuery = medianPassMs(TIMED_PASSES, () => queries.forEach((query) => index.searchDense(query, exact.k))) / queries.length;
    const recall = found.reduce((sum, hits, i) => sum + hits.filter((hit) => exact.ids[i]!.has(hit.passage.id)).length / exact.ids[i]!.size, 0) / queries.length;
    return { ef, recall, hnswMsPerQuery, speedup: exact.msPerQuery / hnswMsPerQuery, nativeSpeedup: exact.nativeMsPerQuery / hnswMsPerQuery };
  });
  const { M, efConstruction, ef: defaultEf } = manifest;
  return { passages: entries.length, queries: queries.length, k: exact.k, M, efConstruction, defaultEf, exactMsPerQuery: exact.msPerQuery, nativeExactMsPerQuery: exact.nativeMsPerQuery, rows };
}
