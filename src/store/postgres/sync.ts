// Brings the Postgres store in line with the sources, like the embedded build: passages whose text
// the store already holds keep their rows and vectors, only new texts are embedded, and a different
// model (or other HNSW settings) rebuilds. Embedding happens first, outside any transaction; then
// every change is written in one transaction, so a build killed at any point leaves the previous
// index serving, and readers see either the old index or the new one, never a mix.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import { toSql } from 'pgvector/pg';
import { DEFAULT_HNSW_PARAMS, type HnswParams } from '../../index/params.js';
import { updateSlugBook } from '../../sources/slug.js';
import type { Passage } from '../../sources/types.js';
import { LEXICAL_ANALYSIS_VERSION, passageTerms } from '../../search/passage-terms.js';
import { DEFAULT_EMBED_BATCH_SIZE, embedInBatches } from '../embed-in-batches.js';
import { diffSources, recordSources } from '../source-changes.js';
import type { StoreSyncOptions, StoreSyncStats } from '../types.js';
import { readState, writeState, type StoreState } from './state.js';

export interface PostgresSyncOptions extends StoreSyncOptions {
  hnsw?: Partial<HnswParams>;
  /** Texts per embedder call. */
  batchSize?: number;
}

/** Passages written per INSERT statement. */
const INSERT_BATCH = 500;
const HNSW_INDEX = 'passages_embedding_hnsw';
/** Least memory for building the HNSW index (what PGlite, in 32-bit WebAssembly memory, builds 100,000 passages with). */
const MIN_INDEX_BUILD_MB = 512;

interface StoredKey {
  id: string;
  citation: string;
  text_hash: string;
  record_hash: string;
}

interface NewRow {
  passage: Passage;
  textHash: string;
  recordHash: string;
}

/** Syncs holding the build lock on `client` (see ./build-lock.ts), with the schema migrated. */
export async function syncLocked(client: pg.ClientBase, options: PostgresSyncOptions): Promise<StoreSyncStats> {
  const started = performance.now();
  const { sources, embedder, logger } = options;
  const params: HnswParams = { ...DEFAULT_HNSW_PARAMS, ...options.hnsw };
  const state = await readState(client);
  // Postings made by another lexical analysis are made again: the rows are rebuilt, as for a new model.
  const modelMismatch = state && (modelChange(state, embedder) ?? analysisChange(state));
  const reindex = state && !modelMismatch ? graphParamsChange(state, params) : undefined;
  const rebuilt = state ? (modelMismatch ?? reindex ?? null) : 'no index built yet';
  if (rebuilt) logger?.info(`Rebuilding the vector index in Postgres: ${rebuilt}.`);
  const fresh = !state || modelMismatch !== undefined;

  const stored = fresh ? [] : (await client.query<StoredKey>('SELECT id, citation, text_hash, record_hash FROM passages')).rows;
  const plan = planRows(sources.flatMap((source) => source.passages), stored);
  const knownTexts = new Set(stored.map((row) => row.text_hash));
  const toEmbed = plan.inserts.filter((row) => !knownTexts.has(row.textHash)).map((row) => row.passage.text);
  const vectors = await embedInBatches(embedder, toEmbed, options.batchSize ?? DEFAULT_EMBED_BATCH_SIZE, options.onProgress);

  const slugs = updateSlugBook(options.slugBook ?? {}, sources);
  const recorded = recordSources(sources);
  const passagesBySource: Record<string, number> = {};
  for (const source of sources) passagesBySource[source.slug] = (passagesBySource[source.slug] ?? 0) + source.passages.length;
  const nextState = {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    hnswM: params.M,
    hnswEfConstruction: params.efConstruction,
    lexicalAnalysis: LEXICAL_ANALYSIS_VERSION,
    sources: recorded,
    slugs,
    passagesBySource,
  };

  const unchanged =
    !rebuilt && plan.inserts.length === 0 && plan.removed.length === 0 && plan.moved.length === 0 && state !== undefined && sameState(state, nextState);
  if (!unchanged) {
    await inTransaction(client, async () => {
      if (fresh) await resetTables(client, embedder.dimensions);
      // A new graph is faster built at once than row by row: so for a rebuild or when most rows are new.
      const bulk = rebuilt !== null || plan.inserts.length > plan.kept;
      if (bulk) await client.query(`DROP INDEX IF EXISTS ${HNSW_INDEX}`);
      const touchedTerms = await removeRows(client, plan.removed);
      await stashReusedVectors(client, plan.inserts.filter((row) => knownTexts.has(row.textHash)));
      await updateMoved(client, plan.moved);
      for (let first = 0; first < plan.inserts.length; first += INSERT_BATCH) {
        const batch = plan.inserts.slice(first, first + INSERT_BATCH);
        for (const term of await insertRows(client, batch, vectors)) touchedTerms.add(term);
      }
      await refreshLexicon(client, fresh ? undefined : [...touchedTerms]);
      await writeState(client, nextState);
      if (bulk) await createHnswIndex(client, params, plan.inserts.length + plan.kept, embedder.dimensions);
    });
    // Fresh planner statistics, so BM25 starts from the postings of the few query terms rather than
    // scanning postings in passage order (a server's autovacuum would get there later; PGlite has none).
    await client.query('ANALYZE store_state, passages, postings, lexicon');
  }

  const embedded = toEmbed.length;
  const stats: StoreSyncStats = {
    sources: sources.length,
    passages: plan.total,
    embedded,
    reused: plan.total - embedded,
    files: diffSources(state?.sources ?? {}, sources),
    rebuilt,
    written: !unchanged,
    seconds: (performance.now() - started) / 1000,
  };
  if (!rebuilt && !unchanged) {
    const { added, changed, removed } = stats.files;
    logger?.info(
      `Updated the vector index in Postgres: ${added.length} new, ${changed.length} changed, ${removed.length} removed source files; ${embedded} passages embedded, ${stats.reused} reused.`,
    );
  }
  return stats;
}

