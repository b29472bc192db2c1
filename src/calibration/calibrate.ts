// Measures retrieval variants on labelled questions: which fusion ranks gold passages best, and
// which abstention threshold separates answerable from unanswerable questions. The shipped
// settings (src/engine/settings.ts) come from running this on the held-out questions only.
import type { EngineParts } from '../engine/engine.js';
import type { HybridSearchOptions } from '../search/hybrid.js';
import { evidenceScore, type Evidence } from '../search/abstain.js';
import { goldRank, type LabelledQuestion } from './gold.js';

export interface RankingFigures {
  label: string;
  hitAt1: number;
  hitAt3: number;
  mrrAt5: number;
  /** Results returned per question, on average (the tail cut leaves some out). */
  meanResults: number;
}

export interface ThresholdFigures {
  denseWeight: number;
  minScore: number;
  /** Unanswerable questions declined. */
  declined: number;
  /** Answerable questions wrongly declined. */
  falseDeclines: number;
  /** Distance between the closest answerable and unanswerable evidence scores (negative: overlap). */
  margin: number;
}

interface Measured {
  question: LabelledQuestion;
  vector: Float32Array;
  evidence: Evidence;
}

const NEVER_ABSTAIN = { denseWeight: 1, minScore: Number.NEGATIVE_INFINITY };

export async function measureQuestions(parts: EngineParts, base: HybridSearchOptions, questions: readonly LabelledQuestion[]): Promise<Measured[]> {
  const search = parts.search.withOptions({ ...base, abstain: NEVER_ABSTAIN });
  const measured: Measured[] = [];
  for (const question of questions) {
    const vector = await parts.embedder.embedQuery(question.question);
    const source = question.source === undefined ? undefined : parts.catalog.find(question.source)?.slug;
    measured.push({ question, vector, evidence: (await search.search({ text: question.question, vector }, 5, source)).evidence });
  }
  return measured;
}

export async function rankingFigures(parts: EngineParts, options: HybridSearchOptions, measured: readonly Measured[], label: string): Promise<RankingFigures> {
  const search = parts.search.withOptions({ ...options, abstain: NEVER_ABSTAIN });
  const answerable = measured.filter((m) => m.question.expect === 'answer');
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let results = 0;
  for (const { question, vector } of answerable) {
    const source = question.source === undefined ? undefined : parts.catalog.find(question.source)?.slug;
    const { hits } = await search.search({ text: question.question, vector }, 5, source);
    results += hits.length;
    const rank = goldRank(question, hits.map((h) => h.passage));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const n = Math.max(1, answerable.length);
  return { label, hitAt1: hit1 / n, hitAt3: hit3 / n, mrrAt5: rr / n, meanResults: results / n };
}

/** A wrongly declined question costs more than a wrongly answered one: the user loses an answer the sources hold. */
const FALSE_DECLINE_COST = 2;

/**
 * For each weighting of the two signals, the threshold halfway between the classes' closest
 * scores when they separate, else the midpoint cut with the lowest cost (false declines count
 * double), so it sits between questions rather than on any one of them.
 */
export function thresholdFigures(measured: readonly Measured[]): ThresholdFigures[] {
  const figures: ThresholdFigures[] = [];
  for (let w = 0; w <= 1.0001; w += 0.05) {
    const denseWeight = Math.round(w * 20) / 20;
    const scored = measured.map((m) => ({ m, s: evidenceScore(m.evidence, { denseWeight, minScore: 0 }) }));
    const answer = scored.filter((x) => x.m.question.expect === 'answer').map((x) => x.s);
    const abstain = scored.filter((x) => x.m.question.expect === 'abstain').map((x) => x.s);
    const lowestAnswer = Math.min(...answer);
    const highestAbstain = Math.max(...abstain);
    // Between the classes when they separate; otherwise the cut that makes the fewest errors.
    const candidates = [...answer, ...abstain].sort((a, b) => a - b);
    let minScore = (lowestAnswer + highestAbstain) / 2;
    if (highestAbstain >= lowestAnswer) {
      let fewest = Number.POSITIVE_INFINITY;
      for (let i = 1; i < candidates.length; i++) {
        const cut = (candidates[i - 1]! + candidates[i]!) / 2;
        const errors = FALSE_DECLINE_COST * answer.filter((s) => s < cut).length + abstain.filter((s) => s >= cut).length;
        if (errors < fewest) [fewest, minScore] = [errors, cut];
      }
    }
    figures.push({
      denseWeight,
      minScore: Math.round(minScore * 1000) / 1000,
      declined: abstain.filter((s) => s < minScore).length / Math.max(1, abstain.length),
      falseDeclines: answer.filter((s) => s < minScore).length / Math.max(1, answer.length),
      margin: Math.round((lowestAnswer - highestAbstain) * 1000) / 1000,
    });
  }
  return figures;
}
