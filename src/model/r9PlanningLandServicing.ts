import type { ModelState } from './modelState.ts';
import type { Parameters } from './parameterSpecification.ts';
import { financeLandServicing } from './r12FinancingPlatforms.ts';
import { landQuotaScale } from './r11LandMarket.ts';

/**
 * R9 planning (科学编制规划): each zone converts planned land into serviced land (roads, water, power
 * connected — ready to build on) at `zones.servicingPaceHaPerYear` until the planned area is reached.
 *
 * Coordination of the zone plan with the land-use, town, transport, water and environmental plans
 * (`planning.coordination`, c in [0, 1]) shortens delays: the effective pace is
 * pace × (1 − uncoordinatedPaceLoss × (1 − c)), and it raises market access: zones gain
 * accessCoefficient × c in the location utility (zoneAttractiveness.ts). Poor coordination therefore
 * leaves planned land unserviced longer and zones less attractive.
 *
 * The new hectares are then limited by the province's land quota (R11, r11LandMarket.ts) and, with
 * financing platforms on, by what each platform can borrow (R12, r12FinancingPlatforms.ts); with
 * platforms off their cost is public spending. Invariant: used + idle + factories ≤ serviced ≤ planned.
 */
export function serviceLandByPlan(state: ModelState): void {
  const zones = state.zones;
  const pace = state.constants.servicingHaPerStep;
  if (pace <= 0) return;
  const planning = state.parameters.planning;
  const factor = planning.enabled ? 1 - planning.uncoordinatedPaceLoss * (1 - planning.coordination) : 1;
  const desired = state.zoneScratch;
  let desiredTotal = 0;
  for (let z = 0; z < zones.count; z++) {
    const room = zones.plannedHa[z] - zones.servicedHa[z];
    const want = pace * factor;
    desired[z] = room <= 0 ? 0 : want < room ? want : room;
    desiredTotal += desired[z];
  }
  const scale = landQuotaScale(state, desiredTotal);
  for (let z = 0; z < zones.count; z++) {
    if (desired[z] <= 0) continue;
    const room = zones.plannedHa[z] - zones.servicedHa[z];
    const delta = financeLandServicing(state, z, scale === 1 ? desired[z] : desired[z] * scale);
    if (delta >= room) zones.servicedHa[z] = zones.plannedHa[z];
    else zones.servicedHa[z] += delta;
  }
}

/** Utility of market access for a zone from plan coordination (0 when planning is off; constant over a run). */
export function planningAccessUtility(parameters: Parameters): number {
  const p = parameters.planning;
  return p.enabled ? p.accessCoefficient * p.coordination : 0;
}
