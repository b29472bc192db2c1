import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrUpdateIndex } from '../../src/index/build.js';
import { currentHolder, type LockHolder } from '../../src/index/lock-holder.js';
import { IndexLockedError, WRITE_LOCK_HOLDER_NAME, WRITE_LOCK_NAME, withWriteLock } from '../../src/index/write-lock.js';
import { offlineEmbedder, seedSources } from './setup.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-lock-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A promise and the function that settles it, so a test decides when a writer finishes. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('withWriteLock', () => {
  it('lets one writer in at a time; the second waits, says so once, then runs', async () => {
    const events: string[] = [];
    const first = gate();
    const firstInside = gate();
    const one = withWriteLock(dir, async () => {
      events.push('one in');
      firstInside.open();
      await first.opened;
      events.push('one out');
    });
    await firstInside.opened;
    let waits = 0;
    const two = withWriteLock(dir, async () => events.push('two in'), { onWait: () => waits++ });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(events).toEqual(['one in']);
    first.open();
    await Promise.all([one, two]);
    expect(events).toEqual(['one in', 'one out', 'two in']);
    expect(waits).toBe(1);
  });

  it('releases the lock when the work fails', async () => {
    await expect(withWriteLock(dir, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await withWriteLock(dir, async () => 'next')).toBe('next');
  });

  it('takes over a lock left behind by a process that died', async () => {
    const lock = join(dir, WRITE_LOCK_NAME);
    await mkdir(lock);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lock, anHourAgo, anHourAgo);
    let waited = false;
    expect(await withWriteLock(dir, async () => 'built', { staleMs: 5_000, onWait: () => (waited = true) })).toBe('built');
    expect(waited).toBe(false);
  });

  it('gives up with a plain message when another writer holds on too long', async () => {
    const holder = gate();
    const inside = gate();
    const held = withWriteLock(dir, async () => {
      inside.open();
      await holder.opened;
    });
    await inside.opened;
    const attempt = withWriteLock(dir, async () => 'never', { waitMs: 300 });
    await expect(attempt).rejects.toBeInstanceOf(IndexLockedError);
    await expect(attempt).rejects.toThrow(/Another process has been writing the index in .* try again when it has finished/);
    holder.open();
    await held;
  });
});

/** A real writer process holding the lock of `dir`, as `npm run index` would. */
async function lockHolderProcess(lockDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/index/fixtures/hold-write-lock.ts', lockDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before taking the lock`)));
  });
  return { pid: child.pid!, killHard: async () => (child.kill('SIGKILL'), await exited) };
}

/** The pid of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

/** A lock directory, fresh (just touched), with a holder record as another process left it. */
async function leftLock(holder: LockHolder): Promise<void> {
  await mkdir(join(dir, WRITE_LOCK_NAME));
  await writeFile(join(dir, WRITE_LOCK_HOLDER_NAME), JSON.stringify(holder));
}

describe('withWriteLock and a holder that died', () => {
  it('waits for a live holder, naming it, and takes the lock over as soon as that process is killed with -9', async () => {
    const holder = await lockHolderProcess(dir);
    const recorded = JSON.parse(await readFile(join(dir, WRITE_LOCK_HOLDER_NAME), 'utf8')) as LockHolder;
    expect(recorded).toMatchObject({ pid: holder.pid, hostname: hostname() });

    const seen: (LockHolder | undefined)[] = [];
    const busy = withWriteLock(dir, async () => 'never', { waitMs: 500, onWait: (h) => seen.push(h) });
    await expect(busy).rejects.toThrow(new RegExp(`Another process has been writing the index in .*pid ${holder.pid} on `));
    expect(seen.map((h) => h?.pid)).toEqual([holder.pid]);

    await holder.killHard();
    // The dead writer's lock is fresh, far from the 2-minute staleness: only its pid tells it is dead.
    expect(Date.now() - (await stat(join(dir, WRITE_LOCK_NAME))).mtimeMs).toBeLessThan(60_000);
    const takenOver: LockHolder[] = [];
    const result = await withWriteLock(dir, async () => 'built', { waitMs: 20_000, onTakeOver: (h) => takenOver.push(h) });
    expect(result).toBe('built');
    expect(takenOver.map((h) => h.pid)).toEqual([holder.pid]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a fresh lock whose recorded pid on this machine has ended', async () => {
    await leftLock({ ...currentHolder(), pid: await deadPid() });
    let waited = false;
    expect(await withWriteLock(dir, async () => 'built', { waitMs: 20_000, onWait: () => (waited = true) })).toBe('built');
    expect(waited).toBe(false);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a younger process (a reused pid)', async () => {
    const me = currentHolder();
    expect(me.startTicks).toBeTypeOf('number');
    await leftLock({ ...me, startTicks: me.startTicks! - 1 });
    expect(await withWriteLock(dir, async () => 'built', { waitMs: 20_000 })).toBe('built');
  });

  it('does not judge a holder on another machine by its pid: only the lock\'s age can tell', async () => {
    await leftLock({ ...currentHolder(), hostname: `not-${hostname()}`, pid: await deadPid() });
    await expect(withWriteLock(dir, async () => 'never', { waitMs: 500 })).rejects.toBeInstanceOf(IndexLockedError);
  });
});

describe('buildOrUpdateIndex under the write lock', () => {
  it('two builds of one folder at once: the second waits, then finds the index up to date', async () => {
    const [embedder, sources] = await Promise.all([offlineEmbedder(), seedSources()]);
    try {
      const waited: string[] = [];
      const logger = { info: (message: string) => waited.push(message), warn: (message: string) => waited.push(message) };
      const [a, b] = await Promise.all([
        buildOrUpdateIndex({ dir, sources, embedder }),
        buildOrUpdateIndex({ dir, sources, embedder, logger }),
      ]);
      const [built, reused] = a.stats.written ? [a, b] : [b, a];
      expect(built.stats).toMatchObject({ written: true, embedded: built.stats.passages });
      expect(reused.stats).toMatchObject({ written: false, embedded: 0, reused: built.stats.passages });
      expect(waited.some((message) => /Another process is writing the index/.test(message))).toBe(a.stats.written);
      const files = await readdir(dir);
      expect(files.filter((name) => name.startsWith('graph.'))).toHaveLength(1);
      expect(files).not.toContain(WRITE_LOCK_NAME);
    } finally {
      await embedder.dispose();
    }
  });
});
