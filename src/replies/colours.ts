// One embed colour per kind of reply, so an answer, a decline, a context view and an error are told
// apart at a glance (the stripe on the embed's left edge).
export const COLOURS = {
  /** Cited excerpts that answer the question. */
  answer: 0x2f7de1,
  /** The sources do not cover the question. */
  notCovered: 0xe0a100,
  /** A cited paragraph with its neighbours (/quote, "Show context"). */
  context: 0x7c5cd6,
  /** Something went wrong, or the request was mistyped. */
  error: 0xd83c3e,
  /** Lists and help (/sources, /help). */
  info: 0x5c6b7a,
} as const;
