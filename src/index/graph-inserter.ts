// Where a build's HNSW inserts run. In this thread they run one after another with embedding; on
// a worker thread (worker-inserter.ts) they run on the other core while embedding goes on.
import type { HierarchicalNSW } from 'hnswlib-node';
import { addPoints } from './graph.js';
import type { GraphFileWriter } from './store.js';

export interface GraphInserter extends GraphFileWriter {
  /**
   * Inserts (or queues) one point per label, in call order; row i of `matrix` is `labels[i]`'s vector.
   * The matrix's buffer may be taken over (transferred to the worker).
   */
  add(labels: readonly number[], matrix: Float32Array<ArrayBuffer>): void;
  /** The finished graph in this thread; `writtenPath` is where writeIndex put it. */
  finish(writtenPath: string): Promise<HierarchicalNSW>;
  /** Releases the inserter; safe to call after a failure. */
  close(): Promise<void>;
}

export function inThreadInserter(graph: HierarchicalNSW): GraphInserter {
  return {
    add: (labels, matrix) => addPoints(graph, labels, matrix),
    writeIndex: (path) => graph.writeIndex(path),
    finish: async () => graph,
    close: async () => {},
  };
}
