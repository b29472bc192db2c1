// Reading and writing one generation of index files. Data files carry the generation in their
// names and are never overwritten; the manifest, replaced atomically and last, is what makes a
// generation current. So a kill mid-write leaves the previous generation intact and in force.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import { makeDirectory } from '../config/make-directory.js';
import type { SlugBook } from '../sources/slug.js';
import type { Passage } from '../sources/types.js';
import { writeFileAtomic, writeViaTempFile } from './atomic-write.js';
import { fromJsonLines, toJsonLines } from './json-lines.js';
import { readGraphFile } from './graph.js';
import { IndexUnavailableError } from './unavailable.js';
import { readVerified, sha256 } from './verified-file.js';
import { INDEX_FORMAT_VERSION, MANIFEST_FILE, parseJson, readManifest, type IndexManifest, type StoredFile } from './manifest.js';

/** One indexed passage: its HNSW label and the vector the model gave its text. */
export interface IndexEntry {
  label: number;
  passage: Passage;
  vector: Float32Array;
}

/** The passages and their vectors, as recorded by a manifest: enough to rebuild a graph without embedding. */
export interface StoredVectors {
  manifest: IndexManifest;
  /** In the order they were written (reading order of the sources). */
  entries: IndexEntry[];
}

export interface StoredIndex extends StoredVectors {
  graph: HierarchicalNSW;
}

/** What of the stored index could be read: passages and vectors can outlive a damaged graph file. */
export interface StoredParts {
  stored?: StoredVectors;
  graph?: HierarchicalNSW;
  unavailable?: IndexUnavailableError;
}

/** The manifest minus what writing decides (format, file names and hashes, generation, time). */
export type ManifestContent = Omit<IndexManifest, 'formatVersion' | 'files' | 'generation' | 'builtAt'>;

const DATA_FILE_PATTERN = /^(graph|passages|vectors|lexical)\.[a-z0-9]+\.(hnsw|json|f32)$/;
/** Temp files of ours left by an interrupted write (see atomic-write.ts; parsed-sources: ../sources/parse-cache.ts). */
const OUR_TEMP_PATTERN = /^(graph|passages|vectors|lexical|manifest|calibration|parsed-sources)\..*\.tmp$/;

export async function readStoredIndex(dir: string): Promise<StoredIndex> {
  const { stored, graph, unavailable } = await readStoredParts(dir);
  if (!stored || !graph) throw unavailable;
  return { ...stored, graph };
}

/** As much of the stored index as is intact; the graph is read alongside passages and vectors. */
export async function readStoredParts(
  dir: string,
  /** Called once the manifest is read, to start more reading beside these parts. */
  withManifest?: (manifest: IndexManifest) => void,
): Promise<StoredParts> {
  let manifest: IndexManifest;
  try {
    manifest = await readManifest(dir);
  } catch (error) {
    if (error instanceof IndexUnavailableError) return { unavailable: error };
    throw error;
  }
  withManifest?.(manifest);
  const [vectors, graph] = await Promise.allSettled([readEntries(dir, manifest), readGraph(dir, manifest)]);
  const failure = [vectors, graph].find((outcome) => outcome.status === 'rejected');
  if (failure && !(failure.reason instanceof IndexUnavailableError)) throw failure.reason;
  if (vectors.status === 'rejected') return { unavailable: vectors.reason as IndexUnavailableError };
  const stored = { manifest, entries: vectors.value };
  if (graph.status === 'rejected') return { stored, unavailable: graph.reason as IndexUnavailableError };
  const graphLabels = new Set(graph.value.getIdsList());
  const strayEntry = stored.entries.find((entry) => !graphLabels.has(entry.label) || entry.label >= manifest.nextLabel);
  if (strayEntry) return { stored, unavailable: new IndexUnavailableError(`passage ${strayEntry.passage.id} has no node in the graph`) };
  return { stored, graph: graph.value };
}

/** Reads the manifest, passages and vectors, checking each file against the manifest. */
export async function readStoredVectors(dir: string): Promise<StoredVectors> {
  const manifest = await readManifest(dir);
  return { manifest, entries: await readEntries(dir, manifest) };
}

async function readEntries(dir: string, manifest: IndexManifest): Promise<IndexEntry[]> {
  const [passagesBytes, vectorBytes] = await Promise.all([
    readVerified(dir, manifest.files.passages, 'passages'),
    readVerified(dir, manifest.files.vectors, 'vectors'),
  ]);
  const records = parseRecords(passagesBytes, 'passages file');
  if (!Array.isArray(records) || !records.every(isPassageRecord)) throw new IndexUnavailableError('passages file invalid (not passage records)');
  if (records.length !== manifest.count) {
    throw new IndexUnavailableError(`passages file has ${records.length} passages, manifest says ${manifest.count}`);
  }
  const expectedVectorBytes = manifest.count * manifest.dimensions * Float32Array.BYTES_PER_ELEMENT;
  if (vectorBytes.byteLength !== expectedVectorBytes) {
    throw new IndexUnavailableError(`vectors file has ${vectorBytes.byteLength} bytes, expected ${expectedVectorBytes}`);
  }
  // readVerified's buffers start their own memory, so a Float32Array can view them without a copy.
  const matrix = new Float32Array(vectorBytes.buffer, vectorBytes.byteOffset, vectorBytes.byteLength / Float32Array.BYTES_PER_ELEMENT);
  return records.map(({ label, passage }, i) => ({
    label,
    passage,
    vector: matrix.subarray(i * manifest.dimensions, (i + 1) * manifest.dimensions),
  }));
}

