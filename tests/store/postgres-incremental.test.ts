// Updating the Postgres store in place: only passages with new text are embedded, removed files
// leave it, a renamed file keeps its rows, and after every update the lexical side scores exactly
// as a lexical index built afresh over the current passages would. A different model rebuilds.
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/types.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { queryTerms } from '../../src/search/query-terms.js';
import type { Passage, Source } from '../../src/sources/types.js';
import type { PassageStore } from '../../src/store/types.js';
import { offlineEmbedder, scratchProject, type ScratchProject } from '../index/setup.js';
import { openPostgres, startServer, type PgliteServer } from './pglite.js';

const PROBES = ['Russian arms deal with Iraq', 'Shiite militias fighting ISIS', 'Valentina Marvienko', 'zebras crossed Reykjavik'];

let embedder: Embedder;
let server: PgliteServer;
let project: ScratchProject;
let sources: Source[];
const open: PassageStore[] = [];

beforeAll(async () => {
  embedder = await offlineEmbedder();
});
afterAll(() => embedder.dispose());

beforeEach(async () => {
  [server, project] = await Promise.all([startServer(), scratchProject()]);
  sources = await project.sources();
  await update(sources);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await project.remove();
  await server.stop();
});

async function update(current: readonly Source[], model: Embedder = embedder) {
  const opened = await openPostgres(server.url, current, model);
  open.push(opened.store);
  return opened;
}

/** The store holds exactly these passages: same counts and BM25 scores as an index built over them now. */
async function expectLexicalOf(store: PassageStore, passages: readonly Passage[]) {
  const fresh = LexicalIndex.build(passages);
  expect(store.passageCount).toBe(passages.length);
  for (const probe of PROBES) {
    const terms = queryTerms(probe);
    const hits = await store.lexical(terms, 20);
    expect(hits.map((hit) => [hit.passage.id, hit.score])).toEqual(fresh.search(terms, 20).map((hit) => [hit.passage.id, expect.closeTo(hit.score, 9)]));
    const counts = await store.termCounts(terms.map((t) => t.term));
    for (const { term } of terms) expect(counts.documentFrequency.get(term) ?? 0).toBe(fresh.stats.documentFrequency(term));
  }
}

const unseen = (passages: readonly Passage[], before: readonly Source[]) => {
  const known = new Set(before.flatMap((source) => source.passages.map((passage) => passage.text)));
  return passages.filter((passage) => !known.has(passage.text));
};

describe('Postgres store: incremental update', () => {
  it('re-embeds only the edited passage of a changed file, and search sees the edit', async () => {
    const target = sources[2]!;
    const paragraph = target.passages.find((passage) => passage.kind === 'article' && passage.paragraph === 3)!;
    const edited = target.text.slice(0, paragraph.end) + ' A brass band of zebras crossed Reykjavik at dawn.' + target.text.slice(paragraph.end);
    await writeFile(join(project.seedsDir, target.fileName), edited);

    const current = await project.sources();
    const { store, stats } = await update(current);
    const changed = current.find((source) => source.file === target.file)!;
    expect(stats.rebuilt).toBeNull();
    expect(stats.files.changed).toEqual([target.file]);
    expect(stats.embedded).toBe(unseen(changed.passages, sources).length);
    expect(stats.embedded).toBeGreaterThan(0);
    expect(stats.embedded).toBeLessThan(changed.passages.length);
    await expectLexicalOf(store, current.flatMap((source) => source.passages));

    const [best] = await store.dense(await embedder.embedQuery('brass band of zebras in Reykjavik'), 1);
    expect(best?.passage.text).toContain('zebras crossed Reykjavik');
    // Passages after the edit moved in the file: their rows carry the new offsets.
    const moved = changed.passages.at(-1)!;
    const [found] = (await store.lexical(queryTerms(moved.text), 50)).filter((hit) => hit.passage.id === moved.id);
    expect(found?.passage).toEqual(moved);
  });

  it('embeds a new file and nothing else, and forgets a removed one', async () => {
    const model = sources[0]!;
    await writeFile(join(project.seedsDir, '900_new_page.txt'), model.text.replaceAll('Iraq', 'Jordan').replaceAll('Russia', 'Brazil'));
    await rm(join(project.seedsDir, sources[4]!.fileName));
    const current = await project.sources();
    const added = current.find((source) => source.fileName === '900_new_page.txt')!;

    const { store, stats } = await update(current);
    expect(stats.files.added).toEqual([added.file]);
    expect(stats.files.removed).toEqual([sources[4]!.file]);
    expect(stats.embedded).toBe(unseen(added.passages, sources).length);
    expect(store.passagesOf(sources[4]!.slug)).toBe(0);
    expect(store.passagesOf(added.slug)).toBe(added.passages.length);
    await expectLexicalOf(store, current.flatMap((source) => source.passages));
    const hits = await store.dense(await embedder.embedQuery('Jordan seeks Brazilian help'), 50);
    expect(hits.some((hit) => hit.passage.source === sources[4]!.slug)).toBe(false);
  });

  it('keeps the rows and vectors of a renamed file, under its slug', async () => {
    const target = sources[1]!;
    await rename(join(project.seedsDir, target.fileName), join(project.seedsDir, `zz_${target.fileName}`));
    const { store, stats } = await update(await project.sources());
    expect(stats.embedded).toBe(0);
    expect(stats.written).toBe(true);
    const [best] = await store.lexical(queryTerms(target.passages[0]!.text), 1);
    expect(best?.passage.file).toBe(`seeds/zz_${target.fileName}`);
    expect(best?.passage.source).toBe(target.slug);
  });

  it('rebuilds for another model', async () => {
    const other = await offlineEmbedder({ quantized: false });
    try {
      const { store, stats } = await update(sources, other);
      expect(stats.rebuilt).toMatch(/model changed/);
      expect(stats.embedded).toBe(stats.passages);
      expect(store.modelId).toBe(other.modelId);
      await expectLexicalOf(store, sources.flatMap((source) => source.passages));
    } finally {
      await other.dispose();
    }
  });
});
