// The connection pool of one process. Each connection is set up for the store's queries the moment
// it opens: HNSW search width as in the embedded store, and iterative index scans so a query limited
// to one source still finds its k nearest passages instead of filtering a fixed candidate list.
import pg from 'pg';
import { connectionProblem } from './errors.js';

/** Connections per process: a search runs its dense, lexical and term-count queries at once. */
const POOL_SIZE = 4;

export interface PoolOptions {
  url: string;
  /** HNSW candidate list while searching (the embedded store's ef). */
  efSearch: number;
}

export function createPool({ url, efSearch }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: 15_000,
    // Awaited before the client is handed out, so every query sees these settings. (Before the
    // extension is created they are placeholders that pgvector takes up when it loads.)
    // A pgvector too old for them is refused with a clear message by the migration's version check.
    onConnect: (client) => client.query(`SET hnsw.ef_search = ${Math.trunc(efSearch)}; SET hnsw.iterative_scan = relaxed_order`).then(
      () => {},
      () => {},
    ),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Connects one client, turning a failure to reach or log in into a DatabaseSetupError. */
export async function connectClient(pool: pg.Pool, url: string): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw connectionProblem(error, url) ?? error;
  }
}