interface RowPlan {
  /** Passages the store lacks (new, or whose text changed). */
  inserts: NewRow[];
  /** Rows kept whose record changed (offsets, file name, comment facts) but not their text. */
  moved: { id: string; passage: Passage; recordHash: string }[];
  /** Rows of passages that are gone or whose text changed. */
  removed: string[];
  kept: number;
  total: number;
}

/** A passage keeps its row (and vector) when a row with its citation id holds the same text. */
function planRows(passages: readonly Passage[], stored: readonly StoredKey[]): RowPlan {
  const byCitation = new Map(stored.map((row) => [row.citation, row]));
  const keptIds = new Set<string>();
  const plan: RowPlan = { inserts: [], moved: [], removed: [], kept: 0, total: passages.length };
  for (const passage of passages) {
    const textHash = sha256(passage.text);
    const recordHash = sha256(JSON.stringify(passage));
    const old = byCitation.get(passage.id);
    if (old && old.text_hash === textHash) {
      keptIds.add(old.id);
      if (old.record_hash !== recordHash) plan.moved.push({ id: old.id, passage, recordHash });
    } else {
      plan.inserts.push({ passage, textHash, recordHash });
    }
  }
  plan.kept = keptIds.size;
  plan.removed = stored.filter((row) => !keptIds.has(row.id)).map((row) => row.id);
  return plan;
}

