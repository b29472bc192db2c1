// How a model's cosine similarities read on one corpus. Models differ wildly: the offline model gives
// an unrelated question 0.1–0.3 and a paraphrase 0.4–0.7, while real sentence models give almost any
// text 0.4–0.9. So search never compares a raw similarity with a constant: it measures where the
// similarities of questions the corpus does not answer lie (../calibration/dense-scale-probes.ts, when
// the index is built) and reads every similarity relative to them.

export interface DenseScale {
  /** The best similarity that a question the corpus does not answer typically reaches (median over probes). */
  floor: number;
  /** How far such similarities spread above the floor (90th percentile − median over probes): the unit. */
  unit: number;
}

/** A similarity in probe units: 0 at the floor, 1 one unit above, negative below it. */
export function scaleSimilarity(similarity: number, scale: DenseScale): number {
  return (similarity - scale.floor) / scale.unit;
}
