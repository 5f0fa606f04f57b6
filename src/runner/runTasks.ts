/**
 * The one way simulations are run: a run's tasks — (parameter set, replication, seed, recording) —
 * on one worker pool into one resumable store. Every analysis (a comparison of scenarios, an
 * experiment file; later claims and calibrations, which append tasks generation by generation) builds
 * its {@link RunDefinition} and calls {@link runTasks}; what it does with the stored tasks afterwards
 * is its own business.
 *
 * Resume: a task whose identity (parameter set hash, replication, seed, recording hash) is already in
 * the store, with values that still match their checksum, is reused, so running the same command again after Ctrl-C, a kill or a power cut computes
 * only the rest. Tasks can be appended to a store over any number of invocations. A shard
 * (`--shard i/n`) computes only its slice of the task list (see src/runner/shards.ts).
 */
import { statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModelInput } from '../model/modelInput.ts';
import { applyParameterOverrides, type ParameterOverrides } from './parameterSets.ts';
import { estimateRun, InsufficientResourcesError, memoryWarning, resourceProblem, type RunEstimate } from './runEstimate.ts';
import { recordingJson, type Recording } from './recording.ts';
import type { TaskRecord } from './recordTask.ts';
import { taskIdsKey, type RunStore, type TaskIds } from './runStore.ts';
import { inShard, type Shard } from './shards.ts';
import { defaultWorkerCount, runTasksOnWorkers, type TaskJob } from './workerPool.ts';

/** A model input of a run, with its content hash (src/runner/parameterSets.ts). */
export interface RunModel {
  readonly hash: string;
  readonly input: ModelInput;
}

/** A parameter set of a run: one of its models (by index) with overrides, and the content hash. */
export interface RunParameterSet {
  readonly hash: string;
  readonly model: number;
  readonly overrides: ParameterOverrides;
}

/** A recording of a run, with its hash (src/runner/recording.ts). */
export interface RunRecording {
  readonly hash: string;
  readonly recording: Recording;
}

/** One task: a parameter set and a recording (indices into the run's lists), a replication and its seed. */
export interface RunTask {
  readonly parameterSet: number;
  readonly replication: number;
  readonly seed: number;
  readonly recording: number;
}

/** Everything a run simulates. */
export interface RunDefinition {
  readonly models: readonly RunModel[];
  readonly parameterSets: readonly RunParameterSet[];
  readonly recordings: readonly RunRecording[];
  /** Tasks in dispatch order; a task listed twice is run once. */
  readonly tasks: readonly RunTask[];
}

/** A run definition registered in a store: the store ids of its parameter sets and recordings. */
export interface RegisteredRun {
  readonly definition: RunDefinition;
  readonly parameterSetIds: readonly number[];
  readonly recordingIds: readonly number[];
  /** The run's tasks with duplicates removed, in order of first appearance: the positions shards slice. */
  readonly uniqueTasks: readonly RunTask[];
}

/**
 * Store the run's models, parameter sets and recordings (those not stored yet), in one transaction.
 *
 * @example const registered = registerRun(store, definition);
 */
export function registerRun(store: RunStore, definition: RunDefinition): RegisteredRun {
  return store.transaction(() => {
    const modelIds = definition.models.map((m) => store.registerModel(m.hash, m.input));
    const parameterSetIds = definition.parameterSets.map((p) => store.registerParameterSet(p.hash, modelIds[p.model], JSON.stringify(p.overrides)));
    const recordingIds = definition.recordings.map((r) => store.registerRecording(r.hash, recordingJson(r.recording)));
    const seen = new Set<string>();
    const uniqueTasks: RunTask[] = [];
    for (const task of definition.tasks) {
      const key = taskIdsKey(idsOf(task, parameterSetIds, recordingIds));
      if (seen.has(key)) continue;
      seen.add(key);
      uniqueTasks.push(task);
    }
    return { definition, parameterSetIds, recordingIds, uniqueTasks };
  });
}

