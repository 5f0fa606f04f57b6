import { exitFirm } from './firmRegistry.ts';
import type { ModelState } from './modelState.ts';
import { CounterPurpose, counterStandardNormal, counterUniform } from './randomStreams.ts';

/**
 * Production and growth of every living firm, one pass over the firm table (no allocation):
 *
 * - productivity: log a_{t+1} = log a_t + μ/T + σ/√T · ε_{i,t}, a random walk (Gibrat-style; Sutton
 *   1997) with ε a counter-based standard normal keyed by (seed, firm id, step), T steps per year;
 * - capital: investment grows with its industry's demand, × (1 + g_j)^(1/T) per step, on fixed land —
 *   so investment and output per hectare rise over a firm's life (R3);
 * - jobs = investment × labour intensity; output = a × investment / capital–output ratio (M¥/year).
 *
 * The per-zone and per-(zone, industry) employment, output, investment and land-in-use aggregates are
 * re-accumulated in the same pass (exact sums, so incremental rounding never builds up).
 */
export function produceAndGrow(state: ModelState): void {
  const firms = state.firms;
  const zones = state.zones;
  const industries = state.industries;
  const k = industries.count;
  const c = state.constants;
  const seed = state.seed;
  const step = state.step;
  zones.employment.fill(0);
  zones.output.fill(0);
  zones.investment.fill(0);
  zones.usedHa.fill(0);
  zones.industryEmployment.fill(0);
  zones.industryOutput.fill(0);
  const drift = c.productivityDriftPerStep;
  const volatility = c.productivityVolatilityPerStep;
  const growth = c.industryGrowthFactor;
  for (let i = 0; i < firms.count; i++) {
    const j = firms.industry[i];
    const z = firms.zone[i];
    let a = firms.productivity[i];
    if (volatility !== 0 || drift !== 0) {
      const shock = volatility === 0 ? 0 : volatility * counterStandardNormal(seed, firms.id[i], step);
      a *= Math.exp(drift + shock);
      firms.productivity[i] = a;
    }
    const investment = firms.investment[i] * growth[j];
    firms.investment[i] = investment;
    const employment = investment * industries.labourIntensity[j];
    firms.employment[i] = employment;
    const output = (a * investment) / industries.capitalIntensity[j];
    firms.output[i] = output;
    zones.employment[z] += employment;
    zones.output[z] += output;
    zones.investment[z] += investment;
    zones.usedHa[z] += firms.land[i];
    zones.industryEmployment[z * k + j] += employment;
    zones.industryOutput[z * k + j] += output;
  }
}

/**
 * Exit: a firm leaves when its productivity falls below `firms.exitProductivityThreshold`
 * (selection on productivity, Hopenhayn 1992) or, independently, with the exogenous hazard
 * `firms.exitHazard` per year (a counter-based uniform keyed by firm and step). The table is walked
 * from the end so the swap-remove never skips a firm.
 */
export function exitFirms(state: ModelState): void {
  const firms = state.firms;
  const hazard = state.constants.exitHazardPerStep;
  const threshold = state.parameters.firms.exitProductivityThreshold;
  const seed = state.seed;
  const step = state.step;
  for (let i = firms.count - 1; i >= 0; i--) {
    const lowProductivity = firms.productivity[i] < threshold;
    if (lowProductivity || (hazard > 0 && counterUniform(seed, firms.id[i], step, CounterPurpose.exit) < hazard)) {
      exitFirm(state, i);
    }
  }
}
