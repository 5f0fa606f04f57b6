import { describe, expect, it } from 'vitest';
import { END_STATE_QUANTILE_PROBABILITIES, summariseEndState } from '../../src/statistics/summariseEndState.ts';

describe('summariseEndState', () => {
  it('reproduces a hand-worked summary (R quantile type 7)', () => {
    // Sorted: 1, 2, 3, 4, 10 (n = 5). Type 7: h = (n − 1)p = 4p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(next − it):
    //   p = 0.05: h = 0.2 → 1 + 0.2·(2 − 1) = 1.2     p = 0.25: h = 1 → 2
    //   p = 0.50: h = 2 → 3                          p = 0.75: h = 3 → 4
    //   p = 0.95: h = 3.8 → 4 + 0.8·(10 − 4) = 8.8
    // R: quantile(c(10, 1, 3, 2, 4), c(.05, .25, .5, .75, .95)) gives 1.2 2.0 3.0 4.0 8.8.
    // Mean 20/5 = 4; deviations −3, −2, −1, 0, 6; Σ squares 50; s² = 12.5; s = 3.5355339059327378.
    const summary = summariseEndState([10, 1, 3, 2, 4]);
    expect(summary.n).toBe(5);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(10);
    expect(summary.mean).toBe(4);
    expect(summary.standardDeviation).toBeCloseTo(3.5355339059327378, 14);
    expect(summary.p05).toBeCloseTo(1.2, 14);
    expect(summary.p25).toBe(2);
    expect(summary.p50).toBe(3);
    expect(summary.p75).toBe(4);
    expect(summary.p95).toBeCloseTo(8.8, 14);
  });

  it('reports the documented probabilities', () => {
    expect(END_STATE_QUANTILE_PROBABILITIES).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
  });

  it('n = 1: every location equals the value and the sd is null', () => {
    expect(summariseEndState([2.5])).toEqual({
      n: 1,
      min: 2.5,
      max: 2.5,
      mean: 2.5,
      standardDeviation: null,
      p05: 2.5,
      p25: 2.5,
      p50: 2.5,
      p75: 2.5,
      p95: 2.5,
    });
  });

  it('identical values: sd exactly 0 and mean exactly the value', () => {
    const summary = summariseEndState([0.1, 0.1, 0.1, 0.1]);
    expect(summary.standardDeviation).toBe(0);
    expect(summary.mean).toBe(0.1);
    expect(summary.p95).toBe(0.1);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    summariseEndState(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('throws RangeError for empty or non-finite input and for overflow', () => {
    expect(() => summariseEndState([])).toThrow(RangeError);
    expect(() => summariseEndState([1, Number.NaN])).toThrow(RangeError);
    expect(() => summariseEndState([1, Number.NEGATIVE_INFINITY])).toThrow(RangeError);
    expect(() => summariseEndState([1e300, -1e300])).toThrow(RangeError);
  });
});
