// A scratch database given to `bench --scale --database-url` is emptied of the store's tables before
// each build, so every size is built from scratch as on PGlite (else the next run finds the same
// synthetic corpus already stored and measures a sync that does nothing).
import pg from 'pg';

/** The Postgres store's tables (src/store/postgres/migrations.ts), dependants first. */
const STORE_TABLES = ['calibration', 'lexicon', 'postings', 'passages', 'store_state', 'store_migrations'];

export async function emptyScratchDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ${STORE_TABLES.join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}
