/**
 * A pool of worker threads (node:worker_threads) that run a run's tasks.
 *
 * Each worker gets the run's model inputs and recordings once and then tasks one or two at a time;
 * when it posts a result back the main thread hands it to `onResult` (the run store commits it) and
 * sends the worker its next task. So at most `workers × jobsInFlightPerWorker` tasks are in flight and
 * only finished-but-not-yet-stored records are held in memory — never a whole run. Which worker runs
 * which task, and in which order results arrive, does not matter: a task is a function of (model
 * input, overrides, seed, recording) only.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ModelInput } from '../model/modelInput.ts';
import type { ParameterOverrides } from './parameterSets.ts';
import type { Recording } from './recording.ts';
import type { TaskRecord } from './recordTask.ts';

/** What every task worker receives at start (`workerData`). */
export interface TaskWorkerData {
  /** The run's model inputs (a task names one by index). */
  readonly models: readonly ModelInput[];
  /** The run's recordings (a task names one by index). */
  readonly recordings: readonly Recording[];
}

/** One task as dispatched to a worker. */
export interface TaskJob {
  /** Index into {@link TaskWorkerData.models}. */
  readonly model: number;
  /** Overrides applied to the model's parameters (empty: none). */
  readonly overrides: ParameterOverrides;
  readonly seed: number;
  /** Index into {@link TaskWorkerData.recordings}. */
  readonly recording: number;
}

/** Main thread → worker: run one task. */
export interface TaskWorkerRequest extends TaskJob {
  readonly jobId: number;
}

/** A finished task: its record (buffers copied, not transferred: taskWorkerEntry.ts) and wall time in the worker. */
export interface TaskWorkerDone {
  readonly type: 'done';
  readonly jobId: number;
  readonly wallMs: number;
  readonly record: TaskRecord;
}

/** Options of {@link runTasksOnWorkers}. */
export interface TaskPoolOptions<Job extends TaskJob> {
  readonly workerData: TaskWorkerData;
  /** Tasks in dispatch order. */
  readonly jobs: readonly Job[];
  /** Number of worker threads (at least 1; never more than there are jobs). */
  readonly workers: number;
  /** Called on the main thread for each finished task, in completion order; may throw (the pool then stops and rejects). */
  readonly onResult: (job: Job, record: TaskRecord, wallMs: number) => void;
  /** The error to reject with when a task fails inside a worker. */
  readonly failure: (job: Job, message: string, stack: string) => Error;
  /** Abort: stop dispatching, terminate the workers; in-flight tasks are dropped. */
  readonly signal?: AbortSignal;
}

/** How a pool run ended. */
export interface WorkerPoolOutcome {
  /** Jobs handed to `onResult`. */
  readonly completed: number;
  /** True when the signal aborted the run before every job finished. */
  readonly aborted: boolean;
}

/** The default number of workers: the cores Node may use (os.availableParallelism, else cpus().length). */
export function defaultWorkerCount(): number {
  const available = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, available);
}

const TASK_WORKER_URL = new URL('./taskWorker.mjs', import.meta.url);

/**
 * Run tasks on a pool of task worker threads (src/runner/taskWorkerEntry.ts), calling `onResult` on
 * the main thread as each finishes. Two tasks are in flight per worker, so a worker computes while
 * the main thread stores. Resolves when every task is done or the signal aborted the run; rejects on
 * the first failure, after terminating every worker.
 *
 * @example await runTasksOnWorkers({ workerData, jobs, workers: 2, onResult: commit, failure: (j, m) => new Error(m) });
 */
export function runTasksOnWorkers<Job extends TaskJob>(options: TaskPoolOptions<Job>): Promise<WorkerPoolOutcome> {
  return runJobsOnWorkers<Job, TaskWorkerDone>({
    workerUrl: TASK_WORKER_URL,
    workerData: options.workerData,
    jobs: options.jobs,
    workers: options.workers,
    jobsInFlightPerWorker: 2,
    signal: options.signal,
    workerLabel: 'task worker',
    onDone: (job, reply) => options.onResult(job, reply.record, reply.wallMs),
    failure: options.failure,
  });
}

/** A worker's answer to one job of {@link runJobsOnWorkers}: its result, or the error that stopped it. */
export type JobReply<Done extends { readonly type: 'done'; readonly jobId: number }> =
  | Done
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string; readonly stack: string };

