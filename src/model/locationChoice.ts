import { log } from './deterministicMath.ts';
import { enterFirm } from './firmRegistry.ts';
import { descendTree, MAX_CHOICE_ATTEMPTS, treeTotal } from './choiceTrees.ts';
import { factoryProposalMultiplier } from './zoneAttractiveness.ts';
import { zoneVacantLand, type ModelState } from './modelState.ts';
import { CounterPurpose, counterUniform } from './randomStreams.ts';
import { passesInvestmentIntensity, projectBaseLandNeed } from './r11LandMarket.ts';
import { coInvest } from './r13GuidanceFund.ts';
import { financeProject, issueGuarantee } from './r13CreditGuarantees.ts';
import { exponential } from './tableExponential.ts';

/**
 * Location choice by multinomial logit (McFadden 1974). A project of industry j with investment I
 * and base land need L = I × land intensity_j first secures finance (R13: it may be credit-rationed
 * and wait). It then chooses among the feasible alternatives:
 * - zone z, if it passes the zone's investment-intensity threshold (R11) and the zone has free
 *   serviced land ≥ L_z = L × the zone's land-need factor (R11 price-elastic land need) — or, for a
 *   small project (R12), free standard factory floor ≥ L_z, which it then rents;
 * - the outside option (scattered location), when enabled; it is always available;
 *
 *     P(a) = exp(V_aj / s) / Σ_{feasible b} exp(V_bj / s)
 *
 * with V from zoneAttractiveness.ts (plus the standard-factory bonus for eligible projects) and
 * s = `choice.scale` (the Gumbel scale of the taste shock: the random-utility reading of Arthur's
 * (1990) heterogeneous firm preferences).
 *
 * Size variables (R2 scattered sites, `choice.sizeVariable: vacant-land`): an alternative is then an
 * aggregate of elemental sites — a zone of its vacant plots, the scattered option of the province's
 * vacant scattered land — each with the alternative's utility and an independent taste shock. The
 * aggregate's weight is the sum over its sites, exp(V_a / s) × M_a, i.e. utility V_a + s·ln M_a
 * (McFadden 1978; Ben-Akiva & Lerman 1985, §9.3), with M_a in hectares: a zone's vacant serviced land
 * plus vacant standard factory floor, and `choice.outside.vacantLandHa` for the scattered option.
 * Splitting a zone in two, or designating empty zones with no vacant land, then changes nothing;
 * the zone share moves with the land designated and how attractive it is, not with the count of
 * zones. With `none` every alternative counts once (the foundation's plain logit). The draw uses one uniform number per considered project
 * (inverse CDF over the alternatives), so the choice stream stays aligned across scenarios. When
 * nothing is feasible or credit is rationed, the project waits and tries again next step, up to
 * `projects.patienceSteps`, after which it is abandoned.
 */

/** How a project can use zone z: not at all, on bought land, or in rented standard factory floor. */
const NOT_FEASIBLE = 0;
const ON_LAND = 1;
const IN_FACTORY = 2;

function alternativeKind(
  state: ModelState,
  z: number,
  needHere: number,
  investment: number,
  factoryEligible: boolean,
  threshold: boolean,
): number {
  const zones = state.zones;
  if (threshold && !passesInvestmentIntensity(state, investment, needHere)) return NOT_FEASIBLE;
  if (factoryEligible && zones.standardFactoryHa[z] - zones.factoryUsedHa[z] >= needHere) return IN_FACTORY;
  if (zones.servicedHa[z] - zones.usedHa[z] - zones.idleHa[z] - zones.standardFactoryHa[z] >= needHere) return ON_LAND;
  return NOT_FEASIBLE;
}

