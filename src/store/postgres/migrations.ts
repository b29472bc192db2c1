// The store's schema, as numbered migrations applied in order and recorded in store_migrations, so a
// database made by an older version of the bot is brought forward in place. Never edit a migration
// that has shipped: add the next one.
import type pg from 'pg';
import { DatabaseSetupError, describeDatabaseUrl, missingVectorExtension } from './errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'passages, vectors, postings and state',
    sql: `
      -- One row: what the stored index was built from and with.
      CREATE TABLE store_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        model_id text NOT NULL,
        dimensions integer NOT NULL,
        hnsw_m integer NOT NULL,
        hnsw_ef_construction integer NOT NULL,
        -- RecordedSources: per source file, its hash and passage count.
        sources jsonb NOT NULL,
        -- SlugBook: every slug ever given, so sources keep theirs.
        slugs jsonb NOT NULL,
        -- Passages per source slug, so a process knows each source's size without counting.
        passages_by_source jsonb NOT NULL,
        passage_count integer NOT NULL,
        -- Sum over passages of their distinct analysed terms: BM25's average length.
        term_total bigint NOT NULL,
        built_at timestamptz NOT NULL
      );

      CREATE TABLE passages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        citation text NOT NULL UNIQUE,
        source text NOT NULL,
        file text NOT NULL,
        -- The Passage as the sources stage made it.
        record jsonb NOT NULL,
        -- sha256 of the text (a vector is reused for the same text) and of the record (rewritten when it moves).
        text_hash text NOT NULL,
        record_hash text NOT NULL,
        -- Distinct analysed terms: the document length of BM25 (as minisearch counts it).
        term_count integer NOT NULL,
        -- Typed with the model's dimensions when the first build knows them (HNSW needs a fixed size).
        embedding vector NOT NULL
      );
      CREATE INDEX passages_source ON passages (source);
      CREATE INDEX passages_text_hash ON passages (text_hash);

      -- The lexical index: one row per analysed term of a passage (see src/search/passage-terms.ts).
      CREATE TABLE postings (
        term text NOT NULL,
        passage_id bigint NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
        tf integer NOT NULL,
        -- Copied from the passage so that scoring a term reads its postings alone.
        doc_length integer NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (term, passage_id)
      );
      CREATE INDEX postings_passage ON postings (passage_id);

      -- Passages holding each term (BM25's document frequency); maintained with the postings.
      CREATE TABLE lexicon (
        term text PRIMARY KEY,
        df integer NOT NULL
      );
      -- Fuzzy matching of a misspelt rare term only compares terms of about its length.
      CREATE INDEX lexicon_length ON lexicon (length(term));

      CREATE TABLE calibration (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        key text NOT NULL,
        data jsonb NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'the lexical analysis the postings were made with',
    sql: `
      -- LEXICAL_ANALYSIS_VERSION (src/search/passage-terms.ts); 0 for postings made before it was recorded.
      ALTER TABLE store_state ADD COLUMN lexical_analysis integer NOT NULL DEFAULT 0;
    `,
  },
];

/** The newest schema version this code knows; a database ahead of it belongs to a newer bot. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** pgvector 0.8 brought iterative index scans, which searches limited to one source rely on. */
const MIN_PGVECTOR = [0, 8, 0] as const;

/**
 * Creates the extensions the store needs when they are missing (the vector extension with a clear
 * message when the server lacks it), then applies the migrations not yet recorded. Call holding the
 * build lock, so two processes never migrate at once.
 */
export async function migrate(client: pg.ClientBase, url: string): Promise<void> {
  await ensureExtensions(client, url);
  await client.query(`CREATE TABLE IF NOT EXISTS store_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM store_migrations');
  const applied = new Set(rows.map((row) => row.version));
  const newest = Math.max(0, ...applied);
  if (newest > SCHEMA_VERSION) {
    throw new DatabaseSetupError(
      `The database at ${describeDatabaseUrl(url)} has schema version ${newest}, newer than this bot's ${SCHEMA_VERSION}: update the bot, or point DATABASE_URL at another database.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO store_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}

async function ensureExtensions(client: pg.ClientBase, url: string): Promise<void> {
  const installed = async (name: string) =>
    (await client.query<{ extversion: string }>('SELECT extversion FROM pg_extension WHERE extname = $1', [name])).rows[0]?.extversion;
  for (const name of ['vector', 'fuzzystrmatch']) {
    if (await installed(name)) continue;
    try {
      await client.query(`CREATE EXTENSION IF NOT EXISTS ${name}`);
    } catch (error) {
      const detail = (error as Error).message;
      if (name === 'vector') throw missingVectorExtension(url, detail);
      throw new Error(`Cannot create the Postgres extension ${name} (${detail}); it ships with Postgres (contrib) and fuzzy matching of misspelt names needs it.`, {
        cause: error,
      });
    }
  }
  const version = (await installed('vector')) ?? '0';
  if (compareVersions(version, MIN_PGVECTOR) < 0) {
    throw missingVectorExtension(url, `version ${version} is installed; ${MIN_PGVECTOR.join('.')} or newer is needed`);
  }
}

function compareVersions(version: string, minimum: readonly number[]): number {
  const parts = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < minimum.length; i++) {
    const difference = (parts[i] ?? 0) - minimum[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}
