// Labelled questions (the ../shared/eval format, also used by tests/heldout) and the rule that
// decides whether a result is a gold passage: same file, and the passage holds the gold phrase
// once quotes, dashes and spaces are made plain.
import { basename } from 'node:path';
import { z } from 'zod';

const goldSchema = z.object({ file: z.string(), contains: z.string() });
export const labelledQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  source: z.string().optional(),
  expect: z.enum(['answer', 'abstain']),
  gold: z.array(goldSchema).default([]),
  kind: z.string().optional(),
});
export type LabelledQuestion = z.infer<typeof labelledQuestionSchema>;

export function plain(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const stem = (file: string): string => basename(file).replace(/\.txt$/, '');

export function isGold(question: LabelledQuestion, result: { file: string; text: string }): boolean {
  return question.gold.some((g) => stem(result.file) === g.file && plain(result.text).includes(plain(g.contains)));
}

/** 0-based rank of the first gold result, or -1. */
export function goldRank(question: LabelledQuestion, results: readonly { file: string; text: string }[]): number {
  return results.findIndex((r) => isGold(question, r));
}
