import { describe, expect, it } from 'vitest';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { computeChoiceWeights } from '../../src/model/locationChoice.ts';
import type { ModelState } from '../../src/model/modelState.ts';
import { inputWith } from '../support/modelInputs.ts';

/**
 * Issue 9, defect 2: with one outside alternative the zone share of identical empty zones was
 * Z·e^V / (Z·e^V + e^u_out), so adding zones raised it mechanically (henan-180 had to raise u_out by
 * hand). With `choice.sizeVariable: vacant-land` each alternative is an aggregate of sites weighted by
 * its vacant land (McFadden 1978): the weights are A_z·e^(V_z/s) and A_out·e^(u_out/s), so splitting
 * a zone or adding zones without vacant land changes nothing, and the share is set by land and
 * utility. Independent calculation: the logit formula itself, evaluated here with Math.exp.
 */

/** Z identical empty zones, each with `vacantHa` serviced and vacant; every utility term off but the outside constant. */
function identicalZones(zoneCount: number, vacantHa: number, sizeVariable: 'none' | 'vacant-land'): ModelState {
  return initialiseModel(
    inputWith({
      zones: { count: zoneCount, plannedAreaHa: vacantHa, plannedAreaDispersion: 0, initialServicedShare: 1, leadingIndustriesPerZone: 0, landPriceScarcityElasticity: 0 },
      firms: { initialCount: 0 },
      choice: {
        sizeVariable,
        scale: 1,
        relatedness: { coefficient: 0 },
        agglomeration: { coefficient: 0 },
        landPrice: { coefficient: 0 },
        congestion: { coefficient: 0 },
        leadingIndustryBonus: 0,
        outside: { utility: 0.7, vacantLandHa: 500 },
      },
      positioning: { enabled: false },
      planning: { enabled: false },
      financing: { enabled: false },
      services: { enabled: false },
      promotion: { enabled: false },
      guidanceFund: { enabled: false },
      land: { enabled: false },
    }),
    1,
  );
}

function zoneShare(state: ModelState): number {
  const weights = new Float64Array(state.zones.count + 1);
  const sum = computeChoiceWeights(state, 0, 1, weights, 100);
  let zones = 0;
  for (let z = 0; z < state.zones.count; z++) zones += weights[z];
  return zones / sum;
}

describe('vacant land as the size variable of the location choice (issue 9, defect 2)', () => {
  it('gives the aggregated-logit share Z·A·e^0 / (Z·A·e^0 + A_out·e^u_out)', () => {
    // 12 zones × 300 ha against 500 ha of scattered land at utility 0.7:
    // 3600 / (3600 + 500 e^0.7) = 0.78144… (computed with Math.exp below).
    const expected = 3600 / (3600 + 500 * Math.exp(0.7));
    expect(zoneShare(identicalZones(12, 300, 'vacant-land'))).toBeCloseTo(expected, 12);
  });

  it('splitting every zone in two halves leaves the share unchanged', () => {
    expect(zoneShare(identicalZones(24, 150, 'vacant-land'))).toBeCloseTo(zoneShare(identicalZones(12, 300, 'vacant-land')), 12);
  });

  it('designating zones with no vacant land changes nothing', () => {
    const state = identicalZones(12, 300, 'vacant-land');
    const before = zoneShare(state);
    // Fill half the zones' land: they offer no vacant plot, so they drop out, and only the land left counts.
    for (let z = 0; z < 6; z++) state.zones.usedHa[z] = state.zones.servicedHa[z];
    const expected = 1800 / (1800 + 500 * Math.exp(0.7));
    expect(zoneShare(state)).toBeCloseTo(expected, 12);
    expect(zoneShare(state)).toBeLessThan(before);
  });

  it('the plain logit (sizeVariable none) is the foundation model: doubling the zones raises the share', () => {
    // Z e^0 / (Z e^0 + e^0.7): 12 zones 0.8563…, 24 zones 0.9226…
    expect(zoneShare(identicalZones(12, 300, 'none'))).toBeCloseTo(12 / (12 + Math.exp(0.7)), 12);
    expect(zoneShare(identicalZones(24, 150, 'none'))).toBeCloseTo(24 / (24 + Math.exp(0.7)), 12);
  });
});
