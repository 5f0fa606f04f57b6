/**
 * A calibration's model runs as tasks of the one run pipeline (src/runner/runTasks.ts): a round's
 * candidates, and the posterior's particles continued to the prediction horizon. Every run is an
 * ordinary task — a model input (0: the scenario, 1: the reference) with parameter overrides (the
 * candidate's values, and `time.years` when the run stops early), a seed and a recording — computed
 * by the one task worker, stored in the one run store, and read back here into target statistics.
 *
 * Task order (what `--shard i/n` slices): candidate by candidate, replication by replication, the
 * scenario's run before the reference's. A candidate whose values break a scenario rule has no task:
 * its statistics are undefined (NaN) and it is infinitely far from the data.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { parameterSetHash, type ParameterOverrides } from '../runner/parameterSets.ts';
import { recordingHash } from '../runner/recording.ts';
import type { TaskRecord } from '../runner/recordTask.ts';
import type { RunStore } from '../runner/runStore.ts';
import { registerRun, taskIds, type RegisteredRun, type RunDefinition, type RunParameterSet, type RunTask } from '../runner/runTasks.ts';
import { taskIdsKey } from '../runner/runStore.ts';
import { candidateSeeds } from './abcSmcCandidates.ts';
import { absorbAbcResults } from './abcSmcGenerations.ts';
import type { AbcCandidate, AbcCandidateResult, AbcPopulation, AbcSmcState } from './abcSmcState.ts';
import { proposeCalibrationRound } from './calibrationRounds.ts';
import type { CalibrationPlan, CalibrationRunKind } from './calibrationPlan.ts';
import { candidateOverrides, candidateResult } from './evaluateCalibrationCandidate.ts';
import { statisticsOfIndexedRecords, type IndexedRecords } from './evaluateTargetStatistics.ts';
import { timeGridOf } from './recordedTimeGrid.ts';
import { indexTaskRecord } from './taskRecordIndex.ts';

/** A parameter vector with its replication seeds: a candidate, or a particle to continue. */
export interface CalibrationRunUnit {
  readonly values: readonly FactorValue[];
  readonly seeds: readonly number[];
}

/** Where a unit's replications are among a run's tasks: per replication, the scenario's task and the reference's (−1: none). */
export type UnitTasks = readonly { readonly base: number; readonly reference: number }[] | null;

/** The tasks of a set of units. */
export interface CalibrationRun {
  readonly definition: RunDefinition;
  /** Per unit (in unit order): its tasks, or null when its values break a scenario rule. */
  readonly units: readonly UnitTasks[];
}

/** The overrides of one run of a unit: its values, and the shorter `time.years` when the run stops early. */
function runOverrides(overrides: ParameterOverrides, kind: CalibrationRunKind, fullYears: number): ParameterOverrides {
  return kind.years < fullYears ? [...overrides, ['time.years', kind.years] as const] : overrides;
}

/**
 * The tasks of `units`: for each, per replication seed, a scenario run of `base` and — when `reference`
 * is not null — a reference run.
 *
 * @example calibrationRun(plan, candidates, plan.fit, plan.referenceFit)
 */
