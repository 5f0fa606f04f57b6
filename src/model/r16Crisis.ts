import type { ModelState } from './modelState.ts';

/**
 * R16 crisis (国际金融危机): a demand-and-credit shock like the 2008–09 international financial crisis.
 *
 * Intensity I(t) is 1 inside the window [startYear, startYear + durationYears), then falls linearly to
 * 0 over `recoveryYears` (a trapezoid, the simplest shape with a sharp onset and gradual recovery; the
 * 2008–09 shock to Chinese exports hit within a quarter and took about 18 months to recover). With
 * intensity I:
 * - demand: every firm's output is multiplied by 1 − demandDrop × I (firmDynamics.ts); firms whose
 *   demand-adjusted productivity falls below the exit threshold exit;
 * - exits: the exit hazard is multiplied by 1 + (exitHazardMultiplier − 1) × I;
 * - credit: bank lending to small firms is cut by creditTightening × I (r13CreditGuarantees.ts), and an
 *   arriving project is postponed with probability creditTightening × I × its industry's credit
 *   dependence, re-entering the queue when the recovery ends (projectArrival.ts).
 * Switched off (`crisis.enabled: false`), I(t) = 0 always and nothing above changes.
 */
export function crisisIntensityAt(state: ModelState, step: number): number {
  const c = state.parameters.crisis;
  if (!c.enabled) return 0;
  const t = state.parameters.time.startYear + step / state.constants.stepsPerYear;
  const end = c.startYear + c.durationYears;
  if (t < c.startYear) return 0;
  if (t < end) return 1;
  if (c.recoveryYears <= 0) return 0;
  const left = 1 - (t - end) / c.recoveryYears;
  return left > 0 ? left : 0;
}

/** First step at which the crisis (including recovery) is over. */
export function crisisEndStep(state: ModelState): number {
  const c = state.parameters.crisis;
  const years = c.startYear + c.durationYears + c.recoveryYears - state.parameters.time.startYear;
  return Math.max(0, Math.ceil(years * state.constants.stepsPerYear));
}

/** Mechanism: set this step's crisis intensity (read by the other mechanisms). */
export function updateCrisisIntensity(state: ModelState): void {
  state.accounts.crisisIntensity = crisisIntensityAt(state, state.step);
}

/** Output multiplier of the current step: 1 − demandDrop × intensity. */
export function demandMultiplier(state: ModelState): number {
  const i = state.accounts.crisisIntensity;
  return i === 0 ? 1 : 1 - state.parameters.crisis.demandDrop * i;
}

/** Exit-hazard multiplier of the current step. */
export function exitHazardMultiplier(state: ModelState): number {
  const i = state.accounts.crisisIntensity;
  return i === 0 ? 1 : 1 + (state.parameters.crisis.exitHazardMultiplier - 1) * i;
}

/** Share of bank lending to small firms still available (1 − creditTightening × intensity). */
export function bankLendingMultiplier(state: ModelState): number {
  const i = state.accounts.crisisIntensity;
  return i === 0 ? 1 : 1 - state.parameters.crisis.creditTightening * i;
}
