// The scale report as text: one row per store and corpus size.
import type { ScaleReport } from './scale-bench.js';
import { textTable } from './text-table.js';

const int = (value: number): string => Math.round(value).toLocaleString('en');
const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

export function renderScaleReport(report: ScaleReport): string {
  const rows = report.runs.map((run) => [
    `${run.store} (${run.engine})`,
    int(run.build.passages),
    run.build.buildSeconds.toFixed(1),
    int(run.build.passages / run.build.buildSeconds),
    run.build.latency.p50.toFixed(1),
    run.build.latency.p95.toFixed(1),
    run.build.recallAt10.toFixed(4),
    (run.cold.firstAnswerMs / 1000).toFixed(2),
    mb(run.cold.peakRssBytes),
    mb(run.build.peakRssBytes),
    run.serverPeakRssBytes === null ? '—' : mb(run.serverPeakRssBytes),
    mb(run.build.diskBytes),
  ]);
  return [
    'Scale (synthetic corpora from the seeds; each build from scratch in a fresh process, then a cold start in another)',
    textTable(
      ['store', 'passages', 'build s', 'passages/s', 'warm p50 ms', 'warm p95 ms', 'recall@10', 'cold start s', 'RSS cold', 'RSS build', 'RSS server', 'disk'],
      rows,
    ),
    'cold start: process start to the first answer, less generating the corpus in memory (a bot parses its files instead).',
    `Total ${report.seconds.toFixed(0)} s.`,
  ].join('\n');
}