export function calibrationRun(plan: CalibrationPlan, units: readonly CalibrationRunUnit[], base: CalibrationRunKind, reference: CalibrationRunKind | null): CalibrationRun {
  const model = plan.model;
  const models = [{ hash: plan.baseModelHash, input: model.baseInput }];
  if (model.referenceInput !== null && plan.referenceModelHash !== null) models.push({ hash: plan.referenceModelHash, input: model.referenceInput });
  const recordings = [base.recording, ...(reference === null ? [] : [reference.recording])].map((recording) => ({ hash: recordingHash(recording), recording }));
  const parameterSets: RunParameterSet[] = [];
  const setIndex = new Map<string, number>();
  const parameterSet = (modelIndex: 0 | 1, overrides: ParameterOverrides): number => {
    const hash = parameterSetHash(models[modelIndex].hash, overrides);
    let index = setIndex.get(hash);
    if (index === undefined) {
      index = parameterSets.length;
      parameterSets.push({ hash, model: modelIndex, overrides });
      setIndex.set(hash, index);
    }
    return index;
  };
  const tasks: RunTask[] = [];
  const unitTasks = units.map((unit): UnitTasks => {
    const overrides = candidateOverrides(model, unit.values);
    if (overrides === null) return null;
    const baseSet = parameterSet(0, runOverrides(overrides.base, base, model.baseInput.parameters.time.years));
    const referenceSet =
      reference === null || overrides.reference === null || model.referenceInput === null
        ? -1
        : parameterSet(1, runOverrides(overrides.reference, reference, model.referenceInput.parameters.time.years));
    return unit.seeds.map((seed, replication) => {
      const slot = { base: tasks.length, reference: -1 };
      tasks.push({ parameterSet: baseSet, replication, seed, recording: 0 });
      if (referenceSet >= 0) {
        slot.reference = tasks.length;
        tasks.push({ parameterSet: referenceSet, replication, seed, recording: 1 });
      }
      return slot;
    });
  });
  return { definition: { models, parameterSets, recordings, tasks }, units: unitTasks };
}

/** A registered calibration run: its tasks' store ids, to read their records back. */
export interface RegisteredCalibrationRun {
  readonly run: CalibrationRun;
  readonly registered: RegisteredRun;
}

/**
 * Register a calibration run in a store (models, parameter sets, recordings).
 *
 * @example const registered = registerCalibrationRun(store, calibrationRun(plan, candidates, plan.fit, plan.referenceFit))
 */
export function registerCalibrationRun(store: RunStore, run: CalibrationRun): RegisteredCalibrationRun {
  return { run, registered: registerRun(store, run.definition) };
}

/** Reads the indexed records of a registered run's tasks from the store. */
export type TaskRecordReader = (task: number) => IndexedRecords;

/**
 * A reader of the records of a registered run's tasks (by index into its definition's task list).
 *
 * @throws {Error} (when called) for a task the store does not hold.
 * @example const read = storedTaskReader(store, registered); read(0).get(60)?.get('firms')?.province
 */
export function storedTaskReader(store: RunStore, { run, registered }: RegisteredCalibrationRun): TaskRecordReader {
  const index = store.taskIdIndex();
  const recordings = run.definition.recordings.map((r) => r.recording);
  return (taskIndex: number): IndexedRecords => {
    const task = run.definition.tasks[taskIndex];
    const id = index.get(taskIdsKey(taskIds(registered, task)));
    const stored = id === undefined ? null : store.task(id);
    if (stored === null) throw new Error(`calibration: task ${taskIndex} (seed ${task.seed}) is not in the run store`);
    return indexTaskRecord(stored.record, recordings[task.recording]);
  };
}

/**
 * A reader of records computed on demand (no store): for tests and in-thread evaluation.
 *
 * @example inMemoryTaskReader(run, (task) => recordTask(…))
 */
export function inMemoryTaskReader(run: CalibrationRun, record: (task: RunTask) => TaskRecord): TaskRecordReader {
  const recordings = run.definition.recordings.map((r) => r.recording);
  return (taskIndex) => {
    const task = run.definition.tasks[taskIndex];
    return indexTaskRecord(record(task), recordings[task.recording]);
  };
}

/**
 * The target statistics of each replication of a unit, from its tasks' records (all NaN for a unit
 * whose values break a scenario rule).
 *
 * @example replicationStatistics(plan, run.units[0], read, 1)
 */
export function replicationStatistics(plan: CalibrationPlan, tasks: UnitTasks, read: TaskRecordReader, replications: number): Float64Array[] {
  const targets = plan.model.targets;
  if (tasks === null) return Array.from({ length: replications }, () => new Float64Array(targets.length).fill(Number.NaN));
  const grid = timeGridOf(plan.model.baseInput.parameters);
  const referenceGrid = plan.model.referenceInput === null ? grid : timeGridOf(plan.model.referenceInput.parameters);
  return tasks.map((slot) => statisticsOfIndexedRecords(targets, read(slot.base), grid, slot.reference < 0 ? null : read(slot.reference), referenceGrid));
}

