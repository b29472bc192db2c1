// The Postgres store against a real Postgres with pgvector: a first build over the seeds, the same
// candidates as the embedded store (BM25 scores equal to minisearch's, dense hits equal to exact
// search), term counts, calibration and the slug book kept in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabelledQuestions } from '../../src/calibration/labelled-file.js';
import { fromProjectRoot } from '../../src/config/paths.js';
import type { Embedder } from '../../src/embedding/types.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { buildOrUpdateIndex } from '../../src/index/build.js';
import type { VectorIndex } from '../../src/index/vector-index.js';
import { queryTerms } from '../../src/search/query-terms.js';
import type { Source } from '../../src/sources/types.js';
import { postgresStoreLocation } from '../../src/store/postgres/location.js';
import type { DenseHit, PassageStore, StoreSyncStats } from '../../src/store/types.js';
import { offlineEmbedder, scratchProject, type ScratchProject } from '../index/setup.js';
import { openPostgres, startServer, type PgliteServer } from './pglite.js';

let server: PgliteServer;
let embedder: Embedder;
let project: ScratchProject;
let sources: Source[];
let store: PassageStore;
let stats: StoreSyncStats;
let embedded: VectorIndex;
let lexical: LexicalIndex;
let questions: string[];

beforeAll(async () => {
  [server, embedder, project] = await Promise.all([startServer(), offlineEmbedder(), scratchProject()]);
  sources = await project.sources();
  ({ store, stats } = await openPostgres(server.url, sources, embedder));
  embedded = (await buildOrUpdateIndex({ dir: project.indexDir, sources, embedder })).index;
  lexical = LexicalIndex.build(embedded.passages);
  const heldout = await readLabelledQuestions(fromProjectRoot('tests/heldout/questions.jsonl'));
  questions = heldout.map((q) => q.question);
});

afterAll(async () => {
  await store?.close();
  await embedder?.dispose();
  await project?.remove();
  await server?.stop();
});

describe('Postgres store: first build', () => {
  it('embeds every passage once and records the sources', () => {
    const passages = sources.flatMap((source) => source.passages);
    expect(stats).toMatchObject({ sources: sources.length, passages: passages.length, embedded: passages.length, reused: 0, rebuilt: 'no index built yet', written: true });
    expect(stats.files.added).toEqual(sources.map((source) => source.file));
    expect(store.passageCount).toBe(passages.length);
    expect(store.modelId).toBe(embedder.modelId);
    expect(store.dimensions).toBe(embedder.dimensions);
    for (const source of sources) expect(store.passagesOf(source.slug)).toBe(source.passages.length);
    expect(store.passagesOf('no-such-source')).toBe(0);
  });

  it('opens again without writing anything, from another connection', async () => {
    const again = await openPostgres(server.url, sources, embedder);
    await again.store.close();
    expect(again.stats).toMatchObject({ embedded: 0, reused: store.passageCount, rebuilt: null, written: false });
    expect(again.stats.files.unchanged).toHaveLength(sources.length);
  });

  it('keeps the slugs given to the sources', async () => {
    const book = await postgresStoreLocation(server.url).readSlugBook();
    expect(Object.keys(book).sort()).toEqual(sources.map((source) => source.slug).sort());
    for (const source of sources) expect(book[source.slug]).toEqual({ file: source.file, hash: source.hash });
  });
});

