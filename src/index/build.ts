// Brings the on-disk vector index in line with the current sources: reuses what is still valid,
// embeds only passages whose text the index has not seen, and rebuilds from scratch only when the
// index is missing, damaged, or was built by another model or with other HNSW graph settings.
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import type { Embedder } from '../embedding/types.js';
import type { Passage, Source } from '../sources/types.js';
import { DEFAULT_EMBED_BATCH_SIZE, embedInBatches, type ProgressCallback } from './embed-in-batches.js';
import type { IndexManifest } from './manifest.js';
import { DEFAULT_HNSW_PARAMS, HNSW_RANDOM_SEED, INDEX_SPACE, type HnswParams } from './params.js';
import { diffSources, recordSources, type SourceChanges } from './source-changes.js';
import {
  IndexUnavailableError,
  readStoredGraph,
  readStoredIndex,
  readStoredVectors,
  writeStoredIndex,
  type IndexEntry,
  type ManifestContent,
  type StoredIndex,
  type StoredVectors,
} from './store.js';
import { VectorIndex } from './vector-index.js';

/** Where rebuilds and updates are reported; a pino logger fits. */
export interface IndexLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface BuildIndexOptions {
  /** Folder holding the index files (the project's embeddings/ folder). */
  dir: string;
  sources: readonly Source[];
  embedder: Embedder;
  hnsw?: Partial<HnswParams>;
  /** Called as passages are embedded: texts done so far, texts to embed in all. */
  onProgress?: ProgressCallback;
  logger?: IndexLogger;
  /** Texts per embedder call. */
  batchSize?: number;
}

export interface IndexBuildStats {
  sources: number;
  passages: number;
  /** Passages whose vectors the model computed in this run. */
  embedded: number;
  /** Passages whose vectors came from the stored index. */
  reused: number;
  /** Source files by what happened to them since the stored index was built. */
  files: SourceChanges;
  /** Why the index was built from scratch, or null when the stored one was updated in place. */
  rebuilt: string | null;
  /** Whether a new generation was written (false when nothing had changed). */
  written: boolean;
  seconds: number;
}

const MIN_CAPACITY = 16;
/** Spare graph slots, so small additions do not need a resize every time. */
const HEADROOM = 1.25;

/** Loads the index in `dir`, updating or rebuilding it for `sources` first when needed. */
export async function buildOrUpdateIndex(options: BuildIndexOptions): Promise<{ index: VectorIndex; stats: IndexBuildStats }> {
  const started = performance.now();
  const { dir, sources, embedder, logger } = options;
  const params: HnswParams = { ...DEFAULT_HNSW_PARAMS, ...options.hnsw };
  const passages = sources.flatMap((source) => source.passages);

  const { stored, graph: storedGraph, unavailable } = await readUsableParts(dir);
  const modelMismatch = stored && modelChange(stored.manifest, embedder);
  const rebuilt = unavailable?.reason ?? modelMismatch ?? (stored && graphParamsChange(stored.manifest, params)) ?? null;
  if (rebuilt) {
    const message = `Rebuilding the vector index: ${rebuilt}.`;
    if (unavailable && !unavailable.missing) logger?.warn(message);
    else logger?.info(message);
  }
  const base: StoredIndex | undefined = rebuilt === null && stored && storedGraph ? { ...stored, graph: storedGraph } : undefined;
  // Vectors depend only on the model and the text: they outlive a damaged graph or new HNSW settings.
  const knownVectors = new Map(stored && !modelMismatch ? stored.entries.map((entry) => [entry.passage.text, entry.vector]) : []);

  const plan = planEntries(passages, base?.entries ?? [], knownVectors);
  const toEmbed = plan.filter((item) => !item.vector).map((item) => item.passage.text);
  const embeddedVectors = await embedInBatches(embedder, toEmbed, options.batchSize ?? DEFAULT_EMBED_BATCH_SIZE, options.onProgress);

  const graph = base?.graph ?? createGraph(embedder.dimensions, params, passages.length);
  const keptLabels = new Set(plan.map((item) => item.label));
  const removed = (base?.entries ?? []).filter((entry) => !keptLabels.has(entry.label));
  for (const entry of removed) graph.markDelete(entry.label);
  ensureCapacity(graph, passages.length);
  let nextLabel = base?.manifest.nextLabel ?? 0;
  const entries: IndexEntry[] = plan.map(({ passage, label, vector }) => {
    if (label !== undefined && vector) return { label, passage, vector };
    const fresh = vector ?? embeddedVectors.get(passage.text);
    if (!fresh) throw new Error(`No vector for passage ${passage.id}.`);
    const entry = { label: nextLabel++, passage, vector: fresh };
    graph.addPoint(Array.from(fresh), entry.label, true);
    return entry;
  });

  const content: ManifestContent = {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    space: INDEX_SPACE,
    ...params,
    count: entries.length,
    nextLabel,
    sources: recordSources(sources),
  };
  const unchanged = base !== undefined && removed.length === 0 && sameContent(base, content, entries);
  const manifest = unchanged ? base.manifest : await writeStoredIndex(dir, content, graph, entries);

  const embedded = plan.filter((item) => !item.vector).length;
  const stats: IndexBuildStats = {
    sources: sources.length,
    passages: entries.length,
    embedded,
    reused: entries.length - embedded,
    files: diffSources(stored?.manifest.sources ?? {}, sources),
    rebuilt,
    written: !unchanged,
    seconds: (performance.now() - started) / 1000,
  };
  if (!rebuilt && !unchanged) {
    const { added, changed, removed: gone } = stats.files;
    logger?.info(
      `Updated the vector index: ${added.length} new, ${changed.length} changed, ${gone.length} removed source files; ${embedded} passages embedded, ${stats.reused} reused.`,
    );
  }
  return { index: new VectorIndex(graph, entries, manifest), stats };
}

