// Generates the offline model once before any test file runs, so parallel test processes load it
// instead of racing to generate it.
import { fromProjectRoot } from '../src/config/paths.js';
import { ensureOfflineModel } from '../src/embedding/offline-model-store.js';

export default async function setup(): Promise<void> {
  await ensureOfflineModel(fromProjectRoot('.models'), 'pooled', (message) => console.warn(message));
}
