import { log } from './deterministicMath.ts';
import type { ModelState } from './modelState.ts';
import { rebuildTree, updateTreePath } from './choiceTrees.ts';
import { zoneVacantLand } from './modelState.ts';
import { agglomerationOfCount, agglomerationTableUpTo } from './r2Agglomeration.ts';
import { sharedServicesUtility } from './r14SharedServices.ts';
import { exponential } from './tableExponential.ts';

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
 * refresh instead of one per alternative per project), computed with the exponential that
 * numerics.exponential selects (tableExponential.ts).
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
    zones.expUtility.fill(exponential(outside / c.scale, constants.tableExponential), z * k, (z + 1) * k);
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

  const row = z * k;
  computeIndustryTerms(state, z);
  const trees = state.choiceTrees;
  const scale = c.scale;
  const tableExponential = constants.tableExponential;
  if (trees === null) {
    // Scan sampler: one exponential per cell, exp((base + v) / s), as in earlier versions (bit for bit
    // with numerics.exponential: fdlibm, which the legacy-equivalence tests use).
    for (let j = 0; j < k; j++) zones.expUtility[row + j] = exponential((base + zones.industryUtility[row + j]) / scale, tableExponential);
    return;
  }
  // Tree sampler: weights exp(base / s) × exp(v / s); the industry weights only when the zone's
  // firms changed since they were last computed (computeIndustryTerms then cleared the flag).
  const baseWeight = exponential(base / scale, tableExponential);
  zones.baseWeight[z] = baseWeight;
  const vacant = zoneVacantLand(zones, z);
  let size = c.sizeVariable === 'vacant-land' ? vacant : vacant > 0 ? 1 : 0;
  if (factoryProposalMultiplier(state, z) !== 1) size *= constants.standardFactoryWeight;
  const industryWeight = zones.industryWeight;
  const expUtility = zones.expUtility;
  const sums = trees.sums;
  const leaf = (trees.leaves + z) * k;
  for (let j = 0; j < k; j++) {
    const weight = baseWeight * industryWeight[row + j];
    expUtility[row + j] = weight;
    sums[leaf + j] = weight * size;
  }
}

/**
 * The industry-specific utility terms v_zj of zone z (see the module comment) into
 * `zones.industryUtility` — and, with the tree sampler, their weights exp(v / s) into
 * `zones.industryWeight`, only when the zone is marked dirty. One pass over the zone's row with the
 * arrays hoisted; the additions are made in the order of the formula, so the scan sampler's results
 * are those of earlier versions bit for bit.
 */
function computeIndustryTerms(state: ModelState, z: number): void {
  const zones = state.zones;
  const trees = state.choiceTrees;
  if (trees !== null && zones.industryDirty[z] === 0) return;
  const industries = state.industries;
  const k = industries.count;
  const c = state.parameters.choice;
  const agg = c.agglomeration;
  const beta1 = c.relatedness.enabled ? c.relatedness.coefficient : 0;
  const sameIndustry = agg.coefficient !== 0 && agg.scope === 'same-industry';
  const guidance = state.parameters.guidanceFund;
  const bonus = c.leadingIndustryBonus + (guidance.enabled && state.accounts.guidanceAvailable ? guidance.utilityBonus : 0);
  const anchors = state.parameters.positioning.enabled && state.parameters.positioning.anchorPull !== 0;
  const row = z * k;
  const firmsInZone = zones.firms[z];
  const industryFirms = zones.industryFirms;
  const relatedFirmSum = zones.relatedFirmSum;
  const proximity = industries.proximity;
  const leading = zones.leading;
  const anchorUtility = zones.anchorUtility;
  const industryUtility = zones.industryUtility;
  const industryWeight = zones.industryWeight;
  // exp(v · (1/s)): a multiplication instead of a division per cell; the same bits when s is a power of
  // two (the default s = 1), else within an ulp of v / s.
  const inverseScale = 1 / c.scale;
  const table = state.constants.tableExponential;
  // g(n) of every count up to the zone's firms, filled once so the loop only reads the table.
  const gTable = sameIndustry ? agglomerationTableUpTo(state.agglomerationTable, state.parameters, firmsInZone) : null;
  const linear = agg.form === 'linear';
  for (let j = 0; j < k; j++) {
    const own = industryFirms[row + j];
    let v = 0;
    if (beta1 !== 0) {
      // relatednessDensity (r1RelatednessDensity.ts), inline.
      const others = firmsInZone - own;
      let density = 0;
      if (others > 0.5) {
        density = (relatedFirmSum[row + j] - own * proximity[j * k + j]) / others;
        density = density < 0 ? 0 : density > 1 ? 1 : density;
      }
      v += beta1 * density;
    }
    if (gTable !== null) v += agg.coefficient * (linear ? own : gTable[own]);
    if (bonus !== 0 && leading[row + j] === 1) v += bonus;
    if (anchors) v += anchorUtility[row + j];
    industryUtility[row + j] = v;
    if (trees !== null) industryWeight[row + j] = exponential(v * inverseScale, table);
  }
  zones.industryDirty[z] = 0;
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

