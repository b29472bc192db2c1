// The Discord bot: logs in (the engine is already open, so the first question is answered at once),
// syncs the slash commands when they changed, then reports ready.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config/config.js';
import { fromProjectRoot } from '../config/paths.js';
import type { Engine, SourceSummary } from '../engine/types.js';
import { feedbackLogPath, openFeedbackLog } from '../feedback/feedback-log.js';
import type { Logger } from '../log/logger.js';
import { NO_MENTIONS } from '../replies/reply.js';
import { createResponder } from '../replies/responder.js';
import { followCommandSet, type CommandSet } from './commands.js';
import { createCooldown } from './cooldown.js';
import { setupError } from './errors.js';
import { createInteractionHandler } from './interactions.js';
import { createLimiter } from './limiter.js';
import { registerCommands } from './register.js';

export interface StartBotOptions {
  engine: Engine;
  config: Config;
  log: Logger;
}

export interface RunningBot {
  client: Client<true>;
  applicationId: string;
  /** The commands as they are now: re-registered when the list of sources changes. */
  commands(): CommandSet;
  /** Disconnects from Discord (the engine stays open: it belongs to the caller). */
  stop(): Promise<void>;
}

/** Throws DiscordTokenError when Discord rejects DISCORD_TOKEN, DiscordUnreachableError when it cannot be reached. */
export async function startBot({ engine, config, log }: StartBotOptions): Promise<RunningBot> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set: the bot needs it to log in to Discord.');
  // 👍/👎 votes and declined questions (FEEDBACK_LOG); opened first, so a bad path fails before login.
  const feedbackPath = feedbackLogPath(config.FEEDBACK_LOG);
  const feedback = feedbackPath === undefined ? undefined : await openFeedbackLog(fromProjectRoot(feedbackPath));
  let syncing: Promise<unknown> = Promise.resolve();
  let register: ((sources: SourceSummary[]) => Promise<unknown>) | undefined;
  // A source added, removed or renamed while the bot runs: its command appears or goes at once.
  const commands = followCommandSet(engine, () => {
    const sources = engine.listSources();
    syncing = syncing.then(() => register?.(sources)).catch((error: unknown) => log.error({ err: error }, 'could not re-register the slash commands'));
  });
  const client = new Client({
    // Slash commands arrive without any privileged intent; Guilds keeps channel and guild data usable.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
  });
  const handle = createInteractionHandler({
    engine,
    responder: createResponder(engine, () => commands.current().commandBySource, config.RESULTS_PER_ANSWER, { voteButtons: feedback !== undefined }),
    commands: () => commands.current(),
    cooldown: createCooldown(config.COOLDOWN_SECONDS),
    limiter: createLimiter(config.MAX_CONCURRENT_SEARCHES),
    ...(feedback && { feedback }),
    log,
  });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => log.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));

  try {
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(token);
    const readyClient = await ready;
    const applicationId = config.DISCORD_APPLICATION_ID ?? readyClient.application.id;
    // Under a ShardingManager every shard logs in; shard 0 alone keeps the commands in sync.
    const registers = readyClient.shard === null || readyClient.shard.ids.includes(0);
    if (registers) {
      register = (sources) =>
        registerCommands({
          token,
          sources,
          log,
          applicationId,
          guildId: config.DISCORD_GUILD_ID,
          apiBase: config.DISCORD_API_BASE,
          stateDir: fromProjectRoot(config.EMBEDDINGS_DIR),
          onlyIfChanged: true,
          rest: readyClient.rest,
        });
    }
    await register?.(engine.listSources());
    log.info({ user: readyClient.user.tag, applicationId, sources: engine.listSources().length, passages: engine.passageCount }, 'bot ready');
    return {
      client: readyClient,
      applicationId,
      commands: () => commands.current(),
      stop: async () => {
        commands.stop();
        await syncing;
        await client.destroy();
      },
    };
  } catch (error) {
    commands.stop();
    await client.destroy();
    throw setupError(error, config.DISCORD_API_BASE);
  }
}
