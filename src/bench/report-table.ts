// The bench report as text: one table per measurement, then the targets with ✓/✗.
import type { LatencySummary } from './percentile.js';
import type { BenchReport } from './run-bench.js';
import { meetsRecallTarget } from './targets.js';
import { textTable } from './text-table.js';

const ms = (value: number): string => value.toFixed(2);
const s = (value: number): string => value.toFixed(2);
const int = (value: number): string => Math.round(value).toLocaleString('en');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function renderReport(report: BenchReport): string {
  const { machine } = report;
  return [
    `Benchmark — model ${report.model}; node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpu}, load ${machine.loadAverage.toFixed(1)} at start${report.quick ? ' (quick: no 100,000 corpus)' : ''}`,
    section('Index build (embed + HNSW insert + persist; fresh folder)', buildTable(report)),
    section(
      `Warm query latency, ms (seeds; ${report.latency.questions} questions × ${report.latency.repeats} after a warm-up; ${Math.round(report.latency.answeredShare * 100)}% answered)`,
      latencyTable(report),
    ),
    section(recallTitle(report), recallTable(report)),
    section('HNSW graph settings (same vectors; graph rebuilt: read + insert + write)', graphVariantsTable(report)),
    section('Cold start (fresh node --import tsx process, index built; first answer)', coldStartTable(report)),
    section(`Mean pooling (${report.pooling.texts} seed passages × ${report.pooling.passes} passes)`, poolingTable(report)),
    section('Targets', textTable(['', 'measure', 'target', 'actual'], report.targets.map((t) => [t.met ? '✓' : '✗', t.name, t.target, t.actual]))),
    `Total bench time ${s(report.seconds)} s.`,
  ].join('\n\n');
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

function buildTable({ builds }: BenchReport): string {
  return textTable(
    ['corpus', 'passages', 'total s', 'passages/s', 'embed s', 'insert s', 'persist s', 'load s'],
    builds.map((b) => [b.corpus, int(b.passages), s(b.seconds), int(b.passagesPerSecond), s(b.embedSeconds), s(b.insertSeconds), s(b.persistSeconds), s(b.loadSeconds)]),
  );
}

function latencyTable({ latency }: BenchReport): string {
  const row = (name: string, l: LatencySummary): string[] => [name, ms(l.mean), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)];
  return textTable(
    ['stage', 'mean', 'p50', 'p95', 'p99', 'max'],
    [
      row('end to end (engine.ask)', latency.endToEnd),
      row('embed query', latency.stages.embed),
      row('hybrid search', latency.stages.search),
      row('quote + verify', latency.stages.quote),
    ],
  );
}

function recallTitle({ recall }: BenchReport): string {
  return (
    `HNSW recall@${recall.k} vs exact (${int(recall.passages)} passages, ${recall.queries} queries; M ${recall.M}, efConstruction ${recall.efConstruction}, ` +
    `default ef ${recall.defaultEf}; exact: ${ms(recall.exactMsPerQuery)} ms/query in JS (VectorIndex.bruteForce), ${ms(recall.nativeExactMsPerQuery)} native (hnswlib))`
  );
}

function recallTable({ recall }: BenchReport): string {
  const table = textTable(
    ['ef', `recall@${recall.k}`, 'HNSW ms/query', '× JS exact', '× native exact', 'meets'],
    recall.rows.map((r) => [
      `${r.ef}${r.ef === recall.defaultEf ? ' (default)' : ''}`,
      r.recall.toFixed(4),
      ms(r.hnswMsPerQuery),
      `${r.speedup.toFixed(0)}×`,
      `${r.nativeSpeedup.toFixed(0)}×`,
      meetsRecallTarget(r) ? '✓' : '✗',
    ]),
  );
  const advice = recall.recommendedEf === null ? 'No ef meets the target with this graph.' : `Smallest ef meeting the target: ${recall.recommendedEf}.`;
  return `${table}\n${advice}`;
}

function graphVariantsTable({ recall, graphVariants }: BenchReport): string {
  const isDefault = (v: { M: number; efConstruction: number }) => v.M === recall.M && v.efConstruction === recall.efConstruction;
  const rows = [...graphVariants.filter(isDefault), ...graphVariants.filter((v) => !isDefault(v))].map((v) => ({ ...v, label: isDefault(v) ? ' (default)' : '' }));
  return textTable(
    ['M', 'efConstruction', 'graph s', `recall@${recall.k} at ef ${recall.defaultEf}`, 'smallest ef meeting target', 'its recall', 'its × JS / native exact'],
    rows.map((row) => {
      const atDefault = row.recall.rows.find((r) => r.ef === recall.defaultEf);
      const best = row.recall.rows.find((r) => r.ef === row.recommendedEf);
      return [
        `${row.M}${row.label}`,
        String(row.efConstruction),
        s(row.rebuildSeconds),
        atDefault ? atDefault.recall.toFixed(4) : '–',
        best ? String(best.ef) : 'none',
        best ? best.recall.toFixed(4) : '–',
        best ? `${best.speedup.toFixed(0)}× / ${best.nativeSpeedup.toFixed(0)}×` : '–',
      ];
    }),
  );
}

function coldStartTable({ coldStart }: BenchReport): string {
  const table = textTable(
    ['run', 'node+tsx ms', 'imports ms', 'open ms', 'ask ms', 'first answer ms', 'wall ms', 'RSS imported', 'RSS opened', 'RSS answered', 'peak RSS'],
    coldStart.runs.map((r, i) => [
      String(i + 1),
      int(r.startupMs),
      int(r.importMs),
      int(r.openMs),
      int(r.askMs),
      int(r.firstAnswerMs),
      int(r.wallMs),
      mb(r.rssBytes.imported),
      mb(r.rssBytes.opened),
      mb(r.rssBytes.answered),
      mb(r.peakRssBytes),
    ]),
  );
  return `${table}\nnode + tsx start-up is ${Math.round(coldStart.startupShare * 100)}% of the median first-answer time.`;
}

function poolingTable({ pooling }: BenchReport): string {
  const table = textTable(
    ['variant', 'texts/s'],
    [
      ['JS mean pooling (graph outputs tokens)', int(pooling.jsMean.textsPerSecond)],
      ['pooled in the ONNX graph', int(pooling.inGraph.textsPerSecond)],
    ],
  );
  return `${table}\nIn-graph pooling is ${pooling.speedup.toFixed(1)}× faster; cosine between the two vectors: mean ${pooling.cosine.mean.toFixed(6)}, min ${pooling.cosine.min.toFixed(6)}.`;
}
