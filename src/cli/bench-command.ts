// `npm run bench`: measures the offline pipeline in a temporary folder and prints a table, or with
// --json one JSON object. Progress goes to stderr.
import { fromProjectRoot, projectRoot } from '../config/paths.js';
import { renderReport } from '../bench/report-table.js';
import { compareLexicalRankings } from '../bench/lexical-ranking.js';
import { runBenchmark } from '../bench/run-bench.js';
import { runScaleBenchmark, type StoreKind } from '../bench/scale-bench.js';
import { renderScaleReport } from '../bench/scale-table.js';
import { textTable } from '../bench/text-table.js';
import type { CliContext } from './context.js';

export interface ScaleBenchOptions {
  sizes: number[];
  stores: StoreKind[];
  databaseUrl?: string;
}

export async function runBench(
  context: CliContext,
  options: { json?: boolean; quick?: boolean; scale?: ScaleBenchOptions; lexicalRanking?: boolean },
): Promise<number> {
  if (options.lexicalRanking) {
    const questionFiles = ['tests/heldout/questions.jsonl', 'tests/heldout/discord-style.jsonl'].map(fromProjectRoot);
    const report = await compareLexicalRankings({ projectRoot, seedsDir: fromProjectRoot(context.config.SEEDS_DIR), questionFiles });
    const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
    const rows = report.rankings.map((r) => [r.ranking, pct(r.sameTop1), pct(r.overlapAt10), pct(r.lexicalHitAt3)]);
    console.log(
      options.json
        ? JSON.stringify(report)
        : `Lexical rankings against minisearch, ${report.questions} held-out questions (${report.answerable} answerable)\n${textTable(['ranking', 'same top 1', 'top-10 overlap', 'lexical hit@3'], rows)}`,
    );
    return 0;
  }
  if (options.scale) {
    const report = await runScaleBenchmark({ seedsDir: fromProjectRoot(context.config.SEEDS_DIR), ...options.scale });
    console.log(options.json ? JSON.stringify(report) : renderScaleReport(report));
    return 0;
  }
  const report = await runBenchmark({
    projectRoot,
    seedsDir: fromProjectRoot(context.config.SEEDS_DIR),
    logger: context.logger,
    quick: options.quick ?? false,
  });
  console.log(options.json ? JSON.stringify(report) : renderReport(report));
  return 0;
}
