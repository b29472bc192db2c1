// Brings the on-disk vector index in line with the current sources: reuses what is still valid,
// embeds only passages whose text the index has not seen, and rebuilds from scratch only when the
// index is missing, damaged, or was built by another model or with other HNSW graph settings.
import { join } from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { Embedder } from '../embedding/types.js';
import { updateSlugBook, type SlugBook } from '../sources/slug.js';
import { samePassage } from '../sources/same-passage.js';
import type { Passage, Source } from '../sources/types.js';
import { DEFAULT_EMBED_BATCH_SIZE, embedInBatches, type ProgressCallback } from '../store/embed-in-batches.js';
import type { StoreLogger, StoreSyncStats } from '../store/types.js';
import { createGraph, prepareGraph } from './graph.js';
import { inThreadInserter, type GraphInserter } from './graph-inserter.js';
import { LexicalIndex } from './lexical-index.js';
import type { LexicalSearcher } from './lexical-hits.js';
import type { StoredLexicalLoad } from './lexical-on-worker.js';
import type { EarlyLexicalLoad } from './early-lexical.js';
import { startStoredLexicalLoad } from './stored-lexical.js';
import type { IndexManifest } from './manifest.js';
import { DEFAULT_HNSW_PARAMS, INDEX_SPACE, type HnswParams } from './params.js';
import { diffSources, recordSources } from '../store/source-changes.js';
import {
  readStoredIndex,
  readStoredParts,
  type StoredParts,
  writeStoredIndex,
  type IndexEntry,
  type ManifestContent,
  type StoredIndex,
} from './store.js';
import { VectorIndex } from './vector-index.js';
import { startWorkerInserter } from './worker-inserter.js';
import { describeHolder } from './lock-holder.js';
import { withWriteLock } from './write-lock.js';

/** Where rebuilds and updates are reported; a pino logger fits. */
export type IndexLogger = StoreLogger;

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
  /** The slugs recorded before (readSlugBook); the sources' slugs are added to it. */
  slugBook?: SlugBook;
  /** Where HNSW inserts run: on a worker thread, overlapping embedding, or in this thread between embedding batches. Default 'auto'. */
  insertion?: 'auto' | 'worker' | 'in-thread';
  /** Passages from which a stored lexical index loads on a worker thread (see ./stored-lexical.ts). */
  lexicalWorkerMinPassages?: number;
  /** A lexical load started before the lock was taken (StoreLocation.prepare): used if still current, else stopped. */
  earlyLexical?: Promise<EarlyLexicalLoad | undefined>;
}

export type IndexBuildStats = StoreSyncStats;

/**
 * New passages to embed from which 'auto' insertion uses the worker. Starting it (tsx in a new
 * thread) costs ~0.1 s: on 2 cores the in-thread build was faster at 1,000 passages, even at
 * 2,000, and the worker 5% faster at 4,000 and 15–30% at 10,000.
 */
const WORKER_MIN_EMBEDDED_INSERTS = 2_000;

export interface BuiltIndex {
  index: VectorIndex;
  /** BM25 over the same passages: stored with each generation, so a start loads it instead of analysing every passage. */
  lexical: LexicalSearcher;
  stats: IndexBuildStats;
}

/**
 * Loads the index in `dir`, updating or rebuilding it for `sources` first when needed. Holds the
 * folder's write lock throughout, so a second process waits and then finds the index up to date.
 */
export async function buildOrUpdateIndex(options: BuildIndexOptions): Promise<BuiltIndex> {
  const { dir, logger } = options;
  try {
    return await withWriteLock(dir, () => buildOrUpdateLocked(options), {
      onWait: (holder) => logger?.info(`Another process is writing the index in ${dir} (${describeHolder(holder)}); waiting for it to finish.`),
      onTakeOver: (holder) => logger?.warn(`Taking over the index write lock in ${dir}: its holder (${describeHolder(holder)}) has ended.`),
      onCompromised: (error) => logger?.warn(`Lost the index write lock (${error.message}); another process may write at the same time.`),
    });
  } catch (error) {
    // The lock never taken (or the build failed): an early load must not outlive the attempt. Stopping twice is harmless.
    await (await options.earlyLexical)?.load.cancel();
    throw error;
  }
}

async function buildOrUpdateLocked(options: BuildIndexOptions): Promise<BuiltIndex> {
  const started = performance.now();
  const { dir } = options;
  const early = await options.earlyLexical;
  let lexicalLoad: StoredLexicalLoad | undefined;
  // An early load not taken (another process wrote a generation since, or the manifest is unreadable now) is of no use.
  const stopUnusedEarly = async () => {
    if (early && lexicalLoad !== early.load) await early.load.cancel();
  };
  try {
    const parts = await readStoredParts(dir, (manifest) => {
      lexicalLoad = early?.generation === manifest.generation ? early.load : startStoredLexicalLoad(dir, manifest, options.lexicalWorkerMinPassages);
    });
    await stopUnusedEarly();
    return await syncWithStored(options, parts, lexicalLoad, started);
  } catch (error) {
    await stopUnusedEarly();
    // A load still running would keep its worker, and the process, alive.
    await lexicalLoad?.cancel();
    throw error;
  }
}

