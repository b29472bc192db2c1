// `npm run bench`: measures the offline pipeline in a temporary folder and prints a table, or with
// --json one JSON object. Progress goes to stderr.
import { fromProjectRoot, projectRoot } from '../config/paths.js';
import { renderReport } from '../bench/report-table.js';
import { runBenchmark } from '../bench/run-bench.js';
import type { CliContext } from './context.js';

export async function runBench(context: CliContext, options: { json?: boolean; quick?: boolean }): Promise<number> {
  const report = await runBenchmark({
    projectRoot,
    seedsDir: fromProjectRoot(context.config.SEEDS_DIR),
    logger: context.logger,
    quick: options.quick ?? false,
  });
  console.log(options.json ? JSON.stringify(report) : renderReport(report));
  return 0;
}
