// The Postgres store: passages, vectors (pgvector, HNSW, cosine) and the lexical index (postings
// scored by BM25 in SQL) in a database that any number of bot processes query at once. This
// process keeps only a connection pool and the counts of the build it opened.
import type pg from 'pg';
import { toSql } from 'pgvector/pg';
import type { Passage } from '../../sources/types.js';
import { allowedEdits, fuzzyMatchWeight } from '../fuzzy-terms.js';
import type { DenseHit, LexicalHit, PassageStore, StoredCalibration, TermCounts, WeightedTerm } from '../types.js';
import { BM25_QUERY, NEAR_TERMS_QUERY, type Bm25Row, type LookupTerm } from './bm25-sql.js';
import type { StoreState } from './state.js';

export class PostgresStore implements PassageStore {
  constructor(
    private readonly pool: pg.Pool,
    /** The build this process opened: its model and counts (another process's later build shows at the next open). */
    private readonly state: StoreState,
  ) {}

  get modelId(): string {
    return this.state.modelId;
  }

  get dimensions(): number {
    return this.state.dimensions;
  }

  get passageCount(): number {
    return this.state.passageCount;
  }

  passagesOf(source: string): number {
    return this.state.passagesBySource[source] ?? 0;
  }

  async dense(vector: Float32Array, k: number, source?: string): Promise<DenseHit[]> {
    this.checkQuery(vector, k);
    const { rows } = await this.pool.query<{ record: Passage; similarity: number }>(
      `SELECT record, 1 - (embedding <=> $1::vector) AS similarity FROM passages
       WHERE $3::text IS NULL OR source = $3::text
       ORDER BY embedding <=> $1::vector LIMIT $2`,
      [toSql(Array.from(vector)), k, source ?? null],
    );
    // Iterative index scans (relaxed order) may return near-ties slightly out of order.
    return rows.map(({ record, similarity }) => ({ passage: record, similarity: Number(similarity) })).sort((a, b) => b.similarity - a.similarity);
  }

  async lexical(terms: readonly WeightedTerm[], k: number, source?: string): Promise<LexicalHit[]> {
    if (terms.length === 0) return [];
    const lookup = await this.lookupTerms(terms);
    if (lookup.length === 0) return [];
    const { rows } = await this.pool.query<Bm25Row>(BM25_QUERY, [
      lookup.map((l) => l.queryTerm),
      lookup.map((l) => l.term),
      lookup.map((l) => l.weight),
      k,
      source ?? null,
    ]);
    return rows.map((row, i) => ({ passage: row.record, score: Number(row.score), rank: i + 1, terms: row.query_terms, passageTerms: row.passage_terms }));
  }

  async similarities(vector: Float32Array, passageIds: readonly string[]): Promise<Map<string, number>> {
    if (passageIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ citation: string; similarity: number }>(
      'SELECT citation, 1 - (embedding <=> $1::vector) AS similarity FROM passages WHERE citation = ANY($2::text[])',
      [toSql(Array.from(vector)), passageIds],
    );
    return new Map(rows.map((row) => [row.citation, Number(row.similarity)]));
  }

  async termCounts(terms: readonly string[]): Promise<TermCounts> {
    const { rows } = await this.pool.query<{ term: string | null; df: number | null; passage_count: number }>(
      `SELECT l.term, l.df, s.passage_count FROM store_state s LEFT JOIN lexicon l ON l.term = ANY($1::text[])`,
      [[...new Set(terms)]],
    );
    const documentFrequency = new Map<string, number>();
    for (const row of rows) if (row.term !== null && row.df !== null) documentFrequency.set(row.term, row.df);
    return { documentCount: rows[0]?.passage_count ?? 0, documentFrequency };
  }

  async readCalibration(): Promise<StoredCalibration | undefined> {
    const { rows } = await this.pool.query<StoredCalibration>('SELECT key, data FROM calibration');
    return rows[0];
  }

  async saveCalibration(calibration: StoredCalibration): Promise<void> {
    await this.pool.query(
      `INSERT INTO calibration (singleton, key, data) VALUES (true, $1, $2)
       ON CONFLICT (singleton) DO UPDATE SET key = EXCLUDED.key, data = EXCLUDED.data`,
      [calibration.key, JSON.stringify(calibration.data)],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * The terms to look up: each query term as typed, and for a rare term no passage holds, the indexed
   * terms within a few edits of it, at a discount (as the embedded store's fuzzy search does).
   */
  private async lookupTerms(terms: readonly WeightedTerm[]): Promise<LookupTerm[]> {
    const { documentFrequency } = await this.termCounts(terms.map((t) => t.term));
    const lookup: LookupTerm[] = [];
    for (const { term, weight } of terms) {
      const df = documentFrequency.get(term) ?? 0;
      if (df > 0) {
        lookup.push({ queryTerm: term, term, weight });
        continue;
      }
      const edits = allowedEdits(term, df);
      if (edits === 0) continue;
      const { rows } = await this.pool.query<{ term: string; distance: number }>(NEAR_TERMS_QUERY, [term, edits]);
      for (const near of rows) lookup.push({ queryTerm: term, term: near.term, weight: weight * fuzzyMatchWeight(near.term, near.distance) });
    }
    return lookup;
  }

  private checkQuery(vector: Float32Array, k: number): void {
    if (vector.length !== this.dimensions) throw new RangeError(`Query vector has ${vector.length} dimensions; the index has ${this.dimensions}.`);
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}.`);
  }
}