/**
 * Fill `weights[a]` with a weight proportional to exp(V_a / s) for each feasible alternative a (0 for
 * infeasible ones; index Z is the outside option) and return their sum; 0 means no alternative is
 * feasible. Dividing each weight by the sum gives the choice probabilities. `landNeeded` is the base
 * land need; the per-zone need is written to `state.landNeedScratch`.
 *
 * Speed: the weights exp(V_zj / s) are cached per (zone, industry) when a zone's utility is refreshed
 * (zoneAttractiveness.ts), so a choice costs one multiply-add per alternative and no exponential.
 * If a cached weight overflows or every feasible weight underflows (utilities beyond ±700 — only with
 * extreme coefficients), the weights are recomputed exactly as exp(V − max V).
 */
export function computeChoiceWeights(
  state: ModelState,
  industry: number,
  landNeeded: number,
  weights: Float64Array,
  investment = Infinity,
): number {
  const zones = state.zones;
  const zoneCount = zones.count;
  const k = state.industries.count;
  const cached = zones.expUtility;
  const need = state.landNeedScratch;
  const factor = zones.landNeedFactor;
  const serviced = zones.servicedHa;
  const used = zones.usedHa;
  const idle = zones.idleHa;
  const factories = zones.standardFactoryHa;
  const factoryUsed = zones.factoryUsedHa;
  const financing = state.parameters.financing;
  const factoryEligible = financing.enabled && investment <= financing.standardFactoryMaxInvestment;
  const factoryWeight = state.constants.standardFactoryWeight;
  const land = state.parameters.land;
  const sizedByLand = state.parameters.choice.sizeVariable === 'vacant-land';
  // The investment-intensity threshold (R11) as a bound on the land need: investment / need ≥ minimum.
  const maximumNeed = land.enabled && land.minimumInvestmentPerHa > 0 ? investment / land.minimumInvestmentPerHa : Infinity;
  let sum = 0;
  let feasible = false;
  for (let z = 0; z < zoneCount; z++) {
    const needHere = landNeeded * factor[z];
    need[z] = needHere;
    let w = 0;
    if (needHere <= maximumNeed) {
      const freeFactory = factories[z] - factoryUsed[z];
      const freeLand = serviced[z] - used[z] - idle[z] - factories[z];
      if (factoryEligible && freeFactory >= needHere) {
        w = cached[z * k + industry] * factoryWeight;
        feasible = true;
      } else if (freeLand >= needHere) {
        w = cached[z * k + industry];
        feasible = true;
      }
      if (sizedByLand && w > 0) w *= (freeLand > 0 ? freeLand : 0) + (freeFactory > 0 ? freeFactory : 0);
    }
    weights[z] = w;
    sum += w;
  }
  need[zoneCount] = landNeeded * factor[zoneCount];
  if (state.parameters.choice.outside.enabled) {
    feasible = true;
    const w = sizedByLand ? cached[zoneCount * k] * state.parameters.choice.outside.vacantLandHa : cached[zoneCount * k];
    weights[zoneCount] = w;
    sum += w;
  } else {
    weights[zoneCount] = 0;
  }
  state.counters.choiceEvaluations += zoneCount + 1;
  if (feasible && !(sum > 0 && sum < Infinity)) return computeChoiceWeightsExactly(state, industry, investment, weights);
  return sum;
}

/**
 * The overflow-safe path: weights exp(V_a/s − max_b V_b/s) from the utilities themselves. Uses the
 * land needs already in `state.landNeedScratch`.
 */
