// One structured logger (pino, JSON to stderr) so stdout stays free for answers.
// Secrets never reach it: the redact list covers every place a token could appear.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const SECRET_PATHS = ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'];

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination: DestinationStream = pino.destination({ fd: 2, sync: true }),
): Logger {
  return pino({ level, redact: { paths: SECRET_PATHS, censor: '[redacted]' } }, destination);
}
