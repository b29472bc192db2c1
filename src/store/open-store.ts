// Where passages and vectors live, from the configuration: Postgres when DATABASE_URL is set, else
// the embedded store in the embeddings folder (the default).
import { embeddedStoreLocation } from '../index/embedded-store.js';
import { postgresStoreLocation } from './postgres/location.js';
import type { StoreLocation } from './types.js';

export interface StoreConfig {
  /** postgres://… ; absent for the embedded store. */
  databaseUrl?: string;
  /** The embedded store's folder (absolute). */
  embeddingsDir: string;
}

export function storeLocation({ databaseUrl, embeddingsDir }: StoreConfig): StoreLocation {
  return databaseUrl ? postgresStoreLocation(databaseUrl) : embeddedStoreLocation(embeddingsDir);
}
