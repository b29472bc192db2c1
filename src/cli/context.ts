// What every command needs: validated config, a logger, and (for most) the opened engine.
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/config.js';
import { fromProjectRoot, projectRoot } from '../config/paths.js';
import { openEngine, type OpenedEngine } from '../engine/open.js';
import { createLogger, type Logger } from '../log/logger.js';
import { storeLocation } from '../store/open-store.js';

export interface CliContext {
  config: Config;
  logger: Logger;
}

export function cliContext(): CliContext {
  const config = loadConfig();
  return { config, logger: createLogger(config.LOG_LEVEL) };
}

/** Opens the engine, drawing a progress bar on stderr while passages are embedded. */
export async function openEngineWithProgress({ config, logger }: CliContext, model = config.EMBEDDING_MODEL): Promise<OpenedEngine> {
  const bar = new SingleBar({ format: 'Embedding passages [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  let started = false;
  const embeddingsDir = fromProjectRoot(config.EMBEDDINGS_DIR);
  try {
    return await openEngine({
      projectRoot,
      seedsDir: fromProjectRoot(config.SEEDS_DIR),
      embeddingsDir,
      store: storeLocation({ databaseUrl: config.DATABASE_URL, embeddingsDir }),
      modelsDir: fromProjectRoot(config.MODELS_DIR),
      model,
      logger,
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
  } finally {
    if (started) bar.stop();
  }
}
