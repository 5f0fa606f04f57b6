/** Weighted-sample statistics against hand calculations. */
import { describe, expect, it } from 'vitest';
import {
  effectiveSampleSize,
  logSumExp,
  normaliseLogWeights,
  weightedMean,
  weightedQuantile,
  weightedRank,
  weightedStandardDeviation,
} from '../../src/calibration/weightedSample.ts';

describe('weighted sample', () => {
  it('normalises log weights without overflow and sums stably', () => {
    const weights = normaliseLogWeights([1000, 1000 + Math.log(3), -Infinity]);
    expect(weights[0]).toBeCloseTo(0.25, 12); // 1000 + ln 3 carries ~1e-13 rounding
    expect(weights[1]).toBeCloseTo(0.75, 12);
    expect(weights[2]).toBe(0);
    expect(() => normaliseLogWeights([-Infinity])).toThrow(/every weight is 0/);
    expect(() => normaliseLogWeights([Number.NaN])).toThrow(/NaN/);
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logSumExp([])).toBe(-Infinity);
  });

  it('effective sample size, mean, sd, quantile and rank', () => {
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 14);
    expect(effectiveSampleSize([1, 0, 0])).toBe(1);
    // Weights 0.5, 0.25, 0.25 on 0, 2, 4: mean 1.5; var = .5·2.25 + .25·.25 + .25·6.25 = 2.75.
    expect(weightedMean([0, 2, 4], [0.5, 0.25, 0.25])).toBe(1.5);
    expect(weightedStandardDeviation([0, 2, 4], [0.5, 0.25, 0.25])).toBeCloseTo(Math.sqrt(2.75), 14);
    // Weighted ECDF: F(0) = .5, F(2) = .75, F(4) = 1.
    expect(weightedQuantile([4, 0, 2], [0.25, 0.5, 0.25], 0.5)).toBe(0);
    expect(weightedQuantile([4, 0, 2], [0.25, 0.5, 0.25], 0.6)).toBe(2);
    expect(weightedQuantile([4, 0, 2], [0.25, 0.5, 0.25], 1)).toBe(4);
    // Rank with ties split: below 0.5, equal 0.25 → 0.5 + 0.125.
    expect(weightedRank([4, 0, 2], [0.25, 0.5, 0.25], 2)).toBe(0.625);
  });
});
