/**
 * The logit transform: it round-trips, its Jacobian is the numerical derivative, the prior written
 * in unconstrained coordinates integrates to 1, and it never leaves the support.
 */
import { describe, expect, it } from 'vitest';
import { priorLogDensity, type ContinuousPrior } from '../../src/calibration/calibrationPrior.ts';
import {
  isInsideSupport,
  unconstrainedFromValue,
  unconstrainedLogDensity,
  valueFromUnconstrained,
} from '../../src/calibration/unconstrainedTransform.ts';

const priors: ContinuousPrior[] = [
  { kind: 'uniform', lower: -100, upper: 100 },
  { kind: 'logUniform', lower: 1e-4, upper: 10 },
  { kind: 'normal', mean: 1.5, standardDeviation: 0.2, lower: -100, upper: 100 },
  { kind: 'triangular', lower: 0, mode: 0.2, upper: 1 },
  { kind: 'beta', alpha: 3, beta: 2, lower: 0, upper: 2 },
];

describe('unconstrained transform', () => {
  it('round-trips values inside the support', () => {
    for (const prior of priors) {
      for (const s of [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999999]) {
        const value = prior.kind === 'logUniform' ? prior.lower * (prior.upper / prior.lower) ** s : prior.lower + s * (prior.upper - prior.lower);
        const back = valueFromUnconstrained(prior, unconstrainedFromValue(prior, value));
        expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
      }
    }
  });

  it('the prior in u integrates to 1 (trapezoid on [−40, 40]) and matches ln π(θ) + ln dθ/du numerically', () => {
    for (const prior of priors) {
      let sum = 0;
      const h = 0.002;
      for (let u = -40; u <= 40; u += h) sum += Math.exp(unconstrainedLogDensity(prior, u)) * h;
      expect(sum).toBeCloseTo(1, 4);
      // Jacobian by central differences: π_u(u) = π(θ(u)) · dθ/du.
      const u = 0.3;
      const derivative = (valueFromUnconstrained(prior, u + 1e-6) - valueFromUnconstrained(prior, u - 1e-6)) / 2e-6;
      const theta = valueFromUnconstrained(prior, u);
      const direct = unconstrainedLogDensity(prior, u);
      // Uniform and log-uniform priors are the logistic density s(1 − s) in u (s = 1/(1 + e^−u)).
      if (prior.kind === 'uniform' || prior.kind === 'logUniform') {
        const s = 1 / (1 + Math.exp(-u));
        expect(direct).toBeCloseTo(Math.log(s * (1 - s)), 10);
      }
      expect(direct).toBeCloseTo(priorLogDensity(prior, theta) + Math.log(derivative), 6);
    }
  });

  it('maps every real to the support; far tails round onto the bound, which counts as outside', () => {
    const prior: ContinuousPrior = { kind: 'uniform', lower: 0, upper: 1 };
    expect(valueFromUnconstrained(prior, 0)).toBe(0.5);
    expect(isInsideSupport(prior, valueFromUnconstrained(prior, 30))).toBe(true);
    expect(valueFromUnconstrained(prior, 800)).toBe(1);
    expect(isInsideSupport(prior, 1)).toBe(false);
    expect(unconstrainedLogDensity(prior, 800)).toBe(-Infinity);
    expect(unconstrainedFromValue(prior, 0)).toBe(-Infinity);
  });
});
