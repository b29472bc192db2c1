// Progress lines for a long bench run: stderr only, so stdout holds just the table or the JSON.

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Seconds since `started` (a performance.now() reading). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