/** Options of {@link runJobsOnWorkers}. */
export interface JobPoolOptions<Job extends object, Done extends { readonly type: 'done'; readonly jobId: number }> {
  /**
   * The worker module. It receives `workerData` once, then messages `{ jobId, ...job }` one at a time,
   * and answers each with a `Done` reply or `{ type: 'failed', jobId, message, stack }`.
   */
  readonly workerUrl: URL;
  /** Sent to every worker once, at start (structured clone). */
  readonly workerData: unknown;
  /** Jobs in dispatch order. */
  readonly jobs: readonly Job[];
  /** Number of worker threads (at least 1; never more than there are jobs). */
  readonly workers: number;
  /**
   * Jobs sent ahead to each worker (default 1: the next job is sent when the previous answer
   * arrives). 2 keeps a worker busy while the main thread stores a result (short jobs).
   */
  readonly jobsInFlightPerWorker?: number;
  /** Called on the main thread for each finished job, in completion order; may throw (the pool then stops and rejects). */
  readonly onDone: (job: Job, reply: Done, worker: number) => void;
  /** The error to reject with when a job fails inside a worker. */
  readonly failure: (job: Job, message: string, stack: string) => Error;
  /** Abort: stop dispatching, terminate the workers; in-flight jobs are dropped. */
  readonly signal?: AbortSignal;
  /** How a worker is called in error messages (default 'worker'). */
  readonly workerLabel?: string;
}

/**
 * The generic pool behind {@link runTasksOnWorkers}: at most
 * `workers × jobsInFlightPerWorker` jobs in flight, results handed to `onDone` on the main thread as
 * they arrive. Resolves with the number of finished jobs and whether the signal aborted the run;
 * rejects on the first failure (a job failing in a worker, a worker that could not start or died, or
 * an error thrown by `onDone`), after terminating every worker.
 *
 * @example
 * await runJobsOnWorkers({ workerUrl, workerData, jobs, workers: 2, onDone: store, failure: (j, m) => new Error(m) });
 */
export function runJobsOnWorkers<Job extends object, Done extends { readonly type: 'done'; readonly jobId: number }>(
  options: JobPoolOptions<Job, Done>,
): Promise<WorkerPoolOutcome> {
  const { jobs, signal } = options;
  const size = Math.max(0, Math.min(Math.floor(options.workers), jobs.length));
  const depth = Math.max(1, Math.floor(options.jobsInFlightPerWorker ?? 1));
  if (jobs.length === 0 || signal?.aborted) return Promise.resolve({ completed: 0, aborted: signal?.aborted === true && jobs.length > 0 });
  if (size < 1) return Promise.reject(new RangeError(`workers must be at least 1, found ${options.workers}`));

  return new Promise<WorkerPoolOutcome>((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<number, Job>(); // jobId → job
    let next = 0;
    let completed = 0;
    let settled = false;

    const shutDown = (): void => {
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) {
        w.removeAllListeners('message');
        w.removeAllListeners('exit');
        w.on('error', () => {}); // late errors of a worker being torn down are not interesting
        void w.terminate();
      }
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      shutDown();
      reject(error);
    };
    const finish = (aborted: boolean): void => {
      if (settled) return;
      settled = true;
      shutDown();
      resolve({ completed, aborted });
    };
    function onAbort(): void {
      finish(true);
    }
    signal?.addEventListener('abort', onAbort, { once: true });

    /** Send the worker the next job, if any is left. */
    const dispatch = (worker: Worker): void => {
      if (settled || next >= jobs.length) return;
      const jobId = next++;
      const job = jobs[jobId];
      inFlight.set(jobId, job);
      worker.postMessage({ jobId, ...job });
    };

    for (let index = 0; index < size; index++) {
      const worker = new Worker(options.workerUrl, { workerData: options.workerData });
      workers.push(worker);
      worker.on('message', (reply: JobReply<Done>) => {
        if (settled) return;
        const job = inFlight.get(reply.jobId);
        if (job === undefined) return fail(new Error(`${options.workerLabel ?? 'worker'} ${index} answered an unknown job ${reply.jobId}`));
        inFlight.delete(reply.jobId);
        if (reply.type === 'failed') return fail(options.failure(job, reply.message, reply.stack));
        // The worker gets its next job before the result is stored, so it computes while the main
        // thread writes (at most one stored-but-unwritten result per worker is held).
        if (!signal?.aborted) dispatch(worker);
        completed++; // counted before the call: onDone may abort the signal, which resolves at once
        try {
          options.onDone(job, reply as Done, index);
        } catch (error) {
          completed--;
          return fail(error);
        }
        if (settled) return;
        if (signal?.aborted) return finish(true);
        if (next >= jobs.length && inFlight.size === 0) finish(false);
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (!settled) fail(new Error(`${options.workerLabel ?? 'worker'} ${index} stopped unexpectedly (exit code ${code})`));
      });
      for (let k = 0; k < depth; k++) dispatch(worker);
    }
  });
}
