// Whether the best candidates are close enough to the question to quote them at all. Two signals,
// because each fails alone: the embedding similarity of a static model is high for any on-topic
// vocabulary, and keyword overlap is high for questions that merely name a place the sources mention.
// The similarity is read on the model's own scale (./dense-scale.ts), so one threshold holds for models
// whose cosines lie anywhere.

export interface Evidence {
  /**
   * Highest cosine similarity between the question and a candidate passage, in probe units: 0 where
   * questions the corpus does not answer typically reach, 1 where the top tenth of them reach.
   */
  dense: number;
  /**
   * Share of the question's information (summed term weights of its analysed terms) that the
   * best-covering candidate contains: 1 when every question term occurs in one passage.
   */
  coverage: number;
}

export interface AbstainThresholds {
  /** Answer when denseWeight·dense + (1 − denseWeight)·coverage reaches `minScore`. */
  denseWeight: number;
  minScore: number;
}

/** A question term found only by fuzzy matching ("Matvienko" for "Marvienko") counts this much. */
const FUZZY_CREDIT = 0.5;

/**
 * The share of the question's weight that a passage holds. `matched` are the question terms the
 * lexical search matched in the passage; those absent from `passageTerms` matched only fuzzily.
 */
export function coverage(
  questionTerms: readonly string[],
  matched: readonly string[],
  passageTerms: readonly string[],
  weight: (term: string) => number,
): number {
  const unique = [...new Set(questionTerms)];
  const total = unique.reduce((sum, term) => sum + weight(term), 0);
  if (total <= 0) return 0;
  const exact = new Set(passageTerms);
  const found = new Set(matched);
  const credit = (term: string): number => (exact.has(term) ? 1 : found.has(term) ? FUZZY_CREDIT : 0);
  return unique.reduce((sum, term) => sum + credit(term) * weight(term), 0) / total;
}

export function evidenceScore(evidence: Evidence, thresholds: AbstainThresholds): number {
  return thresholds.denseWeight * evidence.dense + (1 - thresholds.denseWeight) * evidence.coverage;
}

export function isAnswerable(evidence: Evidence, thresholds: AbstainThresholds): boolean {
  return evidenceScore(evidence, thresholds) >= thresholds.minScore;
}
