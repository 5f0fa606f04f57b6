/**
 * The perturbation kernel: twice the weighted covariance (Beaumont et al. 2009), an integer step whose
 * truncated probabilities sum to 1 and match its draws, a choice step that keeps the value with
 * probability 0.7, and candidates that always stay inside the priors' supports.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { FactorValue } from '../../src/analysis/designs/factorDistributions.ts';
import {
  buildPerturbationKernel,
  CHOICE_STAY_PROBABILITY,
  continuousCoordinates,
  kernelLogDensity,
  perturbParticle,
  type AbcParameter,
} from '../../src/calibration/perturbationKernel.ts';
import { unconstrainedFromValue } from '../../src/calibration/unconstrainedTransform.ts';

const parameters: AbcParameter[] = [
  { name: 'a', prior: { kind: 'uniform', lower: 0, upper: 1 } },
  { name: 'k', prior: { kind: 'integer', lower: 1, upper: 6 } },
  { name: 'form', prior: { kind: 'choice', values: ['log', 'linear', 'bounded'] } },
];
const population: FactorValue[][] = [
  [0.2, 1, 'log'],
  [0.5, 2, 'log'],
  [0.7, 2, 'linear'],
];
const weights = [0.5, 0.25, 0.25];

describe('perturbation kernel', () => {
  it('continuous step: N(0, 2 × weighted covariance) in unconstrained coordinates', () => {
    const kernel = buildPerturbationKernel(parameters, population, weights);
    const u = population.map((v) => unconstrainedFromValue({ kind: 'uniform', lower: 0, upper: 1 }, v[0] as number));
    const mean = 0.5 * u[0] + 0.25 * u[1] + 0.25 * u[2];
    const variance = 0.5 * (u[0] - mean) ** 2 + 0.25 * (u[1] - mean) ** 2 + 0.25 * (u[2] - mean) ** 2;
    expect(kernel.normal!.factor[0] ** 2).toBeCloseTo(2 * variance, 12);
    // Integer step sd √(2 × weighted variance) of 1, 2, 2 with weights .5, .25, .25: var = .25, sd √.5.
    expect(kernel.integerStepSd[0]).toBeCloseTo(Math.sqrt(0.5), 12);
    // kernelScale s: covariance s × weighted covariance; the integer step never below ½ (√(0.5 × .25) = 0.354 → 0.5).
    const narrow = buildPerturbationKernel(parameters, population, weights, 0.5);
    expect(narrow.normal!.factor[0] ** 2).toBeCloseTo(0.5 * variance, 12);
    expect(narrow.integerStepSd[0]).toBe(0.5);
    expect(buildPerturbationKernel(parameters, population, weights, 8).integerStepSd[0]).toBeCloseTo(Math.sqrt(8 * 0.25), 12);
  });

  it('integer and choice steps: probabilities sum to 1 and match 40,000 draws', () => {
    const kernel = buildPerturbationKernel(parameters, population, weights);
    const from = population[0];
    const fromU = continuousCoordinates(parameters, kernel, from);
    // Sum of exp(log K) over the discrete part (continuous part fixed: subtract its density).
    const continuousPart = kernelLogDensity(parameters, { ...kernel, integer: [], choice: [] }, from, fromU, from, fromU);
    let total = 0;
    const probability = new Map<string, number>();
    for (let k = 1; k <= 6; k++) {
      for (const form of ['log', 'linear', 'bounded']) {
        const to = [from[0], k, form];
        const p = Math.exp(kernelLogDensity(parameters, kernel, to, fromU, from, fromU) - continuousPart);
        probability.set(`${k}:${form}`, p);
        total += p;
      }
    }
    expect(total).toBeCloseTo(1, 12);
    expect(probability.get('1:log')! / (probability.get('1:log')! + probability.get('1:linear')! + probability.get('1:bounded')!)).toBeCloseTo(CHOICE_STAY_PROBABILITY, 12);
    const draw = seedrandom.alea('kernel-frequencies') as unknown as () => number;
    const counts = new Map<string, number>();
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const to = perturbParticle(parameters, kernel, from, fromU, draw);
      expect(to[0]).toBeGreaterThan(0);
      expect(to[0]).toBeLessThan(1);
      const key = `${to[1]}:${to[2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, p] of probability) {
      const observed = (counts.get(key) ?? 0) / n;
      // Binomial standard error √(p(1 − p)/n); allow 4 of them (and 1e-4 for cells of probability ~0).
      expect(Math.abs(observed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-4);
    }
  });
});
