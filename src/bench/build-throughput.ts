// Index build throughput on a fresh folder: passages per second for the whole build (embed, HNSW
// insert, persist), and where the time goes.
import { rm } from 'node:fs/promises';
import type { Embedder } from '../embedding/types.js';
import { buildOrUpdateIndex } from '../index/build.js';
import { readStoredIndex, writeStoredIndex } from '../index/store.js';
import type { Source } from '../sources/types.js';
import { progress, secondsSince } from './progress.js';

export interface BuildFigures {
  corpus: string;
  passages: number;
  seconds: number;
  passagesPerSecond: number;
  /** Embedding the passage texts (embedInBatches: start to last batch). */
  embedSeconds: number;
  /** HNSW inserts: the build after embedding, less the time writing the files takes. */
  insertSeconds: number;
  /** Writing the index files, timed by writing the built index again into another folder. */
  persistSeconds: number;
  /** Reading the built index back (what every start pays once the index exists). */
  loadSeconds: number;
}

export async function measureBuild(corpus: string, sources: readonly Source[], embedder: Embedder, dir: string): Promise<BuildFigures> {
  let embedStarted = 0;
  let embedEnded = 0;
  let reported = 0;
  const started = performance.now();
  const { stats } = await buildOrUpdateIndex({
    dir,
    sources,
    embedder,
    onProgress: (done, total) => {
      if (done === 0) embedStarted = performance.now();
      if (done === total) embedEnded = performance.now();
      if (done - reported >= 10_000) progress(`${corpus}: embedded ${(reported = done)} of ${total} passages`);
    },
  });
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  if (stats.embedded !== stats.passages) throw new Error(`${corpus}: expected a build from scratch, ${stats.reused} passages were reused`);

  const loadStarted = performance.now();
  const stored = await readStoredIndex(dir);
  const loadSeconds = secondsSince(loadStarted);
  const rewriteDir = `${dir}-rewrite`;
  const persistStarted = performance.now();
  await writeStoredIndex(rewriteDir, stored.manifest, stored.graph, stored.entries);
  const persistSeconds = secondsSince(persistStarted);
  await rm(rewriteDir, { recursive: true, force: true });

  return {
    corpus,
    passages: stats.passages,
    seconds,
    passagesPerSecond: stats.passages / seconds,
    embedSeconds: (embedEnded - embedStarted) / 1000,
    insertSeconds: (ended - embedEnded) / 1000 - persistSeconds,
    persistSeconds,
    loadSeconds,
  };
}
