// Where passages and vectors live, from the configuration: Postgres when DATABASE_URL is set, else
// the embedded store in the embeddings folder (the default).
import { embeddedStoreLocation } from '../index/embedded-store.js';
import { describeDatabaseUrl } from './postgres/errors.js';
import type { StoreLocation } from './types.js';

export interface StoreConfig {
  /** postgres://… ; absent for the embedded store. */
  databaseUrl?: string;
  /** The embedded store's folder (absolute). */
  embeddingsDir: string;
}

export function storeLocation({ databaseUrl, embeddingsDir }: StoreConfig): StoreLocation {
  return databaseUrl ? postgresLocation(databaseUrl) : embeddedStoreLocation(embeddingsDir);
}

/** The Postgres store, its client libraries loaded only when it is used (the embedded default never pays for them). */
function postgresLocation(url: string): StoreLocation {
  const location = import('./postgres/location.js').then(({ postgresStoreLocation }) => postgresStoreLocation(url));
  // Reported by the first call that awaits it.
  location.catch(() => {});
  return {
    description: `${describeDatabaseUrl(url)} (Postgres + pgvector)`,
    readSlugBook: async () => (await location).readSlugBook(),
    open: async (options) => (await location).open(options),
  };
}