/**
 * The results of a round's candidates, from the records of their tasks.
 *
 * @example absorbAbcResults(proposed, candidateResults(plan, candidates, run, storedTaskReader(store, registered)))
 */
export function candidateResults(plan: CalibrationPlan, candidates: readonly AbcCandidate[], run: CalibrationRun, read: TaskRecordReader): AbcCandidateResult[] {
  return candidates.map((candidate, i) => candidateResult(plan.model, candidate, replicationStatistics(plan, run.units[i], read, candidate.seeds.length)));
}

/**
 * The units of the posterior-predictive runs: each particle of the population with the replication
 * seeds of the candidate it came from — so each run continues, beyond the fitted years, exactly the
 * simulation that was accepted (the model is causal: the run to the horizon repeats it step for step
 * up to the last fitted year).
 *
 * @example calibrationRun(plan, particleUnits(state.settings, population), plan.prediction, plan.referencePrediction)
 */
export function particleUnits(settings: Parameters<typeof candidateSeeds>[0], population: AbcPopulation): CalibrationRunUnit[] {
  return population.particles.map((particle) => ({ values: particle.values, seeds: candidateSeeds(settings, population.generation, particle.index) }));
}

/** The next round of a calibration: its candidates' runs, or — once the algorithm stopped — the posterior-predictive runs. */
export interface PlannedRound {
  readonly kind: 'candidates' | 'predictions';
  /** The state the round starts from. */
  readonly base: AbcSmcState;
  /** The state with the round's candidates proposed (the base itself for the predictions). */
  readonly proposed: AbcSmcState;
  readonly candidates: readonly AbcCandidate[];
  readonly run: CalibrationRun;
}

/**
 * The round a state calls for (see calibrationRounds.ts). A function of the plan and the state only,
 * so a single run, every shard of a cluster run and their merge plan the same round.
 *
 * @throws {Error} when the algorithm stopped without a population (nothing to predict from).
 * @example const round = plannedRound(plan, state); registerCalibrationRun(store, round.run)
 */
export function plannedRound(plan: CalibrationPlan, base: AbcSmcState): PlannedRound {
  if (base.stop === null) {
    const { state: proposed, candidates } = proposeCalibrationRound(base);
    return { kind: 'candidates', base, proposed, candidates, run: calibrationRun(plan, candidates, plan.fit, plan.referenceFit) };
  }
  if (base.population === null) throw new Error('calibration: the algorithm stopped before generation 0 was complete; there is no posterior to predict from');
  return { kind: 'predictions', base, proposed: base, candidates: [], run: calibrationRun(plan, particleUnits(base.settings, base.population), plan.prediction, plan.referencePrediction) };
}

/**
 * The state after a round: its candidates' results absorbed (the predictions leave the state as it is).
 *
 * @example state = absorbPlannedRound(plan, round, storedTaskReader(store, registered))
 */
export function absorbPlannedRound(plan: CalibrationPlan, round: PlannedRound, read: TaskRecordReader): AbcSmcState {
  if (round.kind === 'predictions') return round.base;
  return absorbAbcResults(round.proposed, candidateResults(plan, round.candidates, round.run, read));
}

/**
 * A task of a round in words, for messages: `candidate 17 of generation 3, replication 0 (seed 123), reference scenario`.
 *
 * @example describeRoundTask(round, round.run.definition.tasks[0])
 */
export function describeRoundTask(round: PlannedRound, task: RunTask): string {
  const position = round.run.definition.tasks.indexOf(task);
  let unit = -1;
  let which = 'scenario';
  round.run.units.forEach((slots, u) =>
    slots?.forEach((slot) => {
      if (slot.base === position) unit = u;
      if (slot.reference === position) {
        unit = u;
        which = 'reference scenario';
      }
    }),
  );
  const who =
    round.kind === 'candidates'
      ? `candidate ${round.candidates[unit]?.index ?? '?'} of generation ${round.proposed.generation}`
      : `particle ${unit} of the posterior (its prediction run)`;
  return `${who}, replication ${task.replication} (seed ${task.seed}), ${which}`;
}
