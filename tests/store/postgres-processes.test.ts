// The Postgres store shared by processes: a build killed mid-write leaves the previous index serving,
// and bot processes keep answering, verbatim, while another process rebuilds.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embedding/types.js';
import type { Source } from '../../src/sources/types.js';
import { offlineEmbedder, seedSources } from '../index/setup.js';
import { startChild, step } from './children.js';
import { openPostgres, startServer, type PgliteServer } from './pglite.js';

const SYNC = 'tests/store/fixtures/sync-store.ts';
const ASK = 'tests/store/fixtures/ask-loop.ts';
const QUESTIONS = ['Who is Valentina Marvienko?', 'Which arms deal did Iraq sign with Russia?', 'What do the Shiite militias do?'];

let embedder: Embedder;
let seeds: Source[];
let seedPassages: number;

beforeAll(async () => {
  [embedder, seeds] = await Promise.all([offlineEmbedder(), seedSources()]);
  seedPassages = seeds.reduce((sum, source) => sum + source.passages.length, 0);
});
afterAll(() => embedder.dispose());

async function countRows(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM passages')).rows[0]?.n);
  } finally {
    await client.end();
  }
}

/** A PGlite server for the describe block it is called in, its store built on the seeds before the tests. */
function seededServer(): { readonly url: string } {
  let server: PgliteServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    const { store } = await openPostgres(server.url, seeds, embedder);
    await store.close();
  });
  afterAll(() => server?.stop());
  return {
    get url() {
      if (!server) throw new Error('the server starts before the tests');
      return server.url;
    },
  };
}

describe('Postgres store across processes', () => {
  const server = seededServer();

  it('keeps serving the previous index when a build is killed mid-write', async () => {
    const build = startChild(SYNC, [server.url, '3000']);
    await build.line(step('embedded'));
    // Every vector is made: the child is now writing its one transaction. Kill it there.
    await new Promise((resolve) => setTimeout(resolve, 400));
    build.process.kill('SIGKILL');
    const { signal } = await build.exited;
    expect(signal).toBe('SIGKILL');
    expect(build.lines.some(step('synced'))).toBe(false);

    expect(await countRows(server.url)).toBe(seedPassages);
    const { store, stats } = await openPostgres(server.url, seeds, embedder);
    try {
      expect(stats.written).toBe(false);
      expect(store.passageCount).toBe(seedPassages);
      const [best] = await store.lexical([{ term: 'marvienko', weight: 1 }], 1);
      expect(best?.passage.text).toContain('Marvienko');
    } finally {
      await store.close();
    }

    // Nothing the killed build left behind (lock, temp table, half a transaction) stops the next one.
    const retry = startChild(SYNC, [server.url, '3000']);
    const synced = JSON.parse(await retry.line(step('synced'))) as { passages: number; written: boolean };
    expect(synced).toMatchObject({ passages: seedPassages + 3000, written: true });
    expect((await retry.exited).code).toBe(0);
    expect(await countRows(server.url)).toBe(seedPassages + 3000);
  });
});

describe('Postgres store: two bot processes query while a third rebuilds', () => {
  const server = seededServer();

  it('answers every question, verbatim, before, during and after the rebuild', async () => {
    const readers = [startChild(ASK, [server.url, ...QUESTIONS]), startChild(ASK, [server.url, ...QUESTIONS.reverse()])];
    await Promise.all(readers.map((reader) => reader.line((line) => line === 'ready')));

    const rebuild = startChild(SYNC, [server.url, '2000']);
    const started = JSON.parse(await rebuild.line(step('started'))) as { at: number };
    const synced = JSON.parse(await rebuild.line(step('synced'))) as { at: number; passages: number; written: boolean };
    expect(synced).toMatchObject({ passages: seedPassages + 2000, written: true });
    expect((await rebuild.exited).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    for (const reader of readers) reader.process.stdin?.write('stop\n');
    for (const reader of readers) {
      const { code, stderr } = await reader.exited;
      expect(code, stderr).toBe(0);
      const summary = JSON.parse(reader.lines.at(-1)!) as {
        asks: { start: number; end: number; answered: boolean }[];
        failures: string[];
        quotes: number;
        notVerbatim: number;
      };
      expect(summary.failures).toEqual([]);
      expect(summary.notVerbatim).toBe(0);
      expect(summary.quotes).toBeGreaterThan(0);
      // Before the rebuild every question is answered; after it, passages of the synthetic sources (which
      // this process has no files for) may outrank the seeds', and the verbatim gate drops them.
      expect(summary.asks.filter((ask) => ask.end < started.at).every((ask) => ask.answered)).toBe(true);
      // Questions were asked while the rebuild ran, and after it committed.
      expect(summary.asks.filter((ask) => ask.end > started.at && ask.start < synced.at).length).toBeGreaterThan(0);
      expect(summary.asks.filter((ask) => ask.start > synced.at).length).toBeGreaterThan(0);
    }
    expect(await countRows(server.url)).toBe(seedPassages + 2000);
  });
});
