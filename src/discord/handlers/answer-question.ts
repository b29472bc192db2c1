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
  await send(reply);
  return { source, results: answer.results.length, outcome: answer.answered ? 'answered' : 'not-covered' };
}
