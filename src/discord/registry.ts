// Which module answers an interaction: slash and message commands by name (a source's own command
// through the current command set), buttons by the custom-id prefix before the first "|".
import type { CommandSet } from './commands.js';
import { ask } from './handlers/ask.js';
import { findInSources } from './handlers/find-in-sources.js';
import { help } from './handlers/help.js';
import { quote } from './handlers/quote.js';
import { showContext } from './handlers/show-context.js';
import { sourceCommand } from './handlers/source-command.js';
import { sources } from './handlers/sources.js';
import type { ButtonModule, MessageCommandModule, SlashCommandModule } from './handlers/types.js';
import { vote } from './handlers/vote.js';

/** The slash commands every bot has, in the order they are registered. */
export const SLASH_COMMANDS: readonly SlashCommandModule[] = [ask, sources, quote, help];
/** Commands on a message's "Apps" menu. */
export const MESSAGE_COMMANDS: readonly MessageCommandModule[] = [findInSources];
const BUTTONS: readonly ButtonModule[] = [showContext, vote];

export function slashCommand(name: string, commands: CommandSet): Omit<SlashCommandModule, 'data'> | undefined {
  const fixed = SLASH_COMMANDS.find((module) => module.data.name === name);
  if (fixed) return fixed;
  const slug = commands.sourceByCommand.get(name);
  return slug === undefined ? undefined : sourceCommand(slug);
}

/** Every slash command's name as it is now, the sources' own included (for "did you mean"). */
export function slashCommandNames(commands: CommandSet): string[] {
  return [...SLASH_COMMANDS.map((module) => module.data.name), ...commands.sourceByCommand.keys()];
}

export function messageCommand(name: string): MessageCommandModule | undefined {
  return MESSAGE_COMMANDS.find((module) => module.data.name === name);
}

export function button(customId: string): ButtonModule | undefined {
  const prefix = customId.split('|', 1)[0];
  return BUTTONS.find((module) => module.prefix === prefix);
}
