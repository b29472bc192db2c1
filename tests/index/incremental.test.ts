// Updating a stored index: only passages with new text are embedded; removed files leave it;
// capacity grows; a different model or different graph settings force a rebuild.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/types.js';
import { buildOrUpdateIndex, openIndex } from '../../src/index/build.js';
import { DEFAULT_HNSW_PARAMS } from '../../src/index/params.js';
import type { VectorIndex } from '../../src/index/vector-index.js';
import type { Passage, Source } from '../../src/sources/types.js';
import { offlineEmbedder, scratchProject, type ScratchProject } from './setup.js';

let embedder: Embedder;
let project: ScratchProject;
let sources: Source[];
let first: VectorIndex;

beforeAll(async () => {
  embedder = await offlineEmbedder();
});
afterAll(() => embedder.dispose());

beforeEach(async () => {
  project = await scratchProject();
  sources = await project.sources();
  first = (await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder })).index;
});
afterEach(() => project.remove());

const update = (current: readonly Source[], hnsw?: { M?: number }) =>
  buildOrUpdateIndex({ dir: project.indexDir, sources: current, embedder, ...(hnsw ? { hnsw } : {}) });

/** Passages whose text the stored index has never seen: the only ones an update may embed. */
const unseen = (passages: readonly Passage[], index: VectorIndex) => {
  const known = new Set(index.passages.map((passage) => passage.text));
  return passages.filter((passage) => !known.has(passage.text));
};

const filesOf = (list: readonly Source[]) => list.map((source) => source.file);

