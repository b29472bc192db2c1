// Option names and option builders the slash commands share, so /ask and the per-source commands
// ask for a question and a count alike.
import type { SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../engine/errors.js';

export const OPTION = { question: 'question', source: 'source', count: 'count', citation: 'citation', public: 'public' } as const;
export const MAX_COUNT = 5;

export function questionOption(builder: SlashCommandBuilder, about: string): SlashCommandBuilder {
  return builder.addStringOption((option) =>
    option.setName(OPTION.question).setDescription(`Your question about ${about}`).setRequired(true).setMinLength(1).setMaxLength(MAX_QUESTION_CHARS),
  ) as SlashCommandBuilder;
}

export function countOption(builder: SlashCommandBuilder): SlashCommandBuilder {
  return builder.addIntegerOption((option) =>
    option.setName(OPTION.count).setDescription(`How many excerpts (1–${MAX_COUNT})`).setMinValue(1).setMaxValue(MAX_COUNT),
  ) as SlashCommandBuilder;
}
