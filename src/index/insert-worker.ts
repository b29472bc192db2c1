// Worker thread that owns a build's HNSW graph: adds the batches of points the build posts as
// embedding proceeds, and writes the graph to a file when asked. Requests are handled synchronously,
// so strictly in order, and any error ends the worker (the build sees it).
import { parentPort, workerData } from 'node:worker_threads';
import { addPoints, createGraph, prepareGraph, readGraphFile } from './graph.js';
import type { InsertWorkerInit, InsertWorkerReply, InsertWorkerRequest } from './worker-inserter.js';

const init = workerData as InsertWorkerInit;
// Requests posted while the base graph loads wait in the port's queue until the listener below is attached.
const graph =
  init.baseGraphFile === undefined ? createGraph(init.dimensions, init.shape, init.live) : await readGraphFile(init.baseGraphFile, init.dimensions);
prepareGraph(graph, init.removedLabels, init.live);

parentPort?.on('message', (request: InsertWorkerRequest) => {
  if (request.type === 'add') {
    addPoints(graph, request.labels, request.matrix);
    return;
  }
  graph.writeIndexSync(request.path);
  parentPort?.postMessage({ type: 'written' } satisfies InsertWorkerReply);
});
