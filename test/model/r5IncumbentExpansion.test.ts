import { describe, expect, it } from 'vitest';
import { reviewFirmProductivity } from '../../src/model/firmDynamics.ts';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { stepSchedule } from '../../src/model/stepModel.ts';
import type { ModelState } from '../../src/model/modelState.ts';
import { inputWith } from '../support/modelInputs.ts';

/** Run 12 whole steps, then step 12's mechanisms up to (not including) the first annual review. */
function runUntilFirstReview(state: ModelState): void {
  const reviewIndex = stepSchedule.indexOf(reviewFirmProductivity);
  for (let s = 0; s < 12; s++) {
    for (const mechanism of stepSchedule) mechanism(state);
    state.step++;
  }
  for (let m = 0; m < reviewIndex; m++) stepSchedule[m](state);
}

/**
 * R5 location premium on incumbents' expansion: at the annual review each incumbent's capital is
 * multiplied by exp(η (V_zj − ln awareness − V_out)); outside firms and firms that entered in that step
 * are untouched, and the capital added is booked as investment of the zone. Independent calculation:
 * the premium is recomputed here from the cached utilities with Math.exp and compared firm by firm.
 */
describe('incumbents expand by exp(η ΔV) a year where the location beats a scattered site', () => {
  const eta = 0.3;
  const input = inputWith({ investment: { expansion: { enabled: true, elasticity: eta } }, promotion: { effort: 2 } });

  it('multiplies each incumbent’s capital by the premium of its cell, and books it as investment', () => {
    const state = initialiseModel(input, 21);
    runUntilFirstReview(state);
    const zones = state.zones;
    const k = state.industries.count;
    const p = state.parameters.promotion;
    const awareness = Math.log(p.baseAwareness + (1 - p.baseAwareness) * (1 - Math.exp(-p.effort)));
    const firms = state.firms;
    const before = firms.capitalIndex.slice(0, firms.count);
    const expected = new Float64Array(firms.count);
    let expectedFlow = 0;
    let premiumFirms = 0;
    for (let i = 0; i < firms.count; i++) {
      const z = firms.zone[i];
      const j = firms.industry[i];
      let factor = 1;
      if (z < zones.count && firms.birthStep[i] < state.step) {
        factor = Math.exp(eta * (zones.baseUtility[z] - awareness + zones.industryUtility[z * k + j] - zones.baseUtility[zones.count]));
        premiumFirms++;
      }
      expected[i] = before[i] * factor;
      expectedFlow += (expected[i] - before[i]) * state.industryGrowthIndex[j];
    }
    const flowBefore = state.province.investmentFlowInPeriod;
    reviewFirmProductivity(state);
    expect(premiumFirms).toBeGreaterThan(20);
    for (let i = 0; i < firms.count; i++) expect(firms.capitalIndex[i], `firm ${i}`).toBeCloseTo(expected[i], 9);
    expect(state.province.investmentFlowInPeriod - flowBefore).toBeCloseTo(expectedFlow, 6);
    expect(expectedFlow).not.toBe(0);
  });

  it('with η = 0 the review leaves every capital untouched (exactly)', () => {
    const off = initialiseModel(inputWith({ investment: { expansion: { enabled: true, elasticity: 0 } } }), 21);
    runUntilFirstReview(off);
    const capital = off.firms.capitalIndex.slice(0, off.firms.count);
    const flow = off.province.investmentFlowInPeriod;
    reviewFirmProductivity(off);
    expect(off.firms.capitalIndex.slice(0, off.firms.count)).toEqual(capital);
    expect(off.province.investmentFlowInPeriod).toBe(flow);
  });
});
