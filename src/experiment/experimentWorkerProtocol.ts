/**
 * Messages between the experiment runner and its worker threads (src/runner/workerPool.ts's generic
 * pool carries them). Type-only module.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import type { JobReply } from '../runner/workerPool.ts';
import type { TaskModel } from './evaluateExperimentTask.ts';
import type { ExperimentTask } from './experimentTasks.ts';

/** What every worker receives at start: the task model (base scenario, factor paths, outcomes). */
export interface ExperimentWorkerData {
  readonly model: TaskModel;
}

/** A task as dispatched: the task and its point's factor values (so workers need not hold the design). */
export interface ExperimentWorkerJob extends ExperimentTask {
  readonly values: readonly FactorValue[];
}

/** Main thread → worker: run one task. */
export interface ExperimentWorkerRequest extends ExperimentWorkerJob {
  readonly jobId: number;
}

/** A finished task: its outcome values (NaN = undefined) and wall time in the worker. */
export interface ExperimentWorkerDone {
  readonly type: 'done';
  readonly jobId: number;
  readonly wallMs: number;
  readonly values: Float64Array;
}

/** Worker → main thread. */
export type ExperimentWorkerReply = JobReply<ExperimentWorkerDone>;
