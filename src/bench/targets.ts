// The performance targets the bench reports against, each checked on the figure it is about.
import type { BuildFigures } from './build-throughput.js';
import type { ColdStartFigures } from './cold-start.js';
import type { LatencyFigures } from './query-latency.js';
import type { RecallFigures, RecallRow } from './recall.js';

export const TARGETS = {
  warmP95Ms: 25,
  recallAt10: 0.98,
  recallSpeedup: 20,
  buildPassagesPerSecond: 2_000,
  coldStartMs: 3_000,
  rssBytes: 250 * 1024 * 1024,
} as const;

export interface TargetCheck {
  name: string;
  target: string;
  actual: string;
  met: boolean;
}

export interface TargetInputs {
  builds: readonly BuildFigures[];
  latency: LatencyFigures;
  recall: RecallFigures;
  coldStart: ColdStartFigures;
}

export function meetsRecallTarget(row: RecallRow): boolean {
  return row.recall >= TARGETS.recallAt10 && row.speedup >= TARGETS.recallSpeedup;
}

/** The smallest ef that meets the recall target at the required speed, if any does. */
export function recommendedEf(recall: RecallFigures): RecallRow | undefined {
  return [...recall.rows].sort((a, b) => a.ef - b.ef).find(meetsRecallTarget);
}

export function checkTargets({ builds, latency, recall, coldStart }: TargetInputs): TargetCheck[] {
  const atDefault = recall.rows.find((row) => row.ef === recall.defaultEf);
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  return [
    {
      name: 'Warm query p95 (seeds, end to end)',
      target: `≤ ${TARGETS.warmP95Ms} ms`,
      actual: `${latency.endToEnd.p95.toFixed(2)} ms`,
      met: latency.endToEnd.p95 <= TARGETS.warmP95Ms,
    },
    {
      name: `HNSW recall@${recall.k} at default ef ${recall.defaultEf} (${recall.passages.toLocaleString('en')} passages)`,
      target: `≥ ${TARGETS.recallAt10} at ≥ ${TARGETS.recallSpeedup}× exact`,
      actual: atDefault ? `${atDefault.recall.toFixed(4)} at ${atDefault.speedup.toFixed(0)}× (native exact: ${atDefault.nativeSpeedup.toFixed(0)}×)` : 'not measured',
      met: atDefault !== undefined && meetsRecallTarget(atDefault),
    },
    ...builds.map((build) => ({
      name: `Build throughput (${build.corpus})`,
      target: `≥ ${TARGETS.buildPassagesPerSecond.toLocaleString('en')} passages/s`,
      actual: `${Math.round(build.passagesPerSecond).toLocaleString('en')} passages/s`,
      met: build.passagesPerSecond >= TARGETS.buildPassagesPerSecond,
    })),
    {
      name: 'Cold start to first answer (median, index built)',
      target: `≤ ${TARGETS.coldStartMs / 1000} s`,
      actual: `${(coldStart.firstAnswerMs.p50 / 1000).toFixed(2)} s`,
      met: coldStart.firstAnswerMs.p50 <= TARGETS.coldStartMs,
    },
    {
      name: 'Peak RSS answering on the seeds',
      target: `≤ ${mb(TARGETS.rssBytes)}`,
      actual: mb(coldStart.peakRssBytes),
      met: coldStart.peakRssBytes <= TARGETS.rssBytes,
    },
  ];
}
