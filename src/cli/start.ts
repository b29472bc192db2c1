// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the console, answering alike.
import { runConsole } from '../console/console.js';
import { runBot } from '../discord/run.js';
import { runShardedBot } from '../discord/sharding.js';
import type { CliContext } from './context.js';
import { openEngineWithProgress } from './open-with-progress.js';

/** The console is for reading answers: unless LOG_LEVEL asks for more, only warnings and errors. */
const CONSOLE_LOG_LEVEL = 'warn';

export async function runStart(context: CliContext): Promise<number> {
  const { config, logger } = context;
  // Each shard is a process that opens its own engine.
  if (config.DISCORD_TOKEN && config.SHARDS) return runShardedBot({ config, log: logger });
  if (!config.DISCORD_TOKEN && config.LOG_LEVEL === undefined) logger.level = CONSOLE_LOG_LEVEL;
  // Both watch the seeds folder: an edited, added or removed source is answered from as it now is.
  const { engine, stats } = await openEngineWithProgress(context, { watch: true });
  logger.info({ sources: stats.sources, passages: stats.passages, model: engine.modelId, seconds: Number(stats.seconds.toFixed(2)) }, 'engine ready');
  if (config.DISCORD_TOKEN) return runBot({ engine, config, log: logger });

  process.stderr.write('DISCORD_TOKEN is not set: starting the console (the same commands and replies as the bot).\n');
  try {
    await runConsole({ engine, input: process.stdin, output: process.stdout, defaultCount: config.RESULTS_PER_ANSWER, log: logger });
  } finally {
    await engine.close();
  }
  return 0;
}
