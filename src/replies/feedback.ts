// 👍 / 👎 under every answer. A click carries only its vote: the question and the citations are read
// back from the answer message it is attached to (its title and citation lines), so nothing is kept
// between the answer and the click.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { parseCitationRef } from '../citations/citation-ref.js';
import type { Vote } from '../feedback/types.js';
import { COLOURS } from './colours.js';
import { unescapeText } from './escape.js';
import { NO_MENTIONS, type Reply } from './reply.js';

export const VOTE_BUTTON_PREFIX = 'vote';
const VOTE_ID = /^vote\|(up|down)$/;

export function voteButtons(): APIActionRowComponent<APIButtonComponent> {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder().setCustomId(`${VOTE_BUTTON_PREFIX}|up`).setEmoji({ name: '👍' }).setLabel('Helpful').setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(`${VOTE_BUTTON_PREFIX}|down`).setEmoji({ name: '👎' }).setLabel('Not helpful').setStyle(ButtonStyle.Secondary),
    )
    .toJSON();
}

export function parseVoteId(customId: string): Vote | undefined {
  return VOTE_ID.exec(customId)?.[1] as Vote | undefined;
}

export interface AnswerFacts {
  question: string;
  /** Citation ids in the order the answer shows them. */
  citations: string[];
}

/** The question and citation ids of an answer, read from its embed; undefined when it is not one. */
export function readAnswerEmbed(embed: Pick<APIEmbed, 'title' | 'description'> | undefined): AnswerFacts | undefined {
  if (!embed?.title) return undefined;
  // Citation lines start "**[n]**" and end with the id in backticks.
  const citations = (embed.description ?? '')
    .split('\n')
    .filter((line) => /^\*\*\[\d+\]\*\*/.test(line))
    .flatMap((line) => {
      const id = /`([^`]+)`\s*$/.exec(line)?.[1];
      return id !== undefined && parseCitationRef(id) ? [id] : [];
    });
  return { question: unescapeText(embed.title), citations };
}

export function voteThanksReply(vote: Vote): Reply {
  const text =
    vote === 'up'
      ? 'Thanks: noted that this answer helped. 👍'
      : 'Thanks: noted that this answer did not help. 👎 The admins see the question and its citations, to add or fix sources.';
  const embed = new EmbedBuilder().setColor(COLOURS.info).setDescription(text);
  return { embeds: [embed.toJSON()], flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS };
}
