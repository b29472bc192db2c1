// The whole benchmark, phase by phase, in one temporary workspace with the offline model.
import { cpus, loadavg } from 'node:os';
import { createEmbedder } from '../embedding/create-embedder.js';
import type { Embedder } from '../embedding/types.js';
import { openEngine } from '../engine/open.js';
import type { Logger } from '../log/logger.js';
import { DEFAULT_HNSW_PARAMS } from '../index/params.js';
import { loadSources } from '../sources/load.js';
import type { Source } from '../sources/types.js';
import { measureBuild, type BuildFigures } from './build-throughput.js';
import { measureGraphVariant, type GraphVariant } from './graph-variants.js';
import { measureColdStart, type ColdStartFigures } from './cold-start.js';
import { comparePooling, type PoolingFigures } from './pooling.js';
import { progress } from './progress.js';
import { measureQueryLatency, type LatencyFigures } from './query-latency.js';
import { LATENCY_QUESTIONS } from './questions.js';
import { exactNeighbours, measureRecall, type RecallFigures } from './recall.js';
import { syntheticCorpus, type SyntheticCorpus } from './synthetic-corpus.js';
import { checkTargets, recommendedEf, type TargetCheck } from './targets.js';
import { BenchWorkspace } from './workspace.js';

export interface BenchOptions {
  projectRoot: string;
  seedsDir: string;
  logger: Logger;
  /** Skip the 100,000-passage corpus (recall is then measured on the 10,000 one). */
  quick: boolean;
}

export interface BenchReport {
  model: string;
  /** loadAverage: the 1-minute load when the bench started; other work on the machine skews timings. */
  machine: { node: string; platform: string; cpus: number; cpu: string; loadAverage: number };
  quick: boolean;
  builds: BuildFigures[];
  latency: LatencyFigures;
  recall: RecallFigures & { recommendedEf: number | null };
  /** Other M / efConstruction over the same vectors (the defaults stay as they are), and the default graph rebuilt. */
  graphVariants: (GraphVariant & { recommendedEf: number | null })[];
  coldStart: ColdStartFigures;
  pooling: PoolingFigures;
  targets: TargetCheck[];
  seconds: number;
}

const CORPUS_SEED = 20_151_014;
const SYNTHETIC_SIZES = [10_000, 100_000];
const RECALL_K = 10;
const RECALL_EFS = [10, 20, 40, 60, 100, 150, 200, 400, 800];
/** Queries for recall: the latency questions plus held-out synthetic paragraphs, ~200 in all. */
const HELD_OUT_QUERIES = 150;
/** Cheaper graphs than the default (M 16, efConstruction 200), to see what build speed recall allows. */
const GRAPH_VARIANTS = [
  { M: 16, efConstruction: 100 },
  { M: 12, efConstruction: 64 },
];
const LATENCY_REPEATS = 5;
const COLD_START_RUNS = 3;
const COLD_START_TIMEOUT_MS = 120_000;
const POOLING_PASSES = 20;

export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const loadAverage = loadavg()[0] ?? 0;
  const workspace = await BenchWorkspace.create();
  progress(`workspace ${workspace.root}`);
  try {
    const seeds = await loadSources(options.seedsDir, options.projectRoot);
    progress('generating the offline model (pooled in the graph)');
    const embedder = await createEmbedder({ model: 'offline', modelsDir: workspace.modelsDir, log: progress });
    let hnsw: BuildsAndHnsw;
    try {
      hnsw = await measureBuildsAndHnsw(seeds, embedder, workspace, options.quick);
    } finally {
      await embedder.dispose();
    }
    const { builds, recall, graphVariants } = hnsw;
    const seedsIndexDir = await workspace.folder('seeds-index');
    const latency = await measureLatency(options, seedsIndexDir, workspace.modelsDir);
    progress(`cold start: ${COLD_START_RUNS} fresh processes`);
    const coldStart = await measureColdStart({
      projectRoot: options.projectRoot,
      seedsDir: options.seedsDir,
      embeddingsDir: seedsIndexDir,
      modelsDir: workspace.modelsDir,
      question: LATENCY_QUESTIONS[0]!,
      runs: COLD_START_RUNS,
      timeoutMs: COLD_START_TIMEOUT_MS,
    });
    progress('mean pooling: generating the token-output model, then timing both');
    const seedTexts = seeds.flatMap((source) => source.passages.map((passage) => passage.text));
    const pooling = await comparePooling(workspace.modelsDir, seedTexts, POOLING_PASSES, progress);
    return {
      model: latency.modelId,
      machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadAverage },
      quick: options.quick,
      builds,
      latency: latency.figures,
      recall: { ...recall, recommendedEf: recommendedEf(recall)?.ef ?? null },
      graphVariants: graphVariants.map((variant) => ({ ...variant, recommendedEf: recommendedEf(variant.recall)?.ef ?? null })),
      coldStart,
      pooling,
      targets: checkTargets({ builds, latency: latency.figures, recall, coldStart }),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await workspace.dispose();
  }
}

