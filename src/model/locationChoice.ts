import { enterFirm } from './firmRegistry.ts';
import type { ModelState } from './modelState.ts';

/**
 * Location choice by multinomial logit (McFadden 1974): a project of industry j needing L hectares
 * chooses among the zones with at least L hectares of free serviced land (R11 availability) and, when
 * enabled, the outside option (scattered location, always available):
 *
 *     P(z) = exp(V_zj / s) / Σ_{feasible a} exp(V_aj / s)
 *
 * with V from zoneAttractiveness.ts and s = `choice.scale` (the Gumbel scale of the taste shock: the
 * random-utility reading of Arthur's (1990) heterogeneous firm preferences). The draw uses one
 * uniform number per evaluation (inverse CDF over the alternatives), so the choice stream stays
 * aligned across scenarios. When nothing is feasible the project waits (R11 land shortage) and
 * chooses again next step, up to `projects.patienceSteps`, after which it is abandoned.
 */

/**
 * Fill `weights[a]` with exp((V_a − max V)/s) for each feasible alternative a (0 for infeasible ones;
 * index Z is the outside option) and return their sum; 0 means no alternative is feasible.
 * Dividing each weight by the sum gives the choice probabilities.
 */
export function computeChoiceWeights(state: ModelState, industry: number, landNeeded: number, weights: Float64Array): number {
  const zones = state.zones;
  const zoneCount = zones.count;
  const k = state.industries.count;
  const inverseScale = 1 / state.parameters.choice.scale;
  const base = zones.baseUtility;
  const byIndustry = zones.industryUtility;
  const serviced = zones.servicedHa;
  const used = zones.usedHa;
  const idle = zones.idleHa;
  let max = -Infinity;
  for (let z = 0; z < zoneCount; z++) {
    if (serviced[z] - used[z] - idle[z] >= landNeeded) {
      const v = (base[z] + byIndustry[z * k + industry]) * inverseScale;
      weights[z] = v;
      if (v > max) max = v;
    } else {
      weights[z] = -Infinity;
    }
  }
  if (state.parameters.choice.outside.enabled) {
    const v = base[zoneCount] * inverseScale;
    weights[zoneCount] = v;
    if (v > max) max = v;
  } else {
    weights[zoneCount] = -Infinity;
  }
  state.counters.choiceEvaluations += zoneCount + 1;
  if (max === -Infinity) {
    for (let z = 0; z <= zoneCount; z++) weights[z] = 0;
    return 0;
  }
  let sum = 0;
  for (let z = 0; z <= zoneCount; z++) {
    const v = weights[z];
    const w = v === -Infinity ? 0 : Math.exp(v - max);
    weights[z] = w;
    sum += w;
  }
  return sum;
}

/**
 * The alternative picked by uniform `u` in [0, 1) from weights summing to `sum` (inverse CDF), or −1
 * when no alternative is feasible.
 */
export function pickAlternative(weights: Float64Array, sum: number, u: number): number {
  if (sum <= 0) return -1;
  const target = u * sum;
  let running = 0;
  let last = -1;
  for (let a = 0; a < weights.length; a++) {
    const w = weights[a];
    if (w <= 0) continue;
    running += w;
    last = a;
    if (running > target) return a;
  }
  return last; // u·sum within rounding of the total: the last feasible alternative
}

/**
 * Let every pending project (new arrivals and waiting ones, oldest first) choose a location; place
 * it, or keep it waiting, or abandon it once its patience is exhausted. The pending queue is compacted
 * in place (no allocation).
 */
export function placePendingProjects(state: ModelState): void {
  const pending = state.pending;
  const weights = state.choiceWeights;
  const industries = state.industries;
  const patience = state.parameters.projects.patienceSteps;
  const draw = state.streams.choice;
  let kept = 0;
  const entering = { id: 0, industry: 0, investment: 0, productivity: 0 };
  for (let i = 0; i < pending.count; i++) {
    const industry = pending.industry[i];
    const investment = pending.investment[i];
    const landNeeded = investment * industries.landIntensity[industry];
    const sum = computeChoiceWeights(state, industry, landNeeded, weights);
    const chosen = pickAlternative(weights, sum, draw());
    if (chosen >= 0) {
      entering.id = pending.id[i];
      entering.industry = industry;
      entering.investment = investment;
      entering.productivity = pending.productivity[i];
      enterFirm(state, entering, chosen);
    } else if (state.step - pending.arrivalStep[i] >= patience) {
      state.counters.abandonedInPeriod++;
      state.counters.abandonedTotal++;
    } else {
      if (kept !== i) {
        pending.id[kept] = pending.id[i];
        pending.industry[kept] = industry;
        pending.investment[kept] = investment;
        pending.productivity[kept] = pending.productivity[i];
        pending.arrivalStep[kept] = pending.arrivalStep[i];
      }
      kept++;
    }
  }
  pending.count = kept;
}
