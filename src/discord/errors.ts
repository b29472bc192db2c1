// The two common start-up failures get a message that says what to fix: a rejected bot token, and a
// Discord API that cannot be reached (no network, or a DISCORD_API_BASE that points nowhere).
import { DiscordAPIError, DiscordjsErrorCodes, HTTPError } from 'discord.js';

/** Discord's REST API, as discord.js uses it when DISCORD_API_BASE is not set. */
export const DEFAULT_API_BASE = 'https://discord.com/api';

export class DiscordTokenError extends Error {
  override readonly name = 'DiscordTokenError';
  constructor() {
    super(
      'Discord rejected the token (DISCORD_TOKEN). Copy the bot token from the Discord Developer Portal ' +
        '(your application → Bot → Reset Token) into DISCORD_TOKEN; it may have been reset or mistyped.',
    );
  }
}

export class DiscordUnreachableError extends Error {
  override readonly name = 'DiscordUnreachableError';
  /** `apiBase`: DISCORD_API_BASE when set; `reason`: what the network said, in words. */
  constructor(apiBase: string | undefined, reason: string) {
    super(
      `Cannot reach Discord at ${apiBase ?? DEFAULT_API_BASE} (${reason}). ` +
        (apiBase
          ? 'Check DISCORD_API_BASE: it must be the address of Discord\'s REST API or of a proxy for it; leave it empty for Discord itself.'
          : 'Check the network connection (DISCORD_API_BASE is not set, so this is Discord itself).'),
    );
  }
}

/** The start-up failures a user fixes in their settings: printed as a plain message, no stack. */
export function isDiscordSetupError(error: unknown): error is DiscordTokenError | DiscordUnreachableError {
  return error instanceof DiscordTokenError || error instanceof DiscordUnreachableError;
}

/** discord.js reports a bad token as TokenInvalid at login, or as a 401 from any REST call. */
export function isTokenRejection(error: unknown): boolean {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) return error.status === 401;
  return typeof error === 'object' && error !== null && 'code' in error && error.code === DiscordjsErrorCodes.TokenInvalid;
}

/** System and undici error codes that mean the API could not be reached at all, in words. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  UND_ERR_SOCKET: 'connection closed',
};

/** Why the API could not be reached, when that is what `error` (or an error it wraps) says. */
export function unreachableReason(error: unknown): string | undefined {
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE[code]) return UNREACHABLE[code];
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A clear error for a start-up failure a user can fix, or the error itself. */
export function setupError(error: unknown, apiBase: string | undefined): unknown {
  if (isTokenRejection(error)) return new DiscordTokenError();
  const reason = unreachableReason(error);
  return reason ? new DiscordUnreachableError(apiBase, reason) : error;
}
