/**
 * The experiment runner: the tasks of an experiment (design points × replications, or a shard's
 * slice of them) on the worker pool, each committed to the experiment store as it finishes; then,
 * for a whole experiment, the analysis and every export (src/experiment/writeExperimentOutputs.ts).
 *
 * Resume: running the same command again (same --out folder) reuses every task already stored for
 * the same experiment (content hash) and model code (fingerprint), computes only the rest, and ends
 * with byte-identical files (timings.json aside). A shard (`shard: { index, count }`) computes only
 * its tasks and writes only its store; `zonesim merge` analyses the shards together.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultWorkerCount, runJobsOnWorkers } from '../runner/workerPool.ts';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import type { TaskModel } from './evaluateExperimentTask.ts';
import { experimentCodeFingerprint } from './experimentFingerprint.ts';
import { EXPERIMENT_STORE_FILE, ExperimentStore } from './experimentStore.ts';
import { formatShard, shardTasks, type ExperimentTask, type Shard } from './experimentTasks.ts';
import type { ExperimentWorkerData, ExperimentWorkerDone, ExperimentWorkerJob } from './experimentWorkerProtocol.ts';
import type { LoadedExperiment } from './loadExperimentFile.ts';
import { writeExperimentOutputs, type ExperimentProvenance } from './writeExperimentOutputs.ts';
import type { ChartImageFormat } from '../report/renderChartImages.ts';

/**
 * Computes one task in this thread instead of the model on the worker pool: for tests and for using
 * the experiment machinery on other functions. Returns one value per outcome (NaN = undefined).
 */
export type ExperimentEvaluator = (values: readonly FactorValue[], task: ExperimentTask) => ArrayLike<number>;

/** What {@link runExperimentFile} needs. */
export interface RunExperimentFileOptions {
  readonly experiment: LoadedExperiment;
  /** Output folder (created if needed); experiment.sqlite in it is created or resumed. */
  readonly outDir: string;
  /** Worker threads (default: {@link defaultWorkerCount}). */
  readonly workers?: number;
  /** Compute only this slice of the tasks, and no analysis (default: every task, then the analysis). */
  readonly shard?: Shard | null;
  /** Render experiment.html and the chart images (default true). */
  readonly renderReport?: boolean;
  /** Image formats of the charts (default PNG and SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
  readonly provenance: ExperimentProvenance;
  /** Stop: no more tasks are started, the store stays consistent, an {@link ExperimentInterruptedError} is thrown. */
  readonly signal?: AbortSignal;
  /** Run tasks in this thread with this function instead of the model on workers. */
  readonly evaluator?: ExperimentEvaluator;
  /** Called once the plan is known. */
  readonly onPlan?: (plan: ExperimentRunPlan) => void;
  /** Called after each task computed and stored in this run: done of toRun. */
  readonly onTaskDone?: (done: number, toRun: number) => void;
  /** Things the user should know (stored tasks recomputed because the experiment or model changed). */
  readonly onNotice?: (message: string) => void;
  /** Called when the work after the tasks starts. */
  readonly onPhase?: (phase: 'analyse' | 'export' | 'report') => void;
}

/** How many tasks a run needs, computes now and reuses. */
export interface ExperimentRunPlan {
  readonly outDir: string;
  readonly points: number;
  readonly replications: number;
  /** Tasks of the whole experiment. */
  readonly taskCount: number;
  /** Tasks of this run (the shard's slice, or every task). */
  readonly tasksInRun: number;
  readonly toRun: number;
  readonly reused: number;
  readonly workers: number;
  readonly shard: Shard | null;
}

/** What {@link runExperimentFile} did. */
export interface ExperimentRunSummary {
  readonly outDir: string;
  readonly tasksRun: number;
  readonly tasksReused: number;
  readonly tasksInRun: number;
  readonly shard: Shard | null;
  /** Files written, relative to outDir (experiment.sqlite first). */
  readonly files: readonly string[];
  /** experiment.html, or null (a shard, or no report). */
  readonly reportPath: string | null;
  readonly wallTimeSeconds: number;
  /** Seconds from the first dispatched task to the last stored one. */
  readonly simulateSeconds: number;
  /** Model runs per second of simulateSeconds (0 when none ran). */
  readonly runsPerSecond: number;
  /** Mean wall time of one task inside its worker, ms. */
  readonly meanTaskMs: number;
  readonly workers: number;
}

