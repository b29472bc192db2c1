// `npm run bench`: measures the offline pipeline in a temporary folder and prints a table, or with
// --json one JSON object. Progress goes to stderr.
import { fromProjectRoot, projectRoot } from '../config/paths.js';
import { renderReport } from '../bench/report-table.js';
import { runBenchmark } from '../bench/run-bench.js';
import { runScaleBenchmark, type StoreKind } from '../bench/scale-bench.js';
import { renderScaleReport } from '../bench/scale-table.js';
import type { CliContext } from './context.js';

export interface ScaleBenchOptions {
  sizes: number[];
  stores: StoreKind[];
  databaseUrl?: string;
}

export async function runBench(context: CliContext, options: { json?: boolean; quick?: boolean; scale?: ScaleBenchOptions }): Promise<number> {
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