async function syncWithStored(
  options: BuildIndexOptions,
  { stored, graph: storedGraph, unavailable }: StoredParts,
  lexicalLoad: StoredLexicalLoad | undefined,
  started: number,
): Promise<BuiltIndex> {
  const { sources, embedder, logger } = options;
  const params: HnswParams = { ...DEFAULT_HNSW_PARAMS, ...options.hnsw };
  const passages = sources.flatMap((source) => source.passages);
  const modelMismatch = stored && modelChange(stored.manifest, embedder);
  const rebuilt = unavailable?.reason ?? modelMismatch ?? (stored && graphParamsChange(stored.manifest, params)) ?? null;
  if (rebuilt) {
    const message = `Rebuilding the vector index: ${rebuilt}.`;
    if (unavailable && !unavailable.missing) logger?.warn(message);
    else logger?.info(message);
  }
  const base: StoredIndex | undefined = rebuilt === null && stored && storedGraph ? { ...stored, graph: storedGraph } : undefined;
  // A start whose sources did not change, the usual one, keeps every entry as it is; otherwise vectors,
  // which depend only on the model and the text, outlive a damaged graph or new HNSW settings.
  const plan =
    base && base.entries.length === passages.length && base.entries.every((entry, i) => samePassage(entry.passage, passages[i]!))
      ? base.entries.map(({ label, vector }, i) => ({ passage: passages[i]!, label, inGraph: true, vector }))
      : planEntries(passages, base?.entries ?? [], vectorsByText(stored && !modelMismatch ? stored.entries : []), base?.manifest.nextLabel ?? 0);
  const keptLabels = new Set(plan.filter((item) => item.inGraph).map((item) => item.label));
  const removed = (base?.entries ?? []).filter((entry) => !keptLabels.has(entry.label));
  const inserter = openInserter(options, params, plan, base, removed);
  const { entries, manifest, graph, lexical, unchanged } = await embedInsertAndWrite(options, params, plan, base, removed, inserter, lexicalLoad).finally(
    () => inserter.close(),
  );

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
  return { index: new VectorIndex(graph, entries, manifest), lexical, stats };
}

/** The worker when asked, or ('auto') when enough new passages are embedded for the overlap to pay for starting it. */
function openInserter(
  options: BuildIndexOptions,
  params: HnswParams,
  plan: readonly PlannedEntry[],
  base: StoredIndex | undefined,
  removed: readonly IndexEntry[],
): GraphInserter {
  const embeddedInserts = plan.filter((item) => !item.inGraph && !item.vector).length;
  const live = plan.length;
  const { dir, embedder, insertion = 'auto' } = options;
  if (insertion === 'worker' || (insertion === 'auto' && embeddedInserts >= WORKER_MIN_EMBEDDED_INSERTS)) {
    return startWorkerInserter({
      dimensions: embedder.dimensions,
      shape: params,
      live,
      ...(base ? { baseGraphFile: join(dir, base.manifest.files.graph.name) } : {}),
      removedLabels: removed.map((entry) => entry.label),
    });
  }
  const graph = base?.graph ?? createGraph(embedder.dimensions, params, live);
  prepareGraph(graph, removed.map((entry) => entry.label), live);
  return inThreadInserter(graph);
}

