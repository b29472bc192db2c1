// A damaged or half-written index never crashes the build: a kill mid-write leaves the previous
// generation in force, and anything unreadable is rebuilt with one log line saying why.
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/types.js';
import { fromJsonLines, toJsonLines } from '../../src/index/json-lines.js';
import { buildOrUpdateIndex, openIndex, type IndexBuildStats, type IndexLogger } from '../../src/index/build.js';
import { IndexUnavailableError } from '../../src/index/unavailable.js';
import type { VectorIndex } from '../../src/index/vector-index.js';
import type { Source } from '../../src/sources/types.js';
import { offlineEmbedder, scratchProject, type ScratchProject } from './setup.js';

const QUESTION = 'Why is Iraq turning to Russia for weapons?';

let embedder: Embedder;
let query: Float32Array;
let project: ScratchProject;
let sources: Source[];
let built: VectorIndex;
let logged: { info: string[]; warn: string[] };
let logger: IndexLogger;

beforeAll(async () => {
  embedder = await offlineEmbedder();
  query = await embedder.embedQuery(QUESTION);
});
afterAll(() => embedder.dispose());

beforeEach(async () => {
  project = await scratchProject();
  sources = await project.sources();
  built = (await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder })).index;
  logged = { info: [], warn: [] };
  logger = { info: (message) => logged.info.push(message), warn: (message) => logged.warn.push(message) };
});
afterEach(() => project.remove());

const manifestPath = () => join(project.indexDir, 'manifest.json');
const readManifest = async () => JSON.parse(await readFile(manifestPath(), 'utf8'));
const dataFile = async (kind: 'graph' | 'passages' | 'vectors') => join(project.indexDir, (await readManifest()).files[kind].name);
/** Replaces a data file and updates the manifest's size and hash, so only deeper checks can catch it. */
async function replaceConsistently(kind: 'graph' | 'passages', bytes: Buffer): Promise<void> {
  await writeFile(await dataFile(kind), bytes);
  const manifest = await readManifest();
  manifest.files[kind] = { ...manifest.files[kind], bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
  await writeFile(manifestPath(), JSON.stringify(manifest));
}
const ids = (index: VectorIndex) => index.searchDense(query, 10).map((hit) => hit.passage.id);

/** Damages the index, then checks: loading refuses with the reason, building rebuilds with one warning. */
async function expectRebuilt(reason: RegExp): Promise<IndexBuildStats> {
  await expect(openIndex(project.indexDir)).rejects.toThrow(IndexUnavailableError);
  await expect(openIndex(project.indexDir)).rejects.toThrow(reason);
  const { index, stats } = await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder, logger });
  expect(stats.rebuilt).toMatch(reason);
  expect(stats).toMatchObject({ written: true, passages: built.count });
  expect(logged.warn).toHaveLength(1);
  expect(logged.warn[0]).toMatch(reason);
  expect(ids(index)).toEqual(ids(built));
  expect(ids(await openIndex(project.indexDir))).toEqual(ids(built));
  return stats;
}

