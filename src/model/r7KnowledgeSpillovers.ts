import type { ModelState } from './modelState.ts';
import { relatednessDensity } from './r1RelatednessDensity.ts';
import { exponential } from './tableExponential.ts';

/**
 * R7 independent innovation (推动自主创新): knowledge spillovers among firms in a zone — related firms
 * compete, cooperate, exchange and imitate technology. At each annual productivity review a zone firm
 * of industry j gains extra log-productivity growth
 *
 *     Marshall (same industry):  s_M × (1 − exp(−(n_zj − 1) / saturation))
 *     Jacobs (related variety):  s_J × D_zj
 *
 * where n_zj − 1 counts its same-industry neighbours and D_zj is the relatedness density of j in the
 * zone (r1RelatednessDensity.ts). The two forms follow the Marshall–Arrow–Romer vs Jacobs debate
 * (Glaeser, Kallal, Scheinkman & Shleifer 1992) and the related-variety refinement of Frenken, Van
 * Oort & Verburg (2007); bounded forms keep growth finite. Scattered firms outside zones get none.
 * Switched off: no extra growth.
 */
export function knowledgeSpilloverGrowth(state: ModelState, z: number, j: number): number {
  const p = state.parameters.innovation;
  if (!p.enabled || z === state.zones.count) return 0;
  let growth = 0;
  if (p.form !== 'jacobs' && p.marshallStrength !== 0) {
    const neighbours = state.zones.industryFirms[z * state.industries.count + j] - 1;
    if (neighbours > 0) growth += p.marshallStrength * (1 - exponential(-neighbours / p.marshallSaturation, state.constants.tableExponential));
  }
  if (p.form !== 'marshall' && p.jacobsStrength !== 0) {
    growth += p.jacobsStrength * relatednessDensity(state.zones, state.industries, z, j);
  }
  return growth;
}