/** Embeds what is new, inserting it as it comes, and writes a new generation unless nothing changed. */
async function embedInsertAndWrite(
  options: BuildIndexOptions,
  params: HnswParams,
  plan: readonly PlannedEntry[],
  base: StoredIndex | undefined,
  removed: readonly IndexEntry[],
  inserter: GraphInserter,
  lexicalLoad: StoredLexicalLoad | undefined,
): Promise<{ entries: IndexEntry[]; manifest: IndexManifest; graph: HierarchicalNSW; lexical: LexicalSearcher; unchanged: boolean }> {
  const { dir, sources, embedder } = options;
  const toInsert = plan.filter((item) => !item.inGraph);
  const feed = insertionFeed(toInsert, inserter, embedder.dimensions);
  feed(new Map());
  const toEmbed = plan.filter((item) => !item.vector).map((item) => item.passage.text);
  const embedded = await embedInBatches(embedder, toEmbed, options.batchSize ?? DEFAULT_EMBED_BATCH_SIZE, options.onProgress, feed);
  feed(embedded, true);
  // Every passage without a stored vector was inserted, so the final feed found its vector.
  const entries = plan.map(({ passage, label, vector }) => ({ label, passage, vector: vector ?? embedded.get(passage.text)! }));

  const content: ManifestContent = {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    space: INDEX_SPACE,
    ...params,
    count: entries.length,
    nextLabel: (base?.manifest.nextLabel ?? 0) + toInsert.length,
    sources: recordSources(sources),
    slugs: updateSlugBook(options.slugBook ?? {}, sources),
  };
  const passages = entries.map((entry) => entry.passage);
  // Inserting always changes the labels, so only a build that inserted nothing (in-thread) is unchanged.
  if (lexicalLoad && base !== undefined && removed.length === 0 && sameContent(base, content, entries)) {
    // An index written before the lexical index was stored, or whose lexical file is damaged, is written again.
    const lexical = await lexicalLoad.take(passages);
    if (lexical) return { entries, manifest: base.manifest, graph: base.graph, lexical, unchanged: true };
    options.logger?.warn('Rebuilding the stored BM25 index: its file could not be used (damaged, or made by another version of the text analysis).');
  } else {
    await lexicalLoad?.cancel();
  }
  const lexical = LexicalIndex.build(passages);
  const manifest = await writeStoredIndex(dir, content, inserter, entries, lexical.serialize());
  return { entries, manifest, graph: await inserter.finish(join(dir, manifest.files.graph.name)), lexical, unchanged: false };
}

/** Loads the index in `dir` as it is. Throws IndexUnavailableError when it is missing or damaged. */
export async function openIndex(dir: string): Promise<VectorIndex> {
  const { graph, entries, manifest } = await readStoredIndex(dir);
  return new VectorIndex(graph, entries, manifest);
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

function vectorsByText(entries: readonly IndexEntry[]): Map<string, Float32Array> {
  return new Map(entries.map((entry) => [entry.passage.text, entry.vector]));
}

interface PlannedEntry {
  passage: Passage;
  label: number;
  /** Whether the passage keeps its node in the existing graph (else it is inserted under a new label). */
  inGraph: boolean;
  /** Set when no embedding is needed. */
  vector?: Float32Array;
}

/**
 * A passage keeps its graph node when the same file still has a passage with its id and text (its
 * offsets may have moved); otherwise it gets a new node, labelled from `nextLabel` on in reading
 * order, with a stored vector when the index already knows its text.
 */
function planEntries(
  passages: readonly Passage[],
  previous: readonly IndexEntry[],
  knownVectors: ReadonlyMap<string, Float32Array>,
  nextLabel: number,
): PlannedEntry[] {
  const previousByKey = new Map(previous.map((entry) => [passageKey(entry.passage), entry]));
  return passages.map((passage) => {
    const old = previousByKey.get(passageKey(passage));
    if (old && old.passage.text === passage.text) return { passage, label: old.label, inGraph: true, vector: old.vector };
    const known = knownVectors.get(passage.text);
    return { passage, label: nextLabel++, inGraph: false, ...(known ? { vector: known } : {}) };
  });
}

/**
 * Hands new nodes to the inserter in plan order as soon as their vectors exist, so inserting keeps
 * pace with embedding and the graph is the same whichever thread builds it. Call with the vectors
 * made so far; `final` when embedding is done.
 */
function insertionFeed(toInsert: readonly PlannedEntry[], inserter: GraphInserter, dimensions: number) {
  let next = 0;
  return (embedded: ReadonlyMap<string, Float32Array>, final = false): void => {
    const ready: { label: number; vector: Float32Array }[] = [];
    for (; next < toInsert.length; next++) {
      const { passage, label, vector } = toInsert[next]!;
      const found = vector ?? embedded.get(passage.text);
      if (!found) {
        if (final) throw new Error(`No vector for passage ${passage.id}.`);
        break;
      }
      ready.push({ label, vector: found });
    }
    if (ready.length === 0) return;
    // A fresh matrix per batch: the worker inserter takes its buffer over.
    const matrix = new Float32Array(ready.length * dimensions);
    ready.forEach(({ vector }, i) => matrix.set(vector, i * dimensions));
    inserter.add(
      ready.map(({ label }) => label),
      matrix,
    );
  };
}

function passageKey(passage: Passage): string {
  return `${passage.file}\u0000${passage.id}`;
}

/** True when writing would store the same passages, labels and manifest content as before. */
function sameContent(base: StoredIndex, content: ManifestContent, entries: readonly IndexEntry[]): boolean {
  const manifestSame = Object.entries(content).every(
    ([key, value]) => JSON.stringify(base.manifest[key as keyof ManifestContent]) === JSON.stringify(value),
  );
  return (
    manifestSame &&
    entries.length === base.entries.length &&
    entries.every((entry, i) => entry.label === base.entries[i]?.label && samePassage(entry.passage, base.entries[i]!.passage))
  );
}
