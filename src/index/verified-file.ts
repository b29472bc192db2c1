// Reading an index data file and checking it is byte for byte what its manifest recorded, before
// anything parses it: used by this thread and by the lexical index's worker alike.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredFile } from './manifest.js';
import { IndexUnavailableError } from './unavailable.js';

/** Reads a data file and checks it is exactly what the manifest recorded (catches truncation before hnswlib sees it). */
export async function readVerified(dir: string, file: StoredFile, what: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readWholeFile(join(dir, file.name));
  } catch (error) {
    throw new IndexUnavailableError(`${what} file ${file.name} unreadable (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  if (bytes.byteLength !== file.bytes) {
    throw new IndexUnavailableError(`${what} file ${file.name} is damaged (${bytes.byteLength} bytes, expected ${file.bytes})`);
  }
  if (sha256(bytes) !== file.sha256) {
    throw new IndexUnavailableError(`${what} file ${file.name} is damaged (its content differs from what the manifest recorded)`);
  }
  return bytes;
}

/**
 * The file in one read into memory of its own (readFile reads 512 KiB at a time: a third of a second
 * for a 100 MB file). A file that is not the size stat gave is reported so, by the size check after.
 */
async function readWholeFile(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const bytes = Buffer.allocUnsafeSlow((await handle.stat()).size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) return bytes.subarray(0, filled);
      filled += bytesRead;
    }
    // One byte more than stat said means the file grew meanwhile: report a size that cannot match.
    const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, filled);
    return bytesRead === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(1)]);
  } finally {
    await handle.close();
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