/** The run was stopped before every task finished; finished tasks are stored. */
export class ExperimentInterruptedError extends Error {
  /**
   * @param outDir the folder (run the same command again to resume).
   * @param stored tasks of this run that are stored.
   * @param total tasks this run needs.
   */
  constructor(
    readonly outDir: string,
    readonly stored: number,
    readonly total: number,
  ) {
    super(`interrupted: ${stored} of ${total} tasks are stored in ${path.join(outDir, EXPERIMENT_STORE_FILE)}`);
    this.name = 'ExperimentInterruptedError';
  }
}

/** A task failed inside a worker (a model error); names the point and its factor values. */
export class ExperimentTaskFailedError extends Error {
  /**
   * @param task the task that failed.
   * @param setting the point's factor values in words.
   * @param message the worker's error message.
   * @param workerStack the worker's stack trace.
   */
  constructor(
    readonly task: ExperimentTask,
    setting: string,
    message: string,
    readonly workerStack: string,
  ) {
    super(`task ${task.task} (point ${task.point}: ${setting}; replication ${task.replication}, seed ${task.seed}) failed: ${message}`);
    this.name = 'ExperimentTaskFailedError';
  }
}

const WORKER_URL = new URL('./experimentWorker.mjs', import.meta.url);

/** Facts written to timings.json: everything about a run that may differ between identical runs. */
function writeTimings(outDir: string, facts: Record<string, unknown>): void {
  writeFileSync(path.join(outDir, 'timings.json'), `${JSON.stringify(facts, null, 2)}\n`);
}

/**
 * Run an experiment (or a shard of it) into `outDir`, resuming what the store already holds; for a
 * whole experiment, then analyse it and write experiment.csv, points.csv, sensitivity.csv, prim.csv,
 * manifest.json, experiment.html with its chart images, and timings.json. Memory is bounded by the
 * design (points' factor values) plus the tasks in flight.
 *
 * @throws {ExperimentInterruptedError} when `signal` aborts before every task is stored.
 * @throws {ExperimentTaskFailedError} when the model fails in a worker.
 * @example await runExperimentFile({ experiment: await loadExperimentFile(file), outDir, provenance })
 */