/**
 * A record's shape. Its fields are not validated one by one (that took a third of a second at
 * 100,000 passages): the file matched the sha256 its manifest recorded, so it is what a build
 * wrote, and a build compares stored passages with the sources' before keeping any of them.
 */
function isPassageRecord(value: unknown): value is { label: number; passage: Passage } {
  if (typeof value !== 'object' || value === null) return false;
  const { label, passage } = value as { label?: unknown; passage?: { id?: unknown; file?: unknown; text?: unknown } };
  return Number.isInteger(label) && typeof passage?.id === 'string' && typeof passage.file === 'string' && typeof passage.text === 'string';
}

/** Loads the HNSW graph the manifest names, once its file checks out. */
async function readGraph(dir: string, manifest: IndexManifest): Promise<HierarchicalNSW> {
  await readVerified(dir, manifest.files.graph, 'graph');
  try {
    return await readGraphFile(join(dir, manifest.files.graph.name), manifest.dimensions);
  } catch (error) {
    throw new IndexUnavailableError(`graph file unreadable (${(error as Error).message})`);
  }
}

/**
 * The slugs recorded with the index in `dir`, or {} when there is no readable manifest. Needs only the
 * manifest, so a damaged data file does not lose the sources' slugs.
 */
export async function readSlugBook(dir: string): Promise<SlugBook> {
  try {
    return (await readManifest(dir)).slugs;
  } catch (error) {
    if (error instanceof IndexUnavailableError) return {};
    throw error;
  }
}

/** The passages file: JSON lines, one record each (a JSON array in indexes written before). */
function parseRecords(bytes: Buffer, what: string): unknown {
  const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  if (first === 0x5b) return parseJson(bytes, what);
  try {
    return [...fromJsonLines(bytes)];
  } catch (error) {
    throw new IndexUnavailableError(`${what} is not valid JSON lines (${(error as Error).message})`);
  }
}

/** A graph, or whatever holds one elsewhere (the insert worker): writes it in hnswlib's format. */
export interface GraphFileWriter {
  writeIndex(path: string): Promise<unknown>;
}

/**
 * Writes a new generation (graph, passages, vectors, lexical index), then the manifest naming it, then
 * removes older generations and temp files left by interrupted writes. Returns the manifest written.
 */
export async function writeStoredIndex(
  dir: string,
  content: ManifestContent,
  graph: GraphFileWriter,
  entries: readonly IndexEntry[],
  lexicalBytes: Uint8Array,
): Promise<IndexManifest> {
  await makeDirectory(dir);
  const generation = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const names = {
    graph: `graph.${generation}.hnsw`,
    passages: `passages.${generation}.json`,
    vectors: `vectors.${generation}.f32`,
    lexical: `lexical.${generation}.json`,
  };

  const passagesBytes = toJsonLines(entries.map(({ label, passage }) => ({ label, passage })));
  const vectorBytes = concatVectors(entries, content.dimensions);
  await Promise.all([
    writeFileAtomic(join(dir, names.passages), passagesBytes),
    writeFileAtomic(join(dir, names.vectors), vectorBytes),
    writeFileAtomic(join(dir, names.lexical), lexicalBytes),
    writeViaTempFile(join(dir, names.graph), (tempPath) => graph.writeIndex(tempPath)),
  ]);
  const graphBytes = await readFile(join(dir, names.graph));

  const manifest: IndexManifest = {
    ...content,
    formatVersion: INDEX_FORMAT_VERSION,
    generation,
    files: {
      graph: describe(names.graph, graphBytes),
      passages: describe(names.passages, passagesBytes),
      vectors: describe(names.vectors, vectorBytes),
      lexical: describe(names.lexical, lexicalBytes),
    },
    builtAt: new Date().toISOString(),
  };
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await removeStaleFiles(dir, manifest);
  return manifest;
}

function describe(name: string, bytes: Uint8Array): StoredFile {
  return { name, bytes: bytes.byteLength, sha256: sha256(bytes) };
}

function concatVectors(entries: readonly IndexEntry[], dimensions: number): Uint8Array {
  const matrix = new Float32Array(entries.length * dimensions);
  entries.forEach((entry, i) => matrix.set(entry.vector, i * dimensions));
  return new Uint8Array(matrix.buffer);
}

/** Removes data files of other generations and our temp files; leaves anything else in the folder alone. */
async function removeStaleFiles(dir: string, manifest: IndexManifest): Promise<void> {
  const current = new Set(Object.values(manifest.files).flatMap((file) => (file ? [file.name] : [])));
  const stale = (await readdir(dir)).filter(
    (name) => (DATA_FILE_PATTERN.test(name) && !current.has(name)) || OUR_TEMP_PATTERN.test(name),
  );
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}
