import { chiSquaredDistributionTable } from 'simple-statistics';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { computeChoiceWeights, sampleLocation } from '../../src/model/locationChoice.ts';
import type { ModelState } from '../../src/model/modelState.ts';
import { createStream, replicationSeed } from '../../src/model/randomStreams.ts';
import { stepModel } from '../../src/model/stepModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

/**
 * The tree sampler (`choice.sampler: tree`) draws from the full logit exactly, as the scan does: for a
 * fixed state of a small province (the baseline's 12 zones after 4 years, every mechanism on), many
 * choices are drawn for one project with each sampler and their frequencies compared with the exact
 * logit probabilities w_a / Σ w from computeChoiceWeights — Pearson's chi-square goodness of fit,
 * rejected above the upper 0.5 % point of χ² with (alternatives − 1) degrees of freedom (simple-
 * statistics' table, e.g. 28.30 at 12 df, 20.28 at 7, 18.55 at 6).
 * Infeasible alternatives (probability 0) must never be drawn.
 *
 * Four projects, chosen so every branch of the tree sampler's rejection step is exercised:
 * - a factory-eligible small project that fits the vacant standard-factory floor of some zones and not
 *   of others (weight × f in the former: the proposal's factory multiplier is kept);
 * - the same size of project but above the factory limit (proposal × f rejected with probability 1 − 1/f);
 * - a project whose land need does not fit the free land of some zones;
 * - a project at the investment-intensity threshold, admitted by the zones with a low land-need factor
 *   (dear land) only.
 * The test can fail: against the tree's proposal distribution (a sampler that never rejects), the same
 * counts are far beyond the critical value for the three projects where rejection matters.
 */

const DRAWS = 100_000;

interface ProjectCase {
  readonly name: string;
  readonly industry: number;
  readonly investment: number;
  readonly landNeeded: number;
}

let state: ModelState;
let zoneCount: number;

beforeAll(async () => {
  const { modelInput } = await loadScenarioFile('scenarios/baseline.yaml');
  expect(modelInput.parameters.choice.sampler).toBe('tree');
  state = initialiseModel(modelInput, replicationSeed(2009, 0));
  while (state.step < 48) stepModel(state);
  zoneCount = state.zones.count;
});

/** Exact logit probabilities of the project's alternatives (index Z = scattered option). */
function exactProbabilities(project: ProjectCase): number[] {
  const weights = new Float64Array(zoneCount + 1);
  const sum = computeChoiceWeights(state, project.industry, project.landNeeded, weights, project.investment);
  return Array.from(weights, (w) => w / sum);
}

/** The tree's proposal probabilities: its leaf weights and the scattered option's weight, normalised. */
function proposalProbabilities(project: ProjectCase): number[] {
  const trees = state.choiceTrees!;
  const k = state.industries.count;
  const leaves = Array.from({ length: zoneCount }, (_, z) => trees.sums[(trees.leaves + z) * k + project.industry]);
  const outside = state.zones.expUtility[zoneCount * k] * state.parameters.choice.outside.vacantLandHa;
  const total = leaves.reduce((a, b) => a + b, 0) + outside;
  return [...leaves, outside].map((w) => w / total);
}

/** Counts of each alternative over DRAWS choices with one sampler (project ids distinct per draw). */
function drawCounts(project: ProjectCase, sampler: 'tree' | 'scan', seed: number): number[] {
  const view: ModelState = sampler === 'scan' ? { ...state, choiceTrees: null } : state;
  const uniform = createStream(seed, 'choice');
  const counts = new Array<number>(zoneCount + 1).fill(0);
  for (let n = 0; n < DRAWS; n++) {
    const chosen = sampleLocation(view, 700_000_000 + n, project.industry, project.investment, project.landNeeded, uniform());
    counts[chosen]++;
  }
  return counts;
}

/** Pearson's χ² of counts against probabilities over the alternatives with p > 0, and its df. */
function chiSquare(counts: readonly number[], probabilities: readonly number[]): { statistic: number; df: number } {
  let statistic = 0;
  let cells = 0;
  for (let a = 0; a < counts.length; a++) {
    if (probabilities[a] <= 0) continue;
    const expected = DRAWS * probabilities[a];
    statistic += (counts[a] - expected) ** 2 / expected;
    cells++;
  }
  return { statistic, df: cells - 1 };
}

