// The stored lexical index of a large embedded index, loading on its worker before the store is opened:
// started as early as a process knows its embeddings folder (StoreLocation.prepare, or the command
// line before it imports the engine), so that loading it overlaps starting up, loading the model and
// reading the sources. Imports neither minisearch nor the text analysis, for that reason.
import { readManifest, type IndexManifest } from './manifest.js';
import { loadLexicalOnWorker, type StoredLexicalLoad } from './lexical-on-worker.js';

/**
 * Passages from which the stored lexical index loads on a worker. Starting one (tsx, minisearch) costs
 * ~0.2 s and a heap of its own; at 100,000 passages loading took ~2 s of the main thread.
 */
export const LEXICAL_WORKER_MIN_PASSAGES = 20_000;

/**
 * A load started from the manifest as it was before the folder's write lock was taken: a build adopts
 * it only when the manifest it reads under the lock is the same generation, and stops it otherwise.
 */
export interface EarlyLexicalLoad {
  generation: string;
  load: StoredLexicalLoad;
}

/**
 * Starts loading the current generation's lexical index on a worker; undefined when there is no
 * usable manifest, no stored lexical index, or too few passages for a worker to pay (a build then
 * reads it in its own thread).
 */
export async function startEarlyLexicalLoad(dir: string, workerMinPassages = LEXICAL_WORKER_MIN_PASSAGES): Promise<EarlyLexicalLoad | undefined> {
  try {
    const manifest = await readManifest(dir);
    const load = loadOnWorkerIfLarge(dir, manifest, workerMinPassages);
    return load && { generation: manifest.generation, load };
  } catch {
    // The build reads the manifest again under the lock and reports what is wrong with it.
    return undefined;
  }
}

/** The manifest's lexical index loading on a worker, when it has one and enough passages for a worker to pay. */
export function loadOnWorkerIfLarge(dir: string, manifest: IndexManifest, workerMinPassages: number): StoredLexicalLoad | undefined {
  const file = manifest.files.lexical;
  if (!file || manifest.count < workerMinPassages) return undefined;
  return loadLexicalOnWorker({ dir, file, documentCount: manifest.count });
}