async function inTransaction(client: pg.ClientBase, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Empties the store for a rebuild and sizes the vector column for the model (HNSW needs a fixed size). */
async function resetTables(client: pg.ClientBase, dimensions: number): Promise<void> {
  await client.query('TRUNCATE postings, lexicon, passages RESTART IDENTITY');
  await client.query(`DROP INDEX IF EXISTS ${HNSW_INDEX}`);
  await client.query(`ALTER TABLE passages ALTER COLUMN embedding TYPE vector(${Math.trunc(dimensions)})`);
}

/** Deletes rows (their postings go with them); returns the terms whose document frequency changes. */
async function removeRows(client: pg.ClientBase, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await client.query<{ term: string }>('SELECT DISTINCT term FROM postings WHERE passage_id = ANY($1::bigint[])', [ids]);
  await client.query('DELETE FROM passages WHERE id = ANY($1::bigint[])', [ids]);
  return new Set(rows.map((row) => row.term));
}

/** Keeps, for this transaction, the vectors of texts that come back under another id (a deleted row may hold them). */
async function stashReusedVectors(client: pg.ClientBase, rows: readonly NewRow[]): Promise<void> {
  await client.query('CREATE TEMP TABLE reused_vectors (text_hash text PRIMARY KEY, embedding vector) ON COMMIT DROP');
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO reused_vectors SELECT DISTINCT ON (text_hash) text_hash, embedding FROM passages WHERE text_hash = ANY($1::text[])`,
    [[...new Set(rows.map((row) => row.textHash))]],
  );
}

async function updateMoved(client: pg.ClientBase, moved: RowPlan['moved']): Promise<void> {
  for (let first = 0; first < moved.length; first += INSERT_BATCH) {
    const batch = moved.slice(first, first + INSERT_BATCH);
    const columns = [batch.map((m) => m.id), batch.map((m) => JSON.stringify(m.passage)), batch.map((m) => m.recordHash), batch.map((m) => m.passage.source), batch.map((m) => m.passage.file)];
    await client.query(
      `UPDATE passages p SET record = m.record, record_hash = m.record_hash, source = m.source, file = m.file
       FROM unnest($1::bigint[], $2::jsonb[], $3::text[], $4::text[], $5::text[]) AS m(id, record, record_hash, source, file)
       WHERE p.id = m.id`,
      columns,
    );
    await client.query(
      `UPDATE postings t SET source = m.source FROM unnest($1::bigint[], $2::text[]) AS m(id, source) WHERE t.passage_id = m.id AND t.source <> m.source`,
      [columns[0], columns[3]],
    );
  }
}

/** Inserts passages with their vectors (embedded now, or reused) and postings; returns their terms. */
async function insertRows(client: pg.ClientBase, rows: readonly NewRow[], vectors: ReadonlyMap<string, Float32Array>): Promise<Set<string>> {
  const postings = { citation: [] as string[], term: [] as string[], tf: [] as number[], docLength: [] as number[], source: [] as string[] };
  const termCounts = rows.map(({ passage }) => {
    const frequencies = new Map<string, number>();
    for (const term of passageTerms(passage)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const [term, tf] of frequencies) {
      postings.citation.push(passage.id);
      postings.term.push(term);
      postings.tf.push(tf);
      postings.docLength.push(frequencies.size);
      postings.source.push(passage.source);
    }
    return frequencies.size;
  });
  const embedding = rows.map(({ passage }) => {
    const vector = vectors.get(passage.text);
    return vector ? toSql(Array.from(vector)) : null;
  });
  await client.query(
    `WITH incoming AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::int[], $8::text[])
         WITH ORDINALITY AS r(citation, source, file, record, text_hash, record_hash, term_count, embedding, position)
     ), inserted AS (
       INSERT INTO passages (citation, source, file, record, text_hash, record_hash, term_count, embedding)
       SELECT r.citation, r.source, r.file, r.record, r.text_hash, r.record_hash, r.term_count,
              COALESCE(r.embedding::vector, (SELECT v.embedding FROM reused_vectors v WHERE v.text_hash = r.text_hash))
       FROM incoming r ORDER BY r.position
       RETURNING id, citation
     )
     INSERT INTO postings (term, passage_id, tf, doc_length, source)
     SELECT t.term, i.id, t.tf, t.doc_length, t.source
     FROM unnest($9::text[], $10::text[], $11::int[], $12::int[], $13::text[]) AS t(citation, term, tf, doc_length, source)
     JOIN inserted i ON i.citation = t.citation`,
    [
      rows.map((row) => row.passage.id),
      rows.map((row) => row.passage.source),
      rows.map((row) => row.passage.file),
      rows.map((row) => JSON.stringify(row.passage)),
      rows.map((row) => row.textHash),
      rows.map((row) => row.recordHash),
      termCounts,
      embedding,
      postings.citation,
      postings.term,
      postings.tf,
      postings.docLength,
      postings.source,
    ],
  );
  return new Set(postings.term);
}

/** Recounts the document frequency of the given terms, or of every term when none are given. */
async function refreshLexicon(client: pg.ClientBase, terms: readonly string[] | undefined): Promise<void> {
  if (terms === undefined) {
    await client.query('INSERT INTO lexicon (term, df) SELECT term, count(*) FROM postings GROUP BY term');
    return;
  }
  if (terms.length === 0) return;
  await client.query('DELETE FROM lexicon WHERE term = ANY($1::text[])', [terms]);
  await client.query('INSERT INTO lexicon (term, df) SELECT term, count(*) FROM postings WHERE term = ANY($1::text[]) GROUP BY term', [terms]);
}

/**
 * Memory for building the HNSW index at once: its graph (each vector and up to 2M neighbours on the
 * lowest layer) with a quarter to spare. Past it pgvector goes on building, several times more slowly.
 */
function indexBuildMegabytes(passages: number, dimensions: number, M: number): number {
  const graphBytes = passages * (dimensions * 4 + 2 * M * 4 + 64);
  return Math.max(MIN_INDEX_BUILD_MB, Math.ceil((graphBytes * 1.25) / 2 ** 20));
}

async function createHnswIndex(client: pg.ClientBase, params: HnswParams, passages: number, dimensions: number): Promise<void> {
  await client.query(`SET LOCAL maintenance_work_mem = '${indexBuildMegabytes(passages, dimensions, params.M)}MB'`);
  await client.query(
    `CREATE INDEX ${HNSW_INDEX} ON passages USING hnsw (embedding vector_cosine_ops) WITH (m = ${Math.trunc(params.M)}, ef_construction = ${Math.trunc(params.efConstruction)})`,
  );
}

function modelChange(state: StoreState, embedder: { modelId: string; dimensions: number }): string | undefined {
  if (state.modelId !== embedder.modelId) return `the model changed (${state.modelId} → ${embedder.modelId})`;
  if (state.dimensions !== embedder.dimensions) return `the vector size changed (${state.dimensions} → ${embedder.dimensions} dimensions)`;
  return undefined;
}

function analysisChange(state: StoreState): string | undefined {
  if (state.lexicalAnalysis === LEXICAL_ANALYSIS_VERSION) return undefined;
  return `the lexical analysis changed (version ${state.lexicalAnalysis} → ${LEXICAL_ANALYSIS_VERSION})`;
}

function graphParamsChange(state: StoreState, params: HnswParams): string | undefined {
  const changes = [
    state.hnswM !== params.M && `M ${state.hnswM} → ${params.M}`,
    state.hnswEfConstruction !== params.efConstruction && `efConstruction ${state.hnswEfConstruction} → ${params.efConstruction}`,
  ].filter(Boolean);
  return changes.length === 0 ? undefined : `HNSW settings changed (${changes.join(', ')})`;
}

function sameState(state: StoreState, next: Pick<StoreState, 'sources' | 'slugs' | 'passagesBySource'>): boolean {
  // Compared as values: jsonb does not keep the key order they were written in.
  return (
    isDeepStrictEqual(state.sources, next.sources) &&
    isDeepStrictEqual(state.slugs, next.slugs) &&
    isDeepStrictEqual(state.passagesBySource, next.passagesBySource)
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
