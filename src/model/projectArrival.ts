import { drawFromCumulative } from './industries.ts';
import type { ModelState } from './modelState.ts';
import { growPendingProjects } from './modelState.ts';
import { poisson, standardNormal, type UniformGenerator } from './randomStreams.ts';

/**
 * The flow of investment projects (R15 "only projects that actually land count"): each step a random
 * number of projects arrives, with mean (perYear / stepsPerYear) × (1 + growthPerYear)^(years elapsed)
 * — Poisson by default, or exactly that number with the fraction carried over (`fixed`).
 *
 * Each project draws, from the `arrivals` stream and always in this order, its industry (by the
 * scenario's industry mix), its size (truncated Pareto, heavy-tailed: Axtell 2001 finds firm sizes
 * Pareto with index near 1) and its productivity (log-normal, median 1). Because the arrival stream
 * is used by nothing else, the same projects arrive in every scenario of a replication.
 */
export function arriveProjects(state: ModelState): void {
  const p = state.parameters.projects;
  const spy = state.constants.stepsPerYear;
  const mean = (p.perYear / spy) * Math.pow(1 + p.growthPerYear, state.step / spy);
  let count: number;
  if (p.arrivalProcess === 'fixed') {
    const expected = mean + state.arrivalCarry;
    count = Math.floor(expected + 1e-9);
    state.arrivalCarry = expected - count;
  } else {
    count = poisson(state.streams.arrivals, mean);
  }
  for (let n = 0; n < count; n++) queueNewProject(state, state.streams.arrivals);
}

/** Draw one project's attributes from `draw` and append it to the pending queue. */
export function queueNewProject(state: ModelState, draw: UniformGenerator): void {
  const pending = state.pending;
  if (pending.count === pending.capacity) growPendingProjects(pending);
  const i = pending.count++;
  pending.id[i] = state.nextProjectId++;
  pending.industry[i] = drawFromCumulative(state.industries.arrivalCumulativeWeights, draw());
  pending.investment[i] = drawProjectSize(state, draw());
  pending.productivity[i] = Math.exp(state.parameters.firms.productivityDispersion * standardNormal(draw));
  pending.arrivalStep[i] = state.step;
  state.counters.arrivalsTotal++;
}

/**
 * Inverse CDF of the Pareto distribution with scale x_min and index α truncated at x_max:
 * x = x_min · (1 − u · (1 − (x_min/x_max)^α))^(−1/α), u in [0, 1).
 */
export function drawProjectSize(state: ModelState, u: number): number {
  const p = state.parameters.projects;
  const tail = 1 - Math.pow(p.sizeMinimum / p.sizeMaximum, p.sizeParetoAlpha);
  return p.sizeMinimum * Math.pow(1 - u * tail, -1 / p.sizeParetoAlpha);
}
