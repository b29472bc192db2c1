// The labelled question sets retrieval is measured on. Settings are tuned on the held-out sets only;
// ../shared/eval is only ever answered and scored, never tuned on.

export interface QuestionSet {
  label: string;
  /** Relative to the project root. */
  path: string;
  /** Whether settings may be chosen on it. */
  tunable: boolean;
}

export const SHARED_EVAL_SET: QuestionSet = { label: '../shared/eval', path: '../shared/eval/questions.jsonl', tunable: false };

export const HELD_OUT_SETS: readonly QuestionSet[] = [
  { label: 'tests/heldout/questions', path: 'tests/heldout/questions.jsonl', tunable: true },
  { label: 'tests/heldout/discord-style', path: 'tests/heldout/discord-style.jsonl', tunable: true },
];

export const EVERY_SET: readonly QuestionSet[] = [SHARED_EVAL_SET, ...HELD_OUT_SETS];