function critical(df: number): number {
  return (chiSquaredDistributionTable as unknown as Record<number, Record<string, number>>)[df]['0.005'];
}

/** Free standard-factory floor and free serviced land of zone z, and its land-need factor. */
function zoneRoom(z: number): { factory: number; land: number; factor: number } {
  const zones = state.zones;
  return {
    factory: zones.standardFactoryHa[z] - zones.factoryUsedHa[z],
    land: zones.servicedHa[z] - zones.usedHa[z] - zones.idleHa[z] - zones.standardFactoryHa[z],
    factor: zones.landNeedFactor[z],
  };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function projectCases(): ProjectCase[] {
  const rooms = Array.from({ length: zoneCount }, (_, z) => zoneRoom(z));
  const factoryLimit = state.parameters.financing.standardFactoryMaxInvestment; // 60 M¥
  const minimumPerHa = state.parameters.land.minimumInvestmentPerHa; // 15 M¥/ha
  const smallNeed = 3.5; // ≤ 60 / 15 ha at every land-need factor, so the threshold admits it everywhere
  const thresholdInvestment = 100;
  return [
    { name: 'factory-eligible small project', industry: 3, investment: factoryLimit, landNeeded: smallNeed },
    { name: 'small project above the factory limit', industry: 3, investment: 1.5 * factoryLimit, landNeeded: smallNeed },
    { name: 'project that does not fit some zones', industry: 7, investment: 50_000, landNeeded: medianOf(rooms.map((r) => r.land / r.factor)) },
    {
      name: 'project at the investment-intensity threshold',
      industry: 11,
      investment: thresholdInvestment,
      landNeeded: thresholdInvestment / minimumPerHa / medianOf(rooms.map((r) => r.factor)),
    },
  ];
}

describe('tree sampler is exact in distribution', () => {
  it('the four projects exercise factory floor, land fit and the intensity threshold', () => {
    const [eligible, , large, threshold] = projectCases();
    const rooms = Array.from({ length: zoneCount }, (_, z) => zoneRoom(z));
    const factoryFits = rooms.map((r) => r.factory >= eligible.landNeeded * r.factor);
    expect(factoryFits.some(Boolean) && !factoryFits.every(Boolean)).toBe(true);
    const landFits = rooms.map((r) => r.land >= large.landNeeded * r.factor);
    expect(landFits.some(Boolean) && !landFits.every(Boolean)).toBe(true);
    const passes = rooms.map((r) => threshold.landNeeded * r.factor <= threshold.investment / state.parameters.land.minimumInvestmentPerHa);
    expect(passes.some(Boolean) && !passes.every(Boolean)).toBe(true);
    // The factory weight differs from 1, so eligibility changes the probabilities.
    expect(state.constants.standardFactoryWeight).toBeGreaterThan(1.5);
  });

  for (const [caseIndex, name] of ['factory-eligible small project', 'small project above the factory limit', 'project that does not fit some zones', 'project at the investment-intensity threshold'].entries()) {
    for (const sampler of ['tree', 'scan'] as const) {
      it(`${name}: ${sampler} frequencies match the exact logit`, () => {
        const project = projectCases()[caseIndex];
        const exact = exactProbabilities(project);
        const counts = drawCounts(project, sampler, 31 + caseIndex);
        exact.forEach((p, a) => {
          if (p === 0) expect(counts[a], `infeasible alternative ${a} drawn`).toBe(0);
        });
        const { statistic, df } = chiSquare(counts, exact);
        expect(df).toBeGreaterThanOrEqual(5);
        expect(statistic, `χ² = ${statistic.toFixed(2)} at ${df} df`).toBeLessThan(critical(df));
      });
    }
  }

  it('the test can fail: without rejection (the proposal distribution) the counts are far off', () => {
    const cases = projectCases();
    for (const caseIndex of [1, 2, 3]) {
      const project = cases[caseIndex];
      const counts = drawCounts(project, 'tree', 31 + caseIndex);
      const { statistic, df } = chiSquare(counts, proposalProbabilities(project));
      expect(statistic, `${project.name}: χ² against the proposal`).toBeGreaterThan(10 * critical(df));
    }
  });
});
