import { describe, expect, it } from 'vitest';
import { initialiseModel, MOBILE_PROJECT_ID_OFFSET } from '../../src/model/initialiseModel.ts';
import type { ModelState } from '../../src/model/modelState.ts';
import { arriveProjects } from '../../src/model/projectArrival.ts';
import { inclusiveValueGap, MAX_INCLUSIVE_VALUE_GAP, mobileArrivalFactorFor } from '../../src/model/r15NationalMobileProjects.ts';
import { listParameterLeaves } from '../../src/model/parameterSpecification.ts';
import { validateScenario } from '../../src/scenario/validateScenario.ts';
import { inputWith } from '../support/modelInputs.ts';

/**
 * R15 national pool of mobile projects (nested logit on the province's inclusive value). Expected
 * values are computed independently in the comments (the formulas of the module comment evaluated by
 * hand or with Math.exp/Math.log, not the model's fdlibm functions).
 */
describe('the upper-level logit: F = 1 / (s0 + (1 − s0) e^(−ρx))', () => {
  it('matches hand values and its limits', () => {
    // x = 1, ρ = 0.5, s0 = 0.05: 1 / (0.05 + 0.95 e^(−0.5)) = 1 / (0.05 + 0.576204) = 1.596923
    expect(mobileArrivalFactorFor(1, 0.5, 0.05, true)).toBeCloseTo(1 / (0.05 + 0.95 * Math.exp(-0.5)), 12);
    expect(mobileArrivalFactorFor(1, 0.5, 0.05, true)).toBeCloseTo(1.596923, 6);
    expect(mobileArrivalFactorFor(3, 0, 0.05, true)).toBe(1); // ρ = 0: zones attract nothing
    expect(mobileArrivalFactorFor(0, 1, 0.05, true)).toBe(1); // no gap: the reference
    expect(mobileArrivalFactorFor(500, 1, 0.05, true)).toBeCloseTo(20, 9); // at most 1 / s0
  });

  it('is bounded by 100 for every valid s0 (s0 ≥ 0.01; found by the fuzz suite: with s0 = 0 a run never ended)', () => {
    const leaf = listParameterLeaves().find(([p]) => p === 'investment.mobile.provinceShare')?.[1] as { minimum: number };
    expect(leaf.minimum).toBe(0.01);
    // The largest gap (x capped at 700) with ρ = 1 and the smallest s0: 1 / (0.01 + 0.99 e^(−700)) = 1 / 0.01 = 100
    // (e^(−700) ≈ 9.9e−305 is lost next to 0.01).
    expect(mobileArrivalFactorFor(MAX_INCLUSIVE_VALUE_GAP, 1, leaf.minimum, true)).toBeCloseTo(100, 9);
    // s0 = 0 (now refused) would be e^(ρx) = e^700 ≈ 1e304 times the reference's mobile arrivals.
    expect(mobileArrivalFactorFor(MAX_INCLUSIVE_VALUE_GAP, 1, 0, true)).toBeGreaterThan(1e300);
  });

  it('a scenario with s0 = 0 is refused in one line naming the field', () => {
    expect(() => validateScenario({ name: 'x', description: 'd', investment: { mobile: { provinceShare: 0 } } }, 'x.yaml')).toThrow(
      /^x\.yaml: investment\.mobile\.provinceShare: expected a number in \[0\.01, 0\.99\].*found 0$/,
    );
  });
});

