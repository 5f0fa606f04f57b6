import type { Industries } from './industries.ts';
import type { ModelState, ZoneTable } from './modelState.ts';
import { relatednessDensity } from './r1RelatednessDensity.ts';
import { refreshAllZoneUtilities } from './zoneAttractiveness.ts';
import { exponential } from './tableExponential.ts';

/**
 * R10 industrial positioning (明确产业定位).
 *
 * Leading industries (主导产业): every `reviewEveryYears` years each zone re-chooses its
 * `zones.leadingIndustriesPerZone` leading industries.
 * - `scored` (the speech's rule: strongest competitiveness, best growth, highest relatedness —
 *   竞争力最强、成长性最好、关联度最高): score_zj = w_C·ẑ(LQ_zj) + w_G·ẑ(g_j) + w_R·ẑ(D_zj), where LQ is the
 *   zone's employment location quotient (its revealed comparative advantage; Balassa 1965), g the
 *   industry's demand growth and D the relatedness density (Hidalgo et al. 2007), each standardised
 *   across industries within the zone (ẑ = (x − mean)/sd; 0 when all equal) so the weights are
 *   comparable. The top-scoring industries lead. First review after one interval (zones start from
 *   their initial, historically given leading industries).
 * - `homogeneous` (同质化竞争, the common criticism): every zone picks the fastest-growing industries,
 *   from year 0.
 * Leading industries get the targeted incentive `choice.leadingIndustryBonus` and the guidance fund.
 *
 * Anchor firms (龙头企业) draw their suppliers (产业配套, extending the chain): the zone keeps
 * A_zj = Σ over its anchors a of φ(j, industry of a), and a project of industry j gains
 * anchorPull × (1 − e^(−A_zj)) in utility — saturating, so one anchor matters and ten do not matter
 * ten times as much. With `choice.relatedness.enabled: false`, φ is replaced by the identity (an
 * anchor pulls its own industry only) and the scored rule drops its relatedness criterion, so the
 * proximity matrix plays no part in where projects go.
 * Switched off: the initial leading industries are kept and anchors exert no extra pull.
 */

/**
 * Add (sign 1) or remove (sign −1) an anchor firm of `industry` in zone z (O(K)). With `related`
 * false (`choice.relatedness.enabled: false`) the anchor counts for its own industry only — the
 * proximity matrix is replaced by the identity.
 */
export function recordAnchor(
  zones: ZoneTable,
  industries: Industries,
  z: number,
  industry: number,
  sign: 1 | -1,
  related = true,
): void {
  const k = industries.count;
  const base = z * k;
  if (!related) {
    zones.anchorRelated[base + industry] += sign;
    return;
  }
  const row = industry * k;
  for (let j = 0; j < k; j++) zones.anchorRelated[base + j] += sign * industries.proximity[row + j];
}

/** Utility of anchor pull for industry j in zone z (0 when positioning is off), from the zone's cache. */
export function anchorPullUtility(state: ModelState, z: number, j: number): number {
  const p = state.parameters.positioning;
  if (!p.enabled || p.anchorPull === 0) return 0;
  return state.zones.anchorUtility[z * state.industries.count + j];
}

/**
 * Recompute zone z's cached anchor pull anchorPull × (1 − e^(−A_zj)) for every industry, after its
 * anchors changed (K exponentials per anchor entry or exit instead of one per utility refresh).
 */
export function refreshAnchorPull(state: ModelState, z: number): void {
  const pull = state.parameters.positioning.anchorPull;
  const k = state.industries.count;
  const zones = state.zones;
  for (let j = 0; j < k; j++) {
    const a = zones.anchorRelated[z * k + j];
    zones.anchorUtility[z * k + j] = a > 0 ? pull * (1 - exponential(-a, state.constants.tableExponential)) : 0;
  }
}

/** Whether the current step is a leading-industry review step. */
export function isPositioningReviewStep(state: ModelState): boolean {
  const p = state.parameters.positioning;
  if (!p.enabled || state.parameters.zones.leadingIndustriesPerZone === 0) return false;
  const interval = p.reviewEveryYears * state.constants.stepsPerYear;
  if (p.rule === 'homogeneous' && state.step === 0) return true;
  return state.step > 0 && state.step % interval === 0;
}

/** Mechanism: on review steps, every zone re-chooses its leading industries. */
export function reviewLeadingIndustries(state: ModelState): void {
  if (!isPositioningReviewStep(state)) return;
  const zones = state.zones;
  const k = state.industries.count;
  const count = state.parameters.zones.leadingIndustriesPerZone;
  const score = state.industryScratch;
  const industryJobs = new Float64Array(k); // once per review, not per firm
  let totalJobs = 0;
  for (let zz = 0; zz <= zones.count; zz++) {
    totalJobs += zones.employment[zz];
    for (let j = 0; j < k; j++) industryJobs[j] += zones.industryEmployment[zz * k + j];
  }
  for (let z = 0; z < zones.count; z++) {
    scoreIndustries(state, z, score, industryJobs, totalJobs);
    zones.leading.fill(0, z * k, (z + 1) * k);
    for (let n = 0; n < count; n++) {
      let best = -1;
      for (let j = 0; j < k; j++) {
        if (zones.leading[z * k + j] === 1) continue;
        if (best < 0 || score[j] > score[best]) best = j; // ties: lowest index, deterministic
      }
      zones.leading[z * k + best] = 1;
    }
  }
  refreshAllZoneUtilities(state, true);
}

/**
 * Fill `out` with the leading-industry score of every industry for zone z under the scenario's rule,
 * given province employment per industry and in total.
 */
export function scoreIndustries(state: ModelState, z: number, out: Float64Array, industryJobs: Float64Array, totalJobs: number): void {
  const p = state.parameters.positioning;
  const industries = state.industries;
  const k = industries.count;
  // The criteria's values go through a K-length array (a double returned by a closure call is boxed).
  const values = new Float64Array(k);
  out.fill(0);
  for (let j = 0; j < k; j++) values[j] = industries.growth[j];
  addStandardised(out, values, k, p.rule === 'homogeneous' ? 1 : p.growthWeight);
  if (p.rule === 'homogeneous') return;
  const zones = state.zones;
  const zoneJobs = zones.employment[z];
  for (let j = 0; j < k; j++) {
    const e = zones.industryEmployment[z * k + j];
    values[j] = zoneJobs > 0 && industryJobs[j] > 0 && totalJobs > 0 ? e / zoneJobs / (industryJobs[j] / totalJobs) : 0;
  }
  addStandardised(out, values, k, p.competitivenessWeight);
  if (state.parameters.choice.relatedness.enabled) {
    for (let j = 0; j < k; j++) values[j] = relatednessDensity(zones, industries, z, j);
    addStandardised(out, values, k, p.relatednessWeight);
  }
}

/** out[j] += weight × (x_j − mean) / sd over j; nothing when the weight is 0 or all x are equal. */
function addStandardised(out: Float64Array, values: Float64Array, k: number, weight: number): void {
  if (weight === 0 || k < 2) return;
  let mean = 0;
  for (let j = 0; j < k; j++) mean += values[j];
  mean /= k;
  let variance = 0;
  for (let j = 0; j < k; j++) variance += (values[j] - mean) ** 2;
  const sd = Math.sqrt(variance / k);
  if (!(sd > 1e-12)) return;
  for (let j = 0; j < k; j++) out[j] += (weight * (values[j] - mean)) / sd;
}
