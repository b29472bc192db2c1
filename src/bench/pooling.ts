// Mean pooling before/after: the offline model with a token-level output pooled by transformers.js
// ('mean' in JS, which converts every attention-mask element through BigInt) against the same model
// pooling inside the ONNX graph ('cls' just takes the one pooled row). Same texts, same batching.
import { createEmbedder } from '../embedding/create-embedder.js';
import type { Embedder } from '../embedding/types.js';
import type { OutputShape } from '../embedding/offline/onnx-graph.js';

export interface PoolingRun {
  output: OutputShape;
  pooling: 'mean' | 'cls';
  modelId: string;
  textsPerSecond: number;
}

export interface PoolingFigures {
  texts: number;
  /** Timed passes over the texts per variant. */
  passes: number;
  jsMean: PoolingRun;
  inGraph: PoolingRun;
  /** In-graph throughput / JS-pooling throughput. */
  speedup: number;
  /** Cosine between the two vectors of each text. */
  cosine: { mean: number; min: number };
}

export async function comparePooling(modelsDir: string, texts: string[], passes: number, log: (message: string) => void): Promise<PoolingFigures> {
  const jsMean = await withEmbedder(modelsDir, 'tokens', log, (embedder) => timeEmbedding(embedder, texts, passes));
  const inGraph = await withEmbedder(modelsDir, 'pooled', log, (embedder) => timeEmbedding(embedder, texts, passes));
  const cosines = texts.map((_, i) => dot(jsMean.vectors[i]!, inGraph.vectors[i]!));
  return {
    texts: texts.length,
    passes,
    jsMean: { output: 'tokens', pooling: 'mean', modelId: jsMean.modelId, textsPerSecond: jsMean.textsPerSecond },
    inGraph: { output: 'pooled', pooling: 'cls', modelId: inGraph.modelId, textsPerSecond: inGraph.textsPerSecond },
    speedup: inGraph.textsPerSecond / jsMean.textsPerSecond,
    cosine: { mean: cosines.reduce((sum, c) => sum + c, 0) / cosines.length, min: Math.min(...cosines) },
  };
}

async function withEmbedder<T>(modelsDir: string, offlineOutput: OutputShape, log: (message: string) => void, use: (embedder: Embedder) => Promise<T>): Promise<T> {
  const embedder = await createEmbedder({ model: 'offline', modelsDir, offlineOutput, log });
  try {
    return await use(embedder);
  } finally {
    await embedder.dispose();
  }
}

async function timeEmbedding(embedder: Embedder, texts: string[], passes: number): Promise<{ modelId: string; textsPerSecond: number; vectors: Float32Array[] }> {
  const vectors = await embedder.embedPassages(texts); // warm-up, and the vectors to compare
  const started = performance.now();
  for (let pass = 0; pass < passes; pass++) await embedder.embedPassages(texts);
  return { modelId: embedder.modelId, textsPerSecond: (texts.length * passes) / ((performance.now() - started) / 1000), vectors };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
