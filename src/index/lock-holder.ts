// Who holds the index write lock, recorded next to it, so a waiting process can tell a writer that
// is still working from one that was killed (kill -9 leaves the lock behind): on the same machine,
// a holder whose process is gone, or whose pid now belongs to a process started later, is dead.
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  /** When the holding process started, for people reading the record. */
  startedAt: z.string(),
  /** Linux: the process's start in clock ticks after boot (/proc/PID/stat), to recognise a reused pid. */
  startTicks: z.number().optional(),
});

export type LockHolder = z.infer<typeof holderSchema>;

/** This process, as a lock holder. */
export function currentHolder(): LockHolder {
  const ticks = startTicks(process.pid);
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    ...(ticks === undefined ? {} : { startTicks: ticks }),
  };
}

export async function writeHolder(path: string, holder: LockHolder): Promise<void> {
  await writeFile(path, `${JSON.stringify(holder)}\n`);
}

/** The recorded holder, or undefined when there is no usable record (an older lock, a cut-short write). */
export async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    return holderSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Removes the record if it is still `holder`'s: a lock lost while held may have a new holder by now. */
export async function removeHolder(path: string, holder: LockHolder): Promise<void> {
  const recorded = await readHolder(path);
  if (recorded && recorded.pid === holder.pid && recorded.hostname === holder.hostname && recorded.startedAt === holder.startedAt) {
    await rm(path, { force: true });
  }
}

/**
 * Whether the holder's process has certainly ended. Only on this machine can that be known; for a
 * holder elsewhere (a shared folder) the lock's age must decide.
 */
export function holderIsGone(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  try {
    // Signal 0 only asks whether the process exists.
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const ticks = holder.startTicks === undefined ? undefined : startTicks(holder.pid);
  return ticks !== undefined && ticks !== holder.startTicks;
}

/** How a waiting message names the holder. */
export function describeHolder(holder: LockHolder | undefined): string {
  return holder ? `pid ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}` : 'holder unknown';
}

/** Field 22 of /proc/PID/stat, counted after the command name, which may itself hold spaces and parentheses. */
function startTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    // Not Linux, or the process just ended.
    return undefined;
  }
}
