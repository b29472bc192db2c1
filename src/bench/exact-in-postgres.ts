// Exact nearest neighbours in Postgres, for a Postgres-only scale run (no embedded run of the same size
// to take them from): the same ORDER BY as the store's search, with index scans off, so Postgres
// compares the query with every stored vector.
import pg from 'pg';
import { toSql } from 'pgvector';

export async function exactNeighboursInPostgres(databaseUrl: string, queries: readonly Float32Array[], k: number): Promise<string[][]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET enable_indexscan = off');
    const neighbours: string[][] = [];
    for (const query of queries) {
      const { rows } = await client.query<{ id: string }>(`SELECT record->>'id' AS id FROM passages ORDER BY embedding <=> $1::vector LIMIT $2`, [
        toSql(Array.from(query)),
        k,
      ]);
      neighbours.push(rows.map((row) => row.id));
    }
    return neighbours;
  } finally {
    await client.end();
  }
}
