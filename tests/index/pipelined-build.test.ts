// HNSW inserts on a worker thread, overlapping embedding: the index must be the one the in-thread
// build makes (same labels, vectors, graph file, search results), and failures must reject the build.
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../src/bench/synthetic-corpus.js';
import type { Embedder } from '../../src/embedding/types.js';
import { buildOrUpdateIndex } from '../../src/index/build.js';
import { MANIFEST_FILE } from '../../src/index/manifest.js';
import { readStoredIndex } from '../../src/index/store.js';
import type { VectorIndex } from '../../src/index/vector-index.js';
import { startWorkerInserter } from '../../src/index/worker-inserter.js';
import type { Source } from '../../src/sources/types.js';
import { offlineEmbedder, scratchProject, seedSources, type ScratchProject } from './setup.js';

const CORPUS_PASSAGES = 3_000;
const QUERIES = 40;
const K = 10;

let embedder: Embedder;
let project: ScratchProject;
let corpus: { sources: Source[]; heldOut: string[] };
let inThread: VectorIndex;
let pipelined: VectorIndex;
const dirs = { inThread: '', worker: '' };

beforeAll(async () => {
  embedder = await offlineEmbedder();
  project = await scratchProject();
  corpus = syntheticCorpus(await seedSources(), { passages: CORPUS_PASSAGES, seed: 7, heldOut: QUERIES });
  dirs.inThread = join(project.root, 'in-thread');
  dirs.worker = join(project.root, 'worker');
  inThread = (await buildOrUpdateIndex({ dir: dirs.inThread, sources: corpus.sources, embedder, insertion: 'in-thread' })).index;
  pipelined = (await buildOrUpdateIndex({ dir: dirs.worker, sources: corpus.sources, embedder, insertion: 'worker' })).index;
});

afterAll(async () => {
  await embedder.dispose();
  await project.remove();
});

const labelled = async (dir: string) => (await readStoredIndex(dir)).entries.map(({ label, passage, vector }) => ({ label, id: passage.id, vector: [...vector] }));

describe('pipelined build (inserts on a worker thread)', () => {
  it('stores the same passages, labels and vectors as the in-thread build', async () => {
    expect(pipelined.count).toBe(CORPUS_PASSAGES);
    expect(pipelined.passages).toEqual(inThread.passages);
    expect(await labelled(dirs.worker)).toEqual(await labelled(dirs.inThread));
  });

  it('makes the very same graph file (same seed, same insertion order)', () => {
    expect(pipelined.manifest.files.graph).toMatchObject({ bytes: inThread.manifest.files.graph.bytes, sha256: inThread.manifest.files.graph.sha256 });
  });

  it('finds what the in-thread index finds, and agrees with exact search (recall@10)', async () => {
    let found = 0;
    for (const text of corpus.heldOut) {
      const query = await embedder.embedQuery(text);
      const hits = pipelined.searchDense(query, K);
      expect(hits).toEqual(inThread.searchDense(query, K));
      const exact = new Set(pipelined.bruteForce(query, K).map((hit) => hit.passage.id));
      found += hits.filter((hit) => exact.has(hit.passage.id)).length;
    }
    expect(found / (QUERIES * K)).toBeGreaterThanOrEqual(0.95);
  });

  it('updates a stored index on the worker as it does in-thread (deleted and replaced slots included)', async () => {
    const [first, ...rest] = corpus.sources;
    const extra = syntheticCorpus(await seedSources(), { passages: CORPUS_PASSAGES + 200, seed: 7 }).sources.slice(-10);
    const updated = [...rest, ...extra];
    expect(first).toBeDefined();
    const results = [];
    for (const [insertion, dir] of [['in-thread', dirs.inThread], ['worker', dirs.worker]] as const) {
      const { index, stats } = await buildOrUpdateIndex({ dir, sources: updated, embedder, insertion });
      expect(stats.rebuilt).toBeNull();
      expect(stats.files.removed).toEqual([first?.file]);
      results.push({ index, labels: await labelled(dir) });
    }
    const [viaThread, viaWorker] = results;
    expect(viaWorker?.labels).toEqual(viaThread?.labels);
    expect(viaWorker?.index.manifest.files.graph.sha256).toBe(viaThread?.index.manifest.files.graph.sha256);
    expect(viaWorker?.index.passages).toEqual(updated.flatMap((source) => source.passages));
  });

  it('rejects the build when embedding fails midway, and writes nothing', async () => {
    const dir = join(project.root, 'failing');
    let calls = 0;
    const failing: Embedder = {
      modelId: embedder.modelId,
      dimensions: embedder.dimensions,
      embedQuery: (text) => embedder.embedQuery(text),
      embedPassages: (texts) => (++calls === 3 ? Promise.reject(new Error('model crashed')) : embedder.embedPassages(texts)),
      dispose: async () => {},
    };
    await expect(buildOrUpdateIndex({ dir, sources: corpus.sources, embedder: failing, insertion: 'worker' })).rejects.toThrow('model crashed');
    await expect(access(join(dir, MANIFEST_FILE))).rejects.toThrow();
  });
});

describe('insert worker failures', () => {
  const dimensions = 4;
  const shape = { M: 8, efConstruction: 20 };
  const path = () => join(project.root, `worker-${Math.random().toString(36).slice(2)}.hnsw`);

  it('rejects a batch whose vectors have the wrong size, and refuses further batches', async () => {
    const inserter = startWorkerInserter({ dimensions, shape, live: 2, removedLabels: [] });
    try {
      inserter.add([0, 1], new Float32Array(3 * dimensions));
      const failure = inserter.writeIndex(path());
      await expect(failure).rejects.toThrow(/HNSW insert worker failed: 2 labels need 8 vector values, got 12/);
      expect(() => inserter.add([2], new Float32Array(dimensions))).toThrow(/HNSW insert worker failed/);
    } finally {
      await inserter.close();
    }
  });

  it('rejects inserts beyond the graph capacity', async () => {
    const inserter = startWorkerInserter({ dimensions, shape, live: 1, removedLabels: [] });
    try {
      const labels = Array.from({ length: 40 }, (_, i) => i);
      inserter.add(labels, Float32Array.from({ length: labels.length * dimensions }, (_, i) => (i % 7) + 1));
      await expect(inserter.writeIndex(path())).rejects.toThrow(/exceeds the specified limit/);
    } finally {
      await inserter.close();
    }
  });

  it('fails with a clear error when it cannot start (base graph missing)', async () => {
    const missing = path();
    const inserter = startWorkerInserter({ dimensions, shape, live: 1, baseGraphFile: missing, removedLabels: [] });
    try {
      await expect(inserter.writeIndex(path())).rejects.toThrow(/HNSW insert worker failed/);
    } finally {
      await inserter.close();
    }
  });

  it('writes a graph that reads back with every point', async () => {
    const inserter = startWorkerInserter({ dimensions, shape, live: 3, removedLabels: [] });
    const file = path();
    try {
      inserter.add([5, 6, 7], Float32Array.from({ length: 3 * dimensions }, (_, i) => i + 1));
      await inserter.writeIndex(file);
      const graph = await inserter.finish(file);
      expect(graph.getIdsList().sort()).toEqual([5, 6, 7]);
    } finally {
      await inserter.close();
      await rm(file, { force: true });
    }
  });
});
