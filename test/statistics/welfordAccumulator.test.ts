import seedrandom from 'seedrandom';
import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { WelfordAccumulator } from '../../src/statistics/welfordAccumulator.ts';

function accumulate(values: readonly number[]): WelfordAccumulator {
  const accumulator = new WelfordAccumulator();
  for (const value of values) accumulator.add(value);
  return accumulator;
}

describe('WelfordAccumulator', () => {
  it('reproduces a hand-worked mean and variance', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: Σ = 40, mean 5; deviations −3, −1, −1, −1, 0, 0, 2, 4;
    // Σ squares = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; s² = 32/7 = 4.571428571428571.
    const accumulator = accumulate([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(accumulator.count).toBe(8);
    expect(accumulator.mean).toBe(5);
    expect(accumulator.sumOfSquaredDeviations).toBeCloseTo(32, 12);
    expect(accumulator.sampleVariance).toBeCloseTo(32 / 7, 14);
    expect(accumulator.sampleStandardDeviation).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('avoids catastrophic cancellation (Welford 1962 motivation)', () => {
    // 1e9 + [4, 7, 13, 16]: the shift does not change the variance: deviations ±6, ±3 →
    // Σ squares = 90, s² = 90/3 = 30. The naive Σx² − (Σx)²/n would lose all digits here.
    const accumulator = accumulate([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(accumulator.mean).toBe(1e9 + 10);
    expect(accumulator.sampleVariance).toBeCloseTo(30, 9);
  });

  it('merges partial accumulators (Chan et al. 1979) exactly as if all values were added', () => {
    // [1, 2] ∪ [3, 4]: mean 2.5, Σ squares 1.5² + 0.5² + 0.5² + 1.5² = 5, s² = 5/3.
    const merged = accumulate([1, 2]).merge(accumulate([3, 4]));
    expect(merged.count).toBe(4);
    expect(merged.mean).toBe(2.5);
    expect(merged.sampleVariance).toBeCloseTo(5 / 3, 14);
  });

  it('agrees with simple-statistics on random data split at random points', () => {
    const rng = seedrandom.alea('welford');
    for (let trial = 0; trial < 50; trial++) {
      const values = Array.from({ length: 2 + Math.floor(rng() * 60) }, () => 100 + 10 * rng());
      const parts = [new WelfordAccumulator(), new WelfordAccumulator(), new WelfordAccumulator()];
      for (const value of values) parts[Math.floor(rng() * 3)].add(value);
      const merged = new WelfordAccumulator().merge(parts[0]).merge(parts[1]).merge(parts[2].toState());
      expect(merged.count).toBe(values.length);
      expect(merged.mean).toBeCloseTo(mean(values), 10);
      expect(merged.sampleVariance).toBeCloseTo(sampleVariance(values), 9);
    }
  });

  it('merging with empty accumulators or with itself', () => {
    const accumulator = accumulate([1, 3]);
    accumulator.merge(new WelfordAccumulator());
    expect(accumulator.toState()).toEqual({ count: 2, mean: 2, sumOfSquaredDeviations: 2 });
    const fromEmpty = new WelfordAccumulator().merge(accumulator);
    expect(fromEmpty.toState()).toEqual({ count: 2, mean: 2, sumOfSquaredDeviations: 2 });
    // Self-merge doubles the sample: [1, 3, 1, 3] has mean 2, Σ squares 4, s² = 4/3.
    accumulator.merge(accumulator);
    expect(accumulator.count).toBe(4);
    expect(accumulator.mean).toBe(2);
    expect(accumulator.sampleVariance).toBeCloseTo(4 / 3, 14);
  });

  it('gives exactly zero variance for identical values', () => {
    expect(accumulate([0.1, 0.1, 0.1]).sampleVariance).toBe(0);
    expect(accumulate([0.1, 0.1]).merge(accumulate([0.1])).sampleVariance).toBe(0);
  });

  it('round-trips through toState/fromState', () => {
    const state = accumulate([2, 4, 9]).toState();
    const restored = WelfordAccumulator.fromState(JSON.parse(JSON.stringify(state)));
    expect(restored.toState()).toEqual(state);
  });

  it('throws RangeError instead of returning NaN for degenerate or invalid use', () => {
    const empty = new WelfordAccumulator();
    expect(empty.count).toBe(0);
    expect(() => empty.mean).toThrow(RangeError);
    expect(() => empty.sampleVariance).toThrow(RangeError);
    const single = accumulate([5]);
    expect(single.mean).toBe(5);
    expect(() => single.sampleVariance).toThrow(RangeError);
    expect(() => single.sampleStandardDeviation).toThrow(RangeError);
    expect(() => empty.add(Number.NaN)).toThrow(RangeError);
    expect(() => empty.add(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(empty.count).toBe(0);
    const huge = accumulate([1e300]);
    expect(() => huge.add(-1e300)).toThrow(RangeError);
    expect(huge.toState()).toEqual({ count: 1, mean: 1e300, sumOfSquaredDeviations: 0 });
    expect(() => WelfordAccumulator.fromState({ count: -1, mean: 0, sumOfSquaredDeviations: 0 })).toThrow(RangeError);
    expect(() => WelfordAccumulator.fromState({ count: 0, mean: 3, sumOfSquaredDeviations: 0 })).toThrow(RangeError);
    expect(() => WelfordAccumulator.fromState({ count: 2, mean: 1, sumOfSquaredDeviations: -1 })).toThrow(RangeError);
  });
});