/** Loads the index in `dir` as it is. Throws IndexUnavailableError when it is missing or damaged. */
export async function openIndex(dir: string): Promise<VectorIndex> {
  const { graph, entries, manifest } = await readStoredIndex(dir);
  return new VectorIndex(graph, entries, manifest);
}

/** As much of the stored index as is intact: passages and vectors can outlive a damaged graph file. */
async function readUsableParts(
  dir: string,
): Promise<{ stored?: StoredVectors; graph?: HierarchicalNSW; unavailable?: IndexUnavailableError }> {
  let stored: StoredVectors | undefined;
  try {
    stored = await readStoredVectors(dir);
    return { stored, graph: await readStoredGraph(dir, stored) };
  } catch (error) {
    if (error instanceof IndexUnavailableError) return { stored, unavailable: error };
    throw error;
  }
}

function modelChange(manifest: IndexManifest, embedder: Embedder): string | undefined {
  if (manifest.modelId !== embedder.modelId) return `the model changed (${manifest.modelId} → ${embedder.modelId})`;
  if (manifest.dimensions !== embedder.dimensions) {
    return `the vector size changed (${manifest.dimensions} → ${embedder.dimensions} dimensions)`;
  }
  return undefined;
}

function graphParamsChange(manifest: IndexManifest, params: HnswParams): string | undefined {
  const changed = (['M', 'efConstruction'] as const).filter((name) => manifest[name] !== params[name]);
  if (changed.length === 0) return undefined;
  return `HNSW settings changed (${changed.map((name) => `${name} ${manifest[name]} → ${params[name]}`).join(', ')})`;
}

interface PlannedEntry {
  passage: Passage;
  /** Set when the passage keeps its node in the existing graph. */
  label?: number;
  /** Set when no embedding is needed. */
  vector?: Float32Array;
}

/**
 * A passage keeps its graph node when the same file still has a passage with its id and text (its
 * offsets may have moved); otherwise it gets a new node, with a stored vector when the index
 * already knows its text.
 */
function planEntries(
  passages: readonly Passage[],
  previous: readonly IndexEntry[],
  knownVectors: ReadonlyMap<string, Float32Array>,
): PlannedEntry[] {
  const previousByKey = new Map(previous.map((entry) => [passageKey(entry.passage), entry]));
  return passages.map((passage) => {
    const old = previousByKey.get(passageKey(passage));
    if (old && old.passage.text === passage.text) return { passage, label: old.label, vector: old.vector };
    return { passage, vector: knownVectors.get(passage.text) };
  });
}

function passageKey(passage: Passage): string {
  return `${passage.file}\u0000${passage.id}`;
}

function createGraph(dimensions: number, params: HnswParams, expected: number): HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW(INDEX_SPACE, dimensions);
  graph.initIndex({
    maxElements: withHeadroom(expected),
    m: params.M,
    efConstruction: params.efConstruction,
    randomSeed: HNSW_RANDOM_SEED,
    allowReplaceDeleted: true,
  });
  return graph;
}

/**
 * Deleted slots are reused first (allowReplaceDeleted), so the graph needs room for the live
 * passages only.
 */
function ensureCapacity(graph: HierarchicalNSW, live: number): void {
  if (graph.getMaxElements() < live) graph.resizeIndex(withHeadroom(live));
}

function withHeadroom(count: number): number {
  return Math.max(MIN_CAPACITY, Math.ceil(count * HEADROOM));
}

/** True when writing would store the same passages, labels and manifest content as before. */
function sameContent(base: StoredIndex, content: ManifestContent, entries: readonly IndexEntry[]): boolean {
  const manifestSame = Object.entries(content).every(
    ([key, value]) => JSON.stringify(base.manifest[key as keyof ManifestContent]) === JSON.stringify(value),
  );
  return (
    manifestSame &&
    entries.length === base.entries.length &&
    entries.every((entry, i) => entry.label === base.entries[i]?.label && JSON.stringify(entry.passage) === JSON.stringify(base.entries[i]?.passage))
  );
}
