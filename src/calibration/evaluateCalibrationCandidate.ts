/**
 * One calibration candidate, in process: parameter values → the scenario's (and reference's) model
 * input → one model run per replication seed → target statistics → distances. What a worker of the
 * pool will compute for each candidate; a pure function of (model, candidate), whichever thread or
 * machine runs it.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { withFactorValues } from '../experiment/evaluateExperimentTask.ts';
import type { ModelInput } from '../model/modelInput.ts';
import { simulateModel } from '../model/simulateModel.ts';
import { createReporterCollector, type RecordedStep } from '../outcomes/collectReporters.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { checkParameterConsistency } from '../scenario/validateScenario.ts';
import type { AbcCandidate, AbcCandidateResult, AbcSmcSettings } from './abcSmcState.ts';
import { simulationsPerCandidate, type CalibrationDefinition, type CalibrationTarget, type ReplicationCombination } from './calibrationDefinition.ts';
import { computeTargetStatistics, requiredRecordSteps } from './evaluateTargetStatistics.ts';
import type { LoadedCalibration } from './loadCalibrationFile.ts';
import type { AbcParameter } from './perturbationKernel.ts';
import { timeGridOf } from './recordedTimeGrid.ts';
import { targetDistance, type DistanceNorm, type TargetComparison } from './targetDistance.ts';

/**
 * Everything a candidate's evaluation needs besides its values and seeds. Plain data
 * (structured-clone safe), sent to each worker once.
 */
export interface CalibrationModel {
  readonly baseInput: ModelInput;
  /** The reference scenario's input, or null without contrasts. */
  readonly referenceInput: ModelInput | null;
  /** Dotted path of each free parameter, in parameter order. */
  readonly parameterPaths: readonly string[];
  /** Indices of the free parameters applied to the reference (those it does not set itself). */
  readonly referenceParameterIndices: readonly number[];
  readonly targets: readonly CalibrationTarget[];
  readonly combineReplications: ReplicationCombination;
  readonly distance: DistanceNorm;
}

/**
 * The evaluation model of a loaded calibration.
 *
 * @example const model = createCalibrationModel(await loadCalibrationFile(file));
 */
export function createCalibrationModel(loaded: LoadedCalibration): CalibrationModel {
  const definition = loaded.definition;
  const fixed = new Set(loaded.referenceFixedPaths);
  return {
    baseInput: loaded.scenario.modelInput,
    referenceInput: loaded.reference?.modelInput ?? null,
    parameterPaths: definition.parameters.map((p) => p.name),
    referenceParameterIndices: definition.parameters.flatMap((p, j) => (fixed.has(p.name) ? [] : [j])),
    targets: definition.targets,
    combineReplications: definition.method.combineReplications,
    distance: definition.method.distance,
  };
}

/**
 * The free parameters as ABC-SMC sees them.
 *
 * @example calibrationAbcParameters(definition)[0] // { name: 'firms.exitHazard', prior: { kind: 'logUniform', … } }
 */
export function calibrationAbcParameters(definition: CalibrationDefinition): AbcParameter[] {
  return definition.parameters.map((p) => ({ name: p.name, prior: p.prior }));
}

/**
 * The ABC-SMC settings of a calibration file: its method, with the simulation budget turned into a
 * candidate budget (maxSimulations / model runs per candidate).
 *
 * @example calibrationAbcSettings(definition).maxCandidates
 */
export function calibrationAbcSettings(definition: CalibrationDefinition): AbcSmcSettings {
  const method = definition.method;
  return {
    populationSize: method.populationSize,
    maxGenerations: method.maxGenerations,
    maxCandidates: Math.floor(method.maxSimulations / simulationsPerCandidate(definition)),
    toleranceQuantile: method.toleranceQuantile,
    minimumTolerance: method.minimumTolerance,
    minimumAcceptanceRate: method.minimumAcceptanceRate,
    replications: method.replications,
    commonRandomNumbers: method.commonRandomNumbers,
    seed: method.seed,
  };
}

/**
 * The targets as the distance sees them: held-out targets get weight 0 (computed, not fitted).
 *
 * @example targetDistance(statistics, fittedComparisons(model.targets), 'rms')
 */
export function fittedComparisons(targets: readonly CalibrationTarget[]): TargetComparison[] {
  return targets.map((t) => ({ figure: t.figure, kind: t.kind, scale: t.scale, tolerance: t.tolerance, weight: t.holdOut ? 0 : t.weight }));
}

/**
 * Run one scenario with a seed, keeping the records the targets need. The run stops after the last
 * year a target needs: the model is causal (nothing before a step depends on how long the run goes on),
 * so the records kept are those of the full run, at a fraction of its cost.
 */
