// Starts a worker thread on one of the project's TypeScript modules.
// The project runs from TypeScript source (tsx, vitest), and a worker thread gets neither's
// transform, and on Node 20 `execArgv: ['--import', 'tsx']` does not make a .ts entry loadable
// (tried). So the worker starts as a one-line script that imports the TypeScript module through
// tsx's API; resolved when a worker starts, so a missing tsx fails that worker, not every start.
import { Worker } from 'node:worker_threads';

export function startTsWorker(moduleUrl: URL, workerData: unknown): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const href = JSON.stringify(moduleUrl.href);
  return new Worker(`import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${href}, ${href}));`, { eval: true, workerData });
}
