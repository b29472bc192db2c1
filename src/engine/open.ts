// Opens the engine: sources from seeds/, the embedding model, the vector index (built or updated
// as needed) and the lexical index over the same passages.
import { createEmbedder } from '../embedding/create-embedder.js';
import type { Logger } from '../log/logger.js';
import { HybridSearch, type HybridSearchOptions } from '../search/hybrid.js';
import { loadSources } from '../sources/load.js';
import type { ProgressCallback } from '../store/embed-in-batches.js';
import { storeLocation } from '../store/open-store.js';
import type { StoreLocation, StoreSyncStats } from '../store/types.js';
import { SearchEngine, type EngineParts } from './engine.js';
import { SEARCH_SETTINGS } from './settings.js';
import { SourceCatalog } from './source-catalog.js';

export interface OpenEngineOptions {
  projectRoot: string;
  seedsDir: string;
  embeddingsDir: string;
  /** Where passages and vectors live; the embedded store in `embeddingsDir` when absent. */
  store?: StoreLocation;
  modelsDir: string;
  /** "offline" or a Hugging Face hub id. */
  model: string;
  logger: Logger;
  onProgress?: ProgressCallback;
  /** Overrides of the retrieval settings (benchmarks and calibration compare variants). */
  search?: Partial<HybridSearchOptions>;
}

export interface OpenedEngine {
  engine: SearchEngine;
  /** The loaded stages, for benchmarks and calibration that compare variants over the same index. */
  parts: EngineParts;
  stats: StoreSyncStats;
}

export async function openEngine(options: OpenEngineOptions): Promise<OpenedEngine> {
  const { logger } = options;
  const location = options.store ?? storeLocation({ embeddingsDir: options.embeddingsDir });
  const slugBook = await location.readSlugBook();
  const sources = await loadSources(options.seedsDir, options.projectRoot, {
    onSkip: ({ file, reason }) => logger.warn({ file }, `Skipped source ${file}: ${reason}`),
    slugBook,
  });
  const embedder = await createEmbedder({
    model: options.model,
    modelsDir: options.modelsDir,
    log: (message: string) => logger.warn(message),
  });
  try {
    const { store, stats } = await location.open({
      sources,
      slugBook,
      embedder,
      logger,
      onProgress: options.onProgress,
    });
    const search = new HybridSearch(store, { ...SEARCH_SETTINGS, ...options.search });
    const parts: EngineParts = { catalog: new SourceCatalog(sources), embedder, store, search, log: logger };
    return { engine: new SearchEngine(parts), parts, stats };
  } catch (error) {
    await embedder.dispose();
    throw error;
  }
}
