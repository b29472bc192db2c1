import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrUpdateIndex } from '../../src/index/build.js';
import { IndexLockedError, WRITE_LOCK_NAME, withWriteLock } from '../../src/index/write-lock.js';
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
