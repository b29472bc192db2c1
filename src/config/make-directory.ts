// `mkdir -p` that always ends, for the configured folders and what is made inside them. Node's
// recursive mkdir retries for ever when a parent exists but answers ENOENT for a child it will never
// hold (any path under /proc), so a mistyped EMBEDDINGS_DIR would hang the process. Here each
// missing folder is made once, outermost first, and the first error is final.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export async function makeDirectory(path: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = resolve(path); !(await exists(dir)); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      await mkdir(dir);
    } catch (error) {
      // Made meanwhile by another process: fine, as long as it is a folder (checked below).
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (!(await stat(path)).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR', path });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
