/**
 * One calibration candidate, in process: parameter values → the scenario's (and reference's) model
 * input → one model run per replication seed → target statistics → distances. What a worker of the
 * pool will compute for each candidate; a pure function of (model, candidate), whichever thread or
 * machine runs it.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import type { ModelInput } from '../model/modelInput.ts';
import { simulateModel } from '../model/simulateModel.ts';
import { createReporterCollector, type RecordedStep } from '../outcomes/collectReporters.ts';
import { applyParameterOverrides, type ParameterOverrides } from '../runner/parameterSets.ts';
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
  return calibrationModelOf(loaded.definition, loaded.scenario.modelInput, loaded.reference?.modelInput ?? null, loaded.referenceFixedPaths);
}

/**
 * The evaluation model of a calibration definition and its scenarios' model inputs (what
 * {@link createCalibrationModel} builds from a loaded file, and a merge from a run store).
 *
 * @param referenceFixedPaths the free parameters the reference scenario sets itself.
 * @example calibrationModelOf(definition, scenario.modelInput, null, [])
 */
export function calibrationModelOf(
  definition: CalibrationDefinition,
  baseInput: ModelInput,
  referenceInput: ModelInput | null,
  referenceFixedPaths: readonly string[],
): CalibrationModel {
  const fixed = new Set(referenceFixedPaths);
  return {
    baseInput,
    referenceInput,
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
    kernelScale: method.kernelScale,
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
 * How many years a run must simulate for these targets: up to the last instant they read (at least
 * one year, at most the scenario's years). The model is causal — nothing before a step depends on how
 * long the run goes on — so the records kept are those of the full run, at a fraction of its cost.
 *
 * @example yearsForTargets(targets, parameters) // 5 for targets up to end: 2013 of a run from 2009
 */
export function yearsForTargets(targets: readonly CalibrationTarget[], parameters: ModelInput['parameters']): number {
  const needed = requiredRecordSteps(targets, timeGridOf(parameters));
  let lastStep = 0;
  for (const step of needed.steps) if (step > lastStep) lastStep = step;
  const time = parameters.time;
  return Math.min(time.years, Math.max(1, Math.ceil(lastStep / time.stepsPerYear)));
}

/** Run one scenario with a seed, keeping the records the targets need, for as many years as they need. */
function recordReplication(input: ModelInput, targets: readonly CalibrationTarget[], seed: number): RecordedStep[] {
  const needed = requiredRecordSteps(targets, timeGridOf(input.parameters));
  const collect = createReporterCollector({ names: needed.reporters, zones: needed.zones, industries: needed.industries });
  const records: RecordedStep[] = [];
  const time = input.parameters.time;
  const years = yearsForTargets(targets, input.parameters);
  const run = years < time.years ? { ...input, parameters: { ...input.parameters, time: { ...time, years } } } : input;
  simulateModel(run, seed, (state) => {
    const record = collect(state);
    if (needed.steps.has(record.step)) records.push(record);
  });
  return records;
}

/** Parameter overrides of a candidate: for the scenario, and for the reference (null without one). */
export interface CandidateOverrides {
  readonly base: ParameterOverrides;
  readonly reference: ParameterOverrides | null;
}

/**
 * A candidate's parameter overrides — every free parameter for the scenario, those the reference does
 * not set itself for the reference — or null when the values break a scenario rule (the candidate is
 * then infinitely far from the data and is never run).
 *
 * @example candidateOverrides(model, [0.05, 1.2])?.base // [['firms.exitHazard', 0.05], ['choice.outside.utility', 1.2]]
 */
export function candidateOverrides(model: CalibrationModel, values: readonly FactorValue[]): CandidateOverrides | null {
  const base: ParameterOverrides = model.parameterPaths.map((path, j) => [path, values[j]] as const);
  const reference: ParameterOverrides | null =
    model.referenceInput === null ? null : model.referenceParameterIndices.map((j) => [model.parameterPaths[j], values[j]] as const);
  try {
    checkParameterConsistency(applyParameterOverrides(model.baseInput, base).parameters, null);
    if (model.referenceInput !== null && reference !== null) checkParameterConsistency(applyParameterOverrides(model.referenceInput, reference).parameters, null);
    return { base, reference };
  } catch (error) {
    if (error instanceof ScenarioError) return null;
    throw error;
  }
}

/** A candidate's inputs: the scenario and the reference with the free parameters applied; null when a scenario rule is broken. */
function candidateInputs(model: CalibrationModel, values: readonly FactorValue[]): { base: ModelInput; reference: ModelInput | null } | null {
  const overrides = candidateOverrides(model, values);
  if (overrides === null) return null;
  return {
    base: applyParameterOverrides(model.baseInput, overrides.base),
    reference: model.referenceInput === null || overrides.reference === null ? null : applyParameterOverrides(model.referenceInput, overrides.reference),
  };
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
  return candidateResult(model, candidate, candidate.seeds.map((seed) => simulateTargetStatistics(model, candidate.values, seed)));
}

/**
 * A candidate's result from the target statistics of its replications, however they were computed
 * (here, or from the tasks of the run store: src/calibration/calibrationTasks.ts): the averaged
 * statistics, and one distance per replication (`distancePerReplication`) or one of the averages
 * (`averageStatistics`).
 *
 * @param model the evaluation model.
 * @param candidate the candidate.
 * @param replications one statistics vector per replication seed, in seed order.
 * @example candidateResult(model, candidate, [simulateTargetStatistics(model, candidate.values, candidate.seeds[0])])
 */
export function candidateResult(model: CalibrationModel, candidate: AbcCandidate, replications: readonly Float64Array[]): AbcCandidateResult {
  const comparisons = fittedComparisons(model.targets);
  const statistics = averageStatistics(replications);
  const distances =
    model.combineReplications === 'averageStatistics'
      ? [targetDistance(statistics, comparisons, model.distance)]
      : replications.map((r) => targetDistance(r, comparisons, model.distance));
  return { generation: candidate.generation, index: candidate.index, distances, statistics };
}
