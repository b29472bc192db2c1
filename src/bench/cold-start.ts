// Cold start to the first answer and peak memory, measured in fresh processes started the way
// `npm run ask` starts (node with the tsx loader), on an index that is already built.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { summarize, type LatencySummary } from './percentile.js';

const childReport = z.object({
  startupMs: z.number(),
  importMs: z.number(),
  openMs: z.number(),
  askMs: z.number(),
  firstAnswerMs: z.number(),
  peakRssBytes: z.number(),
  /** Resident memory after the imports, after opening the engine, after the answer. */
  rssBytes: z.object({ imported: z.number(), opened: z.number(), answered: z.number() }),
  rebuilt: z.string().nullable(),
  answered: z.boolean(),
});
export type ColdStartRun = z.infer<typeof childReport> & { wallMs: number };

export interface ColdStartFigures {
  runs: ColdStartRun[];
  /** Time since process start to the first answer, over the runs. */
  firstAnswerMs: LatencySummary;
  /** Share of the first-answer time spent before our first line runs (node + tsx). */
  startupShare: number;
  peakRssBytes: number;
}

export interface ColdStartOptions {
  projectRoot: string;
  seedsDir: string;
  embeddingsDir: string;
  modelsDir: string;
  question: string;
  runs: number;
  timeoutMs: number;
}

const CHILD_SCRIPT = fileURLToPath(new URL('./cold-start-child.ts', import.meta.url));
const run = promisify(execFile);

export async function measureColdStart(options: ColdStartOptions): Promise<ColdStartFigures> {
  const runs: ColdStartRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', CHILD_SCRIPT, options.seedsDir, options.embeddingsDir, options.modelsDir, options.projectRoot, options.question],
      { cwd: options.projectRoot, timeout: options.timeoutMs, maxBuffer: 1 << 20 },
    );
    const report = childReport.parse(JSON.parse(stdout));
    if (report.rebuilt !== null) throw new Error(`cold start: the child built the index (${report.rebuilt}); it should have found it built`);
    runs.push({ ...report, wallMs: performance.now() - started });
  }
  const firstAnswerMs = summarize(runs.map((r) => r.firstAnswerMs));
  return {
    runs,
    firstAnswerMs,
    startupShare: summarize(runs.map((r) => r.startupMs)).p50 / firstAnswerMs.p50,
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
  };
}
