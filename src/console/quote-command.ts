// The console's stand-in for the "Show context" button: `/quote ID START END` names the cited
// passage and the quote's file offsets, so the context shows the quoted part marked, as the button
// does. Formatting and parsing live here together, so a richer target (say, the quoted sentence)
// changes one file.
import type { ContextTarget } from '../replies/custom-id.js';

export const QUOTE_USAGE = 'Usage: /quote <citation id> [START END], e.g. /quote informed-comment:p4 (an answer gives the whole command for each excerpt)';

/** The command that shows the same context as the button for `target`. */
export function quoteCommand(target: ContextTarget): string {
  return target.quoted ? `/quote ${target.citation} ${target.quoted.start} ${target.quoted.end}` : `/quote ${target.citation}`;
}

/** The words after /quote, or undefined when they are not a citation id with optional offsets. */
export function parseQuoteArguments(words: readonly string[]): ContextTarget | undefined {
  const [citation, start, end, ...rest] = words;
  if (!citation || rest.length > 0) return undefined;
  if (start === undefined && end === undefined) return { citation };
  if (!isOffset(start) || !isOffset(end) || Number(start) >= Number(end)) return undefined;
  return { citation, quoted: { start: Number(start), end: Number(end) } };
}

function isOffset(word: string | undefined): word is string {
  return word !== undefined && /^\d{1,15}$/.test(word);
}
