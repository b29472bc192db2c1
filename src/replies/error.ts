// What a user sees when something fails: their own mistakes (QuestionError, UnknownSourceError) as
// is, anything else as a generic apology — the details go to the log, not to the channel.
import { EmbedBuilder, MessageFlags } from 'discord.js';
import { QuestionError, SourceChangedError, UnknownSourceError } from '../engine/errors.js';
import { COLOURS } from './colours.js';
import { didYouMean } from './did-you-mean.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './reply.js';
import { fitRendered } from './shorten.js';

export const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong while answering. Please try again in a moment.';

/** An ephemeral notice (plain text) in an embed of the error colour. */
export function noticeReply(message: string): Reply {
  const embed = new EmbedBuilder().setColor(COLOURS.error).setDescription(fitRendered(message, DISCORD_LIMITS.embedDescription, escapeText) || '…');
  return { embeds: [embed.toJSON()], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}

/** The user-facing message for an error, and whether it was expected (the user's doing) or a fault. */
export function describeError(error: unknown): { message: string; expected: boolean } {
  if (error instanceof UnknownSourceError) {
    const suggestion = didYouMean(error.requested, error.valid);
    return { message: `Unknown source "${error.requested}".${suggestion} Valid sources: ${error.valid.join(', ')}.`, expected: true };
  }
  if (error instanceof QuestionError || error instanceof SourceChangedError) {
    return { message: error.message, expected: true };
  }
  return { message: UNEXPECTED_ERROR_MESSAGE, expected: false };
}
