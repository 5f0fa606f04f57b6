import type { ModelState } from './modelState.ts';

/**
 * R9 planning (科学编制规划): each zone converts planned land into serviced land (roads, water, power
 * connected — ready to build on) at a fixed pace of `zones.servicingPaceHaPerYear` hectares per year,
 * until the planned area is reached. A linear conversion schedule is the simplest reading of "the
 * pace of land conversion" in a zone plan; later mechanisms may make the pace depend on financing.
 *
 * Invariant kept: used + idle ≤ serviced ≤ planned.
 */
export function serviceLandByPlan(state: ModelState): void {
  const zones = state.zones;
  const pace = state.constants.servicingHaPerStep;
  if (pace <= 0) return;
  for (let z = 0; z < zones.count; z++) {
    const next = zones.servicedHa[z] + pace;
    zones.servicedHa[z] = next < zones.plannedHa[z] ? next : zones.plannedHa[z];
  }
}
