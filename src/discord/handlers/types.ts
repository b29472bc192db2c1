// What a command or component module is: its payload (or custom-id prefix) and its handler. The
// wrapper in ../interactions.ts does what every handler needs (cooldown, deferral, the concurrency
// limit, error notices, the log line), so a module only turns an interaction into a reply.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Engine } from '../../engine/types.js';
import type { FeedbackSink } from '../../feedback/types.js';
import type { Logger } from '../../log/logger.js';
import type { Reply } from '../../replies/reply.js';
import type { Responder } from '../../replies/responder.js';
import type { CommandSet } from '../commands.js';

/** What the log line says about one interaction; never the question itself. */
export interface Outcome {
  outcome: string;
  source?: string;
  results?: number;
}

export interface HandlerDeps {
  engine: Engine;
  responder: Responder;
  /** The commands as they are now (they change when the sources do). */
  commands: () => CommandSet;
  /** Where votes and declined questions go; absent when feedback is turned off. */
  feedback?: FeedbackSink;
  log: Logger;
}

export interface HandlerContext {
  deps: HandlerDeps;
  /** Sends the reply: the first response, or the edit of a deferred one. */
  send(reply: Reply): Promise<void>;
  /** Runs engine work within the concurrency limit. */
  limited<T>(task: () => Promise<T>): Promise<T>;
}

export interface InteractionModule<I> {
  /**
   * Modules that search: the wrapper charges the user's cooldown (given back when the handler throws)
   * and defers at once, privately when `ephemeral` says so.
   */
  search?: { ephemeral(interaction: I): boolean };
  execute(interaction: I, context: HandlerContext): Promise<Outcome>;
}

export interface SlashCommandModule extends InteractionModule<ChatInputCommandInteraction> {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Suggestions for the focused option; returns how many were offered. */
  autocomplete?(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<number>;
}

export interface MessageCommandModule extends InteractionModule<MessageContextMenuCommandInteraction> {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
}

export interface ButtonModule extends InteractionModule<ButtonInteraction> {
  /** The custom-id prefix (before the first "|") that routes a click here. */
  prefix: string;
  /** What the log line calls a click. */
  name: string;
}
