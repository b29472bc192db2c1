// Watches the seeds folder (chokidar) and reloads the engine when a source file or sources.json is
// added, changed or removed, so a running bot or console answers from the sources as they are.
import { basename } from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import { METADATA_FILE } from '../sources/metadata.js';

export interface SourceWatcher {
  /** Resolves once the watcher is ready to see changes. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last change before reloading, so a burst of saves makes one reload. */
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

const DEFAULT_DEBOUNCE_MS = 300;

const isSourceFile = (path: string): boolean => /\.txt$/i.test(path) || basename(path) === METADATA_FILE;

export function watchSources(seedsDir: string, reload: () => void, options: WatchOptions = {}): SourceWatcher {
  const watcher: FSWatcher = chokidar.watch(seedsDir, {
    ignoreInitial: true,
    depth: 0,
    // A file being written is read once its size has settled, not half-way through.
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
  });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, path) => {
    if (!isSourceFile(path)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  });
  watcher.on('error', (error) => options.onError?.(error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
