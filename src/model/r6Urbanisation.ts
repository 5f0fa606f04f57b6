import type { ModelState } from './modelState.ts';

/**
 * R6 urbanisation (促进城镇化): zone jobs draw people into the zones' towns. Each zone job brings
 * `peoplePerJob` people (the worker and dependants) — an employment multiplier of the kind used in
 * Chinese urbanisation accounting — and each new urban resident adds consumption demand. The
 * province's urbanisation rate is (initial urban population + people drawn by zone jobs created since
 * the start) / population. Outcome functions only: the model does not yet feed the added demand
 * back into investment (an extension point).
 */
export function zoneTownPopulation(state: ModelState, z: number): number {
  return state.zones.employment[z] * state.parameters.urbanisation.peoplePerJob;
}

/** People drawn into zone towns since the start (may be negative if zone jobs fell). */
export function peopleDrawnIntoTowns(state: ModelState): number {
  let jobs = 0;
  for (let z = 0; z < state.zones.count; z++) jobs += state.zones.employment[z];
  return (jobs - state.accounts.initialZoneEmployment) * state.parameters.urbanisation.peoplePerJob;
}

/** Urbanisation rate of the province, in [0, 1]. */
export function urbanisationRate(state: ModelState): number {
  const u = state.parameters.urbanisation;
  const rate = u.initialUrbanisationRate + peopleDrawnIntoTowns(state) / u.provincePopulation;
  return rate < 0 ? 0 : rate > 1 ? 1 : rate;
}

/** Annual consumption demand added by the people drawn into towns (M¥/year). */
export function urbanDemandAdded(state: ModelState): number {
  return peopleDrawnIntoTowns(state) * state.parameters.urbanisation.consumptionPerPersonPerYear;
}
