/**
 * A calibration file as a recovery-study problem: its priors and method, synthetic data from one
 * replication of the scenario at drawn parameter values, and the file's own targets with the
 * figures replaced by those data — so the study runs every part of a real calibration (file, target
 * statistics, distance, ABC-SMC) on zonesim itself. Pure module.
 */
import type { AbcSmcSettings } from './abcSmcState.ts';
import type { ReplicationCombination } from './calibrationDefinition.ts';
import {
  calibrationAbcParameters,
  calibrationAbcSettings,
  createCalibrationModel,
  evaluateCalibrationCandidate,
  simulateTargetStatistics,
  type CalibrationModel,
} from './evaluateCalibrationCandidate.ts';
import type { LoadedCalibration } from './loadCalibrationFile.ts';
import type { RecoveryProblem } from './simulationBasedCalibration.ts';

/**
 * The evaluation model with each target's figure replaced by a synthetic datum.
 *
 * @throws {RangeError} when a datum is undefined, or not positive for a log-scale target (the study
 *   cannot calibrate to it; the message names the target).
 * @example withSyntheticFigures(model, [0.41, 0.46, 812, 90, 700])
 */
export function withSyntheticFigures(model: CalibrationModel, observed: readonly number[]): CalibrationModel {
  const targets = model.targets.map((target, i) => {
    const figure = observed[i];
    if (!Number.isFinite(figure) || (target.scale === 'log' && figure <= 0) || (target.scale === 'relative' && figure === 0)) {
      throw new RangeError(`synthetic figure of target ${target.name} is ${figure}, which its ${target.scale} scale cannot compare with`);
    }
    return { ...target, figure };
  });
  return { ...model, targets };
}

/**
 * The recovery problem of a loaded calibration file.
 *
 * @param loaded the calibration file.
 * @param settings settings that replace the file's method (e.g. a smaller population for a quick study).
 * @param combineReplications replaces the file's `combineReplications` (to measure the options).
 * @example const study = await runRecoveryStudy(calibrationRecoveryProblem(loaded), { datasets: 20, seed: 2009 });
 */
export function calibrationRecoveryProblem(
  loaded: LoadedCalibration,
  settings: Partial<AbcSmcSettings> = {},
  combineReplications?: ReplicationCombination,
): RecoveryProblem {
  const fileModel = createCalibrationModel(loaded);
  const model = combineReplications === undefined ? fileModel : { ...fileModel, combineReplications };
  return {
    parameters: calibrationAbcParameters(loaded.definition),
    settings: { ...calibrationAbcSettings(loaded.definition), ...settings },
    simulate: (values, seed) => simulateTargetStatistics(model, values, seed),
    evaluator: (observed) => {
      const withData = withSyntheticFigures(model, observed);
      return (batch) => batch.map((candidate) => evaluateCalibrationCandidate(withData, candidate));
    },
  };
}
