// HNSW settings of the vector index. M and efConstruction shape the graph (changing them means a
// rebuild); ef is a query-time setting and can change freely.

export interface HnswParams {
  /** Outgoing links per node: more links, better recall, bigger index. */
  M: number;
  /** Candidate list size while inserting: higher builds a better graph, more slowly. */
  efConstruction: number;
  /** Candidate list size while searching; raised to k when k is larger. */
  ef: number;
}

export const DEFAULT_HNSW_PARAMS: Readonly<HnswParams> = { M: 16, efConstruction: 200, ef: 100 };

/** Same seed every time, so a rebuild over the same input makes the same graph. */
export const HNSW_RANDOM_SEED = 100;

/** Passage vectors are unit vectors compared by angle. */
export const INDEX_SPACE = 'cosine';