function idsOf(task: RunTask, parameterSetIds: readonly number[], recordingIds: readonly number[]): TaskIds {
  return { parameterSetId: parameterSetIds[task.parameterSet], replication: task.replication, seed: task.seed, recordingId: recordingIds[task.recording] };
}

/**
 * The store identity of a task of a registered run.
 *
 * @example store.task(storedIndex.get(taskIdsKey(taskIds(registered, task))))
 */
export function taskIds(registered: RegisteredRun, task: RunTask): TaskIds {
  return idsOf(task, registered.parameterSetIds, registered.recordingIds);
}

/** How many tasks a run has, computes now and reuses. */
export interface RunTasksPlan {
  /** Tasks of the run (duplicates removed). */
  readonly taskCount: number;
  /** Tasks of this invocation (the shard's slice, or every task). */
  readonly tasksInRun: number;
  readonly toRun: number;
  readonly reused: number;
  readonly workers: number;
  /**
   * Time, memory and disk the tasks to run will take (src/runner/runEstimate.ts); null for tasks
   * computed in this thread by an `evaluate` function.
   */
  readonly estimate: RunEstimate | null;
}

/** Options of {@link runTasks}. */
export interface RunTasksOptions {
  readonly store: RunStore;
  readonly run: RegisteredRun;
  /** Compute only this slice of the tasks (default: all). */
  readonly shard?: Shard | null;
  /** Worker threads (default: {@link defaultWorkerCount}; never more than there are tasks to run). */
  readonly workers?: number;
  /** Stop: no more tasks are started, the store stays consistent, the outcome says `aborted`. */
  readonly signal?: AbortSignal;
  /**
   * Compute tasks in this thread with this function instead of the model on the worker pool (tests,
   * and the experiment machinery on cheap synthetic functions).
   */
  readonly evaluate?: (task: RunTask) => TaskRecord;
  /** Describes a task in an error message (e.g. 'replication 3 (seed 9) of scenario "baseline"'). */
  readonly describeTask: (task: RunTask) => string;
  /** Things the user should know (stored tasks found damaged and computed again). */
  readonly onNotice?: (message: string) => void;
  /** Called once the plan is known, before any task runs. */
  readonly onPlan?: (plan: RunTasksPlan) => void;
  /** Called after each task computed and stored: done of toRun. */
  readonly onTaskDone?: (done: number, toRun: number) => void;
}

/** What {@link runTasks} did. */
export interface RunTasksOutcome extends RunTasksPlan {
  /** Tasks computed and stored by this invocation. */
  readonly computed: number;
  /** True when the signal stopped the run before every task of it was stored. */
  readonly aborted: boolean;
  /** Seconds from the first dispatched task to the last stored one. */
  readonly simulateSeconds: number;
  /** Sum of the tasks' wall times inside their workers, ms. */
  readonly workerMs: number;
}

/** A task failed inside a worker (a model error); carries the worker's stack. */
export class TaskFailedError extends Error {
  /**
   * @param task the task that failed.
   * @param description the task in words (from the analysis).
   * @param message the worker's error message.
   * @param workerStack the worker's stack trace.
   */
  constructor(
    readonly task: RunTask,
    description: string,
    message: string,
    readonly workerStack: string,
  ) {
    super(`${description} failed: ${message}`);
    this.name = 'TaskFailedError';
  }
}

