// The lexical index stored with a generation, loaded from the moment its manifest is read: on a worker
// thread for a large index, so loading it overlaps reading the rest (./lexical-on-worker.ts), and in
// this thread for a small one, where a worker would cost more to start than it saves.
import type { Passage } from '../sources/types.js';
import { LexicalIndex } from './lexical-index.js';
import type { StoredLexicalLoad } from './lexical-on-worker.js';
import { LEXICAL_WORKER_MIN_PASSAGES, loadOnWorkerIfLarge } from './early-lexical.js';
import type { IndexManifest } from './manifest.js';
import { readVerified } from './verified-file.js';

/** Starts loading the manifest's lexical index; undefined when the generation has none (written before it was stored). */
export function startStoredLexicalLoad(dir: string, manifest: IndexManifest, workerMinPassages = LEXICAL_WORKER_MIN_PASSAGES): StoredLexicalLoad | undefined {
  const file = manifest.files.lexical;
  if (!file) return undefined;
  const onWorker = loadOnWorkerIfLarge(dir, manifest, workerMinPassages);
  if (onWorker) return onWorker;
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
