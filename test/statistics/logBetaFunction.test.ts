import { describe, expect, it } from 'vitest';
import { logBetaFunction } from '../../src/statistics/logBetaFunction.ts';

describe('logBetaFunction', () => {
  it('matches closed forms: B(½, ½) = π, B(2, 3) = 1!·2!/4! = 1/12, B(1, 1) = 1', () => {
    expect(logBetaFunction(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(logBetaFunction(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBetaFunction(3, 2)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBetaFunction(1, 1)).toBeCloseTo(0, 14);
  });

  it('is accurate where one or both arguments are large (mpmath 1.3, 30 digits)', () => {
    // mpmath: log(beta(500, 0.5)) = -2.5346891063280625
    expect(logBetaFunction(500, 0.5)).toBeCloseTo(-2.5346891063280625, 13);
    // mpmath: log(beta(12, 15)) = -18.568172732389435
    expect(logBetaFunction(12, 15)).toBeCloseTo(-18.568172732389435, 12);
    // mpmath: log(beta(1e6, 3e6)) = -2249346.4234508527 (relative 1e-15)
    expect(Math.abs(logBetaFunction(1e6, 3e6) / -2249346.4234508527 - 1)).toBeLessThan(1e-14);
    // Large a, b = ½: ln B(a, ½) → ½ ln π − ½ ln a (Stirling); mpmath at a = 5e6: -7.140109267274487
    expect(logBetaFunction(5e6, 0.5)).toBeCloseTo(-7.140109267274487, 12);
  });

  it('throws RangeError for non-positive or non-finite arguments', () => {
    for (const [a, b] of [[0, 1], [1, -1], [Number.NaN, 1], [1, Number.POSITIVE_INFINITY]]) {
      expect(() => logBetaFunction(a, b)).toThrow(RangeError);
    }
  });
});
