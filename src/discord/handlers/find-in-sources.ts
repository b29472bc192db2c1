// "Find in sources": a message command (right-click a message → Apps) that searches the sources for
// what the message says and answers privately with cited excerpts, or says the sources do not cover
// it: how a reader checks a claim made in the channel. The target message arrives resolved in the
// interaction, so no privileged intent is needed.
import { ApplicationCommandType, ContextMenuCommandBuilder, type Message } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../engine/errors.js';
import { noticeReply } from '../../replies/error.js';
import { prefixWithin } from '../../replies/shorten.js';
import type { MessageCommandModule } from './types.js';

export const FIND_IN_SOURCES = 'Find in sources';

/** Mentions, channels, custom emoji and timestamps (<…>) and links say nothing the sources could. */
const NOT_WORDS = /<[^>\s]*>|\bhttps?:\/\/\S+/g;

/** The text to search for: the message's own words, else its embeds' (another bot's post). */
export function claimOf(message: Pick<Message, 'content' | 'embeds'>): string {
  const embedded = message.embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? '']);
  const text = [message.content, ...(message.content.trim() ? [] : embedded)]
    .join(' ')
    .replace(NOT_WORDS, ' ')
    .replace(/[*_~`>|#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return prefixWithin(text, MAX_QUESTION_CHARS);
}

export const findInSources: MessageCommandModule = {
  data: new ContextMenuCommandBuilder().setName(FIND_IN_SOURCES).setType(ApplicationCommandType.Message).toJSON(),
  search: { ephemeral: () => true },
  async execute(interaction, { deps, send, limited }) {
    const claim = claimOf(interaction.targetMessage);
    if (!/[\p{L}\p{N}]/u.test(claim)) {
      await send(noticeReply('That message has no words to look for in the sources.'));
      return { outcome: 'no-text' };
    }
    const { reply, answer } = await limited(() => deps.responder.ask({ question: claim, claim: true }));
    await send(reply);
    return { results: answer.results.length, outcome: answer.answered ? 'answered' : 'not-covered' };
  },
};
