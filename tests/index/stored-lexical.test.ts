// The lexical index is stored with each generation, beside the graph: a start loads it instead of
// analysing every passage again, it ranks exactly as one built afresh, and a missing or damaged file
// (or an index written before it was stored) is rebuilt and written, without embedding anything.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/types.js';
import { buildOrUpdateIndex } from '../../src/index/build.js';
import { embeddedStoreLocation } from '../../src/index/embedded-store.js';
import type { LexicalSearcher } from '../../src/index/lexical-hits.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { loadLexicalOnWorker } from '../../src/index/lexical-on-worker.js';
import { queryTerms } from '../../src/search/query-terms.js';
import type { Source } from '../../src/sources/types.js';
import type { StoreLogger } from '../../src/store/types.js';
import { offlineEmbedder, scratchProject, type ScratchProject } from './setup.js';

const PROBES = ['Valentina Matvienko', 'Russian arms deal with Iraq', 'Shiite militias fighting ISIS', 'S-400 missile systems'];

let embedder: Embedder;
let project: ScratchProject;
let sources: Source[];

beforeAll(async () => {
  embedder = await offlineEmbedder();
});
afterAll(() => embedder.dispose());
beforeEach(async () => {
  project = await scratchProject();
  sources = await project.sources();
  await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder });
});
afterEach(() => project.remove());

const manifestPath = () => join(project.indexDir, 'manifest.json');
const readManifest = async () => JSON.parse(await readFile(manifestPath(), 'utf8'));
let opened: LexicalSearcher[] = [];
afterEach(async () => {
  await Promise.all(opened.map((lexical) => lexical.close()));
  opened = [];
});

/** Same hits, scores and matched terms as a lexical index built now over the same passages, and the same term counts. */
async function expectFresh(lexical: LexicalSearcher) {
  const fresh = LexicalIndex.build(sources.flatMap((source) => source.passages));
  for (const probe of PROBES) {
    expect(await lexical.search(queryTerms(probe), 20)).toEqual(fresh.search(queryTerms(probe), 20));
    for (const { term } of queryTerms(probe)) {
      expect(lexical.stats.documentFrequency(term)).toBe(fresh.stats.documentFrequency(term));
      expect(lexical.stats.idf(term)).toBe(fresh.stats.idf(term));
    }
  }
  expect(lexical.stats.documentCount).toBe(fresh.stats.documentCount);
}

describe.each([
  ['in this thread', Number.POSITIVE_INFINITY],
  ['on a worker thread', 0],
])('stored lexical index, loaded %s', (_, lexicalWorkerMinPassages) => {
  const open = async (logger?: StoreLogger) => {
    const built = await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder, lexicalWorkerMinPassages, logger });
    opened.push(built.lexical);
    return built;
  };

  it('is written with the generation and checked by the manifest', async () => {
    const { files } = await readManifest();
    expect(files.lexical.name).toMatch(/^lexical\.[a-z0-9]+\.json$/);
    const bytes = await readFile(join(project.indexDir, files.lexical.name));
    expect(bytes.byteLength).toBe(files.lexical.bytes);
  });

  it('is loaded at the next start, ranking as one built afresh', async () => {
    const { lexical, stats } = await open();
    expect(stats.written).toBe(false);
    await expectFresh(lexical);
  });

  it('is rebuilt and written again when damaged, without embedding, saying so', async () => {
    const { files } = await readManifest();
    await writeFile(join(project.indexDir, files.lexical.name), '{"documentCount": 3');
    const warnings: string[] = [];
    const { lexical, stats } = await open({ info: () => {}, warn: (message) => warnings.push(message) });
    expect(stats).toMatchObject({ written: true, embedded: 0, rebuilt: null });
    expect(warnings).toEqual([expect.stringMatching(/^Rebuilding the stored BM25 index: its file could not be used/)]);
    await expectFresh(lexical);
    expect((await readManifest()).files.lexical.name).not.toBe(files.lexical.name);
    expect((await open()).stats.written).toBe(false);
  });

  it('is rebuilt when written before it held document frequencies', async () => {
    const manifest = await readManifest();
    const path = join(project.indexDir, manifest.files.lexical.name);
    const [header, ...index] = (await readFile(path, 'utf8')).split('\n');
    const { documentFrequency, ...older } = JSON.parse(header!);
    expect(Object.keys(documentFrequency).length).toBeGreaterThan(100);
    const bytes = Buffer.from([JSON.stringify(older), ...index].join('\n'));
    await writeFile(path, bytes);
    manifest.files.lexical = { ...manifest.files.lexical, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
    await writeFile(manifestPath(), JSON.stringify(manifest));
    const { lexical, stats } = await open();
    expect(stats).toMatchObject({ written: true, embedded: 0 });
    await expectFresh(lexical);
  });

  it('is added to an index written before it was stored', async () => {
    const manifest = await readManifest();
    await rm(join(project.indexDir, manifest.files.lexical.name));
    delete manifest.files.lexical;
    await writeFile(manifestPath(), JSON.stringify(manifest));
    const { lexical, stats } = await open();
    expect(stats).toMatchObject({ written: true, embedded: 0 });
    await expectFresh(lexical);
    expect((await readManifest()).files.lexical).toBeDefined();
  });
});

