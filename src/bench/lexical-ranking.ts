// Which Postgres lexical ranking comes closer to the embedded store's (minisearch BM25): full-text
// search (ts_rank / ts_rank_cd over a 'simple' tsvector of the same analysed terms) or BM25 computed
// in SQL (the Postgres store's). Measured on the held-out questions' terms over the seeds: agreement
// with minisearch's top 1 and top 10, and how often a gold passage is in the top 3 of each ranking.
import pg from 'pg';
import { goldRank } from '../calibration/gold.js';
import { readLabelledQuestions } from '../calibration/labelled-file.js';
import { createEmbedder } from '../embedding/create-embedder.js';
import { LexicalIndex } from '../index/lexical-index.js';
import { queryTerms } from '../search/query-terms.js';
import { loadSources } from '../sources/load.js';
import type { Passage } from '../sources/types.js';
import { postgresStoreLocation } from '../store/postgres/location.js';
import { analyze } from '../text/normalize.js';
import { startPgliteServer } from './pglite-server.js';
import { progress } from './progress.js';
import { BenchWorkspace } from './workspace.js';

export interface RankingAgreement {
  ranking: string;
  /** Questions whose best passage is minisearch's best. */
  sameTop1: number;
  /** Mean share of minisearch's top 10 also in this ranking's top 10. */
  overlapAt10: number;
  /** Answerable questions with a gold passage in this ranking's top 3 (lexical side alone). */
  lexicalHitAt3: number;
}

export interface LexicalRankingReport {
  questions: number;
  answerable: number;
  rankings: RankingAgreement[];
}

const K = 10;

export async function compareLexicalRankings(options: { projectRoot: string; seedsDir: string; questionFiles: readonly string[] }): Promise<LexicalRankingReport> {
  const workspace = await BenchWorkspace.create();
  const server = await startPgliteServer();
  try {
    const sources = await loadSources(options.seedsDir, options.projectRoot);
    const passages = sources.flatMap((source) => source.passages);
    const questions = (await Promise.all(options.questionFiles.map((file) => readLabelledQuestions(file)))).flat();
    progress(`lexical rankings: ${questions.length} held-out questions over ${passages.length} passages`);
    const embedder = await createEmbedder({ model: 'offline', modelsDir: workspace.modelsDir, log: progress });
    const { store } = await postgresStoreLocation(server.url).open({ sources, embedder });
    await embedder.dispose();
    const client = new pg.Client(server.url);
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE fts (citation text PRIMARY KEY, terms tsvector NOT NULL)');
      await client.query(`INSERT INTO fts SELECT c, to_tsvector('simple', t) FROM unnest($1::text[], $2::text[]) AS x(c, t)`, [
        passages.map((p) => p.id),
        passages.map((p) => analyze(p.text).join(' ')),
      ]);
      const byId = new Map(passages.map((p) => [p.id, p]));
      const fullText = (rank: 'ts_rank' | 'ts_rank_cd') => async (terms: string[]): Promise<Passage[]> => {
        if (terms.length === 0) return [];
        const { rows } = await client.query<{ citation: string }>(
          `SELECT citation FROM fts, to_tsquery('simple', $1) q WHERE terms @@ q ORDER BY ${rank}(terms, q) DESC, citation LIMIT ${K}`,
          [terms.map((term) => `'${term}'`).join(' | ')],
        );
        return rows.map((row) => byId.get(row.citation)!);
      };
      const memory = LexicalIndex.build(passages);
      const rankings: [string, (terms: string[]) => Promise<Passage[]>][] = [
        ['BM25 in SQL (the Postgres store)', async (terms) => (await store.lexical(terms.map((term) => ({ term, weight: 1 })), K)).map((hit) => hit.passage)],
        ["full text: ts_rank_cd, 'simple' tsvector", fullText('ts_rank_cd')],
        ["full text: ts_rank, 'simple' tsvector", fullText('ts_rank')],
      ];
      const reference = questions.map((q) => memory.search(queryTerms(q.question), K).map((hit) => hit.passage));
      const answerable = questions.filter((q) => q.expect === 'answer').length;
      const agreement = async (ranking: string, search: (terms: string[]) => Promise<Passage[]>): Promise<RankingAgreement> => {
        let sameTop1 = 0;
        let overlap = 0;
        let hits = 0;
        for (const [i, q] of questions.entries()) {
          const found = await search(queryTerms(q.question).map((t) => t.term));
          const expected = reference[i]!;
          if (found[0]?.id === expected[0]?.id) sameTop1++;
          const ids = new Set(found.map((p) => p.id));
          overlap += expected.length === 0 ? (found.length === 0 ? 1 : 0) : expected.filter((p) => ids.has(p.id)).length / expected.length;
          const rank = goldRank(q, found);
          if (q.expect === 'answer' && rank >= 0 && rank < 3) hits++;
        }
        return { ranking, sameTop1: sameTop1 / questions.length, overlapAt10: overlap / questions.length, lexicalHitAt3: hits / answerable };
      };
      const minisearch: RankingAgreement = await agreement('minisearch BM25 (the embedded store)', async (terms) =>
        memory.search(terms.map((term) => ({ term, weight: 1 })), K).map((hit) => hit.passage),
      );
      const results = [minisearch];
      for (const [name, search] of rankings) results.push(await agreement(name, search));
      return { questions: questions.length, answerable, rankings: results };
    } finally {
      await client.end();
      await store.close();
    }
  } finally {
    await server.stop();
    await workspace.dispose();
  }
}
