// The real engine over the real seeds (or a scratch seeds folder), with its index in a temp folder
// and the offline model, shared by the engine, CLI and front-end tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromProjectRoot, projectRoot } from '../../src/config/paths.js';
import { openEngine, type OpenedEngine } from '../../src/engine/open.js';
import { createLogger } from '../../src/log/logger.js';

export interface TestEngine extends OpenedEngine {
  embeddingsDir: string;
  /** Closes the engine and removes its index folder. */
  dispose(): Promise<void>;
}

export async function openTestEngine(options: { seedsDir?: string } = {}): Promise<TestEngine> {
  const embeddingsDir = await mkdtemp(join(tmpdir(), 'engine-test-'));
  const opened = await openEngine({
    projectRoot,
    seedsDir: options.seedsDir ?? fromProjectRoot('seeds'),
    embeddingsDir,
    modelsDir: fromProjectRoot('.models'),
    model: 'offline',
    logger: createLogger('silent'),
  });
  return {
    ...opened,
    embeddingsDir,
    async dispose() {
      await opened.engine.close();
      await rm(embeddingsDir, { recursive: true, force: true });
    },
  };
}
