// One structured logger (pino, JSON to stderr) so stdout stays free for answers.
// Secrets never reach it: the redact list covers every key a token could sit under, and the token's
// value itself is scrubbed from every line, whichever message or error body carries it.
import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACTED, secretScrubber } from './scrub.js';

export type { Logger };

const SECRET_PATHS = ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'];

export interface LoggerOptions {
  /** Values replaced wherever they appear in a line: the bot token. */
  secrets?: readonly (string | undefined)[];
}

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination: DestinationStream = pino.destination({ fd: 2, sync: true }),
  options: LoggerOptions = {},
): Logger {
  return pino(
    {
      level,
      redact: { paths: SECRET_PATHS, censor: REDACTED },
      hooks: { streamWrite: secretScrubber(options.secrets ?? []) },
    },
    destination,
  );
}
