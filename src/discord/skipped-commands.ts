// Skipped per-source commands as one log line: with 2,000 sources, one warning per skipped command
// would bury everything else in the log. Counts by reason and a few examples say enough.
import type { SkippedCommand } from './commands.js';

export interface SkippedCommandsSummary {
  skipped: number;
  /** Reason → how many commands were skipped for it. */
  byReason: Record<string, number>;
  /** The first few, as "/command (source slug)". */
  examples: string[];
}

const EXAMPLES = 5;

export function summarizeSkipped(skipped: readonly SkippedCommand[]): SkippedCommandsSummary {
  const byReason: Record<string, number> = {};
  for (const { reason } of skipped) byReason[reason] = (byReason[reason] ?? 0) + 1;
  return { skipped: skipped.length, byReason, examples: skipped.slice(0, EXAMPLES).map((skip) => `/${skip.command} (${skip.slug})`) };
}