describe('incremental update', () => {
  it('re-embeds only the edited passage of a changed file, and search sees the edit', async () => {
    const target = sources[2];
    const paragraph = target?.passages.find((passage) => passage.kind === 'article' && passage.paragraph === 3);
    if (!target || !paragraph) throw new Error('seed 2 should have a third article paragraph');
    const added = ' A brass band of zebras crossed Reykjavik at dawn.';
    const edited = target.text.slice(0, paragraph.end) + added + target.text.slice(paragraph.end);
    await writeFile(join(project.seedsDir, target.fileName), edited);

    const current = await project.sources();
    const { index, stats } = await update(current);
    const changedFile = current.find((source) => source.file === target.file);
    const expectedEmbeds = unseen(changedFile?.passages ?? [], first);
    expect(stats.rebuilt).toBeNull();
    expect(stats.files).toEqual({ added: [], changed: [target.file], removed: [], unchanged: filesOf(sources).filter((f) => f !== target.file) });
    expect(expectedEmbeds.length).toBeGreaterThan(0);
    expect(stats.embedded).toBe(expectedEmbeds.length);
    expect(stats.embedded).toBeLessThan(changedFile?.passages.length ?? 0);
    expect(stats.reused).toBe(index.count - stats.embedded);
    expect(index.passages).toEqual(current.flatMap((source) => source.passages));

    const [best] = index.searchDense(await embedder.embedQuery('brass band of zebras in Reykjavik'), 1);
    expect(best?.passage.text).toContain('zebras crossed Reykjavik');
    expect(index.passages.some((passage) => passage.text === paragraph.text)).toBe(false);
    expect((await openIndex(project.indexDir)).passages).toEqual(index.passages);
  });

  it('embeds a new file and nothing else', async () => {
    const model = sources[0];
    if (!model) throw new Error('no seeds');
    const newText = model.text.replaceAll('Iraq', 'Jordan').replaceAll('Russian', 'Brazilian').replaceAll('Russia', 'Brazil');
    await writeFile(join(project.seedsDir, '900_new_page.txt'), newText);

    const current = await project.sources();
    const newSource = current.find((source) => source.fileName === '900_new_page.txt');
    const { index, stats } = await update(current);
    expect(stats.files.added).toEqual([newSource?.file]);
    expect(stats.files.unchanged).toEqual(filesOf(sources));
    expect(stats.embedded).toBe(unseen(newSource?.passages ?? [], first).length);
    expect(stats.embedded).toBeGreaterThan(0);
    expect(index.count).toBe(first.count + (newSource?.passages.length ?? NaN));

    const query = await embedder.embedQuery('Why Jordan Wants Brazilian Help');
    const [best] = index.searchDense(query, 1, (passage) => passage.source === newSource?.slug);
    expect(best?.passage.text).toContain('Jordan');
  });

  it('drops a removed file without embedding anything', async () => {
    const gone = sources[4];
    if (!gone) throw new Error('expected five seeds');
    await rm(join(project.seedsDir, gone.fileName));

    const current = await project.sources();
    const { index, stats } = await update(current);
    expect(stats.files.removed).toEqual([gone.file]);
    expect(stats).toMatchObject({ rebuilt: null, embedded: 0, reused: first.count - gone.passages.length });
    expect(index.count).toBe(first.count - gone.passages.length);
    expect(index.passages.some((passage) => passage.file === gone.file)).toBe(false);

    // The removed passages are gone from the graph too, not only from the passage list.
    const ownText = await embedder.embedQuery(gone.passages[0]?.text ?? '');
    const hits = index.searchDense(ownText, index.count);
    expect(hits).toHaveLength(index.count);
    expect(hits.some((hit) => hit.passage.file === gone.file)).toBe(false);
    expect(index.searchDense(ownText, 5, (passage) => passage.source === gone.slug)).toEqual([]);
  });

  it('leaves a page whose comment numbering restarts as it is on the next start (its ids are unique, so nothing is re-inserted)', async () => {
    const page = [
      'Baghdad Weighs Russian Air Strikes',
      '',
      'Iraqi officials met Russian envoys in Baghdad on Monday to discuss intelligence sharing against the Islamic State.',
      '',
      '2 responses',
      '',
      '  1. Alice Morgan says:',
      '',
      '    Russia will not risk its jets over Anbar, whatever Baghdad asks for.',
      '',
      '  2. Bob Lane says:',
      '',
      '    The envoys came to sell helicopters, not to plan a joint campaign.',
      '',
      '  1. Carol Deng says:',
      '',
      '    Intelligence sharing is the cheapest promise any government can make.',
      '',
    ].join('\n');
    await writeFile(join(project.seedsDir, '010_paginated.txt'), page);
    const withPage = await project.sources();
    const ids = withPage.flatMap((source) => source.passages.map((passage) => passage.id));
    expect(new Set(ids).size).toBe(ids.length);
    const added = await update(withPage);
    expect(added.stats.written).toBe(true);
    const again = await update(await project.sources());
    expect(again.stats).toMatchObject({ written: false, embedded: 0 });
  });

  it('grows the graph past its initial capacity', async () => {
    const smallest = sources.reduce((a, b) => (a.passages.length <= b.passages.length ? a : b));
    await rm(project.indexDir, { recursive: true });
    const small = (await update([smallest])).index;
    expect(first.count).toBeGreaterThan(small.capacity);

    const { index, stats } = await update(sources);
    expect(stats.rebuilt).toBeNull();
    expect(stats.embedded).toBe(unseen(sources.flatMap((s) => s.passages), small).length);
    expect(index.capacity).toBeGreaterThanOrEqual(index.count);
    // Every node is in the graph: a full search reaches all passages, and each stored vector finds
    // itself (or a passage with an identical vector) at similarity 1.
    const everything = index.searchDense(index.vectors[0] ?? new Float32Array(), index.count);
    expect(new Set(everything.map((hit) => hit.passage.id))).toEqual(new Set(index.passages.map((p) => p.id)));
    for (const vector of index.vectors) expect(index.searchDense(vector, 1)[0]?.similarity).toBeCloseTo(1, 5);
    const reopened = await openIndex(project.indexDir);
    expect(reopened.capacity).toBe(index.capacity);
    expect(reopened.count).toBe(index.count);
  });
});

describe('rebuilds', () => {
  it('rebuilds when another model is used', async () => {
    const otherModel = await offlineEmbedder({ quantized: false });
    try {
      expect(otherModel.modelId).not.toBe(embedder.modelId);
      expect(first.modelId).toBe(embedder.modelId);
      const { index, stats } = await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder: otherModel });
      expect(stats.rebuilt).toBe(`the model changed (${embedder.modelId} → ${otherModel.modelId})`);
      expect(stats).toMatchObject({ embedded: first.count, reused: 0, written: true });
      expect(index.modelId).toBe(otherModel.modelId);
      expect((await openIndex(project.indexDir)).modelId).toBe(otherModel.modelId);
    } finally {
      await otherModel.dispose();
    }
  });

  it('rebuilds the graph for new HNSW settings from the stored vectors, without embedding', async () => {
    const M = DEFAULT_HNSW_PARAMS.M / 2;
    const { index, stats } = await update(sources, { M });
    expect(stats.rebuilt).toContain(`M ${DEFAULT_HNSW_PARAMS.M} → ${M}`);
    expect(stats).toMatchObject({ embedded: 0, reused: first.count });
    expect(index.manifest.M).toBe(M);
    expect(index.vectors).toEqual(first.vectors);
  });
});
