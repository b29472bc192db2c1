// A fresh Postgres (PGlite + pgvector over the wire protocol, see src/bench/pglite-server.ts) per test
// file, started and stopped by the test itself.
import { startPgliteServer, type PgliteServer, type PgliteServerOptions } from '../../src/bench/pglite-server.js';
import { createLogger } from '../../src/log/logger.js';
import { postgresStoreLocation } from '../../src/store/postgres/location.js';
import type { Source } from '../../src/sources/types.js';
import type { Embedder } from '../../src/embedding/types.js';

export type { PgliteServer };

export function startServer(options?: PgliteServerOptions): Promise<PgliteServer> {
  return startPgliteServer(options);
}

/** Syncs the Postgres store at `url` with the sources and opens it, as the engine does. */
export async function openPostgres(url: string, sources: readonly Source[], embedder: Embedder) {
  const location = postgresStoreLocation(url);
  return location.open({ sources, embedder, slugBook: await location.readSlugBook(), logger: createLogger('silent') });
}
