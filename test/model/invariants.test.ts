import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { computeChoiceWeights } from '../../src/model/locationChoice.ts';
import type { ModelState } from '../../src/model/modelState.ts';
import { firmEmployment, firmInvestment, firmOutput } from '../../src/model/modelState.ts';
import { stepModel } from '../../src/model/stepModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';
import { inputWith } from '../support/modelInputs.ts';

const relativeTolerance = 1e-9;

/** Every number in every Float64Array of the zone table is finite. */
function expectZoneArraysFinite(state: ModelState): void {
  for (const [name, value] of Object.entries(state.zones)) {
    if (value instanceof Float64Array) {
      for (let i = 0; i < value.length; i++) {
        if (!Number.isFinite(value[i])) throw new Error(`zones.${name}[${i}] = ${value[i]} at step ${state.step}`);
      }
    }
  }
}

/** Land accounting: used + idle ≤ serviced ≤ planned, all ≥ 0, in every zone. */
function expectLandConserved(state: ModelState): void {
  const z = state.zones;
  for (let i = 0; i < z.count; i++) {
    const slack = relativeTolerance * Math.max(1, z.plannedHa[i]);
    expect(z.usedHa[i]).toBeGreaterThanOrEqual(-slack);
    expect(z.idleHa[i]).toBeGreaterThanOrEqual(-slack);
    expect(z.usedHa[i] + z.idleHa[i]).toBeLessThanOrEqual(z.servicedHa[i] + slack);
    expect(z.servicedHa[i]).toBeLessThanOrEqual(z.plannedHa[i] + slack);
  }
}

/** The incrementally kept aggregates equal a brute-force recount from the firm table. */
function expectAggregatesMatchFirms(state: ModelState): void {
  const z = state.zones;
  const k = state.industries.count;
  const n = z.count + 1;
  const firms = new Float64Array(n * k);
  const jobs = new Float64Array(n);
  const output = new Float64Array(n);
  const capital = new Float64Array(n);
  const related = new Float64Array(n * k);
  for (let i = 0; i < state.firms.count; i++) {
    const zone = state.firms.zone[i];
    const j = state.firms.industry[i];
    firms[zone * k + j] += 1;
    jobs[zone] += firmEmployment(state, i);
    output[zone] += firmOutput(state, i);
    capital[zone] += firmInvestment(state, i);
    for (let m = 0; m < k; m++) related[zone * k + m] += state.industries.proximity[j * k + m];
  }
  for (let c = 0; c < n * k; c++) expect(z.industryFirms[c]).toBe(firms[c]);
  for (let zone = 0; zone < n; zone++) {
    expect(z.employment[zone]).toBeCloseTo(jobs[zone], 6);
    expect(Math.abs(z.output[zone] - output[zone])).toBeLessThanOrEqual(1e-9 * Math.max(1, output[zone]));
    expect(Math.abs(z.investment[zone] - capital[zone])).toBeLessThanOrEqual(1e-9 * Math.max(1, capital[zone]));
  }
  for (let zone = 0; zone < z.count; zone++) {
    for (let m = 0; m < k; m++) expect(z.relatedFirmSum[zone * k + m]).toBeCloseTo(related[zone * k + m], 8);
  }
}

/**
 * After a step's exits no firm is due: every exit clock is beyond the cumulative hazard and every
 * productivity at least the threshold — whichever firms the exit check tested on both counts
 * (firmDynamics.ts, exitFirms; with a crisis see test/model/exitCheck.test.ts).
 */
function expectNoFirmDueToExit(state: ModelState): void {
  const threshold = state.parameters.firms.exitProductivityThreshold;
  for (let i = 0; i < state.firms.count; i++) {
    if (!(state.firms.exitClock[i] > state.cumulativeExitHazard) || state.firms.productivity[i] < threshold) {
      throw new Error(`firm ${state.firms.id[i]} is due to exit after step ${state.step}: clock ${state.firms.exitClock[i]} ≤ ${state.cumulativeExitHazard} or productivity ${state.firms.productivity[i]} < ${threshold}`);
    }
  }
}

