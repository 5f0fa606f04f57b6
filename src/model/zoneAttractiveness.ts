import { exp, log } from './deterministicMath.ts';
import type { ModelState } from './modelState.ts';
import { relatednessDensity } from './r1RelatednessDensity.ts';
import { rebuildTree, setLeaf, updateTreePath } from './choiceTrees.ts';
import { zoneVacantLand } from './modelState.ts';
import { agglomerationOfCount } from './r2Agglomeration.ts';
import { sharedServicesUtility } from './r14SharedServices.ts';

/**
 * The deterministic part of the location-choice utility, cached per zone and per (zone, industry)
 * and refreshed incrementally: only the zone a firm enters is refreshed (O(K)), plus one refresh of
 * every zone per step after land, production and exits change (O(Z·K)); an exit needs no refresh of
 * its own, since nothing reads the cache between the exits at the end of a step and that refresh. The choice itself then
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
  computeZoneUtility(state, z);
  const trees = state.choiceTrees;
  if (trees !== null && z < state.zones.count) updateTreePath(trees, z);
}

/**
 * Refresh the cached utility of every zone and of the outside option (and rebuild the choice trees).
 * `industryTermsChanged`: leading industries or the guidance bonus changed, so every zone's industry
 * terms are recomputed (otherwise only those of zones whose firms changed).
 */
export function refreshAllZoneUtilities(state: ModelState, industryTermsChanged = false): void {
  if (industryTermsChanged) state.zones.industryDirty.fill(1);
  for (let z = 0; z <= state.zones.count; z++) computeZoneUtility(state, z);
  if (state.choiceTrees !== null) rebuildTree(state.choiceTrees);
}

/**
 * Recompute zone z's cached utilities and choice weights (and, with the tree sampler, its leaves in
 * every industry's tree — the sums above them are the caller's business).
 */
function computeZoneUtility(state: ModelState, z: number): void {
  const zones = state.zones;
  const industries = state.industries;
  const k = industries.count;
  const c = state.parameters.choice;
  const beta = c.landPrice.coefficient;
  const constants = state.constants;
  if (z === zones.count) {
    let outside = c.outside.utility;
    if (beta !== 0) outside -= beta * log(zones.price[z] / constants.referenceLandPrice);
    const approval = constants.promotionOutsideUtility;
    if (approval !== 0) outside += approval;
    zones.baseUtility[z] = outside;
    zones.expUtility.fill(exp(outside / c.scale), z * k, (z + 1) * k);
    return;
  }
  const agg = c.agglomeration;
  const table = state.agglomerationTable;
  let base = 0;
  if (beta !== 0) base -= beta * log(zones.price[z] / constants.referenceLandPrice);
  if (c.congestion.coefficient !== 0) {
    const capacity = state.parameters.zones.infrastructureJobsPerHa * zones.servicedHa[z];
    const load = capacity > 0 ? zones.employment[z] / capacity : 0;
    base -= c.congestion.coefficient * load * load;
  }
  if (agg.coefficient !== 0 && agg.scope === 'all-firms') {
    base += agg.coefficient * agglomerationOfCount(table, state.parameters, zones.firms[z]);
  }
  const policy = constants.planningAccessUtility + sharedServicesUtility(state, z) + constants.promotionZoneUtility;
  if (policy !== 0) base += policy;
  zones.baseUtility[z] = base;

  const beta1 = c.relatedness.enabled ? c.relatedness.coefficient : 0;
  const sameIndustry = agg.coefficient !== 0 && agg.scope === 'same-industry';
  const guidance = state.parameters.guidanceFund;
  const bonus = c.leadingIndustryBonus + (guidance.enabled && state.accounts.guidanceAvailable ? guidance.utilityBonus : 0);
  const anchors = state.parameters.positioning.enabled && state.parameters.positioning.anchorPull !== 0;
  const row = z * k;
  const trees = state.choiceTrees;
  if (trees === null) {
    // Scan sampler: one exponential per cell, exp((base + v) / s), as in earlier versions (bit for bit).
    for (let j = 0; j < k; j++) {
      const v = industryTerms(state, z, j, beta1, sameIndustry, bonus, anchors);
      zones.industryUtility[row + j] = v;
      zones.expUtility[row + j] = exp((base + v) / c.scale);
    }
    return;
  }
  // Tree sampler: weights exp(base / s) × exp(v / s); the industry terms only when the zone's firms
  // changed since they were last computed.
  if (zones.industryDirty[z] === 1) {
    for (let j = 0; j < k; j++) {
      const v = industryTerms(state, z, j, beta1, sameIndustry, bonus, anchors);
      zones.industryUtility[row + j] = v;
      zones.industryWeight[row + j] = exp(v / c.scale);
    }
    zones.industryDirty[z] = 0;
  }
  const baseWeight = exp(base / c.scale);
  zones.baseWeight[z] = baseWeight;
  const vacant = zoneVacantLand(zones, z);
  let size = c.sizeVariable === 'vacant-land' ? vacant : vacant > 0 ? 1 : 0;
  if (factoryProposalMultiplier(state, z) !== 1) size *= constants.standardFactoryWeight;
  for (let j = 0; j < k; j++) {
    const weight = baseWeight * zones.industryWeight[row + j];
    zones.expUtility[row + j] = weight;
    setLeaf(trees, z, j, weight * size);
  }
}

/**
 * The tree sampler's proposal multiplier of zone z for the standard-factory bonus: f = e^(bonus / s)
 * when the zone has vacant factory floor and f > 1 (some project may get it), else 1 (choiceTrees.ts).
 */
export function factoryProposalMultiplier(state: ModelState, z: number): number {
  const f = state.constants.standardFactoryWeight;
  if (!(f > 1) || !state.parameters.financing.enabled) return 1;
  return state.zones.standardFactoryHa[z] - state.zones.factoryUsedHa[z] > 0 ? f : 1;
}

/** The industry-specific utility terms of zone z for industry j (see the module comment). */
function industryTerms(
  state: ModelState,
  z: number,
  j: number,
  beta1: number,
  sameIndustry: boolean,
  bonus: number,
  anchors: boolean,
): number {
  const zones = state.zones;
  const row = z * state.industries.count;
  const agg = state.parameters.choice.agglomeration;
  let v = 0;
  if (beta1 !== 0) v += beta1 * relatednessDensity(zones, state.industries, z, j);
  if (sameIndustry) v += agg.coefficient * agglomerationOfCount(state.agglomerationTable, state.parameters, zones.industryFirms[row + j]);
  if (bonus !== 0 && zones.leading[row + j] === 1) v += bonus;
  if (anchors) v += zones.anchorUtility[row + j];
  return v;
}
