import { describe, expect, it } from 'vitest';
import { studentTCumulativeDistribution } from '../../src/statistics/studentTCumulativeDistribution.ts';

describe('studentTCumulativeDistribution', () => {
  it('matches closed forms for 1 and 2 degrees of freedom', () => {
    // ν = 1 (Cauchy): F(t) = ½ + atan(t)/π, so F(−1) = 0.25 and F(1) = 0.75.
    expect(studentTCumulativeDistribution(-1, 1)).toBeCloseTo(0.25, 14);
    expect(studentTCumulativeDistribution(1, 1)).toBeCloseTo(0.75, 14);
    // ν = 2: F(t) = ½ + t/(2√(2 + t²)); F(1) = ½ + 1/(2√3) = 0.7886751345948129.
    expect(studentTCumulativeDistribution(1, 2)).toBeCloseTo(0.7886751345948129, 14);
  });

  it('inverts the R quantiles of the brief: pt(qt(p, df), df) = p', () => {
    // R: qt(0.975, 29) = 2.04522964, qt(0.9, 3) = 1.63774435 (values rounded to 1e-8).
    expect(studentTCumulativeDistribution(2.04522964, 29)).toBeCloseTo(0.975, 8);
    expect(studentTCumulativeDistribution(1.63774435, 3)).toBeCloseTo(0.9, 8);
  });

  it('matches scipy 1.17 scipy.stats.t.cdf, including small tail areas to relative 1e-10', () => {
    const reference: Array<[t: number, df: number, expected: number]> = [
      [-10, 5, 8.547378787148181e-5],
      [-40, 3, 1.7190340394579253e-5],
      [1.5, 12.5, 0.9207787065051751],
    ];
    for (const [t, df, expected] of reference) {
      const actual = studentTCumulativeDistribution(t, df);
      expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-10);
    }
  });

  it('is exactly 0.5 at 0, 0 at −∞, 1 at +∞, and F(−t) = 1 − F(t)', () => {
    expect(studentTCumulativeDistribution(0, 7)).toBe(0.5);
    expect(studentTCumulativeDistribution(Number.NEGATIVE_INFINITY, 7)).toBe(0);
    expect(studentTCumulativeDistribution(Number.POSITIVE_INFINITY, 7)).toBe(1);
    for (const t of [0.3, 1, 2.5, 8]) {
      expect(studentTCumulativeDistribution(-t, 4.5) + studentTCumulativeDistribution(t, 4.5)).toBeCloseTo(1, 14);
    }
  });

  it('keeps relative accuracy for huge |t| (t² is never formed)', () => {
    const tail = studentTCumulativeDistribution(-1e100, 1);
    // ν = 1: F(−t) = atan(1/t)/π ≈ 1/(πt) = 3.183e-101.
    expect(tail / (1 / (Math.PI * 1e100))).toBeCloseTo(1, 10);
    // Documented limit: beyond |t|/√ν ≈ 1e154, ν/t² underflows and the tail is returned as 0.
    expect(studentTCumulativeDistribution(-1e200, 1)).toBe(0);
    expect(studentTCumulativeDistribution(1e200, 1)).toBe(1);
  });

  it('throws RangeError for NaN t or invalid df', () => {
    expect(() => studentTCumulativeDistribution(Number.NaN, 3)).toThrow(RangeError);
    for (const df of [0, -2, Number.NaN, Number.POSITIVE_INFINITY, 2e7]) {
      expect(() => studentTCumulativeDistribution(1, df)).toThrow(RangeError);
    }
  });
});
