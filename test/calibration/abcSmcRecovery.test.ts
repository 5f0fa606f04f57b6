/**
 * ABC-SMC recovers analytic posteriors, run through the same code as a zonesim calibration:
 * a normal mean with known variance under a normal prior (conjugate), a binomial rate under a beta
 * prior (conjugate; exact ABC because the data are discrete and the tolerance reaches 0), a Poisson
 * mean on an integer grid (integer kernel), and a choice between two models (choice kernel).
 *
 * Tolerances: a posterior mean within 0.1 posterior sd, a variance within 15 %. With an effective
 * sample size around 700 the Monte Carlo standard errors are about 0.04 sd for the mean and 5 % for
 * the variance, so the bounds hold at this seed with a margin and fail if the weights are wrong
 * (leaving the prior out of the weights moves the normal-mean posterior by 0.67 sd; leaving the
 * kernel out of them concentrates it).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { FactorValue } from '../../src/analysis/designs/factorDistributions.ts';
import { createAbcSmcState, type AbcCandidate, type AbcSmcSettings } from '../../src/calibration/abcSmcState.ts';
import type { AbcParameter } from '../../src/calibration/perturbationKernel.ts';
import { summarisePosterior } from '../../src/calibration/posteriorSummary.ts';
import { runAbcSmc } from '../../src/calibration/runAbcSmc.ts';
import { standardNormal } from '../../src/model/randomStreams.ts';

const baseSettings: AbcSmcSettings = {
  populationSize: 1000,
  maxGenerations: 20,
  maxCandidates: 300_000,
  toleranceQuantile: 0.5,
  minimumTolerance: 0,
  minimumAcceptanceRate: 0.01,
  replications: 1,
  commonRandomNumbers: false,
  kernelScale: 2,
  seed: 2009,
};

type Simulator = (values: readonly FactorValue[], draw: () => number) => number;

async function calibrate(parameters: AbcParameter[], settings: Partial<AbcSmcSettings>, distance: Simulator) {
  const state = createAbcSmcState(parameters, { ...baseSettings, ...settings });
  const evaluate = (batch: readonly AbcCandidate[]) =>
    batch.map((c) => ({
      generation: c.generation,
      index: c.index,
      distances: c.seeds.map((seed) => distance(c.values, seedrandom.alea(String(seed)) as unknown as () => number)),
    }));
  const final = await runAbcSmc(state, evaluate);
  return { final, summary: summarisePosterior(final.parameters, final.population!) };
}

function binomial(n: number, p: number, draw: () => number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (draw() < p) x++;
  return x;
}

describe('ABC-SMC recovers analytic posteriors', () => {
  // y_1..y_4 ~ N(μ, 1), ȳ = 1.5; prior μ ~ N(0, 1). Posterior precision 1 + 4 = 5:
  // mean 4 · 1.5 / 5 = 1.2, variance 1/5 = 0.2 (the prior's cut at ±10 removes 1e-23 of its mass).
  const normalMean = (values: readonly FactorValue[], draw: () => number): number =>
    Math.abs((values[0] as number) + 0.5 * standardNormal(draw) - 1.5);
  const normalPrior: AbcParameter[] = [{ name: 'mu', prior: { kind: 'normal', mean: 0, standardDeviation: 1, lower: -10, upper: 10 } }];

  it('normal mean, normal prior: mean 1.2, variance 0.2', async () => {
    // Tolerance 0.02 adds at most ε²/3 ≈ 1.3e-4 (0.07 %) to the variance.
    const { final, summary } = await calibrate(normalPrior, { minimumTolerance: 0.02 }, normalMean);
    expect(final.stop?.reason).toBe('minimumTolerance');
    expect(Math.abs(summary[0].mean - 1.2)).toBeLessThan(0.1 * Math.sqrt(0.2));
    expect(Math.abs(summary[0].standardDeviation ** 2 / 0.2 - 1)).toBeLessThan(0.15);
    expect(summary[0].identified).toBe(true);
  });

  it('the same with one distance per replication (4 replications, acceptance = share within ε)', async () => {
    const { summary } = await calibrate(normalPrior, { minimumTolerance: 0.02, replications: 4 }, normalMean);
    expect(Math.abs(summary[0].mean - 1.2)).toBeLessThan(0.1 * Math.sqrt(0.2));
    expect(Math.abs(summary[0].standardDeviation ** 2 / 0.2 - 1)).toBeLessThan(0.15);
  });

  it('binomial rate, beta prior: exact at tolerance 0', async () => {
    // 7 successes in 20 trials, prior Beta(2, 5): posterior Beta(9, 18), mean 1/3,
    // variance 9 · 18 / (27² · 28) = 0.0079365.
    const { final, summary } = await calibrate(
      [{ name: 'p', prior: { kind: 'beta', alpha: 2, beta: 5, lower: 0, upper: 1 } }],
      {},
      (values, draw) => Math.abs(binomial(20, values[0] as number, draw) - 7),
    );
    expect(final.population!.tolerance).toBe(0);
    const variance = (9 * 18) / (27 * 27 * 28);
    expect(Math.abs(summary[0].mean - 1 / 3)).toBeLessThan(0.1 * Math.sqrt(variance));
    expect(Math.abs(summary[0].standardDeviation ** 2 / variance - 1)).toBeLessThan(0.15);
  });

  it('Poisson mean on the integers 0–30: exact posterior ∝ k⁷ e^−k', async () => {
    const { summary } = await calibrate([{ name: 'k', prior: { kind: 'integer', lower: 0, upper: 30 } }], {}, (values, draw) => {
      // Knuth's product method for a Poisson(k) draw.
      const limit = Math.exp(-(values[0] as number));
      let x = 0;
      let product = draw();
      while (product > limit) {
        x++;
        product *= draw();
      }
      return Math.abs(x - 7);
    });
    // Exact posterior: p_k ∝ k^7 e^−k / 7! (flat prior), k = 0 … 30.
    const mass = Array.from({ length: 31 }, (_, k) => k ** 7 * Math.exp(-k));
    const total = mass.reduce((a, b) => a + b);
    const mean = mass.reduce((s, m, k) => s + (k * m) / total, 0);
    const variance = mass.reduce((s, m, k) => s + ((k - mean) ** 2 * m) / total, 0);
    expect(Math.abs(summary[0].mean - mean)).toBeLessThan(0.1 * Math.sqrt(variance));
    expect(Math.abs(summary[0].standardDeviation ** 2 / variance - 1)).toBeLessThan(0.15);
  });

  it('a choice between a fair coin and a coin of unknown bias: exact model probability', async () => {
    // 15 heads in 20 throws. P(y | fair) = C(20, 15) / 2^20 = 15504 / 1048576; P(y | unknown, p ~ U(0, 1)) = 1/21.
    // Equal prior odds: P(fair | y) = 0.0147858 / (0.0147858 + 0.0476190) = 0.236926.
    const fair = 15504 / 1048576;
    const expected = fair / (fair + 1 / 21);
    const { summary } = await calibrate(
      [
        { name: 'coin', prior: { kind: 'choice', values: ['fair', 'unknown'] } },
        { name: 'p', prior: { kind: 'uniform', lower: 0, upper: 1 } },
      ],
      {},
      (values, draw) => Math.abs(binomial(20, values[0] === 'fair' ? 0.5 : (values[1] as number), draw) - 15),
    );
    // Binomial standard error √(0.24 · 0.76 / 700) ≈ 0.016; allow 0.05.
    expect(Math.abs(summary[0].choiceProbabilities!.get('fair')! - expected)).toBeLessThan(0.05);
  });
});
