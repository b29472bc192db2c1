// Where passages and vectors live, from the configuration: Postgres when DATABASE_URL is set, else
// the embedded store in the embeddings folder (the default).
import type { EarlyLexicalLoad } from '../index/early-lexical.js';
import { embeddedStoreLocation } from '../index/embedded-store.js';
import { describeDatabaseUrl } from './postgres/errors.js';
import type { StoreLocation } from './types.js';

export interface StoreConfig {
  /** postgres://… ; absent for the embedded store. */
  databaseUrl?: string;
  /** The embedded store's folder (absolute). */
  embeddingsDir: string;
  /** The embedded store's lexical index, already loading (../cli/context.ts readIndexAhead). */
  earlyLexical?: Promise<EarlyLexicalLoad | undefined>;
}

export function storeLocation({ databaseUrl, embeddingsDir, earlyLexical }: StoreConfig): StoreLocation {
  return databaseUrl ? postgresLocation(databaseUrl) : embeddedStoreLocation(embeddingsDir, earlyLexical ? { earlyLexical } : {});
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
