// The one-row record of what the stored index was built from and with (store_state).
import type pg from 'pg';
import type { SlugBook } from '../../sources/slug.js';
import type { RecordedSources } from '../source-changes.js';

export interface StoreState {
  modelId: string;
  dimensions: number;
  hnswM: number;
  hnswEfConstruction: number;
  /** LEXICAL_ANALYSIS_VERSION the postings were made with. */
  lexicalAnalysis: number;
  sources: RecordedSources;
  slugs: SlugBook;
  /** Passages per source slug. */
  passagesBySource: Record<string, number>;
  passageCount: number;
  termTotal: number;
  builtAt: Date;
}

interface StateRow {
  model_id: string;
  dimensions: number;
  hnsw_m: number;
  hnsw_ef_construction: number;
  lexical_analysis: number;
  sources: RecordedSources;
  slugs: SlugBook;
  passages_by_source: Record<string, number>;
  passage_count: number;
  term_total: string;
  built_at: Date;
}

/** The state of the last committed build, or undefined before the first (or before the schema exists). */
export async function readState(client: pg.ClientBase | pg.Pool): Promise<StoreState | undefined> {
  let rows: StateRow[];
  try {
    ({ rows } = await client.query<StateRow>('SELECT * FROM store_state'));
  } catch (error) {
    // undefined_table: no build has ever run against this database.
    if ((error as { code?: string }).code === '42P01') return undefined;
    throw error;
  }
  const row = rows[0];
  if (!row) return undefined;
  return {
    modelId: row.model_id,
    dimensions: row.dimensions,
    hnswM: row.hnsw_m,
    hnswEfConstruction: row.hnsw_ef_construction,
    lexicalAnalysis: row.lexical_analysis,
    sources: row.sources,
    slugs: row.slugs,
    passagesBySource: row.passages_by_source,
    passageCount: row.passage_count,
    termTotal: Number(row.term_total),
    builtAt: row.built_at,
  };
}

/** Replaces the state row; `passage_count` and `term_total` are counted from the passages as they now are. */
export async function writeState(
  client: pg.ClientBase,
  state: Pick<StoreState, 'modelId' | 'dimensions' | 'hnswM' | 'hnswEfConstruction' | 'lexicalAnalysis' | 'sources' | 'slugs' | 'passagesBySource'>,
): Promise<void> {
  await client.query(
    `INSERT INTO store_state (singleton, model_id, dimensions, hnsw_m, hnsw_ef_construction, sources, slugs, passages_by_source, passage_count, term_total, built_at, lexical_analysis)
     SELECT true, $1, $2, $3, $4, $5, $6, $7, count(*), COALESCE(sum(term_count), 0), now(), $8 FROM passages
     ON CONFLICT (singleton) DO UPDATE SET
       model_id = EXCLUDED.model_id, dimensions = EXCLUDED.dimensions, hnsw_m = EXCLUDED.hnsw_m,
       hnsw_ef_construction = EXCLUDED.hnsw_ef_construction, sources = EXCLUDED.sources, slugs = EXCLUDED.slugs,
       passages_by_source = EXCLUDED.passages_by_source, passage_count = EXCLUDED.passage_count,
       term_total = EXCLUDED.term_total, built_at = EXCLUDED.built_at, lexical_analysis = EXCLUDED.lexical_analysis`,
    [
      state.modelId,
      state.dimensions,
      state.hnswM,
      state.hnswEfConstruction,
      JSON.stringify(state.sources),
      JSON.stringify(state.slugs),
      JSON.stringify(state.passagesBySource),
      state.lexicalAnalysis,
    ],
  );
}
