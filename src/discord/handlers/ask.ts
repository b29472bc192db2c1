// /ask question:<text> [source:<choice>] [count:1–5]: all sources, or one picked with autocomplete.
import { SlashCommandBuilder } from 'discord.js';
import { sourceChoices } from '../autocomplete.js';
import { countOption, OPTION, questionOption } from '../command-options.js';
import { answerQuestion } from './answer-question.js';
import type { SlashCommandModule } from './types.js';

export const ASK = 'ask';

export const ask: SlashCommandModule = {
  data: countOption(
    questionOption(
      new SlashCommandBuilder().setName(ASK).setDescription('Ask the sources a question; the answer quotes them verbatim, with citations'),
      'the sources',
    ).addStringOption((option) => option.setName(OPTION.source).setDescription('Search only this source').setAutocomplete(true)) as SlashCommandBuilder,
  ).toJSON(),
  search: { ephemeral: () => false },
  execute: (interaction, context) => answerQuestion(interaction, context, interaction.options.getString(OPTION.source) ?? undefined),
  async autocomplete(interaction, { engine }) {
    const focused = interaction.options.getFocused(true);
    const choices = focused.name === OPTION.source ? sourceChoices(engine.listSources(), String(focused.value)) : [];
    await interaction.respond(choices);
    return choices.length;
  },
};
