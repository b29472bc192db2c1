// BM25 computed in SQL over the postings table, with the same formula and constants as the
// embedded store's minisearch (BM25+: k1 1.2, b 0.7, δ 0.5; document length = distinct terms; the
// sum multiplied by the number of query terms matched), so both stores rank alike. Each query term
// counts its weight (WeightedTerm); fuzzy matches of a misspelt term count less, as in minisearch.
import type { Passage } from '../../sources/types.js';

export const BM25 = { k1: 1.2, b: 0.7, delta: 0.5 } as const;

/** A constant typed float8: an untyped 0.5 is numeric in Postgres, whose arithmetic is many times slower. */
const float = (value: number): string => `${value}::float8`;

/** One term to look up in the postings: the query's own, or a passage term a misspelt one matched. */
export interface LookupTerm {
  /** The query term the user's words gave. */
  queryTerm: string;
  /** The indexed term looked up: the same, or a near spelling. */
  term: string;
  /** The query term's weight times the fuzzy discount. */
  weight: number;
}

export interface Bm25Row {
  record: Passage;
  score: number;
  query_terms: string[];
  passage_terms: string[];
}

/**
 * Scores every passage holding a lookup term (optionally of one source) and returns the k best,
 * best first, ties in reading order. Parameters: $1 query terms, $2 terms, $3 weights, $4 k, $5 source or null.
 */
export const BM25_QUERY = `
  WITH corpus AS (
    SELECT passage_count::float8 AS n, term_total::float8 / GREATEST(passage_count, 1) AS avgdl FROM store_state
  ), lookup AS (
    -- Each term's weight times its IDF, computed once per term rather than once per posting.
    SELECT l.query_term, l.term, l.weight * ln(1 + (c.n - x.df + ${float(0.5)}) / (x.df + ${float(0.5)})) AS idf
    FROM unnest($1::text[], $2::text[], $3::float8[]) AS l(query_term, term, weight)
    JOIN lexicon x ON x.term = l.term
    CROSS JOIN corpus c
  ), scored AS (
    SELECT p.passage_id,
           sum(l.idf * (${float(BM25.delta)} + p.tf * ${float(BM25.k1 + 1)} / (p.tf + ${float(BM25.k1)} * (${float(1 - BM25.b)} + ${float(BM25.b)} * p.doc_length / c.avgdl))))
             * count(DISTINCT l.query_term) AS score,
           array_agg(DISTINCT l.query_term) AS query_terms,
           array_agg(DISTINCT l.term) AS passage_terms
    FROM lookup l
    JOIN postings p ON p.term = l.term
    CROSS JOIN corpus c
    WHERE $5::text IS NULL OR p.source = $5::text
    GROUP BY p.passage_id
    ORDER BY score DESC, p.passage_id
    LIMIT $4
  )
  SELECT ps.record, s.score, s.query_terms, s.passage_terms
  FROM scored s JOIN passages ps ON ps.id = s.passage_id
  ORDER BY s.score DESC, s.passage_id`;

/** Indexed terms within `maxEdits` edits of a term (fuzzystrmatch), for a term no passage holds. $1 term, $2 max edits. */
export const NEAR_TERMS_QUERY = `
  SELECT term, levenshtein_less_equal(term, $1, $2) AS distance
  FROM lexicon
  WHERE length(term) BETWEEN length($1) - $2 AND length($1) + $2
    AND levenshtein_less_equal(term, $1, $2) <= $2`;
