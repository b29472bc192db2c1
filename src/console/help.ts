// /help in the console: the commands, including one per source, as the bot registers them.
import { MAX_COUNT } from '../discord/commands.js';

export function helpText(sourceByCommand: ReadonlyMap<string, string>): string {
  const perSource = [...sourceByCommand.keys()].map((command) => `  /${command} <question> [--count N]`);
  return [
    'Type a question, or one of:',
    `  /ask <question> [--source SLUG] [--count N]   search all sources (or one); N from 1 to ${MAX_COUNT}`,
    ...perSource,
    '  /sources                                     list the sources',
    '  /quote <citation> [START END]                a cited paragraph with its neighbours; with the',
    '                                               positions an answer gives, the quoted part «marked»',
    '  /help                                        this list',
    '  /quit                                        leave (end of input works too)',
  ].join('\n');
}
