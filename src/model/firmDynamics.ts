import { exitFirm } from './firmRegistry.ts';
import type { ModelState } from './modelState.ts';
import { fillCounterStandardNormals } from './randomStreams.ts';
import { expansionGrowthFactors } from './r5IncumbentExpansion.ts';
import { knowledgeSpilloverGrowth } from './r7KnowledgeSpillovers.ts';
import { exponentialInPlace } from './tableExponential.ts';
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
 * Once a year: apply each firm's productivity shock and its location's expansion (R5,
 * r5IncumbentExpansion.ts), then re-sum the zones' and the province's capital, productive capital and
 * land in use exactly from the firm table (so incremental rounding never accumulates).
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
  const expansion = expansionGrowthFactors(state);
  const province = state.province;
  const growth = state.industryGrowthIndex;
  province.normalisedCapital.fill(0);
  province.productiveCapital.fill(0);
  zones.usedHa.fill(0);
  zones.factoryUsedHa.fill(0);
  // Pass 1, in batches over the table (no boxed intermediates): the growth factor of log
  // productivity, exp(μ + σ ε + spillover), of every firm that has one.
  const count = firms.count;
  const factor = firms.scratchA;
  if (volatility !== 0) {
    fillCounterStandardNormals(seed, firms.id, count, year, factor, firms.scratchB, state.parameters.firms.normalSampler);
    for (let i = 0; i < count; i++) factor[i] = volatility * factor[i];
  } else {
    factor.fill(0, 0, count);
  }
  for (let i = 0; i < count; i++) {
    const extra = spilloverGrowth === null ? 0 : spilloverGrowth[firms.zone[i] * k + firms.industry[i]];
    const shock = factor[i];
    factor[i] = extra === 0 ? drift + shock : drift + shock + extra;
  }
  exponentialInPlace(factor, 0, count, state.constants.tableExponential);
  // Pass 2: apply the factors and expansions, and re-sum the aggregates.
  for (let i = 0; i < count; i++) {
    let a = firms.productivity[i];
    const z = firms.zone[i];
    const j = firms.industry[i];
    const cell = z * k + j;
    const extra = spilloverGrowth === null ? 0 : spilloverGrowth[cell];
    if (volatility !== 0 || drift !== 0 || extra !== 0) {
      a *= factor[i];
      firms.productivity[i] = a;
    }
    let capital = firms.capitalIndex[i];
    if (expansion !== null && expansion[cell] !== 1 && firms.birthStep[i] < state.step) {
      const expanded = capital * expansion[cell];
      const flow = (expanded - capital) * growth[j];
      zones.investmentFlow[z] += flow;
      province.investmentFlowInPeriod += flow;
      capital = expanded;
      firms.capitalIndex[i] = capital;
    }
    zones.normalisedCapital[cell] += capital;
    zones.productiveCapital[cell] += a * capital;
    province.normalisedCapital[j] += capital;
    province.productiveCapital[j] += a * capital;
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
 * Derive jobs, output and capital per zone and industry (and zone totals) from the capital sums and
 * the industry growth index: O(zones × industries), no pass over firms. The investment flows of the
 * step are booked at the same time: incumbents' capital grew with demand by capital × (1 − 1/(1 +
 * g_j)^(1/T)), and depreciation of capital × δ / T was replaced — gross fixed investment = net + δK.
 */
export function deriveZoneAggregates(state: ModelState): void {
  const zones = state.zones;
  const industries = state.industries;
  const k = industries.count;
  const growth = state.industryGrowthIndex;
  const demand = demandMultiplier(state);
  const growthShare = state.constants.demandGrowthShare;
  const depreciation = state.constants.depreciationPerStep;
  // The province's flow first: V8 compiles this function on-stack while in the zone loop below, before
  // any code after the loop has run, and such code then leaves the optimised frame at every call
  // (measured: a deoptimisation in 6% of the steps when this came after the loop).
  const province = state.province;
  let provinceFlow = 0;
  for (let j = 0; j < k; j++) provinceFlow += province.normalisedCapital[j] * growth[j] * (growthShare[j] + depreciation);
  province.investmentFlowInPeriod += provinceFlow;
  for (let z = 0; z <= zones.count; z++) {
    let employment = 0;
    let output = 0;
    let investment = 0;
    let flow = 0;
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
      flow += inv * (growthShare[j] + depreciation);
    }
    zones.employment[z] = employment;
    zones.output[z] = output;
    zones.investment[z] = investment;
    zones.investmentFlow[z] += flow;
  }
}

/**
 * Province totals from the per-industry sums kept independently of location (modelState.ts,
 * ProvinceTotals): annual output (M¥/year), jobs and capital (M¥). Two scenarios with the same firms
 * give bit-identical totals, whatever their zones.
 */
export function provinceOutput(state: ModelState): number {
  const industries = state.industries;
  const growth = state.industryGrowthIndex;
  const demand = demandMultiplier(state);
  const productive = state.province.productiveCapital;
  let output = 0;
  for (let j = 0; j < industries.count; j++) {
    let out = (productive[j] * growth[j]) / industries.capitalIntensity[j];
    if (demand !== 1) out *= demand;
    output += out;
  }
  return output;
}

/** Province jobs (see {@link provinceOutput}). */
export function provinceEmployment(state: ModelState): number {
  const industries = state.industries;
  const growth = state.industryGrowthIndex;
  const capital = state.province.normalisedCapital;
  let jobs = 0;
  for (let j = 0; j < industries.count; j++) jobs += capital[j] * growth[j] * industries.labourIntensity[j];
  return jobs;
}

/** Province capital stock of firms, M¥ (see {@link provinceOutput}). */
export function provinceCapital(state: ModelState): number {
  const growth = state.industryGrowthIndex;
  const capital = state.province.normalisedCapital;
  let total = 0;
  for (let j = 0; j < capital.length; j++) total += capital[j] * growth[j];
  return total;
}

/**
 * Exit (see the module comment): advance the cumulative hazard, then remove every firm whose clock has
 * run out or whose productivity is below the threshold. Walks the table from the end so the
 * swap-remove never skips a firm (the firm moved into a freed slot is the last one, already checked).
 *
 * Productivity changes only at the annual review and the threshold only with the crisis demand
 * multiplier, so a firm that passed the productivity test at the last check still passes it when
 * neither changed since: then only the firms that entered since (at the end of the table) are tested
 * on both counts and the others on their clocks alone. The firms visited, their order and the exits
 * are those of testing everyone on both counts.
 */
export function exitFirms(state: ModelState): void {
  const multiplier = exitHazardMultiplier(state);
  state.cumulativeExitHazard += multiplier === 1 ? state.constants.exitHazardPerStep : state.constants.exitHazardPerStep * multiplier;
  const hazard = state.cumulativeExitHazard;
  const firms = state.firms;
  const demand = demandMultiplier(state);
  const threshold = demand === 1 ? state.parameters.firms.exitProductivityThreshold : state.parameters.firms.exitProductivityThreshold / demand;
  const unchanged = threshold === state.exitCheckedThreshold && !isProductivityReviewStep(state);
  const passed = unchanged ? Math.min(state.exitCheckedCount, firms.count) : 0;
  for (let i = firms.count - 1; i >= passed; i--) {
    if (firms.exitClock[i] <= hazard || firms.productivity[i] < threshold) exitFirm(state, i);
  }
  const clock = firms.exitClock;
  for (let i = passed - 1; i >= 0; i--) {
    if (clock[i] <= hazard) exitFirm(state, i);
  }
  state.exitCheckedCount = firms.count;
  state.exitCheckedThreshold = threshold;
}
