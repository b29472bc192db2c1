// One builder at a time across every process that shares the database: a Postgres advisory lock,
// held by one session for the whole build. Postgres releases it when that session ends, so a builder
// that was killed never leaves a stale lock behind (unlike a lock file). Readers never take it: they
// see the last committed index.
import type pg from 'pg';

/** The lock's key: any constant; this one spells "cited-sources-bot build". */
export const BUILD_LOCK_KEY = 0x43534220_6275696cn;

const POLL_MS = 250;
const DEFAULT_WAIT_MS = 30 * 60_000;

export class BuildLockTimeoutError extends Error {
  override readonly name = 'BuildLockTimeoutError';
}

export interface BuildLockOptions {
  waitMs?: number;
  /** Called once when another process holds the lock and this one starts waiting. */
  onWait?: () => void;
}

/** Runs `work` holding the build lock on `client`'s session, waiting for another builder first. */
export async function withBuildLock<T>(client: pg.ClientBase, work: () => Promise<T>, options: BuildLockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const started = Date.now();
  let waiting = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [BUILD_LOCK_KEY.toString()]);
    if (rows[0]?.locked) break;
    const waited = Date.now() - started;
    if (waited >= waitMs) {
      throw new BuildLockTimeoutError(`Another process has been building the index in Postgres for over ${Math.round(waited / 1000)} s; try again when it has finished.`);
    }
    if (!waiting) options.onWait?.();
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK_KEY.toString()]).catch(() => {
      // The session is gone, and the lock with it.
    });
  }
}