function computeChoiceWeightsExactly(state: ModelState, industry: number, investment: number, weights: Float64Array): number {
  const zones = state.zones;
  const zoneCount = zones.count;
  const k = state.industries.count;
  const inverseScale = 1 / state.parameters.choice.scale;
  const financing = state.parameters.financing;
  const factoryEligible = financing.enabled && investment <= financing.standardFactoryMaxInvestment;
  const threshold = state.parameters.land.enabled && state.parameters.land.minimumInvestmentPerHa > 0;
  const need = state.landNeedScratch;
  const sizedByLand = state.parameters.choice.sizeVariable === 'vacant-land';
  let max = -Infinity;
  for (let z = 0; z < zoneCount; z++) {
    const kind = alternativeKind(state, z, need[z], investment, factoryEligible, threshold);
    let v = -Infinity;
    if (kind !== NOT_FEASIBLE) {
      v = zones.baseUtility[z] + zones.industryUtility[z * k + industry];
      if (kind === IN_FACTORY) v += financing.standardFactoryBonus;
      v *= inverseScale;
      if (sizedByLand) v += log(zoneVacantLand(zones, z));
    }
    weights[z] = v;
    if (v > max) max = v;
  }
  const outsideSize = sizedByLand ? log(state.parameters.choice.outside.vacantLandHa) : 0;
  weights[zoneCount] = state.parameters.choice.outside.enabled ? zones.baseUtility[zoneCount] * inverseScale + outsideSize : -Infinity;
  if (weights[zoneCount] > max) max = weights[zoneCount];
  let sum = 0;
  for (let z = 0; z <= zoneCount; z++) {
    const v = weights[z];
    const w = v === -Infinity ? 0 : exponential(v - max, state.constants.tableExponential);
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

/** The counter key of a project's draw at (step, attempt): attempts 1 … MAX, the last for the fallback. */
function drawKey(step: number, attempt: number): number {
  return step * (MAX_CHOICE_ATTEMPTS + 1) + attempt;
}

/**
 * Draw the location of a project (zone index, Z for the scattered option, −1 when nothing is
 * feasible) with the scenario's sampler, from uniform `u`; the land the project needs there is left
 * in `state.landNeedScratch[chosen]`. `scan` evaluates every alternative (computeChoiceWeights +
 * pickAlternative); `tree` draws from the sum tree of choiceTrees.ts, accepts a zone with probability
 * (its weight multiplier for this project) / (its proposal multiplier) — 0 when infeasible — redrawing
 * with counter-based uniforms keyed by (project id, step, attempt), and falls back to the scan after
 * MAX_CHOICE_ATTEMPTS rejections. Both draw from the same logit.
 */
export function sampleLocation(state: ModelState, id: number, industry: number, investment: number, landNeeded: number, u: number): number {
  const trees = state.choiceTrees;
  const weights = state.choiceWeights;
  if (trees === null) return pickAlternative(weights, computeChoiceWeights(state, industry, landNeeded, weights, investment), u);
  const zones = state.zones;
  const zoneCount = zones.count;
  const k = state.industries.count;
  const financing = state.parameters.financing;
  const factoryEligible = financing.enabled && investment <= financing.standardFactoryMaxInvestment;
  const factoryWeight = state.constants.standardFactoryWeight;
  const land = state.parameters.land;
  const maximumNeed = land.enabled && land.minimumInvestmentPerHa > 0 ? investment / land.minimumInvestmentPerHa : Infinity;
  const outside = state.parameters.choice.outside;
  const zoneWeight = treeTotal(trees, industry);
  const outsideWeight = outside.enabled
    ? state.parameters.choice.sizeVariable === 'vacant-land'
      ? zones.expUtility[zoneCount * k] * outside.vacantLandHa
      : zones.expUtility[zoneCount * k]
    : 0;
  const total = zoneWeight + outsideWeight;
  const need = state.landNeedScratch;
  // No zone can pass the investment-intensity threshold (its need at the lowest land-need factor is
  // too large): the logit then puts all its weight on the scattered option, without a draw.
  if (landNeeded * zones.smallestLandNeedFactor > maximumNeed) {
    if (!outside.enabled) return -1;
    need[zoneCount] = landNeeded * zones.landNeedFactor[zoneCount];
    return zoneCount;
  }
  if (total > 0 && total < Infinity) {
    for (let attempt = 0; attempt < MAX_CHOICE_ATTEMPTS; attempt++) {
      state.counters.choiceEvaluations++;
      const target = (attempt === 0 ? u : counterUniform(state.seed, id, drawKey(state.step, attempt), CounterPurpose.choiceRedraw)) * total;
      if (target >= zoneWeight) {
        need[zoneCount] = landNeeded * zones.landNeedFactor[zoneCount];
        return zoneCount;
      }
      const z = descendTree(trees, industry, target);
      if (z < 0 || z >= zoneCount) continue;
      const needHere = landNeeded * zones.landNeedFactor[z];
      if (needHere > maximumNeed) continue;
      const inFactory = factoryEligible && zones.standardFactoryHa[z] - zones.factoryUsedHa[z] >= needHere;
      if (!inFactory && zones.servicedHa[z] - zones.usedHa[z] - zones.idleHa[z] - zones.standardFactoryHa[z] < needHere) continue;
      // Accept with probability m_z / proposal multiplier (choiceTrees.ts): m_z = f in factory floor, 1 on land.
      const acceptance = (inFactory ? factoryWeight : 1) / factoryProposalMultiplier(state, z);
      if (acceptance < 1 && counterUniform(state.seed, id, drawKey(state.step, attempt), CounterPurpose.choiceAccept) >= acceptance) continue;
      need[z] = needHere;
      return z;
    }
  }
  // Every pick rejected (or weights beyond floating point): the exact scan decides.
  const fallback = counterUniform(state.seed, id, drawKey(state.step, MAX_CHOICE_ATTEMPTS), CounterPurpose.choiceRedraw);
  return pickAlternative(weights, computeChoiceWeights(state, industry, landNeeded, weights, investment), fallback);
}

/**
 * Let every pending project that is ready (new arrivals and waiting ones, oldest first) secure finance
 * and choose a location; place it, or keep it waiting, or abandon it once its patience is exhausted.
 * The pending queue is compacted in place (no allocation).
 */
export function placePendingProjects(state: ModelState): void {
  const pending = state.pending;
  const industries = state.industries;
  const zones = state.zones;
  const k = industries.count;
  const patience = state.parameters.projects.patienceSteps;
  const financing = state.parameters.financing;
  const draw = state.streams.choice;
  let kept = 0;
  const entering = { id: 0, industry: 0, investment: 0, productivity: 0, land: 0, inFactory: false, mobile: false };
  for (let i = 0; i < pending.count; i++) {
    const ready = pending.readyStep[i] <= state.step;
    let placed = false;
    if (ready) {
      const industry = pending.industry[i];
      const investment = pending.investment[i];
      const u = draw();
      const guarantee = financeProject(state, pending.id[i], industry, investment);
      if (guarantee < 0) {
        state.accounts.creditRationedInPeriod++;
      } else {
        const landNeeded = projectBaseLandNeed(state, pending.id[i], industry, investment);
        const chosen = sampleLocation(state, pending.id[i], industry, investment, landNeeded, u);
        if (chosen >= 0) {
          const need = state.landNeedScratch[chosen];
          entering.id = pending.id[i];
          entering.industry = industry;
          entering.investment = investment;
          entering.productivity = pending.productivity[i];
          entering.land = need;
          entering.mobile = pending.mobile[i] === 1;
          entering.inFactory =
            chosen < zones.count &&
            financing.enabled &&
            investment <= financing.standardFactoryMaxInvestment &&
            zones.standardFactoryHa[chosen] - zones.factoryUsedHa[chosen] >= need;
          const index = enterFirm(state, entering, chosen);
          if (guarantee > 0) issueGuarantee(state, index, guarantee);
          if (chosen < zones.count && zones.leading[chosen * k + industry] === 1) coInvest(state, investment);
          placed = true;
        }
      }
    }
    if (placed) continue;
    if (ready && state.step - pending.readyStep[i] >= patience) {
      state.counters.abandonedInPeriod++;
      state.counters.abandonedTotal++;
      continue;
    }
    if (kept !== i) {
      pending.id[kept] = pending.id[i];
      pending.industry[kept] = pending.industry[i];
      pending.investment[kept] = pending.investment[i];
      pending.productivity[kept] = pending.productivity[i];
      pending.arrivalStep[kept] = pending.arrivalStep[i];
      pending.readyStep[kept] = pending.readyStep[i];
      pending.mobile[kept] = pending.mobile[i];
    }
    kept++;
  }
  pending.count = kept;
}
