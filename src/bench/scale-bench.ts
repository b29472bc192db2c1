// `npm run bench -- --scale`: how each store's costs grow with the corpus. For every size, each store
// is built from scratch over a synthetic corpus in a fresh process (build throughput, warm latency
// through the engine, recall@10 against exact search, disk, peak memory), then opened in another
// fresh process for a cold start. Postgres is PGlite on loopback unless a scratch database is given.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ensureOfflineModel } from '../embedding/offline-model-store.js';
import { startPgliteServer } from './pglite-server.js';
import { progress } from './progress.js';
import { emptyScratchDatabase } from './scratch-database.js';
import { peakRssBytes } from './resources.js';
import { BenchWorkspace } from './workspace.js';

export type StoreKind = 'embedded' | 'postgres';

export interface ScaleOptions {
  seedsDir: string;
  sizes: readonly number[];
  stores: readonly StoreKind[];
  /** A scratch Postgres (with pgvector) the bench may empty and fill; PGlite when absent. */
  databaseUrl?: string;
}

const latencySchema = z.object({ p50: z.number(), p95: z.number(), p99: z.number(), mean: z.number(), count: z.number(), max: z.number() });
const buildSchema = z.object({
  passages: z.number(),
  buildSeconds: z.number(),
  embedded: z.number(),
  latency: latencySchema,
  recallAt10: z.number(),
  recallQueries: z.number(),
  diskBytes: z.number(),
  peakRssBytes: z.number(),
});
const coldSchema = z.object({
  firstAnswerMs: z.number(),
  startupMs: z.number(),
  importMs: z.number(),
  corpusMs: z.number(),
  openMs: z.number(),
  askMs: z.number(),
  answered: z.boolean(),
  written: z.boolean(),
  peakRssBytes: z.number(),
});

export interface ScaleRun {
  store: StoreKind;
  /** 'PGlite' or the scratch server's description. */
  engine: string;
  build: z.infer<typeof buildSchema>;
  cold: z.infer<typeof coldSchema>;
  /** Peak memory of the database server process (PGlite), when the bench started it. */
  serverPeakRssBytes: number | null;
}

export interface ScaleReport {
  sizes: readonly number[];
  runs: ScaleRun[];
  seconds: number;
}

const CHILD_SCRIPT = fileURLToPath(new URL('./scale-child.ts', import.meta.url));
/** A million passages with their vectors and lexical index need more than node's default heap. */
const CHILD_HEAP_MB = 16_384;

export async function runScaleBenchmark(options: ScaleOptions): Promise<ScaleReport> {
  const started = performance.now();
  const workspace = await BenchWorkspace.create();
  progress(`workspace ${workspace.root}`);
  try {
    await ensureOfflineModel(workspace.modelsDir, 'pooled', progress);
    const runs: ScaleRun[] = [];
    // Embedded first at each size: its exact search gives the neighbours both stores' recall is measured against.
    const stores = (['embedded', 'postgres'] as const).filter((store) => options.stores.includes(store));
    for (const size of options.sizes) {
      const workDir = await workspace.folder(`scale-${size}`);
      for (const store of stores) runs.push(await measureStore(store, size, workDir, options, workspace));
      await workspace.folder(`scale-${size}`);
    }
    return { sizes: options.sizes, runs, seconds: (performance.now() - started) / 1000 };
  } finally {
    await workspace.dispose();
  }
}

async function measureStore(store: StoreKind, size: number, workDir: string, options: ScaleOptions, workspace: BenchWorkspace): Promise<ScaleRun> {
  const label = `${store} ${size.toLocaleString('en')}`;
  const server = store === 'postgres' && !options.databaseUrl ? await startPgliteServer({ dataDir: join(workDir, 'pgdata') }) : undefined;
  const url = options.databaseUrl ?? server?.url;
  if (store === 'postgres' && options.databaseUrl) await emptyScratchDatabase(options.databaseUrl);
  try {
    const args = (mode: string) => [mode, store, String(size), workDir, options.seedsDir, workspace.modelsDir, ...(url ? [url] : [])];
    progress(`${label}: build, warm latency, recall@10`);
    const build = buildSchema.parse(await runChild(args('build')));
    progress(`${label}: built in ${build.buildSeconds.toFixed(1)} s; cold start`);
    const cold = coldSchema.parse(await runChild(args('cold')));
    if (cold.written) throw new Error(`${label}: the cold start wrote to the store; it should have found it built`);
    return { store, engine: store === 'embedded' ? 'hnswlib + minisearch' : server ? 'PGlite' : 'server', build, cold, serverPeakRssBytes: server ? peakRssBytes(server.pid) : null };
  } finally {
    await server?.stop();
  }
}

function runChild(args: readonly string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', CHILD_SCRIPT, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`scale bench child (${args.join(' ')}) exited with code ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
      } catch (error) {
        reject(error);
      }
    });
  });
}
