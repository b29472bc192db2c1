// /quote citation:<id> [public:true]: the cited paragraph with the paragraphs around it, the quoted
// sentences marked when the id names them. Private by default, like the "Show context" button.
import { SlashCommandBuilder } from 'discord.js';
import { parseCitationRef } from '../../citations/citation-ref.js';
import { DISCORD_LIMITS } from '../../replies/limits.js';
import { citationChoices } from '../autocomplete.js';
import { OPTION } from '../command-options.js';
import type { SlashCommandModule } from './types.js';

export const QUOTE = 'quote';

export const quote: SlashCommandModule = {
  data: new SlashCommandBuilder()
    .setName(QUOTE)
    .setDescription('Show a cited paragraph with the paragraphs around it, the quoted sentences marked')
    .addStringOption((option) =>
      option
        .setName(OPTION.citation)
        .setDescription('Citation id from an answer, e.g. informed-comment:p4/s2 (sentence 2 of paragraph 4)')
        .setRequired(true)
        .setMaxLength(DISCORD_LIMITS.customId)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) => option.setName(OPTION.public).setDescription('Post it for everyone in the channel (default: only you see it)'))
    .toJSON(),
  async execute(interaction, { deps, send }) {
    const citation = interaction.options.getString(OPTION.citation, true);
    const everyone = interaction.options.getBoolean(OPTION.public) ?? false;
    const { reply, found } = await deps.responder.quote({ citation }, { ephemeral: !everyone });
    await send(reply);
    // The slug of a well-formed id only: whatever else was typed stays out of the log.
    return { source: parseCitationRef(citation)?.passage.split(':')[0], outcome: found ? 'quoted' : 'unknown-citation' };
  },
  async autocomplete(interaction, { engine }) {
    const focused = interaction.options.getFocused(true);
    const choices = focused.name === OPTION.citation ? citationChoices(engine.listPassages(), String(focused.value)) : [];
    await interaction.respond(choices);
    return choices.length;
  },
};
