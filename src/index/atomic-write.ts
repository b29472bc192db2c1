// Crash-safe file creation: content goes to a temp file in the same directory (same file system,
// so rename is atomic), is flushed to disk, and only then takes the final name. A reader sees the
// old file or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';

/** Marks temp files, so stale ones left by a killed process can be recognised and removed. */
const TEMP_SUFFIX = '.tmp';

/**
 * Lets `write` produce the file at a temp path (it may be a native library writing by path), then
 * flushes and renames it to `finalPath`. The temp file is removed if anything fails.
 */
export async function writeViaTempFile(
  finalPath: string,
  write: (tempPath: string) => Promise<unknown>,
): Promise<void> {
  const tempPath = `${finalPath}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  try {
    await write(tempPath);
    const handle = await open(tempPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, finalPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

export async function writeFileAtomic(finalPath: string, data: string | Uint8Array): Promise<void> {
  await writeViaTempFile(finalPath, (tempPath) => writeFile(tempPath, data));
}
