// Memory and disk a run used: peak resident memory of a process, bytes of a folder or a database.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Peak resident memory of a process (this one by default). Linux carries ru_maxrss over from the
 * forking parent through exec, so a child of a large bench process would report the parent's size;
 * VmHWM belongs to the process's own address space. Elsewhere maxRSS (this process only) is all there is.
 */
export function peakRssBytes(pid: number | 'self' = 'self'): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux, or the process is gone
  }
  return pid === 'self' ? process.resourceUsage().maxRSS * 1024 : 0;
}

export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    total += entry.isDirectory() ? await directoryBytes(path) : (await stat(path)).size;
  }
  return total;
}

/** Size of the database at `url` as Postgres counts it (tables, indexes, TOAST). */
export async function databaseBytes(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}
