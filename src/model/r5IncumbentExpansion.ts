import type { ModelState } from './modelState.ts';
import { exponential } from './tableExponential.ts';

/**
 * R5 growth pole (培育增长极) — expansion investment by firms already there, the bulk of real
 * fixed-asset investment, and how it can respond to where the firm is.
 *
 * Every firm's capital follows its industry's demand, × (1 + g_j) a year (firmDynamics.ts); that
 * growth is investment and is counted as such (with the replacement of depreciation) in the
 * fixed-asset-investment flows. With `investment.expansion.enabled`, incumbents also respond to their
 * location: once a year, at the productivity review, a firm of industry j in location a (that did not
 * enter in that very step) multiplies its capital by
 *
 *     exp(η · ΔV_aj),   ΔV_aj = (V_aj − ln awareness_a) − V_out,
 *
 * where V is the deterministic location utility (zoneAttractiveness.ts) — the model's index of how
 * profitable a site is for the industry (relatedness, agglomeration, land price, congestion, services,
 * access, incentives) — less the promotion awareness term, which is about entrants' information, not
 * an incumbent's profit; V_out is a scattered site's utility, so ΔV = 0 outside the zones and
 * η = `investment.expansion.elasticity` is the extra annual log growth of capital per util a location
 * is better than a scattered site. The expansion is built on the firm's own land (R3: investment per
 * hectare rises). It is the reduced form of an investment rule in which the desired capital stock
 * rises with the return on capital of the location (Jorgenson 1963), with the evidence that zones
 * raise incumbents' capital (Lu, Wang & Zhu 2019 find the effect mostly through entry, so η should be
 * small next to the entry margin). With η = 0 or the switch off nothing changes (exactly).
 */

/**
 * The premium's bound, in log points a year: capital grows or shrinks by at most a factor e a year
 * through it. It binds only for utility gaps far beyond the model's ranges (η ΔV > 1, e.g. ΔV > 50 at
 * the default η), where the exponential would otherwise overflow.
 */
export const MAX_EXPANSION_LOG_GROWTH = 1;

/**
 * The annual capital growth factor exp(η ΔV) of each (location, industry) cell, (Z + 1) × K in
 * `state.expansionScratch` (the outside row is 1), or null when the mechanism is off or η = 0.
 */
export function expansionGrowthFactors(state: ModelState): Float64Array | null {
  const e = state.parameters.investment.expansion;
  if (!e.enabled || e.elasticity === 0) return null;
  const zones = state.zones;
  const k = state.industries.count;
  const out = state.expansionScratch;
  const awareness = state.constants.awarenessUtility;
  const outside = zones.baseUtility[zones.count];
  for (let z = 0; z < zones.count; z++) {
    const base = zones.baseUtility[z] - awareness - outside;
    for (let j = 0; j < k; j++) {
      const logGrowth = e.elasticity * (base + zones.industryUtility[z * k + j]);
      out[z * k + j] = exponential(logGrowth > MAX_EXPANSION_LOG_GROWTH ? MAX_EXPANSION_LOG_GROWTH : logGrowth < -MAX_EXPANSION_LOG_GROWTH ? -MAX_EXPANSION_LOG_GROWTH : logGrowth, state.constants.tableExponential);
    }
  }
  out.fill(1, zones.count * k, (zones.count + 1) * k);
  return out;
}
