// The Postgres store at DATABASE_URL before it is opened: reads its slug book, and opens it by
// syncing (one builder at a time, under the build lock) and then handing out a store for queries.
import type { HnswParams } from '../../index/params.js';
import { DEFAULT_HNSW_PARAMS } from '../../index/params.js';
import type { SlugBook } from '../../sources/slug.js';
import type { StoreLocation, StoreSyncOptions, StoreSyncStats } from '../types.js';
import { withBuildLock } from './build-lock.js';
import { describeDatabaseUrl } from './errors.js';
import { migrate } from './migrations.js';
import { connectClient, createPool } from './pool.js';
import { PostgresStore } from './postgres-store.js';
import { readState } from './state.js';
import { syncLocked } from './sync.js';

export interface PostgresStoreOptions {
  hnsw?: Partial<HnswParams>;
  /** Texts per embedder call. */
  batchSize?: number;
}

export function postgresStoreLocation(url: string, options: PostgresStoreOptions = {}): StoreLocation {
  const ef = options.hnsw?.ef ?? DEFAULT_HNSW_PARAMS.ef;
  return {
    description: `${describeDatabaseUrl(url)} (Postgres + pgvector)`,
    async readSlugBook(): Promise<SlugBook> {
      const pool = createPool({ url, efSearch: ef });
      try {
        const client = await connectClient(pool, url);
        try {
          return (await readState(client))?.slugs ?? {};
        } finally {
          client.release();
        }
      } finally {
        await pool.end();
      }
    },
    async open(sync: StoreSyncOptions): Promise<{ store: PostgresStore; stats: StoreSyncStats }> {
      const pool = createPool({ url, efSearch: ef });
      try {
        const client = await connectClient(pool, url);
        let broken = false;
        try {
          const stats = await withBuildLock(
            client,
            async () => {
              await migrate(client, url);
              return syncLocked(client, { ...sync, ...options });
            },
            { onWait: () => sync.logger?.info('Another process is building the index in Postgres; waiting for it to finish.') },
          );
          const state = await readState(client);
          if (!state) throw new Error('The Postgres store has no build after a sync.');
          return { store: new PostgresStore(pool, state), stats };
        } catch (error) {
          broken = true;
          throw error;
        } finally {
          // A client whose session failed mid-build is discarded, not reused.
          client.release(broken);
        }
      } catch (error) {
        await pool.end();
        throw error;
      }
    },
  };
}
