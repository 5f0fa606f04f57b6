import type { ModelState } from './modelState.ts';
import { relatednessDensity } from './r1RelatednessDensity.ts';

/**
 * R8 circular economy (发展循环经济): pollution per unit of output falls when pollution is treated
 * centrally and waste is reused between related firms in a zone (industrial symbiosis; Chertow 2000).
 * Pollution of the firms of industry j in zone z:
 *
 *     P_zj = Y_zj × π_j × (1 − centralTreatmentEfficiency) × (1 − reuseStrength × D_zj)
 *
 * with Y output, π the industry's pollution intensity and D the relatedness density (related
 * neighbours can use the waste). Scattered firms outside zones have neither: P = Y × π. The land
 * saved (the other circular-economy claim) is measured by the land outcomes of R3/R11. Switched off:
 * P = Y × π everywhere.
 */
export function pollutionOfZoneIndustry(state: ModelState, z: number, j: number): number {
  const k = state.industries.count;
  const raw = state.zones.industryOutput[z * k + j] * state.industries.pollutionIntensity[j];
  const c = state.parameters.circular;
  if (!c.enabled || z === state.zones.count || raw === 0) return raw;
  return raw * (1 - c.centralTreatmentEfficiency) * (1 - c.reuseStrength * relatednessDensity(state.zones, state.industries, z, j));
}

/** Pollution of zone z (or the outside option), t/year. */
export function pollutionOfZone(state: ModelState, z: number): number {
  let total = 0;
  for (let j = 0; j < state.industries.count; j++) total += pollutionOfZoneIndustry(state, z, j);
  return total;
}
