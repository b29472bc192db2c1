// The figures of one question set answered by the engine, as ../shared/eval/score.mjs counts them:
// hit@1, hit@3 and MRR@5 over answerable questions (unanswered ones count as misses), the share of
// unanswerable questions declined, and of answerable ones wrongly declined.
import type { Answer } from '../answer/types.js';
import { goldRank, type LabelledQuestion } from './gold.js';

export interface SetFigures {
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt3: number;
  mrrAt5: number;
  /** Unanswerable questions declined. */
  declined: number;
  /** Answerable questions declined. */
  falseDeclines: number;
}

export function setFigures(questions: readonly LabelledQuestion[], answers: readonly Pick<Answer, 'answered' | 'results'>[]): SetFigures {
  let answerable = 0;
  let unanswerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let declined = 0;
  let falseDeclines = 0;
  questions.forEach((question, i) => {
    const answer = answers[i];
    if (!answer) throw new Error(`no answer to question ${question.id}`);
    if (question.expect === 'abstain') {
      unanswerable++;
      if (!answer.answered) declined++;
      return;
    }
    answerable++;
    if (!answer.answered) falseDeclines++;
    const rank = goldRank(question, answer.results.slice(0, 5));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
  });
  const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
  return {
    answerable,
    unanswerable,
    hitAt1: share(hit1, answerable),
    hitAt3: share(hit3, answerable),
    mrrAt5: share(rr, answerable),
    declined: share(declined, unanswerable),
    falseDeclines: share(falseDeclines, answerable),
  };
}
