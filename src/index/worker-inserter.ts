// A GraphInserter whose graph lives on a worker thread (insert-worker.ts), so HNSW inserts use the
// second core while this thread embeds. The worker writes the finished graph file itself; this
// thread then reads that file back for the index it returns.
import type { HierarchicalNSW } from 'hnswlib-node';
import type { GraphShape } from './graph.js';
import { readGraphFile } from './graph.js';
import type { GraphInserter } from './graph-inserter.js';
import { startTsWorker } from './ts-worker.js';

export interface InsertWorkerInit {
  dimensions: number;
  shape: GraphShape;
  /** Live passages once the build is done: the capacity the graph needs. */
  live: number;
  /** Graph file to extend (an incremental update); a new graph is made when absent. */
  baseGraphFile?: string;
  /** Labels of passages that left the sources, deleted before anything is added. */
  removedLabels: number[];
}

export type InsertWorkerRequest = { type: 'add'; labels: readonly number[]; matrix: Float32Array<ArrayBuffer> } | { type: 'write'; path: string };
export type InsertWorkerReply = { type: 'written' };

const WORKER_MODULE = new URL('./insert-worker.ts', import.meta.url);

export function startWorkerInserter(init: InsertWorkerInit): GraphInserter {
  const worker = startTsWorker(WORKER_MODULE, init);
  let failure: Error | undefined;
  let closing = false;
  // Settles only by failing: raced against every wait, so a dead worker can never leave the build hanging.
  const failed = new Promise<never>((_, reject) => {
    const fail = (error: Error) => {
      failure ??= error;
      reject(failure);
    };
    worker.on('error', (error) => fail(new Error(`HNSW insert worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`HNSW insert worker stopped unexpectedly (exit code ${code}).`));
    });
  });
  // Handled where it is raced; this keeps a failure nobody waits for from counting as unhandled.
  failed.catch(() => {});

  return {
    add(labels, matrix) {
      if (failure) throw failure;
      // The matrix is the caller's copy: transferred, not cloned.
      worker.postMessage({ type: 'add', labels, matrix } satisfies InsertWorkerRequest, [matrix.buffer]);
    },
    async writeIndex(path) {
      const written = new Promise<void>((resolve) => {
        worker.once('message', (reply: InsertWorkerReply) => {
          if (reply.type === 'written') resolve();
        });
      });
      worker.postMessage({ type: 'write', path } satisfies InsertWorkerRequest);
      await Promise.race([written, failed]);
    },
    finish: (writtenPath): Promise<HierarchicalNSW> => readGraphFile(writtenPath, init.dimensions),
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
