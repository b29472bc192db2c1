// The per-source commands (/<source-command> question:<text> [count]): one module for all of them,
// generated from the sources as they are now; each searches only its own source.
import { SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SourceSummary } from '../../engine/types.js';
import { DISCORD_LIMITS } from '../../replies/limits.js';
import { shortenPlain } from '../../replies/shorten.js';
import { countOption, questionOption } from '../command-options.js';
import { answerQuestion } from './answer-question.js';
import type { SlashCommandModule } from './types.js';

export function sourceCommandData(name: string, source: SourceSummary): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const description = shortenPlain(source.title.trim(), DISCORD_LIMITS.commandDescription) || `Ask ${source.slug}`;
  return countOption(questionOption(new SlashCommandBuilder().setName(name).setDescription(description), 'this source')).toJSON();
}

/** The handler of the command that reaches the source `slug`. */
export function sourceCommand(slug: string): Omit<SlashCommandModule, 'data'> {
  return {
    search: { ephemeral: () => false },
    execute: (interaction, context) => answerQuestion(interaction, context, slug),
  };
}
