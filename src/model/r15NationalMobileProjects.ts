import { log } from './deterministicMath.ts';
import { exponential } from './tableExponential.ts';
import { zoneVacantLand, type ModelState } from './modelState.ts';
import { CounterPurpose, counterUniform } from './randomStreams.ts';

/**
 * R15 筑巢引凤 / 产业转移 — the national pool of mobile projects: relocation from the coast, FDI and
 * other investment that can go anywhere in China. Zones can raise how much of it the province gets;
 * without this mechanism zones could only move investment within the province, never create it.
 *
 * Nested logit (McFadden 1978; Train 2009, ch. 4). A mobile project first chooses a province (upper
 * level), then a location inside it (the location choice, locationChoice.ts). The province's
 * attraction at the upper level is its inclusive value, the log-sum of its alternatives
 *
 *     IV_j(t) = ln( Σ_zones M_z e^(V_zj / s) + M_out e^(V_out / s) )       (industry j)
 *
 * with the size variables M of `choice.sizeVariable` (vacant hectares, or 1 per alternative with
 * vacant land under `none`). The reference is the province without zones, whose inclusive value is
 * that of its scattered sites alone, ln(M_out e^(V_out / s)). The gap
 *
 *     x(t) = Σ_j π_j ln(1 + Σ_z M_z e^(V_zj / s) / (M_out e^(V_out / s)))  ≥ 0,
 *
 * averaged over the industries' arrival shares π_j, is how much zones add to the province's pull.
 * With the province's share s0 of the national pool at the reference (`provinceShare`) and the
 * upper-level coefficient ρ (`elasticity`, in [0, 1] for consistency with random utility), the binary
 * logit province-vs-rest-of-China gives mobile arrivals relative to the reference
 *
 *     F(t) = S(x) / S(0) = e^(ρx) / (s0 e^(ρx) + 1 − s0) = 1 / (s0 + (1 − s0) e^(−ρx)),
 *
 * which rises from 1 (x = 0 or ρ = 0) to at most 1/s0. ρ is to be estimated, not assumed (the
 * literature finds zones add investment: Alder, Shao & Zilibotti 2016; Lu, Wang & Zhu 2019; Wang
 * 2013 on FDI "not merely through relocation").
 *
 * Arrivals (projectArrival.ts): of the reference flow `projects.perYear`, each project is mobile with
 * probability `share` (a counter-based draw keyed by its id, so the local stream is untouched). When
 * F > 1, extra mobile projects arrive at rate (share × reference rate) × (F − 1), drawn from their own
 * stream with ids of their own. Since x ≥ 0 and ρ ≥ 0, F ≥ 1 with valid parameters; the opposite
 * branch — each reference mobile project lost to the rest of China with probability 1 − F
 * (counter-based) — keeps the mechanism a binary logit in both directions for callers that set F
 * themselves (tests) and for a future reference other than the scattered sites. The scattered option's
 * weight enters x even when `choice.outside.enabled` is false: it is the province's reference pull,
 * whether or not projects may also settle there. With ρ = 0, F = 1 and the flow is exactly the
 * reference flow: zones then cannot attract a single extra project.
 */

/**
 * x(t), the gap between the province's inclusive value and that of its scattered sites (see above),
 * from the cached choice weights (O(Z·K) multiply-adds, once a step; no exponential).
 */
export function inclusiveValueGap(state: ModelState): number {
  const zones = state.zones;
  const k = state.industries.count;
  const cached = zones.expUtility;
  const sizedByLand = state.parameters.choice.sizeVariable === 'vacant-land';
  const outsideSize = sizedByLand ? state.parameters.choice.outside.vacantLandHa : 1;
  const outsideWeight = cached[zones.count * k] * outsideSize;
  const cumulative = state.industries.arrivalCumulativeWeights;
  // Σ_z M_z e^(V_zj / s) of every industry at once, zone by zone (each zone's vacant land computed
  // once, its row read in order); each industry's sum still adds the zones in ascending order.
  const sums = state.industryScratch;
  sums.fill(0);
  for (let z = 0; z < zones.count; z++) {
    const vacant = zoneVacantLand(zones, z);
    if (!(vacant > 0)) continue;
    const size = sizedByLand ? vacant : 1;
    const row = z * k;
    for (let j = 0; j < k; j++) sums[j] += cached[row + j] * size;
  }
  let gap = 0;
  let previous = 0;
  for (let j = 0; j < k; j++) {
    const share = cumulative[j] - previous;
    previous = cumulative[j];
    if (share <= 0) continue;
    const ratio = sums[j] / outsideWeight;
    let industryGap = Number.isFinite(ratio) ? log(1 + ratio) : inclusiveGapInLogs(state, j, sizedByLand, outsideSize);
    // Degenerate utilities (a scattered option at −∞, a scale near 0): an infinite gap is capped (F has
    // long reached 1/s0), and ∞ − ∞ counts as no gap.
    if (industryGap !== industryGap) industryGap = 0;
    else if (industryGap > MAX_INCLUSIVE_VALUE_GAP) industryGap = MAX_INCLUSIVE_VALUE_GAP;
    gap += share * industryGap;
  }
  return gap;
}

