// The slash commands: /ask, /sources, /quote and one per source. Per-source names come from the
// engine and are checked again here, because Discord rejects the whole batch for one bad name.
import { SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Engine, SourceSummary } from '../engine/types.js';
import { MAX_QUESTION_CHARS } from '../engine/errors.js';
import { DISCORD_LIMITS } from '../replies/limits.js';
import { shortenPlain } from '../replies/shorten.js';

export const ASK = 'ask';
export const SOURCES = 'sources';
export const QUOTE = 'quote';
export const OPTION = { question: 'question', source: 'source', count: 'count', citation: 'citation' } as const;
export const MAX_COUNT = 5;
/** Discord's cap on global (and on per-guild) commands per application. */
export const MAX_COMMANDS = 100;

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

export interface SkippedCommand {
  command: string;
  slug: string;
  reason: string;
}

export interface CommandSet {
  payloads: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  /** Per-source command name → source slug, for the commands actually built. */
  sourceByCommand: ReadonlyMap<string, string>;
  /** Source slug → its per-source command. */
  commandBySource: ReadonlyMap<string, string>;
  skipped: SkippedCommand[];
}

export function buildCommandSet(sources: SourceSummary[]): CommandSet {
  const payloads = [askCommand(), sourcesCommand(), quoteCommand()];
  const taken = new Set(payloads.map((command) => command.name));
  const sourceByCommand = new Map<string, string>();
  const commandBySource = new Map<string, string>();
  const skipped: SkippedCommand[] = [];

  for (const source of sources) {
    const command = source.command;
    const reason = !COMMAND_NAME.test(command) || command !== command.toLowerCase()
      ? 'not a valid Discord command name (1–32 lowercase letters, digits, - or _)'
      : taken.has(command)
        ? 'the name is already taken by another command'
        : payloads.length >= MAX_COMMANDS
          ? `Discord allows at most ${MAX_COMMANDS} commands; reach it with /ask source:`
          : undefined;
    if (reason) {
      skipped.push({ command, slug: source.slug, reason });
      continue;
    }
    taken.add(command);
    sourceByCommand.set(command, source.slug);
    commandBySource.set(source.slug, command);
    payloads.push(sourceCommand(command, source));
  }
  return { payloads, sourceByCommand, commandBySource, skipped };
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

function questionOption(builder: SlashCommandBuilder, about: string): SlashCommandBuilder {
  return builder.addStringOption((option) =>
    option.setName(OPTION.question).setDescription(`Your question about ${about}`).setRequired(true).setMinLength(1).setMaxLength(MAX_QUESTION_CHARS),
  ) as SlashCommandBuilder;
}

function countOption(builder: SlashCommandBuilder): SlashCommandBuilder {
  return builder.addIntegerOption((option) =>
    option.setName(OPTION.count).setDescription(`How many excerpts (1–${MAX_COUNT})`).setMinValue(1).setMaxValue(MAX_COUNT),
  ) as SlashCommandBuilder;
}

function askCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = questionOption(
    new SlashCommandBuilder().setName(ASK).setDescription('Ask the sources a question; the answer quotes them verbatim, with citations'),
    'the sources',
  ).addStringOption((option) =>
    option.setName(OPTION.source).setDescription('Search only this source').setAutocomplete(true),
  ) as SlashCommandBuilder;
  return countOption(builder).toJSON();
}

function sourcesCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder().setName(SOURCES).setDescription('List the sources, with their commands and sizes').toJSON();
}

function quoteCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(QUOTE)
    .setDescription('Show a cited paragraph in full, with the paragraphs around it')
    .addStringOption((option) =>
      option.setName(OPTION.citation).setDescription('Citation id from an answer, e.g. informed-comment:p4').setRequired(true).setMaxLength(DISCORD_LIMITS.customId),
    )
    .toJSON();
}

function sourceCommand(name: string, source: SourceSummary): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const description = shortenPlain(source.title.trim(), DISCORD_LIMITS.commandDescription) || `Ask ${source.slug}`;
  return countOption(questionOption(new SlashCommandBuilder().setName(name).setDescription(description), 'this source')).toJSON();
}
