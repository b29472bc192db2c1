// Opens the engine: the embedding model, then a snapshot of the sources with their store (built or
// updated as needed) and search; optionally watching the seeds folder to reload when sources change.
import { join } from 'node:path';
import { FileFreshness } from '../citations/file-freshness.js';
import { createEmbedder } from '../embedding/create-embedder.js';
import type { GenerationStageCallback } from '../embedding/offline/generate-offline-model.js';
import type { Embedder } from '../embedding/types.js';
import { corpusFingerprint, loadOrMeasureCalibration } from '../calibration/index-calibration.js';
import { embeddedStoreLocation } from '../index/embedded-store.js';
import type { Logger } from '../log/logger.js';
import { FurnitureLines } from '../search/furniture-bait.js';
import { HybridSearch, type HybridSearchOptions } from '../search/hybrid.js';
import { preloadWordFrequencies } from '../search/term-weight.js';
import { loadSources } from '../sources/load.js';
import { ParseCache } from '../sources/parse-cache.js';
import { readSourceText } from '../sources/read-text.js';
import type { ProgressCallback } from '../store/embed-in-batches.js';
import { storeLocation } from '../store/open-store.js';
import type { StoreLocation, StoreSyncStats } from '../store/types.js';
import { SearchEngine, type EngineParts } from './engine.js';
import { LiveEngine, type Snapshot } from './live-engine.js';
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
  /** Called as each stage of a first-run offline model generation starts. */
  onModelGeneration?: GenerationStageCallback;
  /** Overrides of the retrieval settings (benchmarks and calibration compare variants). */
  search?: Partial<HybridSearchOptions>;
  /** Watch the seeds folder and reload when sources change (the bot and the console do). */
  watch?: boolean;
}

export interface OpenedEngine {
  engine: LiveEngine;
  /** The first snapshot's stages, for benchmarks and calibration that compare variants over the same index. */
  parts: EngineParts;
  stats: StoreSyncStats;
}

export async function openEngine(options: OpenEngineOptions): Promise<OpenedEngine> {
  const { logger } = options;
  const location = options.store ?? storeLocation({ embeddingsDir: options.embeddingsDir });
  // The store starts reading its index while the model loads and the sources are parsed, and the
  // parses kept from the last start are read meanwhile too (never rejects: a bad cache is empty).
  const stopPreparing = location.prepare?.();
  const parseCache = ParseCache.open(join(options.embeddingsDir, PARSE_CACHE_FILE));
  let embedder: Embedder;
  try {
    embedder = await createEmbedder({
      model: options.model,
      modelsDir: options.modelsDir,
      log: (message: string) => logger.warn(message),
      onModelGeneration: options.onModelGeneration,
    });
  } catch (error) {
    await stopPreparing?.();
    throw error;
  }
  try {
    const freshness = new FileFreshness(options.projectRoot, readCurrentText);
    // Said once, not again at every reload while the file or the entry stays as it is.
    const warnOnce = onceEach((message: string) => logger.warn(message));
    let engine: LiveEngine | undefined;
    const cache = await parseCache;
    const load = (onProgress?: ProgressCallback) =>
      loadSnapshot(options, { location, embedder, parseCache: cache, freshness, warn: warnOnce, onStale: () => void engine?.reload(), onProgress });
    const first = await load(options.onProgress);
    engine = new LiveEngine(first, () => load(), embedder, logger);
    if (options.watch) await engine.watch(options.seedsDir);
    return { engine, parts: first.parts, stats: first.stats };
  } catch (error) {
    // Nothing when the first open() took the prepared reading over.
    await stopPreparing?.();
    await embedder.dispose();
    throw error;
  }
}

/** Where the parses of the last start are kept, beside the embedded index (also with a Postgres store). */
export const PARSE_CACHE_FILE = 'parsed-sources.jsonl';

interface SnapshotDeps {
  location: StoreLocation;
  embedder: Embedder;
  parseCache: ParseCache;
  freshness: FileFreshness;
  warn: (message: string) => void;
  onStale: (file: string) => void;
  onProgress?: ProgressCallback;
}

/** The sources as they are now, the store brought in line with them, and search over it. */
async function loadSnapshot(options: OpenEngineOptions, deps: SnapshotDeps): Promise<Snapshot> {
  const { logger } = options;
  const slugBook = await deps.location.readSlugBook();
  const sources = await loadSources(options.seedsDir, options.projectRoot, {
    onSkip: ({ file, reason }) => deps.warn(`Skipped source ${file}: ${reason}`),
    onMetadataWarning: deps.warn,
    slugBook,
    parseCache: deps.parseCache,
  });
  const opening = deps.location.open({ sources, slugBook, embedder: deps.embedder, logger, onProgress: deps.onProgress });
  const passages = sources.flatMap((source) => source.passages);
  let fingerprint: string;
  try {
    // Hashing every passage (0.2 s at 100,000) and reading the word counts every question needs run
    // while the store reads its files.
    fingerprint = corpusFingerprint(passages);
    preloadWordFrequencies();
  } catch (error) {
    // The store opened meanwhile is not left holding its lock, worker or connections.
    await opening.then(({ store }) => store.close(), () => {});
    throw error;
  }
  const { store, stats } = await opening;
  const { calibration, measured } = await loadOrMeasureCalibration(store, deps.embedder, fingerprint);
  if (measured) logger.info({ denseScale: calibration.denseScale }, `Calibrated ${store.modelId} on ${passages.length} passages.`);
  const furniture = new FurnitureLines(sources.flatMap((source) => source.furniture ?? []));
  const search = new HybridSearch(store, { ...SEARCH_SETTINGS, ...options.search }, calibration.denseScale, furniture);
  const parts: EngineParts = {
    catalog: new SourceCatalog(sources),
    embedder: deps.embedder,
    store,
    search,
    freshness: deps.freshness,
    onStale: deps.onStale,
    log: logger,
  };
  return { engine: new SearchEngine(parts), parts, stats };
}

function onceEach(say: (message: string) => void): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    say(message);
  };
}

/** A source file's text decoded exactly as loadSources decodes it, so the verbatim gate compares like with like. */
async function readCurrentText(path: string): Promise<string | undefined> {
  const read = await readSourceText(path);
  return 'text' in read ? read.text : undefined;
}
