// makeDirectory is `mkdir -p` that always ends: Node's own recursive mkdir never returns for a path
// under /proc.
import { mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/config/make-directory.js';
import { withWriteLock } from '../../src/index/write-lock.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'make-directory-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('makeDirectory', () => {
  it('makes every missing folder on the way, and accepts one that exists', async () => {
    const deep = join(dir, 'a', 'b', 'c');
    await makeDirectory(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
    await makeDirectory(deep);
  });

  it('fails, instead of spinning for ever, under /proc', async () => {
    await expect(makeDirectory('/proc/no-such-folder/index')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails for a file in the way and for a link to nothing', async () => {
    await writeFile(join(dir, 'file'), '');
    await symlink(join(dir, 'gone'), join(dir, 'dangling'));
    await expect(makeDirectory(join(dir, 'file'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeDirectory(join(dir, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeDirectory(join(dir, 'dangling', 'sub'))).rejects.toThrow();
  });

  it('lets the index write lock fail on a /proc path rather than hang', async () => {
    await expect(withWriteLock('/proc/no-such-folder', async () => 'never')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