interface BuildsAndHnsw {
  builds: BuildFigures[];
  recall: RecallFigures;
  graphVariants: GraphVariant[];
}

/** Builds the seeds and the synthetic corpora; HNSW is examined on the largest, while its index exists. */
async function measureBuildsAndHnsw(seeds: Source[], embedder: Embedder, workspace: BenchWorkspace, quick: boolean): Promise<BuildsAndHnsw> {
  progress('build: seeds');
  const builds = [await measureBuild('seeds', seeds, embedder, await workspace.folder('build-seeds'))];
  const buildSynthetic = async (size: number): Promise<{ dir: string } & SyntheticCorpus> => {
    const corpus = syntheticCorpus(seeds, { passages: size, seed: CORPUS_SEED, heldOut: HELD_OUT_QUERIES });
    const label = `synthetic ${size.toLocaleString('en')}`;
    progress(`build: ${label}`);
    const dir = await workspace.folder('build-synthetic');
    builds.push(await measureBuild(label, corpus.sources, embedder, dir));
    return { dir, ...corpus };
  };
  const sizes = quick ? SYNTHETIC_SIZES.slice(0, 1) : SYNTHETIC_SIZES;
  let largest = await buildSynthetic(sizes[0]!);
  for (const size of sizes.slice(1)) largest = await buildSynthetic(size);

  progress(`recall@${RECALL_K} on ${builds.at(-1)?.corpus}: exact search for ${LATENCY_QUESTIONS.length + HELD_OUT_QUERIES} queries`);
  const queries: Float32Array[] = [];
  for (const text of [...LATENCY_QUESTIONS, ...largest.heldOut]) queries.push(await embedder.embedQuery(text));
  const exact = await exactNeighbours(largest.dir, queries, RECALL_K);
  progress(`recall@${RECALL_K}: ef ${RECALL_EFS.join('/')}`);
  const recall = await measureRecall(largest.dir, queries, exact, RECALL_EFS);
  const graphVariants: GraphVariant[] = [];
  // The default graph last: its first build inserted while embedding, so its graph time is measured
  // by a rebuild like the others' (the same graph again: same seed, same order).
  for (const params of [...GRAPH_VARIANTS, DEFAULT_HNSW_PARAMS]) {
    progress(`HNSW graph M ${params.M}, efConstruction ${params.efConstruction}: rebuild from stored vectors, recall`);
    graphVariants.push(await measureGraphVariant({ dir: largest.dir, sources: largest.sources, embedder, queries, exact, efs: RECALL_EFS }, params));
  }
  return { builds, recall, graphVariants };
}

async function measureLatency(options: BenchOptions, embeddingsDir: string, modelsDir: string): Promise<{ modelId: string; figures: LatencyFigures }> {
  progress(`warm latency: ${LATENCY_QUESTIONS.length} questions × ${LATENCY_REPEATS}`);
  const opened = await openEngine({ projectRoot: options.projectRoot, seedsDir: options.seedsDir, embeddingsDir, modelsDir, model: 'offline', logger: options.logger });
  try {
    return { modelId: opened.engine.modelId, figures: await measureQueryLatency(opened, LATENCY_QUESTIONS, LATENCY_REPEATS) };
  } finally {
    await opened.engine.close();
  }
}
