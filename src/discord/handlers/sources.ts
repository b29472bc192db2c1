// /sources: every source with the command that reaches it.
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommandModule } from './types.js';

export const SOURCES = 'sources';

export const sources: SlashCommandModule = {
  data: new SlashCommandBuilder().setName(SOURCES).setDescription('List the sources, with their commands and sizes').toJSON(),
  async execute(_interaction, { deps, send }) {
    await send(deps.responder.sources());
    return { outcome: 'listed' };
  },
};
