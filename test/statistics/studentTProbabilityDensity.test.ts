import { describe, expect, it } from 'vitest';
import {
  studentTLogProbabilityDensity,
  studentTProbabilityDensity,
} from '../../src/statistics/studentTProbabilityDensity.ts';

describe('studentTProbabilityDensity', () => {
  it('matches the Cauchy density for ν = 1: f(t) = 1/(π(1 + t²))', () => {
    expect(studentTProbabilityDensity(0, 1)).toBeCloseTo(1 / Math.PI, 14); // 0.3183098861837907
    expect(studentTProbabilityDensity(1, 1)).toBeCloseTo(1 / (2 * Math.PI), 14); // 0.15915494309189535
  });

  it('matches scipy 1.17 scipy.stats.t.pdf(2, 5) = 0.06509031032621647', () => {
    expect(studentTProbabilityDensity(2, 5)).toBeCloseTo(0.06509031032621647, 13);
  });

  it('is symmetric, 0 at ±∞, and its log is finite where the density underflows', () => {
    expect(studentTProbabilityDensity(-1.7, 6)).toBe(studentTProbabilityDensity(1.7, 6));
    expect(studentTProbabilityDensity(Number.POSITIVE_INFINITY, 6)).toBe(0);
    // ν = 3, t = 1e100: f ≈ 6√3/(π·10⁴⁰⁰) underflows, ln f = ln(6√3/π) − 400 ln 10 = −919.851…
    expect(studentTProbabilityDensity(1e100, 3)).toBe(0);
    expect(studentTLogProbabilityDensity(1e100, 3)).toBeCloseTo(Math.log((6 * Math.sqrt(3)) / Math.PI) - 400 * Math.LN10, 9);
  });

  it('throws RangeError for NaN t, non-finite t in the log density, or invalid df', () => {
    expect(() => studentTProbabilityDensity(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTLogProbabilityDensity(Number.POSITIVE_INFINITY, 3)).toThrow(RangeError);
    expect(() => studentTProbabilityDensity(0, 0)).toThrow(RangeError);
  });
});
