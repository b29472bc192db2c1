// The verbatim gate: the last step before an answer leaves the engine. A quote is shown only if the
// file, as read from disk, holds exactly that text at exactly those offsets.
import type { CitedResult } from '../answer/types.js';

/** The one logger call the gate makes (a pino Logger fits). */
export interface GateLog {
  error(details: object, message: string): void;
}

export interface QuotedSpan {
  start: number;
  end: number;
  quote: string;
}

export function verifyQuote(fileText: string, { start, end, quote }: QuotedSpan): boolean {
  return (
    quote.length > 0 &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= fileText.length &&
    end - start === quote.length &&
    fileText.slice(start, end) === quote
  );
}

/**
 * The results whose quotes are verbatim in their files; every other one is dropped and logged.
 * `fileText` gives a file's text by its project-relative path (CitedResult.file), undefined if unknown.
 */
export function keepVerbatim(
  results: readonly CitedResult[],
  fileText: (file: string) => string | undefined,
  log: GateLog,
): CitedResult[] {
  return results.filter((result) => {
    const text = fileText(result.file);
    if (text !== undefined && verifyQuote(text, result)) return true;
    log.error(
      { citation: result.citation, file: result.file, start: result.start, end: result.end, fileKnown: text !== undefined },
      'dropped a quote that is not verbatim in its file',
    );
    return false;
  });
}
