// The one error every reader of the index files throws for a missing or damaged index.

/** The index on disk is missing or unusable; `reason` says which, in words fit for a log line. */
export class IndexUnavailableError extends Error {
  override readonly name = 'IndexUnavailableError';
  constructor(
    readonly reason: string,
    readonly missing = false,
  ) {
    super(`Vector index unavailable: ${reason}`);
  }
}
