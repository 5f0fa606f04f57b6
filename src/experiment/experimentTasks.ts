/**
 * An experiment's tasks: design points × replications, as tasks of a run (src/runner/runTasks.ts).
 *
 * Task `t` is replication `r = t mod R` of point `p = ⌊t / R⌋` (R = replications per point), so the
 * tasks of a point are consecutive and experiment.csv lists them in task order. Point p is a parameter
 * set: the base scenario with the point's factor values as overrides. A task's seed is
 * `replicationSeed(seed, r)`: the same at every point (common random numbers: two points differ only
 * by their factor values, which sharpens every comparison between points) and a function of (seed, r)
 * only, so a task can run on any machine, in any order, any number of times. A task records only the
 * experiment's outcomes (one number each).
 */
import type { ModelInput } from '../model/modelInput.ts';
import { replicationSeed } from '../model/randomStreams.ts';
import { parameterSetHash, type ParameterOverrides } from '../runner/parameterSets.ts';
import { outcomeRecording, recordingHash, type Recording } from '../runner/recording.ts';
import type { RunDefinition, RunTask } from '../runner/runTasks.ts';
import type { ExperimentPlan } from './loadExperimentFile.ts';

/** One model run of an experiment. */
export interface ExperimentTask {
  /** Task index, 0 … points × replications − 1. */
  readonly task: number;
  /** Design point, 0 … points − 1. */
  readonly point: number;
  /** Replication of the point, 0 … replications − 1. */
  readonly replication: number;
  /** Model seed: replicationSeed(experiment seed, replication). */
  readonly seed: number;
}

/**
 * The task with index `task`.
 *
 * @example experimentTask(7, 3, 2009) // { task: 7, point: 2, replication: 1, seed: replicationSeed(2009, 1) }
 */
export function experimentTask(task: number, replicationsPerPoint: number, seed: number): ExperimentTask {
  const replication = task % replicationsPerPoint;
  return { task, point: (task - replication) / replicationsPerPoint, replication, seed: replicationSeed(seed, replication) };
}

/**
 * The task index of replication `replication` of point `point`.
 *
 * @example taskIndex(2, 1, 3) // 7
 */
export function taskIndex(point: number, replication: number, replicationsPerPoint: number): number {
  return point * replicationsPerPoint + replication;
}

/** The overrides of design point `point`: each factor's dotted path with the point's value. */
export function pointOverrides(plan: ExperimentPlan, point: number): ParameterOverrides {
  const values = plan.design.values[point];
  return plan.definition.factors.map((f, j) => [f.name, values[j]] as const);
}

/** What every task of an experiment records: its outcomes only. */
export function experimentRecording(plan: ExperimentPlan): Recording {
  return outcomeRecording(plan.definition.outcomes);
}

/**
 * The content hash of each design point's parameter set, given the base scenario's model hash.
 *
 * @example pointParameterSetHashes(plan, modelInputHash(baseInput))[0].length // 64
 */
export function pointParameterSetHashes(plan: ExperimentPlan, modelHash: string): string[] {
  return plan.design.values.map((_, point) => parameterSetHash(modelHash, pointOverrides(plan, point)));
}

/**
 * The run of an experiment: one model (the base scenario), one parameter set per design point (so a
 * run task's `parameterSet` is its point), one recording, and the tasks in task order.
 */
export function experimentRun(plan: ExperimentPlan, baseInput: ModelInput, modelHash: string): RunDefinition {
  const hashes = pointParameterSetHashes(plan, modelHash);
  const recording = experimentRecording(plan);
  const R = plan.definition.replicationsPerPoint;
  const tasks: RunTask[] = [];
  for (let t = 0; t < plan.taskCount; t++) {
    const task = experimentTask(t, R, plan.definition.seed);
    tasks.push({ parameterSet: task.point, replication: task.replication, seed: task.seed, recording: 0 });
  }
  return {
    models: [{ hash: modelHash, input: baseInput }],
    parameterSets: hashes.map((hash, point) => ({ hash, model: 0, overrides: pointOverrides(plan, point) })),
    recordings: [{ hash: recordingHash(recording), recording }],
    tasks,
  };
}
