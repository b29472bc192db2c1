// Latency summaries. Percentiles interpolate linearly between the two nearest ranks (the default of
// NumPy and of most benchmark tools), so p50 of [1, 2, 3, 4] is 2.5, not 2 or 3.

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The p-th percentile (0 ≤ p ≤ 100) of `values`, which need not be sorted. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export function summarize(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
  };
}