/** Choice probabilities over the feasible alternatives sum to 1 for projects of every industry and size. */
function expectChoiceProbabilitiesSumToOne(state: ModelState): void {
  const weights = new Float64Array(state.zones.count + 1);
  for (let j = 0; j < state.industries.count; j++) {
    for (const land of [0.01, 1, 50]) {
      const sum = computeChoiceWeights(state, j, land, weights);
      if (sum === 0) continue; // nothing feasible: the project waits
      let total = 0;
      for (let a = 0; a < weights.length; a++) {
        const p = weights[a] / sum;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(p)).toBe(true);
        total += p;
      }
      expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    }
  }
}

const arbitraryScenario = fc.record({
  zones: fc.integer({ min: 0, max: 8 }),
  industries: fc.integer({ min: 1, max: 12 }),
  chains: fc.integer({ min: 1, max: 12 }),
  perYear: fc.integer({ min: 0, max: 400 }),
  initial: fc.integer({ min: 0, max: 200 }),
  pace: fc.double({ min: 0, max: 200, noNaN: true }),
  serviced: fc.double({ min: 0, max: 1, noNaN: true }),
  planned: fc.double({ min: 5, max: 3000, noNaN: true }),
  hazard: fc.double({ min: 0, max: 0.5, noNaN: true }),
  threshold: fc.double({ min: 0, max: 1.2, noNaN: true }),
  outside: fc.boolean(),
  form: fc.constantFrom('log', 'linear', 'bounded'),
  scope: fc.constantFrom('same-industry', 'all-firms'),
  aggregation: fc.double({ min: -2, max: 2, noNaN: true }),
  relatedness: fc.double({ min: -3, max: 5, noNaN: true }),
  priceElasticity: fc.double({ min: 0, max: 5, noNaN: true }),
  reclaim: fc.double({ min: 0, max: 1, noNaN: true }),
  stepsPerYear: fc.constantFrom(1, 4, 12),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

describe('invariants at every step of random scenarios (property-based)', () => {
  it('conserves firms and land, keeps aggregates exact, probabilities summing to 1, and no NaN or Infinity', () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        const input = inputWith({
          time: { years: 4, stepsPerYear: s.stepsPerYear },
          industries: { count: s.industries, supplyChains: Math.min(s.chains, s.industries) },
          zones: {
            count: s.zones,
            servicingPaceHaPerYear: s.pace,
            initialServicedShare: s.serviced,
            plannedAreaHa: s.planned,
            landPriceScarcityElasticity: s.priceElasticity,
            leadingIndustriesPerZone: Math.min(2, s.industries),
          },
          projects: { perYear: s.perYear },
          firms: { initialCount: s.initial, exitHazard: s.hazard, exitProductivityThreshold: s.threshold },
          land: { idleReclaimPerYear: s.reclaim },
          choice: {
            outside: { enabled: s.outside || s.zones === 0 },
            relatedness: { coefficient: s.relatedness },
            agglomeration: { coefficient: s.aggregation, form: s.form, scope: s.scope },
          },
        });
        const state = initialiseModel(input, s.seed);
        const collect = createReporterCollector();
        let entries = 0;
        let exits = 0;
        const initialStock = state.firms.count;
        expect(initialStock).toBe(s.initial);
        while (state.step < state.constants.totalSteps) {
          const entriesBefore = state.counters.entriesTotal;
          const exitsBefore = state.counters.exitsTotal;
          stepModel(state);
          entries += state.counters.entriesTotal - entriesBefore;
          exits += state.counters.exitsTotal - exitsBefore;
          expect(state.firms.count).toBe(initialStock + entries - exits);
          expectLandConserved(state);
          expectNoFirmDueToExit(state);
          expectZoneArraysFinite(state);
          expectChoiceProbabilitiesSumToOne(state);
          for (const v of collect(state).values) {
            if (!Number.isFinite(v.value)) throw new Error(`reporter ${v.metric} = ${v.value} at step ${state.step}`);
          }
        }
        expectAggregatesMatchFirms(state);
      }),
      { numRuns: 40, seed: 20090622 },
    );
  });
});
