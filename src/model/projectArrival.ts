import { drawFromCumulative } from './industries.ts';
import type { ModelState } from './modelState.ts';
import { growPendingProjects } from './modelState.ts';
import { CounterPurpose, counterUniform, poisson, standardNormal, type UniformGenerator } from './randomStreams.ts';
import { promotionArrivalMultiplier } from './r15InvestmentPromotion.ts';
import { classifyReferenceProject, extraMobileArrivalRate } from './r15NationalMobileProjects.ts';
import { crisisEndStep } from './r16Crisis.ts';
import { exponential, power } from './tableExponential.ts';

/**
 * The flow of investment projects (R15 "only projects that actually land count"): each step a random
 * number of projects arrives, with mean (perYear / stepsPerYear) × (1 + growthPerYear)^(years elapsed)
 * — Poisson by default, or exactly that number with the fraction carried over (`fixed`).
 *
 * Each project draws, from the `arrivals` stream and always in this order, its industry (by the
 * scenario's industry mix), its size (truncated Pareto, heavy-tailed: Axtell 2001 finds firm sizes
 * Pareto with index near 1) and its productivity (log-normal, median 1). Because the arrival stream
 * is used by nothing else, the same projects arrive in every scenario of a replication that has the
 * same arrival rate (promotion, R15, changes the rate and so the sequence).
 *
 * Investment promotion (R15) multiplies the rate (projects from outside the province). In a crisis
 * (R16), when small firms face credit constraints (`credit.enabled`), a project is postponed with
 * probability creditTightening × intensity × its industry's credit dependence (a counter-based draw
 * keyed by its id): it waits, without losing patience, until the crisis and its recovery are over.
 *
 * This reference flow is the flow of a province without zones. With the national mobile pool on
 * (`investment.mobile.enabled`, r15NationalMobileProjects.ts), a share of it is mobile; zones that
 * raise the province's inclusive value bring extra mobile projects (their own stream and ids, so the
 * reference projects stay the same in every scenario), and a fall below the reference loses some.
 */
export function arriveProjects(state: ModelState): void {
  const p = state.parameters.projects;
  const spy = state.constants.stepsPerYear;
  const boost = promotionArrivalMultiplier(state);
  let mean = (p.perYear / spy) * power(1 + p.growthPerYear, state.step / spy, state.constants.tableExponential);
  if (boost !== 1) mean *= boost;
  let count: number;
  if (p.arrivalProcess === 'fixed') {
    const expected = mean + state.arrivalCarry;
    count = Math.floor(expected + 1e-9);
    state.arrivalCarry = expected - count;
  } else {
    count = poisson(state.streams.arrivals, mean);
  }
  const intensity = state.parameters.credit.enabled ? state.accounts.crisisIntensity : 0;
  const mobile = state.parameters.investment.mobile.enabled;
  const pending = state.pending;
  for (let n = 0; n < count; n++) {
    queueNewProject(state, state.streams.arrivals);
    if (mobile && classifyReferenceProject(state, pending.count - 1)) {
      pending.count--; // lost to the rest of China
      state.counters.arrivalsTotal--;
      state.counters.mobileLostTotal++;
      continue;
    }
    if (intensity > 0) postponeIfCreditShocked(state, pending.count - 1, intensity);
  }
  if (mobile) arriveExtraMobileProjects(state, mean, intensity);
}

/** Extra mobile projects drawn by the province's zones this step (none unless F > 1). */
function arriveExtraMobileProjects(state: ModelState, referenceMean: number, intensity: number): void {
  const rate = extraMobileArrivalRate(state, referenceMean);
  let count: number;
  if (state.parameters.projects.arrivalProcess === 'fixed') {
    const expected = rate + state.mobileArrivalCarry;
    count = Math.floor(expected + 1e-9);
    state.mobileArrivalCarry = expected - count;
  } else {
    count = poisson(state.streams.mobileArrivals, rate);
  }
  for (let n = 0; n < count; n++) {
    queueNewProject(state, state.streams.mobileArrivals, true);
    if (intensity > 0) postponeIfCreditShocked(state, state.pending.count - 1, intensity);
  }
}

function postponeIfCreditShocked(state: ModelState, i: number, intensity: number): void {
  const pending = state.pending;
  const probability = state.parameters.crisis.creditTightening * intensity * state.industries.creditDependence[pending.industry[i]];
  if (counterUniform(state.seed, pending.id[i], 0, CounterPurpose.postponement) < probability) {
    pending.readyStep[i] = crisisEndStep(state);
    state.accounts.postponedTotal++;
  }
}

/**
 * Draw one project's attributes from `draw` and append it to the pending queue. An extra mobile
 * project (`mobile`) takes its id from the mobile id range; a reference project from the local one.
 */
export function queueNewProject(state: ModelState, draw: UniformGenerator, mobile = false): void {
  const pending = state.pending;
  if (pending.count === pending.capacity) growPendingProjects(pending);
  const i = pending.count++;
  pending.id[i] = mobile ? state.nextMobileProjectId++ : state.nextProjectId++;
  pending.mobile[i] = mobile ? 1 : 0;
  pending.industry[i] = drawFromCumulative(state.industries.arrivalCumulativeWeights, draw());
  pending.investment[i] = drawProjectSize(state, draw());
  pending.productivity[i] = exponential(state.parameters.firms.productivityDispersion * standardNormal(draw), state.constants.tableExponential);
  pending.arrivalStep[i] = state.step;
  pending.readyStep[i] = state.step;
  state.counters.arrivalsTotal++;
  if (mobile) state.counters.mobileArrivalsTotal++;
}

/**
 * Inverse CDF of the Pareto distribution with scale x_min and index α truncated at x_max:
 * x = x_min · (1 − u · (1 − (x_min/x_max)^α))^(−1/α), u in [0, 1). The constant 1 − (x_min/x_max)^α
 * is computed once per run (state.constants.projectSizeTail), with the same bits as per project.
 */
export function drawProjectSize(state: ModelState, u: number): number {
  const p = state.parameters.projects;
  return p.sizeMinimum * power(1 - u * state.constants.projectSizeTail, -1 / p.sizeParetoAlpha, state.constants.tableExponential);
}
