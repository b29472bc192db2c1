// The bot token must never be printed, whatever brings it: pino's redact paths only cover keys
// known in advance, while a Discord error body or an exception message can echo the token anywhere.
// So the token's value itself is replaced in every log line and in everything the CLI writes.

export const REDACTED = '[redacted]';

/** Shorter values are not secrets worth the risk of mangling ordinary text. */
const MIN_SECRET_LENGTH = 8;

export type Scrub = (text: string) => string;

/** Replaces each secret (and its JSON-escaped spelling) with REDACTED. */
export function secretScrubber(secrets: readonly (string | undefined)[]): Scrub {
  const values = [...new Set(secrets.flatMap((secret) => spellings(secret?.trim() ?? '')))].filter((value) => value.length >= MIN_SECRET_LENGTH);
  // Longest first, so a secret that contains another is replaced whole.
  values.sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => values.reduce((scrubbed, value) => scrubbed.split(value).join(REDACTED), text);
}

function spellings(secret: string): string[] {
  return secret ? [secret, JSON.stringify(secret).slice(1, -1)] : [];
}

/**
 * Scrubs everything written to `stream` (process.stderr, process.stdout) from now on. `secrets` is
 * read at each write, so a token loaded later (from .env) is covered too.
 */
export function scrubStream(stream: NodeJS.WriteStream, secrets: () => readonly (string | undefined)[]): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const scrub = secretScrubber(secrets());
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : undefined;
    if (text === undefined) return write(chunk, ...rest);
    const scrubbed = scrub(text);
    // A Buffer written with an encoding argument is now a string: drop the encoding, keep the callback.
    return typeof chunk === 'string' ? write(scrubbed, ...rest) : write(scrubbed, ...rest.filter((arg) => typeof arg === 'function'));
  }) as NodeJS.WriteStream['write'];
}
