// Whether a source file still holds the text its passages were cut from. The verbatim gate asks
// before every quote: a file edited or deleted since it was indexed is never quoted from, even by a
// bot that has not re-read it yet. Cheap in the common case: one stat, compared with the size and
// modification time seen when the content last matched; only a difference costs a read and a hash.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sourceHash } from '../sources/parse.js';
import type { Source } from '../sources/types.js';

/** Reads a source file's text as the sources stage does (decoding included); undefined when unreadable. */
export type SourceTextReader = (path: string) => Promise<string | undefined>;

interface Seen {
  size: number;
  mtimeMs: number;
}

export class FileFreshness {
  private readonly matched = new Map<string, Seen>();

  constructor(
    private readonly projectRoot: string,
    private readonly readText: SourceTextReader,
  ) {}

  /** True when the file at source.file holds exactly the text the source was parsed from. */
  async isCurrent(source: Pick<Source, 'file' | 'hash'>): Promise<boolean> {
    const path = join(this.projectRoot, source.file);
    // Keyed by content hash too: an engine still answering from an older parse must not borrow the
    // verdict a newer parse of the same file earned.
    const key = `${source.file}\u0000${source.hash}`;
    let now: Seen;
    try {
      const stats = await stat(path);
      now = { size: stats.size, mtimeMs: stats.mtimeMs };
    } catch {
      this.matched.delete(key);
      return false;
    }
    const seen = this.matched.get(key);
    if (seen && seen.size === now.size && seen.mtimeMs === now.mtimeMs) return true;
    // Stat taken before the read: if the file changes in between, the next check reads it again.
    const text = await this.readText(path);
    if (text === undefined || sourceHash(text) !== source.hash) {
      this.matched.delete(key);
      return false;
    }
    this.matched.set(key, now);
    return true;
  }
}
