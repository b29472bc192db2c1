// Boundary types of the feedback log: one JSON object per line, appended as readers vote and as
// questions are declined, read back by `npm run feedback`.

export type Vote = 'up' | 'down';

/** A 👍 or 👎 on an answer. */
export interface VoteRecord {
  /** ISO 8601, UTC. */
  time: string;
  event: 'vote';
  vote: Vote;
  /** The question as the answer's title shows it (over 256 characters it ends in "…"). */
  question: string;
  /** The answer's citation ids, as shown (quoted sentences included), in order. */
  citations: string[];
  /** sha256 of the log's salt and the Discord user id, hex: the same reader, never who it is. */
  user: string;
  /** The answer's message id: a reader's later vote on the same answer replaces an earlier one. */
  message: string;
}

/** A question the sources (or the one source asked) did not cover: what an admin may add sources for. */
export interface DeclinedRecord {
  time: string;
  event: 'declined';
  question: string;
  /** The source the question was restricted to (slug), or null for all sources. */
  source: string | null;
  user: string;
}

export type FeedbackRecord = VoteRecord | DeclinedRecord;

/** What front ends tell the log; it adds the time and hashes the user id. */
export interface FeedbackSink {
  vote(entry: { vote: Vote; question: string; citations: string[]; userId: string; messageId: string }): Promise<void>;
  declined(entry: { question: string; source: string | null; userId: string }): Promise<void>;
}
