// Configuration from the environment (and .env via dotenv), validated once with zod so a
// mistake is reported plainly at start-up instead of surfacing later as an odd failure.
import { z } from 'zod';
import { LOG_FORMATS } from '../log/logger.js';
import { folderProblems } from './folders.js';

const optionalString = z.string().trim().optional();

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const configSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_GUILD_ID: optionalString.pipe(
    z.string().regex(/^\d{17,20}$/, 'DISCORD_GUILD_ID must be a numeric Discord id (17–20 digits)').optional(),
  ),
  DISCORD_APPLICATION_ID: optionalString.pipe(
    z.string().regex(/^\d{17,20}$/, 'DISCORD_APPLICATION_ID must be a numeric Discord id (17–20 digits)').optional(),
  ),
  DISCORD_API_BASE: optionalString.pipe(z.url('DISCORD_API_BASE must be a URL such as https://discord.com/api').optional()),
  EMBEDDING_MODEL: z.string().trim().min(1).default('Xenova/bge-small-en-v1.5'),
  SEEDS_DIR: z.string().trim().min(1).default('seeds'),
  EMBEDDINGS_DIR: z.string().trim().min(1).default('embeddings'),
  MODELS_DIR: z.string().trim().min(1).default('.models'),
  /** Postgres with pgvector holding passages, vectors and the lexical index; unset: the embedded index in EMBEDDINGS_DIR. */
  DATABASE_URL: optionalString.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL').optional()),
  /** Run the bot as Discord shards, one process each: "auto" (Discord's recommended count) or a number; unset: one process. */
  SHARDS: optionalString.pipe(z.string().regex(/^(auto|[1-9]\d{0,4})$/, 'SHARDS must be "auto" or a whole number of shards').optional()),
  /** Unset: info, but only warnings and errors in the console (see cli/start.ts). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Unset: readable lines when stderr is a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
  /** Seconds a user waits between two questions. */
  COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(3),
  /** Searches running at once; more wait in line so the gateway heartbeat is never starved. */
  MAX_CONCURRENT_SEARCHES: positiveInt(2, 64),
  /** Default number of excerpts per answer. */
  RESULTS_PER_ANSWER: positiveInt(3, 5),
  /** Where 👍/👎 votes and declined questions are appended (JSON lines); "off" turns feedback off. */
  FEEDBACK_LOG: z.string().trim().min(1).default('data/feedback.jsonl'),
});

export type Config = z.infer<typeof configSchema>;

const folderSchema = configSchema.pick({ SEEDS_DIR: true, EMBEDDINGS_DIR: true, MODELS_DIR: true });

/** Thrown with every problem listed, one per line, variable names first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface ParseConfigOptions {
  /** Also check that the folders are usable (see folders.ts); done once at start by loadConfig. */
  checkFolders?: boolean;
}

export function parseConfig(env: NodeJS.ProcessEnv, options: ParseConfigOptions = {}): Config {
  const values = withoutEmptyValues(env);
  const parsed = configSchema.safeParse(values);
  const lines = parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'config'}: ${issue.message}`);
  // The folders are checked even when another variable is wrong, so one report lists everything.
  if (options.checkFolders) lines.push(...folderProblems(folderSchema.parse(values)));
  if (parsed.success && lines.length === 0) return parsed.data;
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** `NAME=` (as a copied .env.example leaves it) means unset, for every setting alike: never 0 or ''. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}
