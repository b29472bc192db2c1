// Typed console lines → the same requests the slash commands make.
import { parseArgs } from 'node:util';
import { MAX_COUNT } from '../discord/commands.js';
import { didYouMean } from '../replies/did-you-mean.js';
import type { ContextTarget } from '../replies/custom-id.js';
import type { AskRequest } from '../replies/responder.js';
import { parseQuoteArguments, QUOTE_USAGE } from './quote-command.js';

export type ConsoleCommand =
  | { kind: 'ask'; request: AskRequest }
  | { kind: 'sources' }
  | { kind: 'quote'; target: ContextTarget }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string };

/** `sourceByCommand`: the per-source commands (name → slug), as the bot has them. */
export function parseLine(line: string, sourceByCommand: ReadonlyMap<string, string>): ConsoleCommand {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  if (!text.startsWith('/')) return { kind: 'ask', request: { question: text } };

  const [head = '', ...words] = text.split(/\s+/);
  const name = head.slice(1).toLowerCase();
  switch (name) {
    case 'sources':
      return { kind: 'sources' };
    case 'help':
      return { kind: 'help' };
    case 'quit':
    case 'exit':
      return { kind: 'quit' };
    case 'quote': {
      const target = parseQuoteArguments(words);
      return target ? { kind: 'quote', target } : { kind: 'invalid', message: QUOTE_USAGE };
    }
    case 'ask':
      return askCommand(words, undefined);
    default: {
      const source = sourceByCommand.get(name);
      if (source) return askCommand(words, source);
      const known = ['ask', 'sources', 'quote', 'help', 'quit', ...sourceByCommand.keys()];
      return { kind: 'invalid', message: `Unknown command /${name}.${didYouMean(name, known, '/')} Type /help for the commands.` };
    }
  }
}

function askCommand(words: string[], source: string | undefined): ConsoleCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: words,
      options: { count: { type: 'string' }, ...(source ? {} : { source: { type: 'string' as const } }) },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message };
  }
  const question = parsed.positionals.join(' ');
  const rawCount = parsed.values.count;
  const count = rawCount === undefined ? undefined : Number(rawCount);
  if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= MAX_COUNT)) {
    return { kind: 'invalid', message: `--count must be a whole number from 1 to ${MAX_COUNT}.` };
  }
  const chosen = source ?? (parsed.values as { source?: string }).source;
  return { kind: 'ask', request: { question, ...(chosen ? { source: chosen } : {}), ...(count ? { count } : {}) } };
}
