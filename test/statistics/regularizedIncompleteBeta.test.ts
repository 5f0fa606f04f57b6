import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../src/statistics/regularizedIncompleteBeta.ts';

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    // Beta(1, 1) is uniform: I_x(1, 1) = x.
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    // I_x(2, 2) = 3x² − 2x³; at x = 0.4: 0.48 − 0.128 = 0.352.
    expect(regularizedIncompleteBeta(0.4, 2, 2)).toBeCloseTo(0.352, 14);
    // I_x(a, 1) = x^a; 0.7^3.5 = 0.28689…
    expect(regularizedIncompleteBeta(0.7, 3.5, 1)).toBeCloseTo(0.7 ** 3.5, 14);
    // I_x(1, b) = 1 − (1 − x)^b.
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14);
    // Symmetry I_½(a, a) = ½.
    expect(regularizedIncompleteBeta(0.5, 7.25, 7.25)).toBeCloseTo(0.5, 14);
  });

  it('matches mpmath 1.3 betainc(a, b, 0, x, regularized=True) on both continued-fraction branches', () => {
    // x = 0.9 > (a+1)/(a+b+2) = 0.875: symmetry branch. mpmath: 0.48958974456442755
    expect(regularizedIncompleteBeta(0.9, 2.5, 0.5)).toBeCloseTo(0.48958974456442755, 13);
    // x = 0.99 > 51/52.5: symmetry branch with a large. mpmath: 0.3173043978741974
    expect(regularizedIncompleteBeta(0.99, 50, 0.5)).toBeCloseTo(0.3173043978741974, 13);
  });

  it('is exactly 0 at x = 0 and 1 at x = 1, and accepts a precise complement', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    // x = 1 − 1e-20 is not representable; passing the complement keeps the information.
    // I_x(1, 1) = x, so the result rounds to 1 either way but must not throw.
    expect(regularizedIncompleteBeta(1, 1, 1, 1e-20)).toBeCloseTo(1, 15);
  });

  it('throws RangeError for x outside [0, 1], bad shapes or an inconsistent complement', () => {
    expect(() => regularizedIncompleteBeta(-0.1, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(1.1, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(Number.NaN, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 1, 1, 0.4)).toThrow(RangeError);
  });
});
