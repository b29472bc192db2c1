// Typed console lines → the same requests the slash commands make.
import { parseArgs } from 'node:util';
import { MAX_COUNT } from '../discord/commands.js';
import { sanitizeQuestion } from '../engine/control-characters.js';
import { didYouMean } from '../replies/did-you-mean.js';
import type { ContextTarget } from '../replies/custom-id.js';
import type { AskRequest } from '../replies/responder.js';
import { parseQuoteArguments, QUOTE_USAGE } from './quote-command.js';

/** Console commands that also work typed without their slash. */
const BARE_COMMANDS = new Set(['help', 'quit', 'exit', 'sources']);

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
  // What is typed is cleaned as a question is: no control or invisible character reaches an id or a name.
  const text = sanitizeQuestion(line).trim();
  if (!text) return { kind: 'empty' };
  // "help", "quit", "sources" typed without the slash mean the command, not a question about it.
  const bare = /^[a-z]+[.!?]?$/i.test(text) ? text.replace(/[.!?]$/, '').toLowerCase() : undefined;
  if (bare !== undefined && BARE_COMMANDS.has(bare)) return parseLine(`/${bare}`, sourceByCommand);
  if (!text.startsWith('/')) return { kind: 'ask', request: { question: text } };

  const [head = '', ...words] = splitWords(text);
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
    const unknown = /Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    const options = source ? ['--count'] : ['--source', '--count'];
    if (unknown) return { kind: 'invalid', message: `Unknown option ${unknown}.${didYouMean(unknown, options)} Options: ${options.join(', ')}.` };
    return { kind: 'invalid', message: (error as Error).message };
  }
  const question = parsed.positionals.join(' ');
  const rawCount = parsed.values.count;
  const count = rawCount === undefined ? undefined : Number(unquoted(rawCount));
  if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= MAX_COUNT)) {
    return { kind: 'invalid', message: `--count must be a whole number from 1 to ${MAX_COUNT}.` };
  }
  const typedSource = (parsed.values as { source?: string }).source;
  const chosen = source ?? (typedSource === undefined ? undefined : unquoted(typedSource));
  return { kind: 'ask', request: { question, ...(chosen ? { source: chosen } : {}), ...(count ? { count } : {}) } };
}

/**
 * Words separated by spaces, a double-quoted stretch staying in its word, so an option's value can
 * hold spaces (--source "Iraqi Shiite militias"). Apostrophes are just letters: questions are full
 * of them.
 */
function splitWords(text: string): string[] {
  return text.match(/(?:"[^"]*"|“[^”]*”|[^\s"“])+/g) ?? [];
}

/** An option's value without the quotes that kept it one word. */
function unquoted(value: string): string {
  return value.replace(/^"([\s\S]*)"$|^“([\s\S]*)”$/, (_, straight?: string, curly?: string) => straight ?? curly ?? '');
}
