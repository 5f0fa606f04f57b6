/**
 * A pool of worker threads that run replications (node:worker_threads).
 *
 * Each worker gets the run's scenarios once and then one job at a time; when it posts a result back
 * the main thread hands it to `onResult` (the run store commits it) and sends the worker the next job.
 * So at most `size` replications are in flight and only finished-but-not-yet-stored records are held
 * in memory — never a whole run. Which worker runs which replication, and in which order results
 * arrive, does not matter: a replication is a function of (scenario input, seed) only.
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
  const { jobs, scenarios, signal } = options;
  const size = Math.max(0, Math.min(Math.floor(options.workers), jobs.length));
  if (jobs.length === 0 || signal?.aborted) return Promise.resolve({ completed: 0, aborted: signal?.aborted === true && jobs.length > 0 });
  if (size < 1) return Promise.reject(new RangeError(`workers must be at least 1, found ${options.workers}`));

  return new Promise<WorkerPoolOutcome>((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<number, ReplicationJob>(); // jobId → job
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
      const request: WorkerRequest = { jobId, scenarioIndex: job.scenarioIndex, replication: job.replication, seed: job.seed };
      worker.postMessage(request);
    };

    const data: WorkerData = { scenarios };
    for (let index = 0; index < size; index++) {
      const worker = new Worker(WORKER_URL, { workerData: data });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (settled) return;
        const job = inFlight.get(reply.jobId);
        if (job === undefined) return fail(new Error(`worker ${index} answered an unknown job ${reply.jobId}`));
        inFlight.delete(reply.jobId);
        if (reply.type === 'failed') {
          return fail(new ReplicationFailedError(job, scenarios[job.scenarioIndex].name, reply.message, reply.stack));
        }
        // The worker gets its next job before the result is stored, so it computes while the main
        // thread writes (at most one stored-but-unwritten result per worker is held).
        if (!signal?.aborted) dispatch(worker);
        completed++; // counted before the call: onResult may abort the signal, which resolves at once
        try {
          options.onResult({ job, record: reply.record, wallMs: reply.wallMs, worker: index });
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
        if (!settled) fail(new Error(`replication worker ${index} stopped unexpectedly (exit code ${code})`));
      });
      dispatch(worker);
    }
  });
}