function recordReplication(input: ModelInput, targets: readonly CalibrationTarget[], seed: number): RecordedStep[] {
  const grid = timeGridOf(input.parameters);
  const needed = requiredRecordSteps(targets, grid);
  const collect = createReporterCollector({ names: needed.reporters, zones: needed.zones, industries: needed.industries });
  const records: RecordedStep[] = [];
  let lastStep = 0;
  for (const step of needed.steps) if (step > lastStep) lastStep = step;
  const time = input.parameters.time;
  const years = Math.max(1, Math.ceil(lastStep / time.stepsPerYear));
  const run = years < time.years ? { ...input, parameters: { ...input.parameters, time: { ...time, years } } } : input;
  simulateModel(run, seed, (state) => {
    const record = collect(state);
    if (needed.steps.has(record.step)) records.push(record);
  });
  return records;
}

/** A candidate's inputs: the scenario and the reference with the free parameters applied; null when a scenario rule is broken. */
function candidateInputs(model: CalibrationModel, values: readonly FactorValue[]): { base: ModelInput; reference: ModelInput | null } | null {
  try {
    const parameters = withFactorValues(model.baseInput.parameters, model.parameterPaths, values);
    checkParameterConsistency(parameters, null);
    let reference: ModelInput | null = null;
    if (model.referenceInput !== null) {
      const indices = model.referenceParameterIndices;
      const referenceParameters = withFactorValues(model.referenceInput.parameters, indices.map((j) => model.parameterPaths[j]), indices.map((j) => values[j]));
      checkParameterConsistency(referenceParameters, null);
      reference = { ...model.referenceInput, parameters: referenceParameters };
    }
    return { base: { ...model.baseInput, parameters }, reference };
  } catch (error) {
    if (error instanceof ScenarioError) return null;
    throw error;
  }
}

/**
 * The target statistics of one replication of a candidate: the scenario (and, for contrasts, the
 * reference scenario with the same seed) run with the candidate's values.
 *
 * @param model the evaluation model.
 * @param values the candidate's values, in parameter order.
 * @param seed the replication's seed.
 * @returns one value per target (NaN = undefined); all NaN when the values break a scenario rule.
 * @example simulateTargetStatistics(model, [0.05, 1.2], 12345)
 */
export function simulateTargetStatistics(model: CalibrationModel, values: readonly FactorValue[], seed: number): Float64Array {
  const inputs = candidateInputs(model, values);
  if (inputs === null) return new Float64Array(model.targets.length).fill(Number.NaN);
  const contrasts = model.targets.filter((t) => t.contrast !== null);
  const records = recordReplication(inputs.base, model.targets, seed);
  const referenceRecords = inputs.reference === null || contrasts.length === 0 ? null : recordReplication(inputs.reference, contrasts, seed);
  return computeTargetStatistics(
    model.targets,
    records,
    timeGridOf(inputs.base.parameters),
    referenceRecords,
    inputs.reference === null ? undefined : timeGridOf(inputs.reference.parameters),
  );
}

/**
 * Mean of each statistic over replications (NaN where any replication is NaN: an undefined value is
 * not averaged away).
 *
 * @example averageStatistics([Float64Array.of(1, 2), Float64Array.of(3, 4)]) // [2, 3]
 */
export function averageStatistics(replications: readonly Float64Array[]): number[] {
  const count = replications[0]?.length ?? 0;
  return Array.from({ length: count }, (_, i) => replications.reduce((sum, r) => sum + r[i], 0) / replications.length);
}

/**
 * Evaluate one candidate: its replications, their statistics and its distances — one per
 * replication (`distancePerReplication`), or one of the averaged statistics (`averageStatistics`).
 * The statistics reported are the averages either way.
 *
 * @param model the evaluation model.
 * @param candidate the candidate (values and seeds).
 * @returns the result ABC-SMC absorbs.
 * @example evaluateCalibrationCandidate(model, candidates[0])
 */
export function evaluateCalibrationCandidate(model: CalibrationModel, candidate: AbcCandidate): AbcCandidateResult {
  const comparisons = fittedComparisons(model.targets);
  const replications = candidate.seeds.map((seed) => simulateTargetStatistics(model, candidate.values, seed));
  const statistics = averageStatistics(replications);
  const distances =
    model.combineReplications === 'averageStatistics'
      ? [targetDistance(statistics, comparisons, model.distance)]
      : replications.map((r) => targetDistance(r, comparisons, model.distance));
  return { generation: candidate.generation, index: candidate.index, distances, statistics };
}