describe('damaged index', () => {
  it('rebuilds when the graph file is truncated', async () => {
    const graph = await dataFile('graph');
    await truncate(graph, Math.floor((await readFile(graph)).byteLength / 2));
    const stats = await expectRebuilt(/graph file .* damaged/);
    // The passages and vectors were intact: the graph is rebuilt from them, nothing is embedded again.
    expect(stats).toMatchObject({ embedded: 0, reused: built.count });
  });

  it('rebuilds when the vectors file is truncated', async () => {
    await truncate(await dataFile('vectors'), 100);
    expect(await expectRebuilt(/vectors file .* damaged/)).toMatchObject({ embedded: built.count, reused: 0 });
  });

  it('rebuilds when a byte of the passages file changed, saying its content is not what the manifest recorded', async () => {
    const passages = await dataFile('passages');
    const bytes = await readFile(passages);
    const at = bytes.indexOf('Iraq');
    bytes[at] = 'i'.charCodeAt(0);
    await writeFile(passages, bytes);
    await expectRebuilt(/passages file .* is damaged \(its content differs from what the manifest recorded\)/);
  });

  it('rebuilds when the manifest is garbage', async () => {
    await writeFile(manifestPath(), '{"formatVersion": 1, "modelId": ');
    await expectRebuilt(/manifest is not valid JSON/);
  });

  it('rebuilds when the manifest does not fit the schema', async () => {
    const { count, ...withoutCount } = await readManifest();
    expect(count).toBe(built.count);
    await writeFile(manifestPath(), JSON.stringify(withoutCount));
    await expectRebuilt(/manifest invalid \(count:/);
  });

  it('rebuilds when the passages file is missing', async () => {
    await rm(await dataFile('passages'));
    await expectRebuilt(/passages file .* unreadable \(ENOENT\)/);
  });

  it('rebuilds when the passages file and the manifest disagree on the count', async () => {
    const records = [...fromJsonLines(await readFile(await dataFile('passages')))];
    await replaceConsistently('passages', toJsonLines(records.slice(1)));
    await expectRebuilt(/passages file has \d+ passages, manifest says \d+/);
  });

  it('reads a passages file written as one JSON array, as indexes before JSON lines were', async () => {
    const records = [...fromJsonLines(await readFile(await dataFile('passages')))];
    await replaceConsistently('passages', Buffer.from(JSON.stringify(records)));
    expect(ids(await openIndex(project.indexDir))).toEqual(ids(built));
  });

  it('rebuilds when hnswlib cannot read the graph file', async () => {
    await replaceConsistently('graph', Buffer.from('not an hnswlib index, but the manifest has its hash'));
    expect(await expectRebuilt(/graph file unreadable \(Hnswlib Error/)).toMatchObject({ embedded: 0 });
  });

  it('logs nothing as a warning when there simply is no index yet', async () => {
    await rm(project.indexDir, { recursive: true });
    const { stats } = await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder, logger });
    expect(stats.rebuilt).toMatch(/no index built yet/);
    expect(logged.warn).toEqual([]);
    expect(logged.info).toHaveLength(1);
    await rm(project.indexDir, { recursive: true });
    await expect(openIndex(project.indexDir)).rejects.toThrow(/no index built yet/);
  });
});

describe('interrupted writes', () => {
  it('ignores temp files left by a killed writer, and clears them on the next write', async () => {
    const graphName = (await readManifest()).files.graph.name;
    const leftovers = [`manifest.json.4242-deadbeef.tmp`, `graph.zzz999.hnsw.4242-cafebabe.tmp`, `${graphName}.4242-0badf00d.tmp`];
    await writeFile(join(project.indexDir, leftovers[0] ?? ''), '{"formatVersion": 1, "mod');
    for (const name of leftovers.slice(1)) await writeFile(join(project.indexDir, name), Buffer.alloc(1000, 7));

    expect(ids(await openIndex(project.indexDir))).toEqual(ids(built));
    const noChange = await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder, logger });
    expect(noChange.stats).toMatchObject({ rebuilt: null, written: false });

    const withFewer = await buildOrUpdateIndex({ dir: project.indexDir, sources: sources.slice(1), embedder, logger });
    expect(withFewer.stats.written).toBe(true);
    const left = await readdir(project.indexDir);
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps using the old generation when the new one was written but the manifest was not', async () => {
    // Generation 1: all but the last source. Keep a copy of its files.
    const fewer = sources.slice(0, -1);
    const old = (await buildOrUpdateIndex({ dir: project.indexDir, sources: fewer, embedder })).index;
    const saved = join(project.root, 'generation-1');
    await cp(project.indexDir, saved, { recursive: true });
    // Generation 2 gets written completely ...
    await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder });
    const newFiles = (await readdir(project.indexDir)).filter((name) => name !== 'manifest.json');
    // ... but put back generation 1's manifest and files: as if the process died before renaming the manifest.
    await cp(saved, project.indexDir, { recursive: true });
    expect((await readdir(project.indexDir)).length).toBeGreaterThan(newFiles.length + 1);

    const reopened = await openIndex(project.indexDir);
    expect(reopened.count).toBe(old.count);
    expect(reopened.passages).toEqual(old.passages);
    expect(ids(reopened)).toEqual(ids(old));

    // The next build updates generation 1 in place and sweeps the orphaned files away.
    const last = sources.at(-1);
    const { stats } = await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder, logger });
    expect(stats.rebuilt).toBeNull();
    expect(stats.files.added).toEqual([last?.file]);
    expect(logged.warn).toEqual([]);
    const manifest = await readManifest();
    const current = new Set(['manifest.json', ...Object.values(manifest.files as Record<string, { name: string }>).map((f) => f.name)]);
    expect(new Set(await readdir(project.indexDir))).toEqual(current);
  });
});
