// What kind of passage a question points at by its own words: "what did the commenters say…",
// "did anyone in the comments…" ask for reader comments. Those words are stop words for matching
// (../text/normalize.ts), so they are read here, from the question's tokens.
import type { PassageKind } from '../sources/types.js';
import { tokenize } from '../text/normalize.js';

const COMMENT_WORDS = new Set(['comment', 'comments', 'commented', 'commenter', 'commenters', 'reader', 'readers', 'replies', 'reply', 'responses']);

/** The passage kind the question asks for by name, if any. */
export function askedKind(question: string): PassageKind | undefined {
  return tokenize(question).some((token) => COMMENT_WORDS.has(token)) ? 'comment' : undefined;
}
