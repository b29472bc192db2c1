// What every command needs: validated config and a logger; for a command that opens the engine, the
// embedded index's lexical load started before the engine's modules are imported (./open-with-progress.ts).
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/config.js';
import { fromProjectRoot } from '../config/paths.js';
import { startEarlyLexicalLoad, type EarlyLexicalLoad } from '../index/early-lexical.js';
import { createLogger, type Logger } from '../log/logger.js';

export interface CliContext {
  config: Config;
  logger: Logger;
  /** Set by readIndexAhead: the store's lexical index, already loading, for the first engine opened (later calls give undefined). */
  takeEarlyLexical?: () => Promise<EarlyLexicalLoad | undefined> | undefined;
}

export function cliContext(): CliContext {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL ?? 'info', undefined, { secrets: [config.DISCORD_TOKEN], format: config.LOG_FORMAT });
  return { config, logger };
}

/**
 * The context of a command about to open the engine, with the embedded index's lexical index loading
 * on its worker while the engine's modules are imported and the model and sources load (at 100,000
 * passages it is the longest part of opening). Nothing to read ahead for a Postgres store.
 */
export function readIndexAhead(context: CliContext): CliContext {
  if (context.config.DATABASE_URL) return context;
  let early: Promise<EarlyLexicalLoad | undefined> | undefined = startEarlyLexicalLoad(fromProjectRoot(context.config.EMBEDDINGS_DIR));
  // One worker serves one engine: a second engine opened with this context loads its own.
  const takeEarlyLexical = () => {
    const taken = early;
    early = undefined;
    return taken;
  };
  return { ...context, takeEarlyLexical };
}