export async function runExperimentFile(options: RunExperimentFileOptions): Promise<ExperimentRunSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const { plan, baseInput } = options.experiment;
  const definition = plan.definition;
  const shard = options.shard ?? null;
  const notice = options.onNotice ?? (() => {});
  const fingerprint = experimentCodeFingerprint();

  mkdirSync(options.outDir, { recursive: true });
  const store = new ExperimentStore(path.join(options.outDir, EXPERIMENT_STORE_FILE));
  try {
    const { deleted, reason } = store.begin(plan, { zonesimVersion: options.provenance.zonesimVersion, modelFingerprint: fingerprint, shard });
    if (deleted > 0) {
      notice(
        reason === 'experiment'
          ? `${options.outDir} held ${deleted} tasks of another version of this experiment (or another experiment); they are deleted and recomputed`
          : reason === 'design'
            ? `the design code changed since ${options.outDir} was written (other design points): its ${deleted} stored tasks are recomputed`
            : `the model code changed since ${options.outDir} was written: its ${deleted} stored tasks are recomputed`,
      );
    }
    const all = shardTasks(plan.taskCount, definition.replicationsPerPoint, definition.seed, shard);
    const jobs: ExperimentTask[] = [];
    let reseeded = 0;
    for (const task of all) {
      const stored = store.storedSeed(task.task);
      if (stored === task.seed) continue;
      if (stored !== null) {
        store.deleteTask(task.task);
        reseeded++;
      }
      jobs.push(task);
    }
    if (reseeded > 0) notice(`${reseeded} stored tasks had another seed and are recomputed`);
    const workers = Math.max(1, Math.min(Math.floor(options.workers ?? defaultWorkerCount()), Math.max(1, jobs.length)));
    const usedWorkers = options.evaluator !== undefined ? 1 : workers;
    options.onPlan?.({
      outDir: options.outDir,
      points: plan.design.pointCount,
      replications: definition.replicationsPerPoint,
      taskCount: plan.taskCount,
      tasksInRun: all.length,
      toRun: jobs.length,
      reused: all.length - jobs.length,
      workers: usedWorkers,
      shard,
    });

    let done = 0;
    let workerMs = 0;
    const simulateStarted = Date.now();
    const commit = (task: ExperimentTask, values: ArrayLike<number>, wallMs: number): void => {
      store.commitTask({ task: task.task, point: task.point, replication: task.replication, seed: task.seed, wallMs, values });
      done++;
      workerMs += wallMs;
      options.onTaskDone?.(done, jobs.length);
    };
    let aborted = false;
    if (options.evaluator !== undefined) {
      for (const task of jobs) {
        if (options.signal?.aborted) {
          aborted = true;
          break;
        }
        const t0 = performance.now();
        const values = options.evaluator(plan.design.values[task.point], task);
        commit(task, values, performance.now() - t0);
      }
      aborted ||= options.signal?.aborted === true && done < jobs.length;
    } else if (jobs.length > 0) {
      const model: TaskModel = {
        baseInput,
        factorPaths: definition.factors.map((f) => f.name),
        outcomes: definition.outcomes.map((o) => ({ reporter: o.reporter, statistic: o.statistic })),
      };
      const outcome = await runJobsOnWorkers<ExperimentWorkerJob, ExperimentWorkerDone>({
        workerUrl: WORKER_URL,
        workerData: { model } satisfies ExperimentWorkerData,
        jobs: jobs.map((task) => ({ ...task, values: plan.design.values[task.point] })),
        workers,
        jobsInFlightPerWorker: 2,
        workerLabel: 'experiment worker',
        signal: options.signal,
        onDone: ({ values: _values, ...task }, reply) => commit(task, reply.values, reply.wallMs),
        failure: ({ values: _values, ...task }, message, stack) => {
          const values = plan.design.values[task.point];
          const setting = definition.factors.map((f, j) => `${f.name} = ${String(values[j])}`).join(', ');
          return new ExperimentTaskFailedError(task, setting, message, stack);
        },
      });
      aborted = outcome.aborted;
    }
    const simulateSeconds = (Date.now() - simulateStarted) / 1000;
    if (aborted) throw new ExperimentInterruptedError(options.outDir, all.length - jobs.length + done, all.length);

    const session = {
      command: options.provenance.command,
      shard: shard === null ? null : formatShard(shard),
      workers: usedWorkers,
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: os.cpus().length,
      startedAt,
      tasksInRun: all.length,
      tasksComputed: done,
      tasksReused: all.length - jobs.length,
      simulateSeconds,
      runsPerSecond: done > 0 && simulateSeconds > 0 ? done / simulateSeconds : 0,
      runsPerSecondPerWorker: done > 0 && simulateSeconds > 0 ? done / simulateSeconds / usedWorkers : 0,
      meanTaskMs: done > 0 ? workerMs / done : 0,
    };
    const files = [EXPERIMENT_STORE_FILE];
    let reportPath: string | null = null;
    let timings: Record<string, number> = {};
    if (shard === null) {
      const written = await writeExperimentOutputs(store, plan, {
        outDir: options.outDir,
        provenance: options.provenance,
        modelFingerprint: fingerprint,
        renderReport: options.renderReport,
        imageFormats: options.imageFormats,
        onPhase: options.onPhase,
      });
      files.push(...written.files);
      reportPath = written.reportPath;
      timings = written.timings;
    }
    const wallTimeSeconds = (Date.now() - started) / 1000;
    writeTimings(options.outDir, { ...session, ...timings, finishedAt: new Date().toISOString(), wallTimeSeconds });
    files.push('timings.json');
    return {
      outDir: options.outDir,
      tasksRun: done,
      tasksReused: all.length - jobs.length,
      tasksInRun: all.length,
      shard,
      files,
      reportPath,
      wallTimeSeconds,
      simulateSeconds,
      runsPerSecond: session.runsPerSecond,
      meanTaskMs: session.meanTaskMs,
      workers: usedWorkers,
    };
  } finally {
    store.close();
  }
}
