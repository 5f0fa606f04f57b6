/**
 * How long a calibration's model runs take on this machine now: one candidate — the priors' medians,
 * its scenario run and, with contrasts, its reference run, for the years the targets need — run twice
 * in this thread and timed the second time (the first includes compiling the model's code), for the
 * plan line's estimate before any task ran. (Once tasks are stored, the estimate uses their wall
 * times instead.)
 */
import { recordTask } from '../runner/recordTask.ts';
import { applyParameterOverrides } from '../runner/parameterSets.ts';
import { priorQuantile } from './calibrationPrior.ts';
import type { CalibrationPlan, CalibrationRunKind } from './calibrationPlan.ts';
import { candidateOverrides } from './evaluateCalibrationCandidate.ts';

/** Seed of the timed runs (any seed: only the time is kept). */
const PILOT_SEED = 2009;

/**
 * Wall seconds of one candidate's model runs (scenario and reference), timed now in this thread, or
 * NaN when the priors' medians break a scenario rule.
 *
 * @example pilotSecondsPerCandidate(plan) // ≈ 0.45 for Henan on this machine
 */
export function pilotSecondsPerCandidate(plan: CalibrationPlan): number {
  const values = plan.parameters.map((p) => priorQuantile(p.prior, 0.5, p.name));
  const overrides = candidateOverrides(plan.model, values);
  if (overrides === null) return Number.NaN;
  const time = (input: CalibrationPlan['model']['baseInput'], list: typeof overrides.base, kind: CalibrationRunKind): number => {
    const started = performance.now();
    const years = kind.years < input.parameters.time.years ? [['time.years', kind.years] as const] : [];
    recordTask(applyParameterOverrides(input, [...list, ...years]), PILOT_SEED, kind.recording);
    return (performance.now() - started) / 1000;
  };
  const candidate = (): number => {
    let seconds = time(plan.model.baseInput, overrides.base, plan.fit);
    if (plan.referenceFit !== null && plan.model.referenceInput !== null && overrides.reference !== null) seconds += time(plan.model.referenceInput, overrides.reference, plan.referenceFit);
    return seconds;
  };
  candidate();
  return candidate() * plan.definition.method.replications;
}
