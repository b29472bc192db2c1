// The bot as a process: start, serve until SIGINT/SIGTERM, then shut down cleanly. Returns the exit
// code for the CLI to exit with (1 when Discord rejected the token or could not be reached).
import type { RunningBot, StartBotOptions } from './bot.js';
import { startBot } from './bot.js';
import { isDiscordSetupError } from './errors.js';

export async function runBot(options: StartBotOptions): Promise<number> {
  const { engine, log } = options;
  let bot: RunningBot;
  try {
    bot = await startBot(options);
  } catch (error) {
    if (!isDiscordSetupError(error)) throw error;
    // Said once, in words, whatever the log level or format: not also as a log line.
    process.stderr.write(`${error.message}\n`);
    await engine.close();
    return 1;
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info({ signal }, 'shutting down');
  await bot.stop();
  await engine.close();
  log.flush();
  return 0;
}
