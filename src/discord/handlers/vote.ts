// The 👍 / 👎 buttons under an answer: the vote goes to the feedback log with the question and the
// citations read back from the answer message the button is on, and the reader gets a private thanks.
import { noticeReply } from '../../replies/error.js';
import { parseVoteId, readAnswerEmbed, VOTE_BUTTON_PREFIX, voteThanksReply } from '../../replies/feedback.js';
import type { ButtonModule } from './types.js';

export const vote: ButtonModule = {
  prefix: VOTE_BUTTON_PREFIX,
  name: 'vote',
  async execute(interaction, { deps, send }) {
    const choice = parseVoteId(interaction.customId);
    const answer = readAnswerEmbed(interaction.message.embeds[0]?.data);
    if (!choice || !answer) {
      await send(noticeReply('This button is not one of mine any more; ask the question again.'));
      return { outcome: 'unknown-button' };
    }
    if (!deps.feedback) {
      await send(noticeReply('Feedback is turned off on this bot, so the vote was not recorded.'));
      return { outcome: 'feedback-off' };
    }
    await deps.feedback.vote({
      vote: choice,
      question: answer.question,
      citations: answer.citations,
      userId: interaction.user.id,
      messageId: interaction.message.id,
    });
    await send(voteThanksReply(choice));
    return { outcome: `voted-${choice}`, results: answer.citations.length };
  },
};