/** The estimate of the tasks at `positions` of a run (grouped by parameter set). */
function estimateTasks(run: RegisteredRun, positions: readonly number[], workers: number): RunEstimate {
  const { definition } = run;
  const counts = new Map<string, { parameterSet: number; recording: number; tasks: number }>();
  for (const position of positions) {
    const task = run.uniqueTasks[position];
    const key = `${task.parameterSet}:${task.recording}`;
    const entry = counts.get(key) ?? { parameterSet: task.parameterSet, recording: task.recording, tasks: 0 };
    entry.tasks++;
    counts.set(key, entry);
  }

  // Many parameter sets (a large experiment design): estimate from an even sample of at most 1,000 of them.
  const all = [...counts.values()];
  const stride = Math.max(1, Math.ceil(all.length / 1000));
  const sample = all.filter((_, i) => i % stride === 0);
  const scale = all.reduce((n, c) => n + c.tasks, 0) / Math.max(1, sample.reduce((n, c) => n + c.tasks, 0));
  // Each kind with its own recording (a claims run's robustness variants store a few series, its scenarios everything).
  const kinds = sample.map(({ parameterSet, recording, tasks }) => {
    const set = definition.parameterSets[parameterSet];
    return { parameters: applyParameterOverrides(definition.models[set.model].input, set.overrides).parameters, tasks: tasks * scale, recording: definition.recordings[recording]?.recording };
  });
  return estimateRun(kinds, { province: [], zone: null, industry: null, outcomes: [], layout: false }, workers);
}

/** The plan of a run made without a store (a dry run): what {@link runTasks} would report with nothing stored. */
export interface StorelessRunPlan {
  /** Tasks of the run, duplicates removed (a task listed twice is run once). */
  readonly taskCount: number;
  /** Workers the run would use: the requested number (default: the cores), at most one per task. */
  readonly workers: number;
  /** Time, memory and disk of every task (src/runner/runEstimate.ts); null when there is no task. */
  readonly estimate: RunEstimate | null;
}

/**
 * Plan a run without opening a store — for `--dry-run`, which must not create the run folder: the
 * distinct tasks of `definition` and the estimate of running all of them, as if nothing were stored
 * (a run that resumes a folder runs fewer). Tasks are told apart as the store does: by parameter set,
 * replication, seed and recording (the definition's parameter sets and recordings are distinct).
 *
 * @param definition the run.
 * @param workers worker threads asked for (default: the number of cores).
 * @example planRunWithoutStore(definition, 2) // { taskCount: 1340, workers: 2, estimate: { seconds: 87, … } }
 */
export function planRunWithoutStore(definition: RunDefinition, workers?: number): StorelessRunPlan {
  const seen = new Set<string>();
  const uniqueTasks: RunTask[] = [];
  for (const task of definition.tasks) {
    const key = `${task.parameterSet}:${task.replication}:${task.seed}:${task.recording}`;
    if (seen.has(key)) continue;
    seen.add(key);
    uniqueTasks.push(task);
  }
  const used = Math.max(1, Math.min(Math.floor(workers ?? defaultWorkerCount()), Math.max(1, uniqueTasks.length)));
  const run: RegisteredRun = { definition, parameterSetIds: [], recordingIds: [], uniqueTasks };
  const estimate = uniqueTasks.length === 0 ? null : estimateTasks(run, uniqueTasks.map((_, position) => position), used);
  return { taskCount: uniqueTasks.length, workers: used, estimate };
}

/** A task as dispatched: the worker job plus its position in the unique task list. */
interface DispatchedTask extends TaskJob {
  readonly position: number;
}

/**
 * Run the tasks of a registered run that the store does not hold yet (only the shard's, with a
 * shard), committing each to the store as it finishes. Memory is bounded by the tasks in flight.
 *
 * @throws {TaskFailedError} when the model fails in a worker (or `evaluate` throws).
 * @throws {InsufficientResourcesError} before any task runs, when the run needs more disk than is free
 *   in its folder or more memory than the machine has (src/runner/runEstimate.ts).
 * @example const outcome = await runTasks({ store, run: registerRun(store, definition), describeTask });
 */
