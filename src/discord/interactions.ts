// The one wrapper around every handler: it finds the module for an interaction (./registry.ts), and
// does what they all need. Searches charge the per-user cooldown, are deferred first (Discord wants a
// response within 3 seconds, a search may take longer) and run within the concurrency limit; a
// failure reaches the user as a private notice; every interaction ends with one log line.
import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import type { Engine } from '../engine/types.js';
import type { FeedbackSink } from '../feedback/types.js';
import type { Logger } from '../log/logger.js';
import { didYouMean } from '../replies/did-you-mean.js';
import { describeError, noticeReply } from '../replies/error.js';
import type { Reply } from '../replies/reply.js';
import type { Responder } from '../replies/responder.js';
import type { CommandSet } from './commands.js';
import type { Cooldown } from './cooldown.js';
import type { HandlerContext, HandlerDeps, InteractionModule, Outcome } from './handlers/types.js';
import type { Limiter } from './limiter.js';
import { button, messageCommand, slashCommand, slashCommandNames } from './registry.js';
import { editOptions, replyOptions } from './reply-options.js';

export interface InteractionDeps {
  engine: Engine;
  responder: Responder;
  /** The commands as they are now (they change when the sources do). */
  commands: () => CommandSet;
  cooldown: Cooldown;
  limiter: Limiter;
  feedback?: FeedbackSink;
  log: Logger;
}

/** The log line of one interaction: what was used and how it ended; never the question itself. */
interface LogRecord extends Partial<Outcome> {
  command?: string;
  outcome: string;
}

export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const started = performance.now();
    const record: LogRecord = { outcome: 'ignored' };
    try {
      await route(deps, interaction, record);
    } catch (error) {
      const { message, expected } = describeError(error);
      record.outcome = expected ? 'user-error' : 'error';
      if (!expected) deps.log.error({ err: error, command: record.command }, 'interaction failed');
      if (interaction.isRepliable()) await notify(deps.log, interaction, message);
    } finally {
      deps.log.info({ type: interaction.type, ...record, latencyMs: Math.round(performance.now() - started) }, 'interaction');
    }
  };
}

async function route(deps: InteractionDeps, interaction: Interaction, record: LogRecord): Promise<void> {
  if (interaction.isAutocomplete()) {
    record.command = interaction.commandName;
    const suggest = slashCommand(interaction.commandName, deps.commands())?.autocomplete;
    record.results = suggest ? await suggest(interaction, deps) : 0;
    if (!suggest) await interaction.respond([]);
    record.outcome = 'suggested';
  } else if (interaction.isChatInputCommand()) {
    record.command = interaction.commandName;
    const module = slashCommand(interaction.commandName, deps.commands());
    if (module) await run(deps, interaction, module, record);
    else {
      const suggestion = didYouMean(interaction.commandName, slashCommandNames(deps.commands()), '/');
      await unknown(interaction, `Unknown command /${interaction.commandName}.${suggestion} Try /help for the commands.`, 'unknown-command', record);
    }
  } else if (interaction.isMessageContextMenuCommand()) {
    record.command = interaction.commandName;
    const module = messageCommand(interaction.commandName);
    if (module) await run(deps, interaction, module, record);
    else await unknown(interaction, `Unknown command “${interaction.commandName}”.`, 'unknown-command', record);
  } else if (interaction.isButton()) {
    const module = button(interaction.customId);
    record.command = module?.name ?? 'button';
    if (module) await run(deps, interaction, module, record);
    else await unknown(interaction, 'This button is not one of mine any more; ask the question again.', 'unknown-button', record);
  }
}

async function run<I extends RepliableInteraction>(deps: InteractionDeps, interaction: I, module: InteractionModule<I>, record: LogRecord): Promise<void> {
  const context = handlerContext(deps, interaction);
  if (!module.search) {
    Object.assign(record, await module.execute(interaction, context));
    return;
  }
  const waitMs = deps.cooldown.take(interaction.user.id);
  if (waitMs > 0) {
    await interaction.reply(replyOptions(noticeReply(`You are asking too quickly: please wait ${Math.ceil(waitMs / 1000)} s before your next question.`)));
    record.outcome = 'cooldown';
    return;
  }
  try {
    await interaction.deferReply(module.search.ephemeral(interaction) ? { flags: MessageFlags.Ephemeral } : {});
    Object.assign(record, await module.execute(interaction, context));
  } catch (error) {
    // No answer was given, so the user may ask again (with the source spelt right) at once.
    deps.cooldown.release(interaction.user.id);
    throw error;
  }
}

function handlerContext(deps: HandlerDeps & { limiter: Limiter }, interaction: RepliableInteraction): HandlerContext {
  return {
    deps,
    async send(reply: Reply) {
      if (interaction.deferred) await interaction.editReply(editOptions(reply));
      else await interaction.reply(replyOptions(reply));
    },
    limited: (task) => deps.limiter.run(task),
  };
}

async function unknown(interaction: RepliableInteraction, message: string, outcome: string, record: LogRecord): Promise<void> {
  await interaction.reply(replyOptions(noticeReply(message)));
  record.outcome = outcome;
}

/**
 * Tells the user what went wrong, ephemerally. After a public deferral the "thinking…" message is
 * deleted and the notice sent as an ephemeral follow-up, so the channel does not keep a failure.
 */
async function notify(log: Logger, interaction: RepliableInteraction, message: string): Promise<void> {
  const notice = replyOptions(noticeReply(message));
  try {
    if (interaction.deferred) {
      await interaction.deleteReply();
      await interaction.followUp(notice);
    } else if (interaction.replied) {
      await interaction.followUp(notice);
    } else {
      await interaction.reply(notice);
    }
  } catch (error) {
    // The interaction may have expired; nothing more can be said to the user.
    log.warn({ err: error }, 'could not tell the user about an error');
  }
}
