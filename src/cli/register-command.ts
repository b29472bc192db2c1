// `npm run register`: register the slash commands (needs only the sources, not the model).
import { fromProjectRoot, projectRoot } from '../config/paths.js';
import { registerCommands } from '../discord/register.js';
import { summarize } from '../engine/source-catalog.js';
import { loadSources } from '../sources/load.js';
import { readSlugBook } from '../index/store.js';
import type { CliContext } from './context.js';

export async function runRegister({ config, logger }: CliContext): Promise<number> {
  if (!config.DISCORD_TOKEN) {
    console.error('DISCORD_TOKEN is not set: registering commands needs the bot token (see README.md).');
    return 1;
  }
  // The slugs the index recorded, so the commands reach the sources the bot answers from.
  const slugBook = await readSlugBook(fromProjectRoot(config.EMBEDDINGS_DIR));
  const sources = await loadSources(fromProjectRoot(config.SEEDS_DIR), projectRoot, { slugBook });
  const result = await registerCommands({
    token: config.DISCORD_TOKEN,
    sources: sources.map(summarize),
    log: logger,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiBase: config.DISCORD_API_BASE,
    stateDir: fromProjectRoot(config.EMBEDDINGS_DIR),
  });
  const where = result.scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)';
  console.log(`Registered ${result.commands.length} commands ${where}: /${result.commands.join(', /')}`);
  return 0;
}
