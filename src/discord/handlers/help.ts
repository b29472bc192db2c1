// /help: the commands and how to read a citation, privately.
import { SlashCommandBuilder } from 'discord.js';
import { helpReply } from '../../replies/help.js';
import { FIND_IN_SOURCES } from './find-in-sources.js';
import type { SlashCommandModule } from './types.js';

export const HELP = 'help';

export const help: SlashCommandModule = {
  data: new SlashCommandBuilder().setName(HELP).setDescription('How to ask, and how to read a citation').toJSON(),
  async execute(_interaction, { deps, send }) {
    const { engine } = deps;
    await send(
      helpReply({
        sources: engine.listSources(),
        commandBySource: deps.commands().commandBySource,
        passageCount: engine.passageCount,
        modelId: engine.modelId,
        messageCommand: FIND_IN_SOURCES,
        feedback: deps.feedback !== undefined,
      }),
    );
    return { outcome: 'helped' };
  },
};
