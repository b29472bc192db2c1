// One structured logger (pino, on stderr) so stdout stays free for answers: readable lines
// (pino-pretty) for a person at a terminal, JSON lines for machines (stderr redirected, or
// LOG_FORMAT=json). Secrets never reach it: the redact list covers every key a token could sit
// under, and the token's value itself is scrubbed from every line, whichever message carries it.
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { REDACTED, secretScrubber } from './scrub.js';

export type { Logger };

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const SECRET_PATHS = ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'];

export interface LoggerOptions {
  /** Values replaced wherever they appear in a line: the bot token. */
  secrets?: readonly (string | undefined)[];
  /** How lines look on stderr when no destination is given; default: pretty when stderr is a terminal. */
  format?: LogFormat;
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      redact: { paths: SECRET_PATHS, censor: REDACTED },
      // Applied to the JSON line before it is written, so the pretty format is scrubbed too.
      hooks: { streamWrite: secretScrubber(options.secrets ?? []) },
    },
    destination ?? stderr(options.format ?? defaultLogFormat(process.stderr)),
  );
}

/** Pretty for a person at a terminal, JSON when stderr goes to a file, a pipe or a log collector. */
export function defaultLogFormat(stream: { isTTY?: boolean }): LogFormat {
  return stream.isTTY ? 'pretty' : 'json';
}

function stderr(format: LogFormat): DestinationStream {
  if (format === 'json') return pino.destination({ fd: 2, sync: true });
  return pretty({
    destination: 2,
    sync: true,
    colorize: Boolean(process.stderr.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    // The same process and machine on every line: noise for a reader.
    ignore: 'pid,hostname',
  });
}
