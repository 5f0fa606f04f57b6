import { describe, expect, it } from 'vitest';
import { initialiseModel, MOBILE_PROJECT_ID_OFFSET } from '../../src/model/initialiseModel.ts';
import { arriveProjects } from '../../src/model/projectArrival.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { inverseStandardNormal } from '../../src/model/inverseStandardNormal.ts';
import { cosineOfTurns, log } from '../../src/model/deterministicMath.ts';
import { CounterPurpose, counterStandardNormal, NormalPurposes, counterUniform, createStream, fillCounterStandardNormals, poisson } from '../../src/model/randomStreams.ts';
import { mean, sampleVariance } from 'simple-statistics';
import { inputWith, smallScenario } from '../support/modelInputs.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';

/**
 * The sequence of reference projects (id, industry, size, productivity) that arrive over `steps`
 * steps. Extra mobile projects, which zones attract from the rest of China (R15; ids from
 * MOBILE_PROJECT_ID_OFFSET), are left out: they are meant to differ between scenarios.
 */
function arrivals(input: ModelInput, seed: number, steps: number): number[] {
  const state = initialiseModel(input, seed);
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    state.step = s;
    arriveProjects(state);
    for (let i = 0; i < state.pending.count; i++) {
      if (state.pending.id[i] >= MOBILE_PROJECT_ID_OFFSET) continue;
      out.push(state.pending.id[i], state.pending.industry[i], state.pending.investment[i], state.pending.productivity[i]);
    }
    state.pending.count = 0;
  }
  return out;
}

describe('independent random streams (common random numbers)', () => {
  it('a lever of another mechanism does not change which projects arrive', () => {
    const base = arrivals(inputWith(smallScenario), 5, 48);
    const otherLevers = arrivals(
      inputWith({ ...smallScenario, zones: { count: 20, landPrice: 9 }, choice: { congestion: { coefficient: 3 } } }),
      5,
      48,
    );
    expect(base.length).toBeGreaterThan(400);
    expect(otherLevers).toEqual(base);
  });

  it('replication r meets the same projects in a scenario with zones and in the no-zones counterfactual', () => {
    expect(arrivals(inputWith({ ...smallScenario, zones: { count: 0 } }), 9, 36)).toEqual(arrivals(inputWith(smallScenario), 9, 36));
  });

  it('a firm receives the same counter-based shocks whatever else exists', () => {
    // The draw depends only on (seed, id, step, purpose): call order and other firms are irrelevant.
    const a = counterUniform(1, 42, 7, 3);
    counterUniform(1, 43, 7, 3);
    expect(counterUniform(1, 42, 7, 3)).toBe(a);
    expect(counterUniform(1, 42, 8, 3)).not.toBe(a);
  });

  it('counter-based uniforms are uniform and normals standard normal (10,000 draws)', () => {
    const u = Array.from({ length: 10_000 }, (_, i) => counterUniform(99, i, 3, 3));
    // Uniform(0,1): mean 1/2 (se 0.0029), variance 1/12 = 0.0833.
    expect(mean(u)).toBeCloseTo(0.5, 1);
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(sampleVariance(u) - 1 / 12)).toBeLessThan(0.003);
    for (const sampler of ['inversion', 'box-muller'] as const) {
      const z = Array.from({ length: 10_000 }, (_, i) => counterStandardNormal(99, i, 5, sampler));
      expect(Math.abs(mean(z))).toBeLessThan(0.04); // se 0.01
      expect(Math.abs(sampleVariance(z) - 1)).toBeLessThan(0.05); // se of variance ≈ sqrt(2/n) = 0.014
    }
  });

  it('a counter normal is the normal quantile of its one counter uniform (inversion, monotone in the draw)', () => {
    for (let id = 0; id < 200; id++) {
      const u = counterUniform(2009, id, 4, CounterPurpose.productivityShock);
      expect(Object.is(counterStandardNormal(2009, id, 4, 'inversion'), inverseStandardNormal(u))).toBe(true);
    }
    // Tail shares of 20,000 draws: P(|Z| > 1.96) = 0.05 (se 0.0015), P(Z > 2.576) = 0.005 (se 0.0005).
    const z = Array.from({ length: 20_000 }, (_, i) => counterStandardNormal(7, i, 2, 'inversion'));
    const beyond196 = z.filter((v) => Math.abs(v) > 1.959963984540054).length / z.length;
    const above2576 = z.filter((v) => v > 2.5758293035489004).length / z.length;
    expect(Math.abs(beyond196 - 0.05)).toBeLessThan(0.006);
    expect(Math.abs(above2576 - 0.005)).toBeLessThan(0.002);
  });

  it('fillCounterStandardNormals gives counterStandardNormal’s bits for every id, with either sampler and default or explicit purposes', () => {
    const count = 3_000;
    const ids = Int32Array.from({ length: count + 1 }, (_, i) => i * 7 - 40);
    const scratch = new Float64Array(count);
    for (const sampler of ['inversion', 'box-muller'] as const) {
      const out = new Float64Array(count + 1).fill(-99);
      fillCounterStandardNormals(2009, ids, count, 11, out, scratch, sampler);
      for (let i = 0; i < count; i++) expect(Object.is(out[i], counterStandardNormal(2009, ids[i], 11, sampler))).toBe(true);
      expect(out[count]).toBe(-99); // nothing written past count
      fillCounterStandardNormals(5, ids, count, 0, out, scratch, sampler, NormalPurposes.landIntensity);
      for (let i = 0; i < count; i++) {
        expect(Object.is(out[i], counterStandardNormal(5, ids[i], 0, sampler, NormalPurposes.landIntensity))).toBe(true);
      }
    }
  });

  it('box-muller is √(−2 ln u₁) cos(2π u₂) of the purpose’s two counter uniforms (the method before 2026-12-06)', () => {
    for (let id = 0; id < 200; id++) {
      const u1 = counterUniform(2009, id, 4, CounterPurpose.productivityShock);
      const u2 = counterUniform(2009, id, 4, CounterPurpose.productivityShockSecond);
      expect(Object.is(counterStandardNormal(2009, id, 4, 'box-muller'), Math.sqrt(-2 * log(u1)) * cosineOfTurns(u2))).toBe(true);
    }
  });

  it('poisson draws have mean and variance equal to the mean, below and above the switch at 60', () => {
    for (const lambda of [3.5, 25, 250]) {
      const draw = createStream(17, 'arrivals');
      const xs = Array.from({ length: 4000 }, () => poisson(draw, lambda));
      // se of the mean: sqrt(λ/4000); allow 4 se.
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 4000));
      // variance of the sample variance ≈ 2λ²/n for large λ (+λ/n); allow 15%.
      expect(Math.abs(sampleVariance(xs) / lambda - 1)).toBeLessThan(0.15);
    }
  });

  it('the exit clock gives annual survival 1 − hazard (4,000 firms, one year)', () => {
    const input = inputWith({
      time: { years: 1 },
      zones: { count: 0 },
      projects: { perYear: 0 },
      firms: { initialCount: 4000, exitHazard: 0.2, exitProductivityThreshold: 0, productivityVolatility: 0 },
    });
    const final = simulateModel(input, 3);
    // Binomial(4000, 0.8): mean 3200, sd sqrt(4000·0.8·0.2) = 25.3; allow 4 sd.
    expect(Math.abs(final.firms.count - 3200)).toBeLessThan(4 * 25.3);
  });
});
