/**
 * A whole calibration in this process, end to end: a loaded calibration file → ABC-SMC with every
 * candidate evaluated here → the final state and the posterior summary. The command line will run
 * the same loop with the worker pool and the resumable store as the evaluator and `onBatch`; this
 * in-process form serves the tests, the recovery study and small calibrations.
 */
import { createAbcSmcState, type AbcSmcState } from './abcSmcState.ts';
import {
  calibrationAbcParameters,
  calibrationAbcSettings,
  createCalibrationModel,
  evaluateCalibrationCandidate,
  type CalibrationModel,
} from './evaluateCalibrationCandidate.ts';
import type { LoadedCalibration } from './loadCalibrationFile.ts';
import { summarisePosterior, type ParameterPosterior } from './posteriorSummary.ts';
import { runAbcSmc, type RunAbcSmcOptions } from './runAbcSmc.ts';

/** What {@link calibrateInProcess} returns. */
export interface InProcessCalibration {
  readonly state: AbcSmcState;
  readonly posterior: readonly ParameterPosterior[];
}

/**
 * Calibrate in this process.
 *
 * @param loaded the loaded calibration file.
 * @param options batch size, checkpoint callback, abort signal; `model` replaces the file's
 *   evaluation model (the recovery study swaps the figures for synthetic ones); `state` resumes a
 *   stored run.
 * @returns the final state and the posterior summary (null when aborted before generation 0 ended).
 * @example const { posterior } = await calibrateInProcess(await loadCalibrationFile(file));
 */
export async function calibrateInProcess(
  loaded: LoadedCalibration,
  options: RunAbcSmcOptions & { readonly model?: CalibrationModel; readonly state?: AbcSmcState } = {},
): Promise<InProcessCalibration> {
  const model = options.model ?? createCalibrationModel(loaded);
  const start = options.state ?? createAbcSmcState(calibrationAbcParameters(loaded.definition), calibrationAbcSettings(loaded.definition));
  const state = await runAbcSmc(start, (batch) => batch.map((candidate) => evaluateCalibrationCandidate(model, candidate)), options);
  return { state, posterior: state.population === null ? [] : summarisePosterior(state.parameters, state.population) };
}
