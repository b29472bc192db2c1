// /quote citation:<id>: the cited paragraph with the paragraphs around it.
import { SlashCommandBuilder } from 'discord.js';
import { DISCORD_LIMITS } from '../../replies/limits.js';
import { OPTION } from '../command-options.js';
import type { SlashCommandModule } from './types.js';

export const QUOTE = 'quote';

export const quote: SlashCommandModule = {
  data: new SlashCommandBuilder()
    .setName(QUOTE)
    .setDescription('Show a cited paragraph in full, with the paragraphs around it')
    .addStringOption((option) =>
      option.setName(OPTION.citation).setDescription('Citation id from an answer, e.g. informed-comment:p4').setRequired(true).setMaxLength(DISCORD_LIMITS.customId),
    )
    .toJSON(),
  async execute(interaction, { deps, send }) {
    const citation = interaction.options.getString(OPTION.citation, true);
    const { reply, found } = await deps.responder.quote({ citation });
    await send(reply);
    return { source: citation.split(':')[0], outcome: found ? 'quoted' : 'unknown-citation' };
  },
};
