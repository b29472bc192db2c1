// The HNSW graph operations of a build, shared by the in-thread path and the insert worker so
// both make the same graph: same seed, same capacity, same labels in the same order.
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { HNSW_RANDOM_SEED, INDEX_SPACE, type HnswParams } from './params.js';

const MIN_CAPACITY = 16;
/** Spare graph slots, so small additions do not need a resize every time. */
const HEADROOM = 1.25;

export type GraphShape = Pick<HnswParams, 'M' | 'efConstruction'>;

export function createGraph(dimensions: number, shape: GraphShape, expected: number): HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW(INDEX_SPACE, dimensions);
  graph.initIndex({
    maxElements: withHeadroom(expected),
    m: shape.M,
    efConstruction: shape.efConstruction,
    randomSeed: HNSW_RANDOM_SEED,
    allowReplaceDeleted: true,
  });
  return graph;
}

/** Loads a graph file; deleted slots are reused by later additions, so updates do not grow the file forever. */
export async function readGraphFile(path: string, dimensions: number): Promise<HierarchicalNSW> {
  const graph = new hnswlib.HierarchicalNSW(INDEX_SPACE, dimensions);
  await graph.readIndex(path, true);
  return graph;
}

/**
 * Readies a graph for a build's additions: drops the passages that left and makes room for the live
 * ones. Deleted slots are reused first (allowReplaceDeleted), so only live passages need room.
 */
export function prepareGraph(graph: HierarchicalNSW, removedLabels: readonly number[], live: number): void {
  for (const label of removedLabels) graph.markDelete(label);
  if (graph.getMaxElements() < live) graph.resizeIndex(withHeadroom(live));
}

/** Inserts one point per label; row i of `matrix` is the vector of `labels[i]`. */
export function addPoints(graph: HierarchicalNSW, labels: readonly number[], matrix: Float32Array): void {
  const dimensions = graph.getNumDimensions();
  if (matrix.length !== labels.length * dimensions) {
    throw new RangeError(`${labels.length} labels need ${labels.length * dimensions} vector values, got ${matrix.length}.`);
  }
  labels.forEach((label, i) => {
    graph.addPoint(Array.from(matrix.subarray(i * dimensions, (i + 1) * dimensions)), label, true);
  });
}

function withHeadroom(count: number): number {
  return Math.max(MIN_CAPACITY, Math.ceil(count * HEADROOM));
}
