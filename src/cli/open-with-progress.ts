// Opening the engine for a command, with a terminal's progress line while the model is generated or
// passages are embedded.
import { fromProjectRoot, projectRoot } from '../config/paths.js';
import { openEngine, type OpenedEngine } from '../engine/open.js';
import { storeLocation } from '../store/open-store.js';
import type { CliContext } from './context.js';
import { startupProgress } from './startup-progress.js';

/** Opens the engine, showing on a terminal's stderr how the model generation and the embedding go. */
export async function openEngineWithProgress(
  { config, logger, takeEarlyLexical }: CliContext,
  { model = config.EMBEDDING_MODEL, watch = false }: { model?: string; watch?: boolean } = {},
): Promise<OpenedEngine> {
  const progress = startupProgress(process.stderr);
  const embeddingsDir = fromProjectRoot(config.EMBEDDINGS_DIR);
  const earlyLexical = takeEarlyLexical?.();
  try {
    return await openEngine({
      projectRoot,
      seedsDir: fromProjectRoot(config.SEEDS_DIR),
      embeddingsDir,
      store: storeLocation({ databaseUrl: config.DATABASE_URL, embeddingsDir, ...(earlyLexical ? { earlyLexical } : {}) }),
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
