// Shared set-up for the index tests: the real offline embedder, the real sources, and scratch
// copies of the seeds that a test may edit.
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, fromProjectRoot } from '../../src/config/paths.js';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import type { Embedder } from '../../src/embedding/types.js';
import { loadSources } from '../../src/sources/load.js';
import type { Source } from '../../src/sources/types.js';

export const SEEDS_DIR = join(projectRoot, 'seeds');

/** The offline model (int8 by default; `quantized: false` is a different model id with the same vectors' size). */
export function offlineEmbedder(options: { quantized?: boolean } = {}): Promise<Embedder> {
  return createEmbedder({ model: 'offline', modelsDir: fromProjectRoot('.models'), ...options });
}

export function seedSources(): Promise<Source[]> {
  return loadSources(SEEDS_DIR, projectRoot);
}

/** A scratch project: a writable copy of the seeds and an empty embeddings folder. */
export interface ScratchProject {
  root: string;
  seedsDir: string;
  indexDir: string;
  sources(): Promise<Source[]>;
  remove(): Promise<void>;
}

export async function scratchProject(): Promise<ScratchProject> {
  const root = await mkdtemp(join(tmpdir(), 'index-test-'));
  const seedsDir = join(root, 'seeds');
  await mkdir(seedsDir);
  for (const name of await readdir(SEEDS_DIR)) {
    await copyFile(join(SEEDS_DIR, name), join(seedsDir, name));
    await chmod(join(seedsDir, name), 0o644);
  }
  return {
    root,
    seedsDir,
    indexDir: join(root, 'embeddings'),
    sources: () => loadSources(seedsDir, root),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
