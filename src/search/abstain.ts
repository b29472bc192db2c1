// Whether the best candidates are close enough to the question to quote them at all. Two signals,
// because each fails alone: the embedding similarity of a static model is high for any on-topic
// vocabulary, and keyword overlap is high for questions that merely name a place the sources mention.
import type { Idf } from './termStats.js';

export interface Evidence {
  /** Highest cosine similarity between the question and a candidate passage. */
  dense: number;
  /**
   * Share of the question's rarity weight (sum of IDF of its analysed terms) that the best-covering
   * candidate contains: 1 when every question term occurs in one passage.
   */
  coverage: number;
}

export interface AbstainThresholds {
  /** Answer when denseWeight·dense + (1 − denseWeight)·coverage reaches `minScore`. */
  denseWeight: number;
  minScore: number;
}

export function coverage(questionTerms: readonly string[], matchedTerms: readonly string[], idf: Idf): number {
  const unique = [...new Set(questionTerms)];
  const total = unique.reduce((sum, term) => sum + idf(term), 0);
  if (total <= 0) return 0;
  const matched = new Set(matchedTerms);
  return unique.filter((term) => matched.has(term)).reduce((sum, term) => sum + idf(term), 0) / total;
}

export function evidenceScore(evidence: Evidence, thresholds: AbstainThresholds): number {
  return thresholds.denseWeight * evidence.dense + (1 - thresholds.denseWeight) * evidence.coverage;
}

export function isAnswerable(evidence: Evidence, thresholds: AbstainThresholds): boolean {
  return evidenceScore(evidence, thresholds) >= thresholds.minScore;
}
