// One writer at a time per index folder. The bot starting while `npm run index` runs would otherwise
// have each process remove the other's half-written generation. proper-lockfile's lock is a
// directory made atomically and touched while held; next to it the holder records who it is (pid,
// host, start). A lock whose holder died is taken over at once when the holder ran on this machine
// (its pid is gone, or now belongs to a younger process), else once it has gone stale.
//
// Taking the lock and taking over a dead one happen under a short claim (a second lock held for
// milliseconds), so the holder record always describes the lock beside it and two waiters can never
// both remove a dead lock and so remove the new one too.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { makeDirectory } from '../config/make-directory.js';
import { currentHolder, describeHolder, holderIsGone, readHolder, removeHolder, writeHolder, type LockHolder } from './lock-holder.js';

export const WRITE_LOCK_NAME = 'write.lock';
export const WRITE_LOCK_HOLDER_NAME = 'write.lock.holder.json';
const CLAIM_NAME = 'write.lock.claim';

export interface WriteLockOptions {
  /** How long to wait for another writer before giving up. */
  waitMs?: number;
  /** A lock not touched for this long belongs to a dead process, whoever held it. Above the longest the event loop blocks while building. */
  staleMs?: number;
  /** Called once when another process holds the lock and this one starts waiting. */
  onWait?: (holder: LockHolder | undefined) => void;
  /** Called when a lock left by a dead process is taken over. */
  onTakeOver?: (holder: LockHolder) => void;
  /** Called if the lock was lost while held (the folder vanished, or the holder stalled past staleMs). */
  onCompromised?: (error: Error) => void;
}

export class IndexLockedError extends Error {
  constructor(dir: string, waitedMs: number, holder: LockHolder | undefined) {
    super(
      `Another process has been writing the index in ${dir} for over ${Math.round(waitedMs / 1000)} s (${describeHolder(holder)}); ` +
        'try again when it has finished.',
    );
    this.name = 'IndexLockedError';
  }
}

const DEFAULT_WAIT_MS = 10 * 60_000;
const DEFAULT_STALE_MS = 2 * 60_000;
const POLL_MS = 250;
/** proper-lockfile's shortest staleness: a claim left by a process killed in those milliseconds frees itself this soon. */
const CLAIM_STALE_MS = 2_000;
/** About half a second of retries, 5 ms apart at first. */
const CLAIM_RETRIES = { retries: 10, factor: 1.5, minTimeout: 5, maxTimeout: 100 };

type Release = () => Promise<void>;
/** One try: the lock taken, held by another writer, or the claim busy (another process taking the lock right now). */
type Attempt = { taken: Release } | { heldBy: LockHolder | undefined } | 'claim-busy';

/** Runs `work` holding the folder's write lock, waiting for another writer to finish first. */
export async function withWriteLock<T>(dir: string, work: () => Promise<T>, options: WriteLockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  await makeDirectory(dir);
  const started = Date.now();
  let waiting = false;
  let holder: LockHolder | undefined;
  let release: Release | undefined;
  const me = currentHolder();
  while (!release) {
    const attempt = await claimed(dir, () => tryLock(dir, me, options));
    if (typeof attempt === 'object' && 'taken' in attempt) {
      release = attempt.taken;
      break;
    }
    if (typeof attempt === 'object') {
      holder = attempt.heldBy;
      if (!waiting) options.onWait?.(holder);
      waiting = true;
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new IndexLockedError(dir, waited, holder);
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, waitMs - waited)));
  }
  try {
    return await work();
  } finally {
    await removeHolder(join(dir, WRITE_LOCK_HOLDER_NAME), me);
    await release().catch(() => {
      // Already released because it was compromised; onCompromised has said so.
    });
  }
}

/** Runs `attempt` holding the claim, or says the claim is busy. */
async function claimed(dir: string, attempt: () => Promise<Attempt>): Promise<Attempt> {
  let releaseClaim: Release;
  try {
    // Keyed by the lock's path, not the folder: proper-lockfile tracks the locks it holds by that key.
    releaseClaim = await lockfile.lock(join(dir, WRITE_LOCK_NAME), {
      realpath: false,
      lockfilePath: join(dir, CLAIM_NAME),
      stale: CLAIM_STALE_MS,
      // Held for milliseconds: retry soon, so a waiter sees the lock it was racing for.
      retries: CLAIM_RETRIES,
      onCompromised: () => {},
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return 'claim-busy';
    throw error;
  }
  try {
    return await attempt();
  } finally {
    await releaseClaim().catch(() => {});
  }
}

/** Takes the lock, first removing it if its holder died on this machine; else says who holds it. */
async function tryLock(dir: string, me: LockHolder, options: WriteLockOptions): Promise<Attempt> {
  const lockPath = join(dir, WRITE_LOCK_NAME);
  const holderPath = join(dir, WRITE_LOCK_HOLDER_NAME);
  const lock = async (): Promise<Release | undefined> => {
    try {
      return await lockfile.lock(dir, {
        realpath: false,
        lockfilePath: lockPath,
        stale: options.staleMs ?? DEFAULT_STALE_MS,
        onCompromised: options.onCompromised ?? (() => {}),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
      throw error;
    }
  };

  let release = await lock();
  if (!release) {
    const holder = await readHolder(holderPath);
    if (!holder || !holderIsGone(holder)) return { heldBy: holder };
    options.onTakeOver?.(holder);
    await rm(lockPath, { recursive: true, force: true });
    release = await lock();
    if (!release) return { heldBy: undefined };
  }
  await writeHolder(holderPath, me);
  return { taken: release };
}
