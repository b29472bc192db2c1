// Errors a user can cause; front ends show their message as is.

export const MAX_QUESTION_CHARS = 500;

/** The question is empty or longer than MAX_QUESTION_CHARS. */
export class QuestionError extends Error {
  override readonly name = 'QuestionError';
}

/** The requested source does not exist; the message lists the valid ones. */
export class UnknownSourceError extends Error {
  override readonly name = 'UnknownSourceError';
  constructor(
    readonly requested: string,
    readonly valid: string[],
  ) {
    super(`Unknown source "${requested}". Valid sources: ${valid.join(', ')}.`);
  }
}

/**
 * A source file changed on disk since it was indexed: nothing is quoted from it until it is re-read,
 * which happens by itself within moments.
 */
export class SourceChangedError extends Error {
  override readonly name = 'SourceChangedError';
  constructor() {
    super('The sources changed since they were indexed and are being read again; nothing is quoted from a changed file. Please ask again in a moment.');
  }
}