describe('stored lexical index on a worker thread', () => {
  const openOnWorker = () => buildOrUpdateIndex({ dir: project.indexDir, sources, embedder, lexicalWorkerMinPassages: 0 });

  it('keeps to one source, as in this thread', async () => {
    const { lexical } = await openOnWorker();
    const fresh = LexicalIndex.build(sources.flatMap((source) => source.passages));
    try {
      for (const source of sources) {
        const hits = await lexical.search(queryTerms('Russia Iraq ISIS'), 10, source.slug);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.every((hit) => hit.passage.source === source.slug)).toBe(true);
        expect(hits).toEqual(fresh.search(queryTerms('Russia Iraq ISIS'), 10, source.slug));
      }
    } finally {
      await lexical.close();
    }
  });

  it('answers searches asked at once, each with its own hits', async () => {
    const { lexical } = await openOnWorker();
    try {
      const answers = await Promise.all(PROBES.map((probe) => lexical.search(queryTerms(probe), 5)));
      const fresh = LexicalIndex.build(sources.flatMap((source) => source.passages));
      expect(answers).toEqual(PROBES.map((probe) => fresh.search(queryTerms(probe), 5)));
    } finally {
      await lexical.close();
    }
  });

  it.each([
    ['its stored file', false],
    ['its passages, the stored file being gone', true],
  ])('answers from this thread when its worker dies, the search in flight included, loading %s', async (_, fileGone) => {
    const { files, count } = await readManifest();
    const dying = new URL('./fixtures/dying-lexical-worker.ts', import.meta.url);
    const passages = sources.flatMap((source) => source.passages);
    const lexical = (await loadLexicalOnWorker({ dir: project.indexDir, file: files.lexical, documentCount: count }, dying).take(passages))!;
    opened.push(lexical);
    // A later generation written by another process removes this one's files.
    if (fileGone) await rm(join(project.indexDir, files.lexical.name));
    const fresh = LexicalIndex.build(passages);
    for (const probe of PROBES) expect(await lexical.search(queryTerms(probe), 5)).toEqual(fresh.search(queryTerms(probe), 5));
  });

  it('refuses a search once closed, instead of waiting forever', async () => {
    const { lexical } = await openOnWorker();
    await lexical.close();
    await expect(lexical.search(queryTerms('Matvienko'), 5)).rejects.toThrow(/closed/);
  });

  it('is stopped when the build fails while it loads, so the process can exit', async () => {
    const { stdout, exited } = await runFixture('failing-build.ts');
    expect(stdout).toContain('failed: the model is gone');
    expect(exited).toBe(0);
  }, 90_000);
});

describe('stored lexical index loaded before the store opens (prepare)', () => {
  const location = () => embeddedStoreLocation(project.indexDir, { lexicalWorkerMinPassages: 0 });

  it('is taken over by open(), ranking as one built afresh', async () => {
    const prepared = location();
    prepared.prepare();
    const { store, stats } = await prepared.open({ sources, embedder });
    opened.push(store.lexicalIndex);
    expect(stats.written).toBe(false);
    await expectFresh(store.lexicalIndex);
  });

  it('is not used when another process wrote a generation since', async () => {
    const prepared = location();
    prepared.prepare();
    await appendFile(join(project.seedsDir, '001_e53c0ad875243b71.txt'), '\nA paragraph about Valentina Matvienko added after the index was built.\n');
    sources = await project.sources();
    await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder });
    const { store, stats } = await prepared.open({ sources, embedder });
    opened.push(store.lexicalIndex);
    expect(stats.written).toBe(false);
    await expectFresh(store.lexicalIndex);
  });

  it('is stopped when open() will not come, so the process can exit', async () => {
    const stopped = await runFixture('prepared-then-abandoned.ts', 'stop');
    expect(stopped).toEqual({ stdout: 'stopped\n', exited: 0 });
    const failed = await runFixture('prepared-then-abandoned.ts', 'engine-fails');
    expect(failed.stdout).toMatch(/^failed: No usable source/);
    expect(failed.exited).toBe(0);
  }, 120_000);

  it('never keeps the process alive when nobody takes it or stops it', async () => {
    expect(await runFixture('prepared-then-abandoned.ts', 'forgotten')).toEqual({ stdout: 'left loading\n', exited: 0 });
  }, 90_000);
});

/** Runs a fixture script; `exited` is its exit code, or 'still running' after a minute. */
async function runFixture(script: string, ...args: string[]): Promise<{ stdout: string; exited: number | null | 'still running' }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('tests/index/fixtures', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exited = await Promise.race([
    new Promise<number | null>((resolve) => child.once('exit', resolve)),
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 60_000).unref()),
  ]);
  child.kill();
  return { stdout, exited };
}