describe('Postgres store: queries', () => {
  it('scores BM25 exactly as the embedded store does, on every held-out question', async () => {
    let compared = 0;
    for (const question of questions) {
      const terms = queryTerms(question);
      const [fromPostgres, fromMemory] = [await store.lexical(terms, 30), lexical.search(terms, 30)];
      expect(fromPostgres.map((hit) => hit.score)).toEqual(fromMemory.map((hit) => expect.closeTo(hit.score, 9)));
      // Same passages at each score (order within an exact tie is free).
      const byScore = (hits: typeof fromPostgres) => hits.map((hit) => `${hit.score.toFixed(9)} ${hit.passage.id} ${[...hit.passageTerms].sort()}`).sort();
      expect(byScore(fromPostgres)).toEqual(byScore(fromMemory));
      compared += fromMemory.length;
    }
    expect(compared).toBeGreaterThan(questions.length * 5);
  });

  it('matches a misspelt name to the passage that spells it right, as the embedded store does', async () => {
    const terms = queryTerms('What did Valentina Matvienko promise?');
    const [best] = await store.lexical(terms, 5);
    const [expected] = lexical.search(terms, 5);
    expect(best?.passage.text).toContain('Marvienko');
    expect(best?.passageTerms).toContain('marvienko');
    expect(best?.terms).toContain('matvienko');
    expect(best?.score).toBeCloseTo(expected?.score ?? 0, 9);
  });

  it('honours term weights: a term weighted below 1 counts for less', async () => {
    const full = await store.lexical([{ term: 'marvienko', weight: 1 }], 1);
    const half = await store.lexical([{ term: 'marvienko', weight: 0.5 }], 1);
    expect(half[0]?.passage.id).toBe(full[0]?.passage.id);
    expect(half[0]?.score).toBeCloseTo((full[0]?.score ?? 0) / 2, 9);
    const memory = lexical.search([{ term: 'marvienko', weight: 0.5 }], 1);
    expect(half[0]?.score).toBeCloseTo(memory[0]?.score ?? 0, 9);
  });

  it('finds the exact nearest passages by cosine, within one source too', async () => {
    // pgvector computes in float32, so near-ties may swap places: compared by similarity at each rank.
    const sameHits = (hits: DenseHit[], exact: DenseHit[]) => {
      expect(hits).toHaveLength(exact.length);
      hits.forEach((hit, i) => {
        expect(hit.similarity).toBeCloseTo(exact[i]!.similarity, 5);
        expect(hit.similarity).toBeCloseTo(exact.find((e) => e.passage.id === hit.passage.id)?.similarity ?? NaN, 5);
      });
    };
    const slug = sources[1]!.slug;
    for (const question of questions.slice(0, 20)) {
      const vector = await embedder.embedQuery(question);
      sameHits(await store.dense(vector, 10), embedded.bruteForce(vector, 10));
      const inSource = await store.dense(vector, 5, slug);
      expect(inSource.every((hit) => hit.passage.source === slug)).toBe(true);
      sameHits(inSource, embedded.bruteForce(vector, 5, (p) => p.source === slug));
    }
  });

  it('gives the similarity of named passages and the document frequency of terms', async () => {
    const vector = await embedder.embedQuery('arms deal with Russia');
    const ids = embedded.passages.slice(0, 7).map((passage) => passage.id);
    const similarities = await store.similarities(vector, [...ids, 'no-such:p1']);
    expect([...similarities.keys()].sort()).toEqual([...ids].sort());
    ids.forEach((id, i) => expect(similarities.get(id)).toBeCloseTo(embedded.bruteForce(vector, embedded.count).find((hit) => hit.passage.id === id)!.similarity, 5));

    const counts = await store.termCounts(['iraq', 'marvienko', 'zzzunknown']);
    expect(counts.documentCount).toBe(embedded.count);
    expect(counts.documentFrequency.get('iraq')).toBe(lexical.stats.documentFrequency('iraq'));
    expect(counts.documentFrequency.get('marvienko')).toBe(lexical.stats.documentFrequency('marvienko'));
    expect(counts.documentFrequency.has('zzzunknown')).toBe(false);
  });

  it('keeps a calibration in the database', async () => {
    expect(await store.readCalibration()).toBeUndefined();
    await store.saveCalibration({ key: 'model+corpus', data: { minScore: 0.25, nested: { a: [1, 2] } } });
    expect(await store.readCalibration()).toEqual({ key: 'model+corpus', data: { minScore: 0.25, nested: { a: [1, 2] } } });
    await store.saveCalibration({ key: 'model+corpus-2', data: { minScore: 0.3 } });
    const again = await openPostgres(server.url, sources, embedder);
    try {
      expect(await again.store.readCalibration()).toEqual({ key: 'model+corpus-2', data: { minScore: 0.3 } });
    } finally {
      await again.store.close();
    }
  });
});
