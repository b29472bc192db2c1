// One writer at a time per index folder. The bot starting while `npm run index` runs would otherwise
// have each process remove the other's half-written generation. proper-lockfile's lock is a
// directory made atomically and touched while held, so a lock left by a killed process goes stale
// and is taken over instead of blocking every later start.
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { makeDirectory } from '../config/make-directory.js';

export const WRITE_LOCK_NAME = 'write.lock';

export interface WriteLockOptions {
  /** How long to wait for another writer before giving up. */
  waitMs?: number;
  /** A lock not touched for this long belongs to a dead process. Above the longest the event loop blocks while building. */
  staleMs?: number;
  /** Called once when another process holds the lock and this one starts waiting. */
  onWait?: () => void;
  /** Called if the lock was lost while held (the folder vanished, or the holder stalled past staleMs). */
  onCompromised?: (error: Error) => void;
}

export class IndexLockedError extends Error {
  constructor(dir: string, waitedMs: number) {
    super(`Another process has been writing the index in ${dir} for over ${Math.round(waitedMs / 1000)} s; try again when it has finished.`);
    this.name = 'IndexLockedError';
  }
}

const DEFAULT_WAIT_MS = 10 * 60_000;
const DEFAULT_STALE_MS = 2 * 60_000;
const POLL_MS = 250;

/** Runs `work` holding the folder's write lock, waiting for another writer to finish first. */
export async function withWriteLock<T>(dir: string, work: () => Promise<T>, options: WriteLockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const settings = {
    realpath: false,
    lockfilePath: join(dir, WRITE_LOCK_NAME),
    stale: options.staleMs ?? DEFAULT_STALE_MS,
    onCompromised: options.onCompromised ?? (() => {}),
  };
  await makeDirectory(dir);
  const started = Date.now();
  let waiting = false;
  let release: (() => Promise<void>) | undefined;
  while (!release) {
    try {
      release = await lockfile.lock(dir, settings);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const waited = Date.now() - started;
      if (waited >= waitMs) throw new IndexLockedError(dir, waited);
      if (!waiting) options.onWait?.();
      waiting = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, waitMs - waited)));
    }
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {
      // Already released because it was compromised; onCompromised has said so.
    });
  }
}
