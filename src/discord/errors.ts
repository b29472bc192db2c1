// A rejected bot token is the most common start-up failure; it gets a message that says what to fix.
import { DiscordAPIError, DiscordjsErrorCodes, HTTPError } from 'discord.js';

export class DiscordTokenError extends Error {
  override readonly name = 'DiscordTokenError';
  constructor() {
    super(
      'Discord rejected the token (DISCORD_TOKEN). Copy the bot token from the Discord Developer Portal ' +
        '(your application → Bot → Reset Token) into DISCORD_TOKEN; it may have been reset or mistyped.',
    );
  }
}

/** discord.js reports a bad token as TokenInvalid at login, or as a 401 from any REST call. */
export function isTokenRejection(error: unknown): boolean {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) return error.status === 401;
  return typeof error === 'object' && error !== null && 'code' in error && error.code === DiscordjsErrorCodes.TokenInvalid;
}
