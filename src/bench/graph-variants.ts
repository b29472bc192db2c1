// Other HNSW graph settings over the same corpus: the stored vectors are reused (the builder keeps
// vectors across a graph rebuild), so this times HNSW insertion alone and measures the recall each
// graph gives. Used to recommend M and efConstruction, never to change the project's defaults.
import type { Embedder } from '../embedding/types.js';
import { buildOrUpdateIndex } from '../index/build.js';
import type { HnswParams } from '../index/params.js';
import type { Source } from '../sources/types.js';
import { measureRecall, type ExactNeighbours, type RecallFigures } from './recall.js';

export interface GraphVariant {
  M: number;
  efConstruction: number;
  /** Rebuilding the graph from stored vectors: read, insert every passage, write. */
  rebuildSeconds: number;
  recall: RecallFigures;
}

export interface GraphVariantInputs {
  dir: string;
  sources: readonly Source[];
  embedder: Embedder;
  queries: readonly Float32Array[];
  exact: ExactNeighbours;
  efs: readonly number[];
}

export async function measureGraphVariant(inputs: GraphVariantInputs, params: Pick<HnswParams, 'M' | 'efConstruction'>): Promise<GraphVariant> {
  const started = performance.now();
  const { stats } = await buildOrUpdateIndex({ dir: inputs.dir, sources: inputs.sources, embedder: inputs.embedder, hnsw: params });
  const rebuildSeconds = (performance.now() - started) / 1000;
  if (stats.embedded > 0 || stats.rebuilt === null) throw new Error('graph variant: expected a graph rebuild from stored vectors');
  return { ...params, rebuildSeconds, recall: await measureRecall(inputs.dir, inputs.queries, inputs.exact, inputs.efs) };
}
