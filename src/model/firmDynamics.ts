import { exp } from './deterministicMath.ts';
import { exitFirm } from './firmRegistry.ts';
import type { ModelState } from './modelState.ts';
import { counterStandardNormal } from './randomStreams.ts';
import { knowledgeSpilloverGrowth } from './r7KnowledgeSpillovers.ts';
import { demandMultiplier, exitHazardMultiplier } from './r16Crisis.ts';

/**
 * Growth, production, productivity and exit of firms.
 *
 * - Demand growth: every firm's capital grows with its industry's demand, × (1 + g_j)^(1/T) per step
 *   (T steps per year), on fixed land — so investment and output per hectare rise over a firm's life
 *   (R3 intensification). Kept exactly through the industry growth index G_j(t).
 * - Production: jobs = investment × labour intensity; output = productivity × investment /
 *   capital–output ratio × the crisis demand multiplier (M¥/year; R16), a Leontief-style
 *   fixed-coefficient technology per industry.
 * - Productivity: once a year, log a ← log a + μ + σ ε, a random walk (Gibrat's law; Sutton 1997)
 *   with ε a counter-based standard normal keyed by (seed, firm id, year). Annual shocks match the
 *   annual frequency of firm-level productivity data (e.g. China's above-scale industrial firm survey),
 *   plus the knowledge-spillover growth of zone firms (R7, r7KnowledgeSpillovers.ts).
 * - Exit: (i) selection — a firm whose productivity × the demand multiplier is below
 *   `firms.exitProductivityThreshold` exits (Hopenhayn 1992); (ii) an exogenous hazard h per year,
 *   implemented as a per-firm exit clock: firm i exits when the cumulative hazard Λ(t) reaches
 *   Λ(entry) + E_i, E_i ~ Exp(1). Each step adds −ln(1 − h)/T to Λ, so a firm survives a year with
 *   probability exactly 1 − h; in a crisis the increment is multiplied (R16).
 *
 * Per step the aggregates cost O(zones × industries); one pass over all firms happens per step for
 * the exit check and once a year for productivity. Nothing is allocated per firm.
 */

/** Advance every industry's demand growth index by one step. */
export function growIndustryDemand(state: ModelState): void {
  const index = state.industryGrowthIndex;
  const factor = state.constants.industryGrowthFactor;
  for (let j = 0; j < index.length; j++) index[j] *= factor[j];
}

/** True at the first step of every year after the first (when productivity is reviewed). */
export function isProductivityReviewStep(state: ModelState): boolean {
  return state.step > 0 && state.step % state.constants.stepsPerYear === 0;
}

/**
 * Once a year: apply each firm's productivity shock, then re-sum the zones' capital, productive
 * capital and land in use exactly from the firm table (so incremental rounding never accumulates).
 */
export function reviewFirmProductivity(state: ModelState): void {
  if (!isProductivityReviewStep(state)) return;
  const firms = state.firms;
  const zones = state.zones;
  const k = state.industries.count;
  const drift = state.parameters.firms.productivityDrift;
  const volatility = state.parameters.firms.productivityVolatility;
  const year = state.step / state.constants.stepsPerYear;
  const seed = state.seed;
  const spillovers = state.parameters.innovation.enabled;
  zones.normalisedCapital.fill(0);
  zones.productiveCapital.fill(0);
  // Spillovers are computed from the zone state before anyone's productivity changes this year.
  const spilloverGrowth = spillovers ? precomputeSpillovers(state) : null;
  zones.usedHa.fill(0);
  zones.factoryUsedHa.fill(0);
  for (let i = 0; i < firms.count; i++) {
    let a = firms.productivity[i];
    const z = firms.zone[i];
    const j = firms.industry[i];
    const cell = z * k + j;
    const extra = spilloverGrowth === null ? 0 : spilloverGrowth[cell];
    if (volatility !== 0 || drift !== 0 || extra !== 0) {
      const shock = volatility === 0 ? 0 : volatility * counterStandardNormal(seed, firms.id[i], year);
      a *= exp(extra === 0 ? drift + shock : drift + shock + extra);
      firms.productivity[i] = a;
    }
    zones.normalisedCapital[cell] += firms.capitalIndex[i];
    zones.productiveCapital[cell] += a * firms.capitalIndex[i];
    if (firms.inFactory[i] === 1) zones.factoryUsedHa[z] += firms.land[i];
    else zones.usedHa[z] += firms.land[i];
  }
}

/** Spillover growth of every (zone, industry) cell, (Z + 1) × K, from the zone state before the review. */
function precomputeSpillovers(state: ModelState): Float64Array {
  const zones = state.zones;
  const k = state.industries.count;
  const out = state.spilloverScratch;
  for (let z = 0; z <= zones.count; z++) {
    for (let j = 0; j < k; j++) {
      out[z * k + j] = zones.industryFirms[z * k + j] > 0 ? knowledgeSpilloverGrowth(state, z, j) : 0;
    }
  }
  return out;
}

/**
 * Derive jobs, output and investment per zone and industry (and zone totals) from the capital sums and
 * the industry growth index: O(zones × industries), no pass over firms.
 */
export function deriveZoneAggregates(state: ModelState): void {
  const zones = state.zones;
  const industries = state.industries;
  const k = industries.count;
  const growth = state.industryGrowthIndex;
  const demand = demandMultiplier(state);
  for (let z = 0; z <= zones.count; z++) {
    let employment = 0;
    let output = 0;
    let investment = 0;
    for (let j = 0; j < k; j++) {
      const cell = z * k + j;
      const inv = zones.normalisedCapital[cell] * growth[j];
      const jobs = inv * industries.labourIntensity[j];
      let out = (zones.productiveCapital[cell] * growth[j]) / industries.capitalIntensity[j];
      if (demand !== 1) out *= demand;
      zones.industryEmployment[cell] = jobs;
      zones.industryOutput[cell] = out;
      employment += jobs;
      output += out;
      investment += inv;
    }
    zones.employment[z] = employment;
    zones.output[z] = output;
    zones.investment[z] = investment;
  }
}

/**
 * Exit (see the module comment): advance the cumulative hazard, then remove every firm whose clock has
 * run out or whose productivity is below the threshold. Walks the table from the end so the
 * swap-remove never skips a firm.
 */
export function exitFirms(state: ModelState): void {
  const multiplier = exitHazardMultiplier(state);
  state.cumulativeExitHazard += multiplier === 1 ? state.constants.exitHazardPerStep : state.constants.exitHazardPerStep * multiplier;
  const hazard = state.cumulativeExitHazard;
  const firms = state.firms;
  const demand = demandMultiplier(state);
  const threshold = demand === 1 ? state.parameters.firms.exitProductivityThreshold : state.parameters.firms.exitProductivityThreshold / demand;
  for (let i = firms.count - 1; i >= 0; i--) {
    if (firms.exitClock[i] <= hazard || firms.productivity[i] < threshold) exitFirm(state, i);
  }
}
