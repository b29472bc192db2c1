// The Discord bot: logs in (the engine is already open, so the first question is answered at once),
// syncs the slash commands when they changed, then reports ready.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config/config.js';
import { fromProjectRoot } from '../config/paths.js';
import type { Engine } from '../engine/types.js';
import type { Logger } from '../log/logger.js';
import { NO_MENTIONS } from '../replies/reply.js';
import { createResponder } from '../replies/responder.js';
import { buildCommandSet, type CommandSet } from './commands.js';
import { createCooldown } from './cooldown.js';
import { DiscordTokenError, isTokenRejection } from './errors.js';
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
  commands: CommandSet;
  /** Disconnects from Discord (the engine stays open: it belongs to the caller). */
  stop(): Promise<void>;
}

/** Throws DiscordTokenError when Discord rejects DISCORD_TOKEN. */
export async function startBot({ engine, config, log }: StartBotOptions): Promise<RunningBot> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set: the bot needs it to log in to Discord.');
  const commands = buildCommandSet(engine.listSources());
  const client = new Client({
    // Slash commands arrive without any privileged intent; Guilds keeps channel and guild data usable.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
  });
  const handle = createInteractionHandler({
    engine,
    responder: createResponder(engine, commands.commandBySource, config.RESULTS_PER_ANSWER),
    commands,
    cooldown: createCooldown(config.COOLDOWN_SECONDS),
    limiter: createLimiter(config.MAX_CONCURRENT_SEARCHES),
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
      await registerCommands({
        token,
        sources: engine.listSources(),
        log,
        applicationId,
        guildId: config.DISCORD_GUILD_ID,
        apiBase: config.DISCORD_API_BASE,
        stateDir: fromProjectRoot(config.EMBEDDINGS_DIR),
        onlyIfChanged: true,
        rest: readyClient.rest,
      });
    }
    log.info({ user: readyClient.user.tag, applicationId, sources: engine.listSources().length, passages: engine.passageCount }, 'bot ready');
    return { client: readyClient, applicationId, commands, stop: () => client.destroy() };
  } catch (error) {
    await client.destroy();
    throw isTokenRejection(error) ? new DiscordTokenError() : error;
  }
}
