import { exp, log } from './deterministicMath.ts';
import type { ModelState } from './modelState.ts';
import { relatednessDensity } from './r1RelatednessDensity.ts';
import { agglomerationTerm } from './r2Agglomeration.ts';
import { planningAccessUtility } from './r9PlanningLandServicing.ts';
import { anchorPullUtility } from './r10IndustrialPositioning.ts';
import { sharedServicesUtility } from './r14SharedServices.ts';
import { promotionUtilityForOutside, promotionUtilityForZone } from './r15InvestmentPromotion.ts';

/**
 * The deterministic part of the location-choice utility, cached per zone and per (zone, industry)
 * and refreshed incrementally: only the zone a firm enters or leaves is refreshed (O(K)), plus one
 * refresh of every zone per step after land and production change (O(Z·K)). The choice itself then
 * reads V_zj = baseUtility[z] + industryUtility[z, j] in O(1) per alternative.
 *
 * For a zone z and a project of industry j:
 *
 *     V_zj =  β_R · D_zj                              R1 relatedness density (r1RelatednessDensity.ts;
 *                                                     0 when choice.relatedness.enabled is false)
 *           + β_A · g(n)                              R2 agglomeration (r2Agglomeration.ts)
 *           − β_P · ln(p_z / p_ref)                   R3/R11 land price (r11LandMarket.ts)
 *           − β_C · (E_z / (c · serviced_z))²         congestion of shared infrastructure (R4)
 *           + b · [j is a leading industry of z]      R10 targeted incentive
 *           + anchor pull of related anchor firms     R10 (r10IndustrialPositioning.ts)
 *           + guidance-fund bonus [j leading, money]  R13 (r13GuidanceFund.ts)
 *           + β_access · coordination                 R9 market access (r9PlanningLandServicing.ts)
 *           − service cost per firm                   R14 (r14SharedServices.ts)
 *           + ln(awareness) − approval time           R15 (r15InvestmentPromotion.ts)
 *
 * plus, per project, the standard-factory bonus for small projects (R12, locationChoice.ts).
 * The choice weights exp(V / scale) are cached beside the utilities (one exponential per cell per
 * refresh instead of one per alternative per project).
 *
 * For the outside option: V_out = u_out − β_P · ln(p_out / p_ref) − outside approval time:
 * scattered sites have no agglomeration, relatedness, congestion, incentive or service terms. A coefficient of 0 skips its term, so a
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
    if (beta !== 0) outside -= beta * log(zones.price[z] / state.constants.referenceLandPrice);
    const approval = promotionUtilityForOutside(state);
    if (approval !== 0) outside += approval;
    zones.baseUtility[z] = outside;
    zones.expUtility.fill(exp(outside / c.scale), z * k, (z + 1) * k);
    return;
  }
  const agg = c.agglomeration;
  let base = 0;
  if (beta !== 0) base -= beta * log(zones.price[z] / state.constants.referenceLandPrice);
  if (c.congestion.coefficient !== 0) {
    const capacity = state.parameters.zones.infrastructureJobsPerHa * zones.servicedHa[z];
    const load = capacity > 0 ? zones.employment[z] / capacity : 0;
    base -= c.congestion.coefficient * load * load;
  }
  if (agg.coefficient !== 0 && agg.scope === 'all-firms') {
    base += agg.coefficient * agglomerationTerm(agg.form, zones.firms[z], agg.offset, agg.saturation);
  }
  const policy = planningAccessUtility(state) + sharedServicesUtility(state, z) + promotionUtilityForZone(state);
  if (policy !== 0) base += policy;
  zones.baseUtility[z] = base;

  const beta1 = c.relatedness.enabled ? c.relatedness.coefficient : 0;
  const sameIndustry = agg.coefficient !== 0 && agg.scope === 'same-industry';
  const guidance = state.parameters.guidanceFund;
  const bonus = c.leadingIndustryBonus + (guidance.enabled && state.accounts.guidanceAvailable ? guidance.utilityBonus : 0);
  const anchors = state.parameters.positioning.enabled && state.parameters.positioning.anchorPull !== 0;
  const row = z * k;
  for (let j = 0; j < k; j++) {
    let v = 0;
    if (beta1 !== 0) v += beta1 * relatednessDensity(zones, industries, z, j);
    if (sameIndustry) v += agg.coefficient * agglomerationTerm(agg.form, zones.industryFirms[row + j], agg.offset, agg.saturation);
    if (bonus !== 0 && zones.leading[row + j] === 1) v += bonus;
    if (anchors) v += anchorPullUtility(state, z, j);
    zones.industryUtility[row + j] = v;
    zones.expUtility[row + j] = exp((base + v) / c.scale);
  }
}

/** Refresh the cached utility of every zone and of the outside option. */
export function refreshAllZoneUtilities(state: ModelState): void {
  for (let z = 0; z <= state.zones.count; z++) refreshZoneUtility(state, z);
}
