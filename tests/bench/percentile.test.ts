import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../../src/bench/percentile.js';

describe('percentile', () => {
  it('interpolates linearly between the nearest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 0)).toBe(1);
    expect(percentile([4, 1, 3, 2], 100)).toBe(4);
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5, 10);
    const hundredOne = Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(percentile(hundredOne, 95)).toBe(95);
    expect(percentile(hundredOne, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects an empty list and out-of-range percentiles', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('summarizes count, mean, percentiles and max', () => {
    const summary = summarize([1, 2, 3, 4]);
    expect(summary).toMatchObject({ count: 4, mean: 2.5, p50: 2.5, max: 4 });
    expect(summary.p95).toBeCloseTo(3.85, 10);
    expect(summary.p99).toBeCloseTo(3.97, 10);
  });
});
