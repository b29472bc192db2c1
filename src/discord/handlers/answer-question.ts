// Answering a question typed into a slash command (/ask or a source's own), shared by both.
import type { ChatInputCommandInteraction } from 'discord.js';
import { OPTION } from '../command-options.js';
import type { HandlerContext, Outcome } from './types.js';

export async function answerQuestion(
  interaction: ChatInputCommandInteraction,
  { deps, send, limited }: HandlerContext,
  source: string | undefined,
): Promise<Outcome> {
  const question = interaction.options.getString(OPTION.question, true);
  const count = interaction.options.getInteger(OPTION.count) ?? undefined;
  const { reply, answer } = await limited(() => deps.responder.ask({ question, source, count }));
  if (!answer.answered && deps.feedback) {
    // What admins need to add sources for; a failed write must not turn an answer into an error.
    await deps.feedback
      .declined({ question: answer.question, source: answer.source, userId: interaction.user.id })
      .catch((error: unknown) => deps.log.warn({ err: error }, 'could not record a declined question'));
  }
  await send(reply);
  return { source, results: answer.results.length, outcome: answer.answered ? 'answered' : 'not-covered' };
}