export async function runTasks(options: RunTasksOptions): Promise<RunTasksOutcome> {
  const { store, run } = options;
  const shard = options.shard ?? null;
  // Values edited, truncated or damaged on disk since they were stored are computed again (issue 11, D11).
  const damaged = store.deleteDamagedTasksOnce();
  if (damaged > 0) {
    options.onNotice?.(`${damaged} stored task(s) in ${store.file} did not match their checksum (changed or damaged on disk since they were stored); they are computed again`);
  }
  const stored = store.taskIdIndex();
  const inRun: number[] = [];
  const toRun: number[] = [];
  run.uniqueTasks.forEach((task, position) => {
    if (!inShard(position, shard)) return;
    inRun.push(position);
    if (!stored.has(taskIdsKey(taskIds(run, task)))) toRun.push(position);
  });
  const workers = options.evaluate !== undefined ? 1 : Math.max(1, Math.min(Math.floor(options.workers ?? defaultWorkerCount()), Math.max(1, toRun.length)));
  const estimate = options.evaluate !== undefined ? null : estimateTasks(run, toRun, workers);
  if (estimate !== null) {
    // Before any task starts: refuse a run the machine cannot hold (issue 11, item 4).
    const outDir = path.dirname(store.file);
    const disk = statfsSync(outDir);
    const problem = resourceProblem(estimate, { outDir, freeDiskBytes: disk.bavail * disk.bsize, totalMemoryBytes: os.totalmem() });
    if (problem !== null) throw new InsufficientResourcesError(problem);
    const warning = memoryWarning(estimate, os.freemem());
    if (warning !== null) options.onNotice?.(warning);
  }
  const plan: RunTasksPlan = { taskCount: run.uniqueTasks.length, tasksInRun: inRun.length, toRun: toRun.length, reused: inRun.length - toRun.length, workers, estimate };
  options.onPlan?.(plan);

  let computed = 0;
  let workerMs = 0;
  const started = performance.now();
  const commit = (position: number, record: TaskRecord, wallMs: number): void => {
    store.commitTask(taskIds(run, run.uniqueTasks[position]), wallMs, record);
    computed++;
    workerMs += wallMs;
    options.onTaskDone?.(computed, toRun.length);
  };
  let aborted = false;
  if (options.evaluate !== undefined) {
    for (const position of toRun) {
      if (options.signal?.aborted) break;
      const task = run.uniqueTasks[position];
      const t0 = performance.now();
      let record: TaskRecord;
      try {
        record = options.evaluate(task);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        throw new TaskFailedError(task, options.describeTask(task), err.message, err.stack ?? '');
      }
      commit(position, record, performance.now() - t0);
    }
    aborted = options.signal?.aborted === true && computed < toRun.length;
  } else if (toRun.length > 0) {
    const { definition } = run;
    const jobs: DispatchedTask[] = toRun.map((position) => {
      const task = run.uniqueTasks[position];
      const parameterSet = definition.parameterSets[task.parameterSet];
      return { position, model: parameterSet.model, overrides: parameterSet.overrides, seed: task.seed, recording: task.recording };
    });
    const outcome = await runTasksOnWorkers({
      workerData: { models: definition.models.map((m) => m.input), recordings: definition.recordings.map((r) => r.recording) },
      jobs,
      workers,
      signal: options.signal,
      onResult: (job, record, wallMs) => commit(job.position, record, wallMs),
      failure: (job, message, stack) => {
        const task = run.uniqueTasks[job.position];
        return new TaskFailedError(task, options.describeTask(task), message, stack);
      },
    });
    aborted = outcome.aborted;
  }
  return { ...plan, computed, aborted, simulateSeconds: (performance.now() - started) / 1000, workerMs };
}

/** The run was stopped before every task of this invocation finished; finished ones are stored. */
export class RunInterruptedError extends Error {
  /**
   * @param outDir the run folder (run the same command again to resume).
   * @param stored tasks of this invocation that are stored.
   * @param total tasks this invocation needs.
   */
  constructor(
    readonly outDir: string,
    readonly stored: number,
    readonly total: number,
  ) {
    super(`interrupted: ${stored} of ${total} tasks are stored in ${outDir}`);
    this.name = 'RunInterruptedError';
  }
}
