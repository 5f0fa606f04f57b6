import { describe, expect, it } from 'vitest';
import { bootstrapPercentileInterval } from '../../src/analysis/bootstrapPercentileInterval.ts';

describe('bootstrapPercentileInterval', () => {
  it('type-7 quantiles of the replicates and their standard deviation', () => {
    // Replicates 0, 0.01, …, 1 (101 values): Q(0.05) = 0.05, Q(0.95) = 0.95 (exact grid points);
    // SD = 0.01 · √(101 · 102 / 12) = 0.01 · √858.5 = 0.29300170647967224.
    const interval = bootstrapPercentileInterval(Float64Array.from({ length: 101 }, (_, i) => (100 - i) / 100), 0.9);
    expect(interval.lower).toBeCloseTo(0.05, 14);
    expect(interval.upper).toBeCloseTo(0.95, 14);
    expect(interval.standardError).toBeCloseTo(0.29300170647967224, 14);
    expect(interval.resampleCount).toBe(101);
  });

  it('rejects too few or non-finite replicates', () => {
    expect(() => bootstrapPercentileInterval(new Float64Array([1]))).toThrow(/at least 2/);
    expect(() => bootstrapPercentileInterval(new Float64Array([1, Number.NaN]))).toThrow(/replicates\[1\]/);
  });
});
