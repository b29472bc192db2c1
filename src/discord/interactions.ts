// Everything the bot does with an interaction: commands, autocomplete and "Show context" clicks.
// Questions are deferred first (Discord wants a response within 3 seconds, a search may take longer),
// pass the per-user cooldown and the concurrency limit, and every interaction ends with one log line.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  RepliableInteraction,
} from 'discord.js';
import type { Engine } from '../engine/types.js';
import type { Logger } from '../log/logger.js';
import { parseContextButtonId } from '../replies/custom-id.js';
import { describeError, noticeReply } from '../replies/error.js';
import type { Responder } from '../replies/responder.js';
import { sourceChoices } from './autocomplete.js';
import { ASK, OPTION, QUOTE, SOURCES, type CommandSet } from './commands.js';
import type { Cooldown } from './cooldown.js';
import type { Limiter } from './limiter.js';
import { editOptions, replyOptions } from './reply-options.js';

export interface InteractionDeps {
  engine: Engine;
  responder: Responder;
  /** The commands as they are now (they change when the sources do). */
  commands: () => CommandSet;
  cooldown: Cooldown;
  limiter: Limiter;
  log: Logger;
}

/** What the log line says about one interaction; never the question itself. */
interface Outcome {
  command?: string;
  source?: string;
  results?: number;
  outcome: string;
}

export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    const started = performance.now();
    const record: Outcome = { outcome: 'ignored' };
    try {
      if (interaction.isAutocomplete()) await autocomplete(deps, interaction, record);
      else if (interaction.isChatInputCommand()) await command(deps, interaction, record);
      else if (interaction.isButton()) await button(deps, interaction, record);
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

async function command(deps: InteractionDeps, interaction: ChatInputCommandInteraction, record: Outcome): Promise<void> {
  const name = interaction.commandName;
  record.command = name;
  if (name === SOURCES) {
    await interaction.reply(replyOptions(deps.responder.sources()));
    record.outcome = 'listed';
    return;
  }
  if (name === QUOTE) {
    const { reply, found } = await deps.responder.quote({ citation: interaction.options.getString(OPTION.citation, true) });
    await interaction.reply(replyOptions(reply));
    record.outcome = found ? 'quoted' : 'unknown-citation';
    return;
  }
  const source = name === ASK ? (interaction.options.getString(OPTION.source) ?? undefined) : deps.commands().sourceByCommand.get(name);
  if (name !== ASK && !source) {
    await interaction.reply(replyOptions(noticeReply(`Unknown command /${name}. Try /sources for the list of sources.`)));
    record.outcome = 'unknown-command';
    return;
  }
  record.source = source;

  const waitMs = deps.cooldown.take(interaction.user.id);
  if (waitMs > 0) {
    await interaction.reply(replyOptions(noticeReply(`You are asking too quickly: please wait ${Math.ceil(waitMs / 1000)} s before your next question.`)));
    record.outcome = 'cooldown';
    return;
  }

  try {
    await interaction.deferReply();
    const question = interaction.options.getString(OPTION.question, true);
    const count = interaction.options.getInteger(OPTION.count) ?? undefined;
    const { reply, answer } = await deps.limiter.run(() => deps.responder.ask({ question, source, count }));
    await interaction.editReply(editOptions(reply));
    record.results = answer.results.length;
    record.outcome = answer.answered ? 'answered' : 'not-covered';
  } catch (error) {
    // No answer was given, so the user may ask again (with the source spelt right) at once.
    deps.cooldown.release(interaction.user.id);
    throw error;
  }
}

async function autocomplete(deps: InteractionDeps, interaction: AutocompleteInteraction, record: Outcome): Promise<void> {
  record.command = interaction.commandName;
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === OPTION.source ? sourceChoices(deps.engine.listSources(), String(focused.value)) : [];
  await interaction.respond(choices);
  record.results = choices.length;
  record.outcome = 'suggested';
}

async function button(deps: InteractionDeps, interaction: ButtonInteraction, record: Outcome): Promise<void> {
  record.command = 'show-context';
  const target = parseContextButtonId(interaction.customId);
  if (!target) {
    await interaction.reply(replyOptions(noticeReply('This button is not one of mine any more; ask the question again.')));
    record.outcome = 'unknown-button';
    return;
  }
  record.source = target.citation.split(':')[0];
  const { reply, found } = await deps.responder.quote(target, { ephemeral: true });
  await interaction.reply(replyOptions(reply));
  record.outcome = found ? 'quoted' : 'unknown-citation';
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