/** Identical empty zones with only an outside constant, as in the size-variable test. */
function province(zoneCount: number, mobile: Record<string, unknown>, projects: Record<string, unknown> = {}): ModelState {
  return initialiseModel(
    inputWith({
      zones: { count: zoneCount, plannedAreaHa: 300, plannedAreaDispersion: 0, initialServicedShare: 1, leadingIndustriesPerZone: 0, landPriceScarcityElasticity: 0 },
      firms: { initialCount: 0 },
      projects: { arrivalProcess: 'fixed', perYear: 120, ...projects },
      investment: { mobile: { enabled: true, ...mobile } },
      choice: {
        relatedness: { coefficient: 0 }, agglomeration: { coefficient: 0 }, landPrice: { coefficient: 0 }, congestion: { coefficient: 0 },
        leadingIndustryBonus: 0, outside: { utility: 0.7, vacantLandHa: 500 },
      },
      positioning: { enabled: false }, planning: { enabled: false }, services: { enabled: false }, promotion: { enabled: false },
      guidanceFund: { enabled: false }, land: { enabled: false }, credit: { enabled: false },
    }),
    3,
  );
}

describe('the inclusive-value gap x', () => {
  it('is ln(1 + Σ_z A_z e^V / (A_out e^u_out)) — 0 without zones', () => {
    // 12 zones × 300 ha at utility 0 against 500 ha at 0.7: ln(1 + 3600 / (500 e^0.7)) = 1.5207…
    expect(inclusiveValueGap(province(12, {}))).toBeCloseTo(Math.log(1 + 3600 / (500 * Math.exp(0.7))), 12);
    expect(inclusiveValueGap(province(0, {}))).toBe(0);
  });
});

describe('arrivals from the national pool', () => {
  it('adds share × reference rate × (F − 1) extra mobile projects, with ids of their own', () => {
    // Fixed arrivals of 10 a step; F = 2 and share 0.5 → exactly 5 extra a step.
    const state = province(12, { share: 0.5, elasticity: 0.5 });
    state.mobileArrivalFactor = 2;
    for (let s = 0; s < 12; s++) {
      arriveProjects(state);
      state.step++;
    }
    const pending = state.pending;
    let extra = 0;
    let referenceMobile = 0;
    for (let i = 0; i < pending.count; i++) {
      if (pending.id[i] >= MOBILE_PROJECT_ID_OFFSET) {
        extra++;
        expect(pending.mobile[i]).toBe(1);
      } else if (pending.mobile[i] === 1) referenceMobile++;
    }
    expect(extra).toBe(60);
    expect(pending.count).toBe(120 + 60);
    // Each reference project is mobile with probability 0.5 (counter-based): 120 draws, sd ≈ 5.5.
    expect(referenceMobile).toBeGreaterThan(38);
    expect(referenceMobile).toBeLessThan(82);
  });

  it('leaves the reference projects exactly as without the pool (common random numbers)', () => {
    const withPool = province(12, { share: 0.5, elasticity: 0.5 });
    const without = province(12, {});
    without.parameters.investment.mobile.enabled = false;
    withPool.mobileArrivalFactor = 1.7;
    for (let s = 0; s < 24; s++) {
      arriveProjects(withPool);
      arriveProjects(without);
      withPool.step++;
      without.step++;
    }
    const reference = (state: ModelState): string[] => {
      const out: string[] = [];
      for (let i = 0; i < state.pending.count; i++) {
        if (state.pending.id[i] < MOBILE_PROJECT_ID_OFFSET) out.push(`${state.pending.id[i]}:${state.pending.industry[i]}:${state.pending.investment[i]}`);
      }
      return out;
    };
    expect(reference(withPool)).toEqual(reference(without));
  });

  it('loses a share 1 − F of reference mobile projects when F < 1', () => {
    // share 1, F = 0.5: each of 1,200 reference projects is lost with probability 0.5;
    // binomial sd = sqrt(1200 × 0.25) ≈ 17.3, so 600 ± 4 sd = [531, 669].
    const state = province(12, { share: 1, elasticity: 0.5 }, { perYear: 1200 });
    state.mobileArrivalFactor = 0.5;
    for (let s = 0; s < 12; s++) {
      arriveProjects(state);
      state.step++;
    }
    expect(state.counters.mobileLostTotal + state.pending.count).toBe(1200);
    expect(state.counters.mobileLostTotal).toBeGreaterThan(531);
    expect(state.counters.mobileLostTotal).toBeLessThan(669);
  });
});
