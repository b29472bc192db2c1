// The lexical index stored with a generation, loaded from the moment its manifest is read: on a worker
// thread for a large index, so loading it overlaps reading the rest (./lexical-on-worker.ts), and in
// this thread for a small one, where a worker would cost more to start than it saves.
import type { Passage } from '../sources/types.js';
import { LexicalIndex } from './lexical-index.js';
import { loadLexicalOnWorker, type StoredLexicalLoad } from './lexical-on-worker.js';
import type { IndexManifest } from './manifest.js';
import { readManifest } from './store.js';
import { readVerified } from './verified-file.js';

/**
 * Passages from which the stored lexical index loads on a worker. Starting one (tsx, minisearch) costs
 * ~0.2 s and a heap of its own; at 100,000 passages loading took ~2 s of the main thread.
 */
export const LEXICAL_WORKER_MIN_PASSAGES = 20_000;

/** Starts loading the manifest's lexical index; undefined when the generation has none (written before it was stored). */
export function startStoredLexicalLoad(dir: string, manifest: IndexManifest, workerMinPassages = LEXICAL_WORKER_MIN_PASSAGES): StoredLexicalLoad | undefined {
  const file = manifest.files.lexical;
  if (!file) return undefined;
  if (manifest.count >= workerMinPassages) return loadLexicalOnWorker({ dir, file, documentCount: manifest.count });
  const bytes = readVerified(dir, file, 'lexical');
  // Handled in take(); this keeps a read nobody takes from counting as unhandled.
  bytes.catch(() => {});
  return {
    async take(passages: readonly Passage[]) {
      try {
        return LexicalIndex.load(passages, await bytes);
      } catch {
        return undefined;
      }
    },
    cancel: async () => {},
  };
}

/**
 * A load started from the manifest as it was before the folder's write lock was taken (see
 * StoreLocation.prepare): a build adopts it only when the manifest it reads under the lock is the same
 * generation, and stops it otherwise.
 */
export interface EarlyLexicalLoad {
  generation: string;
  load: StoredLexicalLoad;
}

/** Starts loading the current generation's lexical index; undefined when there is no usable manifest or no stored lexical index. */
export async function startEarlyLexicalLoad(dir: string, workerMinPassages = LEXICAL_WORKER_MIN_PASSAGES): Promise<EarlyLexicalLoad | undefined> {
  let manifest: IndexManifest;
  try {
    manifest = await readManifest(dir);
  } catch {
    // The build reads the manifest again under the lock and reports what is wrong with it.
    return undefined;
  }
  const load = startStoredLexicalLoad(dir, manifest, workerMinPassages);
  return load && { generation: manifest.generation, load };
}
