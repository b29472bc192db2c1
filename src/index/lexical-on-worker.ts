// The stored lexical index loaded and searched on a worker thread (./lexical-worker.ts). Loading it is
// the longest part of opening a large index (minisearch rebuilds a map per posting list: about two
// seconds at 100,000 passages), and on its own thread it overlaps reading the graph and vectors here.
// Searches are posted to the worker and come back as matches over document numbers.
import type { Passage } from '../sources/types.js';
import type { LexicalHit, WeightedTerm } from '../store/types.js';
import { termStatsOf } from '../search/termStats.js';
import { lexicalHits, type LexicalMatch, type LexicalSearcher } from './lexical-hits.js';
import type { StoredFile } from './manifest.js';
import { startTsWorker } from './ts-worker.js';
import { readVerified } from './verified-file.js';

export interface LexicalWorkerInit {
  dir: string;
  file: StoredFile;
  documentCount: number;
}

export type LexicalWorkerRequest =
  | { type: 'documents'; sources: readonly string[] }
  | { type: 'search'; id: number; terms: readonly WeightedTerm[]; k: number; source?: string };

export type LexicalWorkerReply =
  | { type: 'loaded'; documentFrequencies: Map<string, number> }
  | { type: 'failed'; reason: string }
  | { type: 'matches'; id: number; matches: LexicalMatch[] }
  | { type: 'error'; id: number; message: string };

/** A stored lexical index being loaded. */
export interface StoredLexicalLoad {
  /** The index over these passages, once loaded; undefined when its file is damaged or does not fit them. */
  take(passages: readonly Passage[]): Promise<LexicalSearcher | undefined>;
  /** Stops the load (or the loaded index): the build writes a new one, or will not use this one. */
  cancel(): Promise<void>;
}

const WORKER_MODULE = new URL('./lexical-worker.ts', import.meta.url);

/** `workerModule` is the worker's code: ./lexical-worker.ts, or in tests one that fails on purpose. */
export function loadLexicalOnWorker(init: LexicalWorkerInit, workerModule: URL = WORKER_MODULE): StoredLexicalLoad {
  const worker = startTsWorker(workerModule, init);
  const pending = new Map<number, { resolve: (matches: LexicalMatch[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  // The worker keeps the process alive only while someone waits on it: for the load (take) or a search.
  // A load nobody takes (started early, then the process had to stop) never holds the process open.
  const settle = () => {
    if (pending.size === 0) worker.unref();
  };

  const loaded = new Promise<Map<string, number> | undefined>((resolve) => {
    const fail = (error: Error) => {
      failure ??= error;
      resolve(undefined);
      for (const waiting of pending.values()) waiting.reject(failure);
      pending.clear();
    };
    worker.on('message', (reply: LexicalWorkerReply) => {
      if (reply.type === 'loaded') resolve(reply.documentFrequencies);
      else if (reply.type === 'failed') resolve(undefined);
      else {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        settle();
        if (reply.type === 'matches') waiting?.resolve(reply.matches);
        else waiting?.reject(new Error(`lexical search failed: ${reply.message}`));
      }
    });
    worker.on('error', (error) => fail(new Error(`lexical index worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`lexical index worker stopped unexpectedly (exit code ${code})`));
    });
  });

  // After the listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();

  let closed: Promise<unknown> | undefined;
  // Closing twice (a build stopping a load it also hands back) waits on the one termination.
  const close = async (): Promise<void> => {
    closing = true;
    failure ??= new Error('the lexical index was closed');
    await (closed ??= worker.terminate());
  };

  return {
    async take(passages) {
      worker.ref();
      const frequencies = await loaded;
      if (!frequencies) {
        await close();
        return undefined;
      }
      worker.postMessage({ type: 'documents', sources: passages.map((passage) => passage.source) } satisfies LexicalWorkerRequest);
      settle();
      // A worker that dies after loading (out of memory, a crash) leaves its searches, those waiting
      // included, to the same stored index loaded once in this thread: slower, never unanswered.
      let inThread: Promise<LexicalSearcher> | undefined;
      const searchInThread = (terms: readonly WeightedTerm[], k: number, source?: string) => {
        inThread ??= loadInThread(init, passages).catch((error: unknown) => {
          inThread = undefined;
          throw error;
        });
        return inThread.then((index) => index.search(terms, k, source));
      };
      return {
        stats: termStatsOf(passages.length, frequencies),
        search(terms, k, source): Promise<LexicalHit[]> {
          if (closing) return Promise.reject(failure);
          if (failure) return searchInThread(terms, k, source);
          const id = nextId++;
          return new Promise<LexicalMatch[]>((resolve, reject) => {
            pending.set(id, { resolve, reject });
            worker.ref();
            worker.postMessage({ type: 'search', id, terms, k, ...(source === undefined ? {} : { source }) } satisfies LexicalWorkerRequest);
          }).then(
            (matches) => lexicalHits(matches, passages),
            // A search the worker itself rejected fails as it would here; one lost with the worker is asked again here.
            (error: unknown) => (failure && !closing ? searchInThread(terms, k, source) : Promise.reject(error)),
          );
        },
        close,
      };
    },
    cancel: close,
  };
}

/**
 * The index in this thread (its modules imported only now: the worker is the usual case): the stored
 * file, or, when a later generation has replaced it since, built from the passages themselves.
 */
async function loadInThread(init: LexicalWorkerInit, passages: readonly Passage[]): Promise<LexicalSearcher> {
  const { LexicalIndex } = await import('./lexical-index.js');
  try {
    return LexicalIndex.load(passages, await readVerified(init.dir, init.file, 'lexical'));
  } catch {
    return LexicalIndex.build(passages);
  }
}
