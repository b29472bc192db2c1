// Index build throughput on a fresh folder: passages per second for the whole build (embed, HNSW
// insert, persist), and where the time goes.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
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
  /** Time spent inside the embedder (embedPassages calls). */
  embedSeconds: number;
  /**
   * The rest of the build, less persisting: mostly HNSW inserts that embedding did not hide. Large
   * builds insert on a worker thread while embedding goes on, so only the tail after the last batch
   * (and reading the worker's graph back) counts here; small builds insert in-thread between batches.
   */
  insertSeconds: number;
  /** Writing the index files, timed by writing the built index again into another folder. */
  persistSeconds: number;
  /** Reading the built index back (what every start pays once the index exists). */
  loadSeconds: number;
}

export async function measureBuild(corpus: string, sources: readonly Source[], embedder: Embedder, dir: string): Promise<BuildFigures> {
  let embedMs = 0;
  const timedEmbedder: Embedder = {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    embedPassages: async (texts) => {
      const callStarted = performance.now();
      try {
        return await embedder.embedPassages(texts);
      } finally {
        embedMs += performance.now() - callStarted;
      }
    },
    embedQuery: (text) => embedder.embedQuery(text),
    dispose: () => embedder.dispose(),
  };
  let reported = 0;
  const started = performance.now();
  const { stats } = await buildOrUpdateIndex({
    dir,
    sources,
    embedder: timedEmbedder,
    onProgress: (done, total) => {
      if (done - reported >= 10_000) progress(`${corpus}: embedded ${(reported = done)} of ${total} passages`);
    },
  });
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  if (stats.embedded !== stats.passages) throw new Error(`${corpus}: expected a build from scratch, ${stats.reused} passages were reused`);

  const loadStarted = performance.now();
  const stored = await readStoredIndex(dir);
  const loadSeconds = secondsSince(loadStarted);
  const lexicalBytes = await readFile(join(dir, stored.manifest.files.lexical!.name));
  const rewriteDir = `${dir}-rewrite`;
  const persistStarted = performance.now();
  await writeStoredIndex(rewriteDir, stored.manifest, stored.graph, stored.entries, lexicalBytes);
  const persistSeconds = secondsSince(persistStarted);
  await rm(rewriteDir, { recursive: true, force: true });

  return {
    corpus,
    passages: stats.passages,
    seconds,
    passagesPerSecond: stats.passages / seconds,
    embedSeconds: embedMs / 1000,
    insertSeconds: seconds - embedMs / 1000 - persistSeconds,
    persistSeconds,
    loadSeconds,
  };
}
