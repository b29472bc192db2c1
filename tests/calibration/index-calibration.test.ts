// The similarity scale is measured per model and corpus when an index is opened, kept with the store,
// and measured again only when the model or the passages change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationKey, corpusFingerprint, loadOrMeasureCalibration } from '../../src/calibration/index-calibration.js';
import { SharedComponentEmbedder } from '../../src/embedding/shared-component-embedder.js';
import type { Embedder } from '../../src/embedding/types.js';
import { scaleSimilarity } from '../../src/search/dense-scale.js';
import { openTestEngine, type TestEngine } from '../engine/open-test-engine.js';

let opened: TestEngine;

beforeAll(async () => {
  opened = await openTestEngine();
}, 120_000);

afterAll(async () => {
  await opened.dispose();
});

describe('index calibration', () => {
  it('is measured when the index is first opened, saved with the store, and read back while nothing changed', async () => {
    const { store, embedder, catalog, search } = opened.parts;
    const passages = catalog.sources.flatMap((s) => s.passages);
    const stored = await store.readCalibration();
    expect(stored?.key).toBe(calibrationKey(store.modelId, corpusFingerprint(passages)));
    expect(stored?.data).toEqual({ denseScale: search.denseScale });
    const again = await loadOrMeasureCalibration(store, embedder, corpusFingerprint(passages));
    expect(again).toEqual({ calibration: { denseScale: search.denseScale }, measured: false });
  });

  it('keys on the model and on every passage', () => {
    const passages = opened.parts.catalog.sources.flatMap((s) => s.passages);
    const key = calibrationKey('model-a', corpusFingerprint(passages));
    expect(calibrationKey('model-b', corpusFingerprint(passages))).not.toBe(key);
    expect(calibrationKey('model-a', corpusFingerprint(passages.slice(1)))).not.toBe(key);
    const edited = passages.map((p, i) => (i === 3 ? { ...p, text: `${p.text} ` } : p));
    expect(calibrationKey('model-a', corpusFingerprint(edited))).not.toBe(key);
  });

  it('puts a question at the same place on the scale of a model whose similarities all sit far higher', async () => {
    const { store, embedder, catalog, search } = opened.parts;
    const passages = catalog.sources.flatMap((s) => s.passages);
    const shared = new SharedComponentEmbedder(nonDisposing(embedder));
    const vectors = await shared.embedPassages(passages.map((p) => p.text));
    const question = 'Which Russian missile systems has Baghdad discussed buying?';
    const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    const plainVector = await embedder.embedQuery(question);
    const sharedVector = await shared.embedQuery(question);
    const plainBest = Math.max(...(await store.similarities(plainVector, passages.map((p) => p.id))).values());
    const sharedBest = Math.max(...vectors.map((v) => cosine(sharedVector, v)));
    // Raw cosines are far apart…
    expect(sharedBest - plainBest).toBeGreaterThan(0.2);
    // …but read on each model's measured scale both stand well above the floor, within one unit of
    // each other (the shared component shifts each vector a little differently, so not exactly).
    const sharedScale = await measureOn(shared, passages, vectors);
    expect(sharedScale.floor).toBeGreaterThan(search.denseScale.floor + 0.2);
    const [onShared, onPlain] = [scaleSimilarity(sharedBest, sharedScale), scaleSimilarity(plainBest, search.denseScale)];
    expect(Math.min(onShared, onPlain)).toBeGreaterThan(1.5);
    expect(Math.abs(onShared - onPlain)).toBeLessThan(1);
  });
});

/** The offline embedder, shared with the engine, must outlive this wrapper. */
function nonDisposing(embedder: Embedder): Embedder {
  return { ...embedder, modelId: embedder.modelId, dimensions: embedder.dimensions, embedPassages: (t) => embedder.embedPassages(t), embedQuery: (t) => embedder.embedQuery(t), dispose: async () => {} };
}

/** The dense scale of a model over passages embedded by it, through a minimal in-memory store. */
async function measureOn(embedder: Embedder, passages: readonly { id: string; text: string }[], vectors: Float32Array[]) {
  const { measureDenseScale } = await import('../../src/calibration/dense-scale-probes.js');
  const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
  const store = {
    async dense(vector: Float32Array, k: number) {
      return vectors
        .map((v, i) => ({ passage: passages[i]!, similarity: cosine(vector, v) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, k);
    },
  };
  return measureDenseScale(store as never, embedder);
}
