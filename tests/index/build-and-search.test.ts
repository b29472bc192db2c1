// First build over the real seeds with the real offline embedder, reload, and the query API.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/types.js';
import { buildOrUpdateIndex, openIndex, type IndexBuildStats } from '../../src/index/build.js';
import type { VectorIndex } from '../../src/index/vector-index.js';
import type { Source } from '../../src/sources/types.js';
import { offlineEmbedder, scratchProject, type ScratchProject } from './setup.js';

const QUESTIONS = [
  'Why does Iraq want Russian help against ISIS?',
  'What arms deal did Maliki sign with Russia?',
  'Which role do Shiite militias play in the fight?',
  'intelligence-sharing deal with Iran, Russia and Syria',
];

let embedder: Embedder;
let project: ScratchProject;
let sources: Source[];
let index: VectorIndex;
let stats: IndexBuildStats;
const progress: Array<[number, number]> = [];

beforeAll(async () => {
  embedder = await offlineEmbedder();
  project = await scratchProject();
  sources = await project.sources();
  ({ index, stats } = await buildOrUpdateIndex({
    dir: project.indexDir,
    sources,
    embedder,
    onProgress: (done, total) => progress.push([done, total]),
  }));
});

afterAll(async () => {
  await embedder.dispose();
  await project.remove();
});

const allPassages = () => sources.flatMap((source) => source.passages);

describe('first build', () => {
  it('embeds every passage and says why it built from scratch', () => {
    expect(stats.rebuilt).toMatch(/no index/);
    expect(stats.written).toBe(true);
    expect(stats.sources).toBe(sources.length);
    expect(stats.passages).toBe(allPassages().length);
    expect(stats.embedded).toBe(allPassages().length);
    expect(stats.reused).toBe(0);
    expect(stats.files.added).toEqual(sources.map((source) => source.file));
    expect(index.count).toBe(allPassages().length);
    expect(index.passages).toEqual(allPassages());
  });

  it('reports progress up to the number of distinct texts', () => {
    const distinct = new Set(allPassages().map((passage) => passage.text)).size;
    expect(progress[0]).toEqual([0, distinct]);
    expect(progress.at(-1)).toEqual([distinct, distinct]);
    const done = progress.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('records the model, the HNSW settings and every source file in the manifest', async () => {
    const manifest = JSON.parse(await readFile(join(project.indexDir, 'manifest.json'), 'utf8'));
    expect(index.modelId).toBe(embedder.modelId);
    expect(manifest).toMatchObject({ modelId: embedder.modelId, dimensions: embedder.dimensions, space: 'cosine', count: index.count });
    expect(manifest.M).toBeGreaterThan(0);
    expect(manifest.efConstruction).toBeGreaterThan(0);
    for (const source of sources) {
      expect(manifest.sources[source.file]).toEqual({ hash: source.hash, passages: source.passages.length });
    }
  });
});

describe('reload', () => {
  it('gives the same passages, vectors and search results from disk', async () => {
    const reopened = await openIndex(project.indexDir);
    expect(reopened.passages).toEqual(index.passages);
    expect(reopened.vectors).toEqual(index.vectors);
    for (const question of QUESTIONS) {
      const query = await embedder.embedQuery(question);
      const before = index.searchDense(query, 8);
      const after = reopened.searchDense(query, 8);
      expect(after.map((hit) => hit.passage.id)).toEqual(before.map((hit) => hit.passage.id));
      after.forEach((hit, i) => expect(hit.similarity).toBeCloseTo(before[i]?.similarity ?? NaN, 6));
    }
  });

  it('reuses everything and writes nothing when the sources have not changed', async () => {
    const manifestBefore = await readFile(join(project.indexDir, 'manifest.json'), 'utf8');
    const again = await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder });
    expect(again.stats).toMatchObject({ rebuilt: null, written: false, embedded: 0, reused: index.count });
    expect(again.stats.files.unchanged).toEqual(sources.map((source) => source.file));
    expect(await readFile(join(project.indexDir, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  });
});

describe('searchDense', () => {
  it('returns hits best first with similarities in [-1, 1]', async () => {
    const hits = index.searchDense(await embedder.embedQuery(QUESTIONS[0] ?? ''), 10);
    expect(hits).toHaveLength(10);
    const similarities = hits.map((hit) => hit.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    for (const similarity of similarities) expect(Math.abs(similarity)).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('finds a passage from its own text first', async () => {
    const target = allPassages().find((passage) => passage.text.length > 200) ?? allPassages()[0];
    const [best] = index.searchDense(await embedder.embedQuery(target?.text ?? ''), 1);
    expect(best?.passage.text).toBe(target?.text);
  });

  it('keeps to one source when filtered', async () => {
    const query = await embedder.embedQuery(QUESTIONS[1] ?? '');
    for (const source of sources) {
      const hits = index.searchDense(query, 10, (passage) => passage.source === source.slug);
      expect(hits).toHaveLength(Math.min(10, source.passages.length));
      expect(new Set(hits.map((hit) => hit.passage.source))).toEqual(new Set([source.slug]));
    }
  });

  it('returns every passage, no more, when k exceeds the count', async () => {
    const query = await embedder.embedQuery(QUESTIONS[2] ?? '');
    expect(index.searchDense(query, index.count + 50)).toHaveLength(index.count);
    expect(index.bruteForce(query, index.count + 50)).toHaveLength(index.count);
    const smallest = sources.reduce((a, b) => (a.passages.length <= b.passages.length ? a : b));
    const onlySmallest = (passage: { source: string }) => passage.source === smallest.slug;
    expect(index.searchDense(query, 50, onlySmallest)).toHaveLength(smallest.passages.length);
    expect(index.searchDense(query, 5, () => false)).toEqual([]);
  });

  it('agrees with exact search (recall@10)', async () => {
    let found = 0;
    let wanted = 0;
    for (const question of QUESTIONS) {
      const query = await embedder.embedQuery(question);
      const exact = index.bruteForce(query, 10);
      const approximate = new Set(index.searchDense(query, 10).map((hit) => hit.passage.id));
      found += exact.filter((hit) => approximate.has(hit.passage.id)).length;
      wanted += exact.length;
      expect(index.searchDense(query, 1)[0]?.similarity).toBeCloseTo(exact[0]?.similarity ?? NaN, 5);
    }
    expect(found / wanted).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses a query vector of the wrong size and a k that is not a positive integer', () => {
    expect(() => index.searchDense(new Float32Array(index.dimensions + 1), 3)).toThrow(RangeError);
    expect(() => index.searchDense(new Float32Array(index.dimensions), 0)).toThrow(RangeError);
    expect(() => index.bruteForce(new Float32Array(index.dimensions), 2.5)).toThrow(RangeError);
  });
});
