import type { ModelState } from './modelState.ts';
import { relatednessDensity } from './r1RelatednessDensity.ts';
import { agglomerationTerm } from './r2Agglomeration.ts';

/**
 * The deterministic part of the location-choice utility, cached per zone and per (zone, industry)
 * and refreshed incrementally: only the zone a firm enters or leaves is refreshed (O(K)), plus one
 * refresh of every zone per step after land and production change (O(Z·K)). The choice itself then
 * reads V_zj = baseUtility[z] + industryUtility[z, j] in O(1) per alternative.
 *
 * For a zone z and a project of industry j:
 *
 *     V_zj =  β_R · D_zj                              R1 relatedness density (r1RelatednessDensity.ts)
 *           + β_A · g(n)                              R2 agglomeration (r2Agglomeration.ts)
 *           − β_P · ln(p_z / p_ref)                   R3/R11 land price (r11LandMarket.ts)
 *           − β_C · (E_z / (c · serviced_z))²         congestion of shared infrastructure (R4)
 *           + b · [j is a leading industry of z]      R10 targeted incentive
 *
 * For the outside option: V_out = u_out − β_P · ln(p_out / p_ref): scattered sites have no
 * agglomeration, relatedness, congestion or incentive terms. A coefficient of 0 skips its term, so a
 * switched-off term cannot contribute even through rounding. p_ref is the zones' base price, so an
 * empty zone's price term is 0.
 */
export function refreshZoneUtility(state: ModelState, z: number): void {
  const zones = state.zones;
  const industries = state.industries;
  const k = industries.count;
  const c = state.parameters.choice;
  const beta = c.landPrice.coefficient;
  if (z === zones.count) {
    let outside = c.outside.utility;
    if (beta !== 0) outside -= beta * Math.log(zones.price[z] / state.constants.referenceLandPrice);
    zones.baseUtility[z] = outside;
    return;
  }
  const agg = c.agglomeration;
  let base = 0;
  if (beta !== 0) base -= beta * Math.log(zones.price[z] / state.constants.referenceLandPrice);
  if (c.congestion.coefficient !== 0) {
    const capacity = state.parameters.zones.infrastructureJobsPerHa * zones.servicedHa[z];
    const load = capacity > 0 ? zones.employment[z] / capacity : 0;
    base -= c.congestion.coefficient * load * load;
  }
  if (agg.coefficient !== 0 && agg.scope === 'all-firms') {
    base += agg.coefficient * agglomerationTerm(agg.form, zones.firms[z], agg.offset, agg.saturation);
  }
  zones.baseUtility[z] = base;

  const beta1 = c.relatedness.coefficient;
  const sameIndustry = agg.coefficient !== 0 && agg.scope === 'same-industry';
  const bonus = c.leadingIndustryBonus;
  const row = z * k;
  for (let j = 0; j < k; j++) {
    let v = 0;
    if (beta1 !== 0) v += beta1 * relatednessDensity(zones, industries, z, j);
    if (sameIndustry) v += agg.coefficient * agglomerationTerm(agg.form, zones.industryFirms[row + j], agg.offset, agg.saturation);
    if (bonus !== 0 && zones.leading[row + j] === 1) v += bonus;
    zones.industryUtility[row + j] = v;
  }
}

/** Refresh the cached utility of every zone and of the outside option. */
export function refreshAllZoneUtilities(state: ModelState): void {
  for (let z = 0; z <= state.zones.count; z++) refreshZoneUtility(state, z);
}
