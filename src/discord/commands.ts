// The commands to register: the fixed ones (their modules in ./handlers, listed in ./registry.ts) and
// one per source. Per-source names come from the engine and are checked again here, because Discord
// rejects the whole batch for one bad name.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Engine, SourceSummary } from '../engine/types.js';
import { sourceCommandData } from './handlers/source-command.js';
import { MESSAGE_COMMANDS, SLASH_COMMANDS } from './registry.js';

export { MAX_COUNT, OPTION } from './command-options.js';
/** Discord's cap on global (and on per-guild) slash commands per application; message commands count apart. */
export const MAX_COMMANDS = 100;

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

export interface SkippedCommand {
  command: string;
  slug: string;
  reason: string;
}

export interface CommandSet {
  payloads: RESTPostAPIApplicationCommandsJSONBody[];
  /** Per-source command name → source slug, for the commands actually built. */
  sourceByCommand: ReadonlyMap<string, string>;
  /** Source slug → its per-source command. */
  commandBySource: ReadonlyMap<string, string>;
  skipped: SkippedCommand[];
}

export function buildCommandSet(sources: SourceSummary[]): CommandSet {
  const slash = SLASH_COMMANDS.map((module) => module.data);
  const taken = new Set(slash.map((command) => command.name));
  const sourceByCommand = new Map<string, string>();
  const commandBySource = new Map<string, string>();
  const skipped: SkippedCommand[] = [];

  for (const source of sources) {
    const command = source.command;
    const reason = !COMMAND_NAME.test(command) || command !== command.toLowerCase()
      ? 'not a valid Discord command name (1–32 lowercase letters, digits, - or _)'
      : taken.has(command)
        ? 'the name is already taken by another command'
        : slash.length >= MAX_COMMANDS
          ? `Discord allows at most ${MAX_COMMANDS} commands; reach it with /ask source:`
          : undefined;
    if (reason) {
      skipped.push({ command, slug: source.slug, reason });
      continue;
    }
    taken.add(command);
    sourceByCommand.set(command, source.slug);
    commandBySource.set(source.slug, command);
    slash.push(sourceCommandData(command, source));
  }
  return { payloads: [...slash, ...MESSAGE_COMMANDS.map((module) => module.data)], sourceByCommand, commandBySource, skipped };
}

/** The command set of the engine's current sources, rebuilt when the list of sources changes. */
export interface LiveCommandSet {
  current(): CommandSet;
  /** Stops following the engine. */
  stop(): void;
}

export function followCommandSet(engine: Engine, onChange?: (commands: CommandSet) => void): LiveCommandSet {
  let commands = buildCommandSet(engine.listSources());
  const stop =
    engine.onSourcesChanged?.(({ sources, listChanged }) => {
      if (!listChanged) return;
      commands = buildCommandSet(sources);
      onChange?.(commands);
    }) ?? (() => {});
  return { current: () => commands, stop };
}
