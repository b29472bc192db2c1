// Opens the engine: sources from seeds/, the embedding model, the vector index (built or updated
// as needed) and the lexical index over the same passages.
import { createEmbedder } from '../embedding/create-embedder.js';
import type { GenerationStageCallback } from '../embedding/offline/generate-offline-model.js';
import { buildOrUpdateIndex, type IndexBuildStats } from '../index/build.js';
import type { ProgressCallback } from '../index/embed-in-batches.js';
import type { Logger } from '../log/logger.js';
import { HybridSearch, type HybridSearchOptions } from '../search/hybrid.js';
import { LexicalIndex } from '../search/lexical.js';
import { informativeness } from '../search/term-weight.js';
import { loadSources } from '../sources/load.js';
import { SearchEngine, type EngineParts } from './engine.js';
import { SEARCH_SETTINGS } from './settings.js';
import { SourceCatalog } from './source-catalog.js';

export interface OpenEngineOptions {
  projectRoot: string;
  seedsDir: string;
  embeddingsDir: string;
  modelsDir: string;
  /** "offline" or a Hugging Face hub id. */
  model: string;
  logger: Logger;
  onProgress?: ProgressCallback;
  /** Called as each stage of a first-run offline model generation starts. */
  onModelGeneration?: GenerationStageCallback;
  /** Overrides of the retrieval settings (benchmarks and calibration compare variants). */
  search?: Partial<HybridSearchOptions>;
}

export interface OpenedEngine {
  engine: SearchEngine;
  /** The loaded stages, for benchmarks and calibration that compare variants over the same index. */
  parts: EngineParts;
  stats: IndexBuildStats;
}

export async function openEngine(options: OpenEngineOptions): Promise<OpenedEngine> {
  const { logger } = options;
  const sources = await loadSources(options.seedsDir, options.projectRoot, {
    onSkip: ({ file, reason }) => logger.warn({ file }, `Skipped source ${file}: ${reason}`),
  });
  const embedder = await createEmbedder({
    model: options.model,
    modelsDir: options.modelsDir,
    log: (message: string) => logger.warn(message),
    onModelGeneration: options.onModelGeneration,
  });
  try {
    const { index, stats } = await buildOrUpdateIndex({
      dir: options.embeddingsDir,
      sources,
      embedder,
      logger,
      onProgress: options.onProgress,
    });
    const lexical = LexicalIndex.build(index.passages);
    const search = new HybridSearch(index, lexical, { ...SEARCH_SETTINGS, ...options.search }, informativeness(lexical.stats.idf));
    const parts: EngineParts = { catalog: new SourceCatalog(sources), embedder, vectors: index, lexical, search, log: logger };
    return { engine: new SearchEngine(parts), parts, stats };
  } catch (error) {
    await embedder.dispose();
    throw error;
  }
}
