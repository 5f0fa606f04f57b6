/**
 * Priors: each kind's quantile inverts its distribution function, its density integrates to 1, and
 * the values pinned below come from closed forms written next to them.
 */
import { describe, expect, it } from 'vitest';
import {
  assertValidCalibrationPrior,
  priorLogDensity,
  priorQuantile,
  priorSpread,
  type CalibrationPrior,
} from '../../src/calibration/calibrationPrior.ts';

const continuousPriors: CalibrationPrior[] = [
  { kind: 'uniform', lower: -1, upper: 3 },
  { kind: 'logUniform', lower: 0.01, upper: 10 },
  { kind: 'normal', mean: 1, standardDeviation: 0.5, lower: 0, upper: 1.8 },
  { kind: 'triangular', lower: 0, mode: 1, upper: 4 },
  { kind: 'beta', alpha: 2, beta: 5, lower: 0, upper: 1 },
  { kind: 'beta', alpha: 0.7, beta: 1.5, lower: 10, upper: 20 },
];

/** ∫ density over [lower, x] by the midpoint rule on a fine grid (independent of the quantile code). */
function integrateDensity(prior: CalibrationPrior & { lower: number; upper: number }, x: number, steps = 50_000): number {
  const width = (x - prior.lower) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += Math.exp(priorLogDensity(prior, prior.lower + (i + 0.5) * width)) * width;
  return sum;
}

describe('calibration priors', () => {
  it('density integrates to 1 and the quantile inverts the integrated density', () => {
    for (const prior of continuousPriors) {
      const bounded = prior as CalibrationPrior & { lower: number; upper: number };
      // The beta(0.7, ·) density is unbounded at its lower end: the midpoint rule converges slowly there.
      const tolerance = prior.kind === 'beta' && prior.alpha < 1 ? 2e-3 : 1e-6;
      expect(integrateDensity(bounded, bounded.upper)).toBeCloseTo(1, tolerance < 1e-3 ? 5 : 2);
      for (const u of [0.1, 0.5, 0.9]) {
        const x = priorQuantile(prior, u) as number;
        expect(Math.abs(integrateDensity(bounded, x) - u)).toBeLessThan(tolerance);
      }
    }
  });

  it('pins quantiles and densities to closed forms', () => {
    // Log-uniform on [0.01, 1]: the median is the geometric mean √(0.01 · 1) = 0.1.
    expect(priorQuantile({ kind: 'logUniform', lower: 0.01, upper: 1 }, 0.5)).toBeCloseTo(0.1, 14);
    // Beta(2, 5): I_x(2, 5) = 1 − (1 − x)^6 − 6x(1 − x)^5, so at the median m: (1 − m)^5 (1 + 5m) = 1/2.
    const m = priorQuantile({ kind: 'beta', alpha: 2, beta: 5, lower: 0, upper: 1 }, 0.5) as number;
    expect((1 - m) ** 5 * (1 + 5 * m)).toBeCloseTo(0.5, 12);
    // Beta(2, 5) density 30 x (1 − x)^4 at x = 0.2: 30 · 0.2 · 0.8^4 = 2.4576.
    expect(Math.exp(priorLogDensity({ kind: 'beta', alpha: 2, beta: 5, lower: 0, upper: 1 }, 0.2))).toBeCloseTo(2.4576, 12);
    // Normal(1, 0.5) cut to [0, 1.8]: density φ(0)/(0.5 · (Φ(1.6) − Φ(−2))) = 0.3989422804/(0.5 · (0.9452007083 − 0.0227501319)).
    const expected = 0.3989422804014327 / (0.5 * (0.9452007083004421 - 0.022750131948179195));
    expect(Math.exp(priorLogDensity({ kind: 'normal', mean: 1, standardDeviation: 0.5, lower: 0, upper: 1.8 }, 1))).toBeCloseTo(expected, 9);
    // Outside the support, and off the integer grid or the choice list: probability 0.
    expect(priorLogDensity({ kind: 'uniform', lower: 0, upper: 1 }, 1.5)).toBe(-Infinity);
    expect(priorLogDensity({ kind: 'integer', lower: 1, upper: 4 }, 2.5)).toBe(-Infinity);
    expect(priorLogDensity({ kind: 'integer', lower: 1, upper: 4 }, 2)).toBeCloseTo(Math.log(1 / 4), 15);
    expect(priorLogDensity({ kind: 'choice', values: ['log', 'linear', 'bounded'] }, 'linear')).toBeCloseTo(Math.log(1 / 3), 15);
    expect(priorLogDensity({ kind: 'choice', values: ['log', 'linear'] }, 'bounded')).toBe(-Infinity);
  });

  it('spreads: uniform (b − a)/√12, log-uniform (ln b − ln a)/√12 in ln θ, integer √((n² − 1)/12), choice √(1 − 1/m)', () => {
    expect(priorSpread({ kind: 'uniform', lower: 0, upper: 6 }).standardDeviation).toBeCloseTo(6 / Math.sqrt(12), 5);
    expect(priorSpread({ kind: 'logUniform', lower: 0.01, upper: 1 }).standardDeviation).toBeCloseTo(Math.log(100) / Math.sqrt(12), 5);
    expect(priorSpread({ kind: 'logUniform', lower: 0.01, upper: 1 }).mean).toBeCloseTo(Math.log(0.1), 5);
    expect(priorSpread({ kind: 'integer', lower: 1, upper: 6 }).standardDeviation).toBeCloseTo(Math.sqrt(35 / 12), 12);
    expect(priorSpread({ kind: 'choice', values: [true, false] }).standardDeviation).toBeCloseTo(Math.sqrt(0.5), 12);
    // Beta(2, 5): sd = √(αβ/((α+β)²(α+β+1))) = √(10/392).
    expect(priorSpread({ kind: 'beta', alpha: 2, beta: 5, lower: 0, upper: 1 }).standardDeviation).toBeCloseTo(Math.sqrt(10 / 392), 4);
  });

  it('rejects malformed priors with a message naming the parameter', () => {
    expect(() => assertValidCalibrationPrior({ kind: 'logUniform', lower: 0, upper: 1 }, 'firms.exitHazard')).toThrow(/firms.exitHazard.*0 < lower/);
    expect(() => assertValidCalibrationPrior({ kind: 'beta', alpha: 0, beta: 1, lower: 0, upper: 1 }, 'x')).toThrow(/alpha > 0/);
    expect(() => assertValidCalibrationPrior({ kind: 'uniform', lower: 1, upper: 1 }, 'x')).toThrow(/lower < upper/);
    expect(() => assertValidCalibrationPrior({ kind: 'choice', values: ['a'] }, 'x')).toThrow(/at least 2/);
  });
});
