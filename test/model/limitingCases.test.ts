import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeChoiceWeights } from '../../src/model/locationChoice.ts';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { enterFirm } from '../../src/model/firmRegistry.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

const scenarioDir = path.resolve(import.meta.dirname, '..', '..', 'scenarios');

async function scenarioInput(name: string): Promise<ModelInput> {
  return (await loadScenarioFile(path.join(scenarioDir, `${name}.yaml`))).modelInput;
}

function withAgglomeration(input: ModelInput, form: 'log' | 'linear' | 'bounded', coefficient: number): ModelInput {
  const parameters = structuredClone(input.parameters);
  parameters.choice.agglomeration.form = form;
  parameters.choice.agglomeration.coefficient = coefficient;
  return { parameters, relatedness: input.relatedness };
}

/** Final firm counts of each zone, for `replications` seeded replications. */
function finalZoneCounts(input: ModelInput, replications: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < replications; r++) {
    const state = simulateModel(input, replicationSeed(1990, r));
    out.push(Array.from(state.zones.firms.subarray(0, state.zones.count)));
  }
  return out;
}

describe('Pólya urn (scenarios/polya-urn.yaml)', () => {
  it('has exactly the urn choice probabilities (n_z + 1) / (N + 2)', async () => {
    const state = initialiseModel(await scenarioInput('polya-urn'), 1);
    const firm = { id: 0, industry: 0, investment: 20, productivity: 1, land: 0.6, inFactory: false, mobile: false };
    for (let n = 0; n < 7; n++) enterFirm(state, { ...firm, id: n }, 0); // zone 0 gets 7 firms
    for (let n = 7; n < 10; n++) enterFirm(state, { ...firm, id: n }, 1); // zone 1 gets 3
    const weights = new Float64Array(3);
    const sum = computeChoiceWeights(state, 0, 0.1, weights);
    // (7 + 1) / (10 + 2) = 2/3 and (3 + 1) / 12 = 1/3; the outside option is disabled.
    expect(weights[0] / sum).toBeCloseTo(2 / 3, 14);
    expect(weights[1] / sum).toBeCloseTo(1 / 3, 14);
    expect(weights[2]).toBe(0);
  });

  it('converges to a uniform random limit share (Beta(1, 1)), checked by a Kolmogorov–Smirnov test over 400 replications', async () => {
    const counts = finalZoneCounts(await scenarioInput('polya-urn'), 400);
    const shares = counts.map(([a, b]) => a / (a + b)).sort((x, y) => x - y);
    expect(counts[0][0] + counts[0][1]).toBe(1200); // 60 a year for 20 years, no exits
    // KS distance to Uniform(0,1): D = max_i max(i/n − x_(i), x_(i) − (i−1)/n).
    let d = 0;
    shares.forEach((x, i) => {
      d = Math.max(d, (i + 1) / shares.length - x, x - i / shares.length);
    });
    // Critical value at α = 0.01 for n = 400: 1.628 / sqrt(400) = 0.0814 (Massey 1951).
    expect(d).toBeLessThan(0.0814);
    // The finite-N share is (a + 1)/(N + 2)-distributed on a grid; variance of the limit: 1/12 = 0.0833.
    const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
    const variance = shares.reduce((s, x) => s + (x - mean) ** 2, 0) / (shares.length - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / 400)); // 3 se = 0.043
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.015);
  });

  it('the same test rejects a wrong mechanism: with linear returns the shares pile up at 0 and 1', async () => {
    const counts = finalZoneCounts(withAgglomeration(await scenarioInput('polya-urn'), 'linear', 1), 200);
    const extreme = counts.filter(([a, b]) => a / (a + b) < 0.02 || a / (a + b) > 0.98).length;
    // Under the urn only 4% of limit shares fall in [0, .02) ∪ (.98, 1]; under linear returns nearly all do.
    expect(extreme).toBeGreaterThan(190);
  });
});

describe('Arthur (1990) increasing-returns location (scenarios/arthur-1990.yaml)', () => {
  it('locks in: one region takes almost every firm in (nearly) every replication, and any region can win', async () => {
    const counts = finalZoneCounts(await scenarioInput('arthur-1990'), 150);
    const wins = [0, 0, 0];
    let lockedIn = 0;
    for (const c of counts) {
      const total = c[0] + c[1] + c[2];
      const max = Math.max(...c);
      if (max / total > 0.95) lockedIn++;
      wins[c.indexOf(max)]++;
    }
    // Theorem (Arthur 1990): with unbounded g, monopoly with probability one. With g = 0.1·n the
    // leader's advantage becomes self-sustaining after a lead of a few tens of firms out of 1200.
    expect(lockedIn).toBeGreaterThanOrEqual(145);
    // Symmetric regions: each wins 1/3 of the time; Binomial(150, 1/3) has mean 50, sd 5.8 — allow 4 sd.
    for (const w of wins) expect(Math.abs(w - 50)).toBeLessThan(4 * 5.8);
  });

  it('without increasing returns there is no lock-in: the largest share stays near 1/3', async () => {
    const counts = finalZoneCounts(withAgglomeration(await scenarioInput('arthur-1990'), 'linear', 0), 100);
    for (const c of counts) {
      // Multinomial(1200, 1/3): sd of a share 0.0136; max of three rarely exceeds 1/3 + 4 sd = 0.388.
      expect(Math.max(...c) / 1200).toBeLessThan(0.39);
    }
  });

  it('with bounded returns (g = 1 − e^(−n/50), coefficient 1) no region is shut out', async () => {
    const counts = finalZoneCounts(withAgglomeration(await scenarioInput('arthur-1990'), 'bounded', 1), 100);
    // Once every region has passed saturation the utilities differ by < 1, so each keeps a share
    // above e^(-1)/(e^(-1) + 2) ≈ 0.155 of new entrants; monopoly never happens.
    for (const c of counts) expect(Math.min(...c) / 1200).toBeGreaterThan(0.1);
  });
});
