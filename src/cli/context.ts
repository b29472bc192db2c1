// What every command needs: validated config, a logger, and (for most) the opened engine.
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/config.js';
import { fromProjectRoot, projectRoot } from '../config/paths.js';
import { openEngine, type OpenedEngine } from '../engine/open.js';
import { createLogger, type Logger } from '../log/logger.js';
import { startupProgress } from './startup-progress.js';
import { storeLocation } from '../store/open-store.js';

export interface CliContext {
  config: Config;
  logger: Logger;
}

export function cliContext(): CliContext {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL ?? 'info', undefined, { secrets: [config.DISCORD_TOKEN], format: config.LOG_FORMAT });
  return { config, logger };
}

/** Opens the engine, showing on a terminal's stderr how the model generation and the embedding go. */
export async function openEngineWithProgress(
  { config, logger }: CliContext,
  { model = config.EMBEDDING_MODEL, watch = false }: { model?: string; watch?: boolean } = {},
): Promise<OpenedEngine> {
  const progress = startupProgress(process.stderr);
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
      watch,
      onModelGeneration: progress.onModelGeneration,
      onProgress: progress.onEmbedding,
    });
  } finally {
    progress.stop();
  }
}
