/**
 * `status.json` of a calibration run folder: where the calibration stands after the last round and
 * what to do next — written by every invocation and every merge, so a script (a cluster job loop)
 * can test `"finished": true` and a person can see the generation and tolerance without opening the
 * store.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AbcSmcState } from './abcSmcState.ts';
import { simulationsPerCandidate } from './calibrationDefinition.ts';
import type { CalibrationPlan } from './calibrationPlan.ts';

/** File name of the status file in a run folder. */
export const CALIBRATION_STATUS_FILE = 'status.json';

/** status.json. */
export interface CalibrationStatus {
  readonly calibration: string;
  /** The outputs of the finished calibration are written. */
  readonly finished: boolean;
  /** Rounds absorbed. */
  readonly rounds: number;
  /** The algorithm stopped (the next round is the posterior-predictive one, or none when finished). */
  readonly stopped: boolean;
  readonly stop: string | null;
  /** The generation being built, its tolerance (null = ∞) and its accepted candidates so far. */
  readonly generation: number;
  readonly tolerance: number | null;
  readonly accepted: number;
  readonly populationSize: number;
  readonly simulationsUsed: number;
  readonly budgetSimulations: number;
  /** What to do next, in words. */
  readonly next: string;
}

/**
 * Write status.json into `outDir`.
 *
 * @param next what to do next (e.g. "run the same command again to continue").
 * @example writeCalibrationStatus(outDir, plan, state, 12, false, 'run the shards of round 13, then merge')
 */
export function writeCalibrationStatus(outDir: string, plan: CalibrationPlan, state: AbcSmcState, rounds: number, finished: boolean, next: string): CalibrationStatus {
  const status: CalibrationStatus = {
    calibration: plan.definition.name,
    finished,
    rounds,
    stopped: state.stop !== null,
    stop: state.stop?.message ?? null,
    generation: state.generation,
    tolerance: Number.isFinite(state.tolerance) ? state.tolerance : null,
    accepted: state.accepted.length,
    populationSize: state.settings.populationSize,
    simulationsUsed: (state.candidatesUsed + state.nextIndex) * simulationsPerCandidate(plan.definition),
    budgetSimulations: plan.definition.method.maxSimulations,
    next,
  };
  writeFileSync(path.join(outDir, CALIBRATION_STATUS_FILE), `${JSON.stringify(status, null, 2)}\n`);
  return status;
}
