/**
 * A pool of worker threads that run replications (node:worker_threads).
 *
 * Each worker gets the run's scenarios once and then one job at a time; when it posts a result back
 * the main thread hands it to `onResult` (the run store commits it) and sends the worker the next job.
 * So at most `size` replications are in flight and only finished-but-not-yet-stored records are held
 * in memory — never a whole run. Which worker runs which replication, and in which order results
 * arrive, does not matter: a replication is a function of (scenario input, seed) only.
 *
 * The pool itself is generic ({@link runJobsOnWorkers}: any worker module, any job and reply shape);
 * the experiment runner (src/experiment) uses it for its design points.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ModelInput } from '../model/modelInput.ts';
import type { ReplicationRecord } from './recordReplication.ts';

/** One replication to run. */
export interface ReplicationJob {
  /** Index into the scenarios given to the pool. */
  readonly scenarioIndex: number;
  readonly replication: number;
  readonly seed: number;
}

/** A finished replication, as handed to `onResult`. */
export interface ReplicationResult {
  readonly job: ReplicationJob;
  readonly record: ReplicationRecord;
  /** Wall time of the replication inside its worker, ms. */
  readonly wallMs: number;
  /** Which worker (0-based) ran it (informational only). */
  readonly worker: number;
}

/** What every worker receives at start (`workerData`). */
export interface WorkerData {
  readonly scenarios: readonly { readonly name: string; readonly modelInput: ModelInput }[];
}

/** Main thread → worker: run one replication. */
export interface WorkerRequest {
  readonly jobId: number;
  readonly scenarioIndex: number;
  readonly replication: number;
  readonly seed: number;
}

/** Worker → main thread: a finished replication or the error that stopped it. */
export type WorkerReply =
  | { readonly type: 'done'; readonly jobId: number; readonly wallMs: number; readonly record: ReplicationRecord }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string; readonly stack: string };

/** Options of {@link runReplicationsOnWorkers}. */
export interface WorkerPoolOptions {
  readonly scenarios: WorkerData['scenarios'];
  /** Jobs in dispatch order. */
  readonly jobs: readonly ReplicationJob[];
  /** Number of worker threads (at least 1; never more than there are jobs). */
  readonly workers: number;
  /**
   * Called on the main thread for each finished replication, in completion order. It may throw (for
   * example when the store cannot be written): the pool then stops and rejects with that error.
   */
  readonly onResult: (result: ReplicationResult) => void;
  /** Abort: stop dispatching, terminate the workers; in-flight replications are dropped. */
  readonly signal?: AbortSignal;
}

/** How a pool run ended. */
export interface WorkerPoolOutcome {
  /** Replications handed to `onResult`. */
  readonly completed: number;
  /** True when the signal aborted the run before every job finished. */
  readonly aborted: boolean;
}

/** A replication failed inside a worker (a model error); carries the worker's stack. */
export class ReplicationFailedError extends Error {
  /**
   * @param job the replication that failed.
   * @param scenarioName its scenario.
   * @param message the worker's error message.
   * @param workerStack the worker's stack trace.
   */
  constructor(
    readonly job: ReplicationJob,
    readonly scenarioName: string,
    message: string,
    readonly workerStack: string,
  ) {
    super(`replication ${job.replication} (seed ${job.seed}) of scenario "${scenarioName}" failed: ${message}`);
    this.name = 'ReplicationFailedError';
  }
}

/** The default number of workers: the cores Node may use (os.availableParallelism, else cpus().length). */
export function defaultWorkerCount(): number {
  const available = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, available);
}

const WORKER_URL = new URL('./replicationWorker.mjs', import.meta.url);

/**
 * Run `jobs` on a pool of worker threads, calling `onResult` on the main thread as each finishes.
 * Resolves when every job is done or the signal aborted the run; rejects on the first failure (a
 * model error in a worker, a worker that could not start or died, or an error thrown by `onResult`),
 * after terminating every worker.
 *
 * @example
 * await runReplicationsOnWorkers({ scenarios, jobs, workers: 2, onResult: (r) => store.commit(r) });
 */
export function runReplicationsOnWorkers(options: WorkerPoolOptions): Promise<WorkerPoolOutcome> {
  const { scenarios } = options;
  return runJobsOnWorkers<ReplicationJob, Extract<WorkerReply, { type: 'done' }>>({
    workerUrl: WORKER_URL,
    workerData: { scenarios } satisfies WorkerData,
    jobs: options.jobs,
    workers: options.workers,
    signal: options.signal,
    workerLabel: 'replication worker',
    onDone: (job, reply, worker) => options.onResult({ job, record: reply.record, wallMs: reply.wallMs, worker }),
    failure: (job, message, stack) => new ReplicationFailedError(job, scenarios[job.scenarioIndex].name, message, stack),
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
 * The generic pool behind {@link runReplicationsOnWorkers} (and the experiment runner): at most
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