/** ln(1 + Σ_z M_z e^(V_zj/s) / (M_out e^(V_out/s))) from the utilities, when cached weights overflow. */
function inclusiveGapInLogs(state: ModelState, j: number, sizedByLand: boolean, outsideSize: number): number {
  const zones = state.zones;
  const k = state.industries.count;
  const inverseScale = 1 / state.parameters.choice.scale;
  const reference = zones.baseUtility[zones.count] * inverseScale + log(outsideSize);
  let max = reference;
  for (let z = 0; z < zones.count; z++) {
    const vacant = zoneVacantLand(zones, z);
    if (vacant <= 0) continue;
    const v = (zones.baseUtility[z] + zones.industryUtility[z * k + j]) * inverseScale + (sizedByLand ? log(vacant) : 0);
    if (v > max) max = v;
  }
  const table = state.constants.tableExponential;
  let sum = exponential(reference - max, table);
  for (let z = 0; z < zones.count; z++) {
    const vacant = zoneVacantLand(zones, z);
    if (vacant <= 0) continue;
    sum += exponential((zones.baseUtility[z] + zones.industryUtility[z * k + j]) * inverseScale + (sizedByLand ? log(vacant) : 0) - max, table);
  }
  return max + log(sum) - reference;
}

/** The largest gap x per industry (log points): beyond it e^(−ρx) is below 1e-300 for ρ ≥ 1 and F is 1/s0. */
export const MAX_INCLUSIVE_VALUE_GAP = 700;

/** F for a gap x: 1 / (s0 + (1 − s0) e^(−ρx)), with the exponential `table` selects (numerics.exponential). */
export function mobileArrivalFactorFor(gap: number, elasticity: number, provinceShare: number, table: boolean): number {
  if (elasticity === 0 || gap === 0) return 1;
  return 1 / (provinceShare + (1 - provinceShare) * exponential(-elasticity * gap, table));
}

/**
 * Mechanism (after the zone utilities are refreshed, before arrivals): this step's gap x (reported
 * whenever the pool is on) and factor F (which stays exactly 1 with ρ = 0). Off: nothing is computed.
 */
export function updateMobileArrivalFactor(state: ModelState): void {
  const m = state.parameters.investment.mobile;
  if (!m.enabled) return;
  state.mobileInclusiveGap = inclusiveValueGap(state);
  state.mobileArrivalFactor = mobileArrivalFactorFor(state.mobileInclusiveGap, m.elasticity, m.provinceShare, state.constants.tableExponential);
}

/**
 * Mark the reference project at pending index i as mobile (or local), and report whether the province
 * loses it to the rest of China (F < 1). Counter-based draws keyed by the project id.
 */
export function classifyReferenceProject(state: ModelState, i: number): boolean {
  const m = state.parameters.investment.mobile;
  const pending = state.pending;
  const id = pending.id[i];
  if (counterUniform(state.seed, id, 0, CounterPurpose.mobileOrigin) >= m.share) return false;
  pending.mobile[i] = 1;
  const factor = state.mobileArrivalFactor;
  const lost = factor < 1 && counterUniform(state.seed, id, 0, CounterPurpose.mobileLoss) < 1 - factor;
  if (!lost) state.counters.mobileArrivalsTotal++;
  return lost;
}

/** Expected extra mobile arrivals this step, given the reference arrival rate of the step. */
export function extraMobileArrivalRate(state: ModelState, referenceRate: number): number {
  const m = state.parameters.investment.mobile;
  const factor = state.mobileArrivalFactor;
  return factor > 1 ? referenceRate * m.share * (factor - 1) : 0;
}
