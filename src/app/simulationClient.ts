/**
 * Page side of the simulation workers: one live-run worker per side of the comparison ("policy" and
 * "comparison") and a small pool for batch replications. A run that is superseded before it ends
 * is stopped by terminating its worker (the model runs synchronously inside it), so a new setting
 * never waits for an old run.
 */
import type { ModelInput } from '../model/modelInput.ts';
import type { ReplicationDone, RunDone, RunFrame, RunMeta, WorkerRequest, WorkerResponse } from './workerProtocol.ts';

/** Which side of "my policy vs comparison" a run belongs to. */
export type RunSide = 'policy' | 'comparison';

/** Callbacks of a streamed run. */
export interface RunHandlers {
  onMeta(meta: RunMeta): void;
  onFrame(frame: RunFrame): void;
  onDone(done: RunDone): void;
  onError(message: string): void;
}

/** One batch job: an input, a seed and a tag saying where the result goes. */
export interface BatchJob<T> {
  readonly input: ModelInput;
  readonly seed: number;
  readonly tag: T;
}

/** Creates a simulation worker (injected so the page decides how Vite bundles it). */
export type WorkerFactory = () => Worker;

interface LiveWorker {
  worker: Worker;
  busyRunId: number | null;
}

/** Runs the model in Web Workers for the page. */
export class SimulationClient {
  private readonly live = new Map<RunSide, LiveWorker>();
  private readonly handlers = new Map<number, RunHandlers>();
  private nextRunId = 1;
  private batchWorkers: Worker[] = [];
  private batchGeneration = 0;

  /**
   * @param createWorker returns a new simulation worker.
   * @param poolSize number of workers for batch mode (≥ 1).
   */
  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly poolSize: number,
  ) {}

  private liveWorker(side: RunSide): LiveWorker {
    let entry = this.live.get(side);
    if (entry && entry.busyRunId !== null) {
      entry.worker.terminate();
      this.handlers.delete(entry.busyRunId);
      entry = undefined;
    }
    if (!entry) {
      const worker = this.createWorker();
      const created: LiveWorker = { worker, busyRunId: null };
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(created, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        const runId = created.busyRunId;
        if (runId !== null) this.handlers.get(runId)?.onError(event.message || 'the simulation worker failed');
        created.busyRunId = null;
      };
      entry = created;
      this.live.set(side, entry);
    }
    return entry;
  }

  private receive(entry: LiveWorker, message: WorkerResponse): void {
    if (message.type === 'replication-done') return;
    const runId = message.runId;
    if (runId === null) return;
    const handlers = this.handlers.get(runId);
    if (!handlers) return;
    switch (message.type) {
      case 'meta':
        handlers.onMeta(message);
        break;
      case 'frame':
        handlers.onFrame(message);
        break;
      case 'done':
        entry.busyRunId = null;
        this.handlers.delete(runId);
        handlers.onDone(message);
        break;
      case 'error':
        entry.busyRunId = null;
        this.handlers.delete(runId);
        handlers.onError(message.message);
        break;
    }
  }

  /**
   * Start a streamed run on one side, stopping any unfinished run of that side.
   *
   * @returns the run id (messages of older runs are ignored).
   */
  startRun(side: RunSide, input: ModelInput, seed: number, handlers: RunHandlers): number {
    const entry = this.liveWorker(side);
    const runId = this.nextRunId++;
    entry.busyRunId = runId;
    this.handlers.set(runId, handlers);
    const request: WorkerRequest = { type: 'run', runId, input, seed };
    entry.worker.postMessage(request);
    return runId;
  }

  /** Stop the run of one side, if any (its handlers are not called again). */
  cancelRun(side: RunSide): void {
    const entry = this.live.get(side);
    if (entry && entry.busyRunId !== null) {
      entry.worker.terminate();
      this.handlers.delete(entry.busyRunId);
      this.live.delete(side);
    }
  }

  /**
   * Run batch jobs on the worker pool, each job on the next free worker, calling `onResult` as
   * each finishes. A later call (or {@link cancelBatch}) stops an unfinished batch; its promise
   * then resolves with `false`.
   *
   * @returns true when every job finished.
   */
  runBatch<T>(jobs: readonly BatchJob<T>[], onResult: (job: BatchJob<T>, result: ReplicationDone) => void): Promise<boolean> {
    this.cancelBatch();
    const generation = ++this.batchGeneration;
    const size = Math.max(1, Math.min(this.poolSize, jobs.length));
    this.batchWorkers = Array.from({ length: size }, () => this.createWorker());
    let next = 0;
    let finished = 0;
    return new Promise<boolean>((resolve) => {
      if (jobs.length === 0) {
        resolve(true);
        return;
      }
      const cancelled = (): boolean => generation !== this.batchGeneration;
      const feed = (worker: Worker): void => {
        if (next >= jobs.length) return;
        const index = next++;
        const job = jobs[index];
        worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
          if (cancelled()) return;
          const message = event.data;
          if (message.type === 'replication-done') {
            onResult(job, message);
            finished++;
            if (finished === jobs.length) {
              this.stopBatchWorkers();
              resolve(true);
            } else {
              feed(worker);
            }
          } else if (message.type === 'error') {
            this.stopBatchWorkers();
            resolve(false);
          }
        };
        const request: WorkerRequest = { type: 'replication', jobId: index, input: job.input, seed: job.seed };
        worker.postMessage(request);
      };
      this.batchResolve = () => resolve(false);
      for (const worker of this.batchWorkers) feed(worker);
    });
  }

  private batchResolve: (() => void) | null = null;

  private stopBatchWorkers(): void {
    for (const worker of this.batchWorkers) worker.terminate();
    this.batchWorkers = [];
    this.batchResolve = null;
  }

  /** Stop an unfinished batch. */
  cancelBatch(): void {
    this.batchGeneration++;
    const resolve = this.batchResolve;
    this.stopBatchWorkers();
    resolve?.();
  }
}
