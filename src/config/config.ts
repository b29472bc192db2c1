// Configuration from the environment (and .env via dotenv), validated once with zod so a
// mistake is reported plainly at start-up instead of surfacing later as an odd failure.
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seconds a user waits between two questions. */
  COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(3),
  /** Searches running at once; more wait in line so the gateway heartbeat is never starved. */
  MAX_CONCURRENT_SEARCHES: positiveInt(2, 64),
  /** Default number of excerpts per answer. */
  RESULTS_PER_ANSWER: positiveInt(3, 5),
});

export type Config = z.infer<typeof configSchema>;

/** Thrown with every problem listed, one per line, variable names first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'config'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
