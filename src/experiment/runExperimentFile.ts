/**
 * An experiment file as an analysis over a run: its tasks (design points × replications, each
 * recording only the outcomes) run on the one worker pool into the one resumable run store
 * (src/runner/runTasks.ts); then, for a whole experiment, the analysis and every export
 * (src/experiment/writeExperimentOutputs.ts) — skipped when the same outputs are already there.
 *
 * Resume: running the same command again (same --out folder) reuses every task already stored for the
 * same parameters (point), replication, seed and outcomes under the same code, computes only the rest,
 * and ends with byte-identical files (timings.json aside). A shard (`shard: { index, count }`)
 * computes only its tasks and writes only its store; `zonesim merge` analyses the shards together.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { withStoreFile } from '../runner/environmentErrors.ts';
import type { RunEstimate } from '../runner/runEstimate.ts';
import { modelFingerprint } from '../runner/modelFingerprint.ts';
import { modelInputHash } from '../runner/parameterSets.ts';
import { RunStore, RunStoreError, STORE_FILE_NAME, taskIdsKey } from '../runner/runStore.ts';
import { registerRun, RunInterruptedError, runTasks, taskIds, type RunTask } from '../runner/runTasks.ts';
import { formatShard, type Shard } from '../runner/shards.ts';
import type { TaskRecord } from '../runner/recordTask.ts';
import { experimentSpecJson, parseExperimentSpec } from './experimentSpec.ts';
import { experimentRun, taskIndex, type ExperimentTask } from './experimentTasks.ts';
import type { LoadedExperiment } from './loadExperimentFile.ts';
import { writeExperimentOutputs } from './writeExperimentOutputs.ts';
import type { AnalysisRunOptions } from '../runner/analysisRunOptions.ts';

/**
 * Computes one task in this thread instead of the model on the worker pool: for tests and for using
 * the experiment machinery on other functions. Returns one value per outcome (NaN = undefined).
 */
export type ExperimentEvaluator = (values: readonly FactorValue[], task: ExperimentTask) => ArrayLike<number>;

/** What {@link runExperimentFile} needs. */
export interface RunExperimentFileOptions extends AnalysisRunOptions {
  readonly experiment: LoadedExperiment;
  /** Run tasks in this thread with this function instead of the model on workers. */
  readonly evaluator?: ExperimentEvaluator;
  /** Called once the plan is known. */
  readonly onPlan?: (plan: ExperimentRunPlan) => void;
  /** Called after each task computed and stored in this run: done of toRun. */
  readonly onTaskDone?: (done: number, toRun: number) => void;
  /** Called when the work after the tasks starts. */
  readonly onPhase?: (phase: 'analyse' | 'export' | 'report') => void;
}

/** How many tasks a run needs, computes now and reuses. */
export interface ExperimentRunPlan {
  readonly outDir: string;
  readonly points: number;
  readonly replications: number;
  /** Tasks of the whole experiment (identical tasks counted once). */
  readonly taskCount: number;
  /** Tasks of this run (the shard's slice, or every task). */
  readonly tasksInRun: number;
  readonly toRun: number;
  readonly reused: number;
  readonly workers: number;
  readonly shard: Shard | null;
  /** Time, memory and disk of the tasks to run (src/runner/runEstimate.ts); null for in-thread evaluators. */
  readonly estimate: RunEstimate | null;
}

/** What {@link runExperimentFile} did. */
export interface ExperimentRunSummary {
  readonly outDir: string;
  readonly tasksRun: number;
  readonly tasksReused: number;
  readonly tasksInRun: number;
  readonly shard: Shard | null;
  /** Files written, relative to outDir (run.sqlite first). */
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
  /** True when every output was already up to date and nothing but timings.json was rewritten. */
  readonly outputsUnchanged: boolean;
}

/** Facts written to timings.json: everything about a run that may differ between identical runs. */
function writeTimings(outDir: string, facts: Record<string, unknown>): void {
  writeFileSync(path.join(outDir, 'timings.json'), `${JSON.stringify(facts, null, 2)}\n`);
}

/**
 * Run an experiment (or a shard of it) into `outDir`, resuming what the store already holds; for a
 * whole experiment, then analyse it and write experiment.csv, points.csv, sensitivity.csv, prim.csv,
 * manifest.json, experiment.html with its chart images (unless already up to date), and timings.json.
 * Memory is bounded by the design (points' factor values) plus the tasks in flight.
 *
 * @throws {RunInterruptedError} when `signal` aborts before every task is stored.
 * @throws {TaskFailedError} when the model fails in a worker.
 * @throws {RunStoreError} when the folder holds another format or a comparison.
 * @example await runExperimentFile({ experiment: await loadExperimentFile(file), outDir, provenance })
 */
export async function runExperimentFile(options: RunExperimentFileOptions): Promise<ExperimentRunSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const { plan, baseInput } = options.experiment;
  const definition = plan.definition;
  const shard = options.shard ?? null;
  const notice = options.onNotice ?? (() => {});
  const fingerprint = modelFingerprint();
  const modelHash = modelInputHash(baseInput);

  mkdirSync(options.outDir, { recursive: true });
  const store = RunStore.openFolder(options.outDir, { onNotice: notice });
  try {
    refuseAnotherExperiment(store, options.outDir, definition.name);
    const { deletedForCode } = store.beginRun({
      zonesimVersion: options.provenance.zonesimVersion,
      codeFingerprint: fingerprint,
      analysis: 'experiment',
      analysisHash: plan.contentHash,
      analysisJson: experimentSpecJson(plan, modelHash),
      shard: shard === null ? null : formatShard(shard),
    });
    if (deletedForCode > 0) notice(`the model code changed since ${options.outDir} was written: its ${deletedForCode} stored tasks are recomputed`);
    const registered = registerRun(store, experimentRun(plan, baseInput, modelHash));
    store.putPoints(registered.parameterSetIds);
    const used = new Set(registered.uniqueTasks.map((task) => taskIdsKey(taskIds(registered, task))));
    const unused = store.taskFacts().filter((t) => !used.has(taskIdsKey(t)));
    if (unused.length > 0) {
      store.deleteTasks(unused.map((t) => t.id));
      notice(`${options.outDir} held ${unused.length} tasks this experiment does not use (of another version of it, or of another experiment); they are deleted`);
    }

    const R = definition.replicationsPerPoint;
    const experimentTaskOf = (task: RunTask): ExperimentTask => ({
      task: taskIndex(task.parameterSet, task.replication, R),
      point: task.parameterSet,
      replication: task.replication,
      seed: task.seed,
    });
    const evaluator = options.evaluator;
    const evaluate =
      evaluator === undefined
        ? undefined
        : (task: RunTask): TaskRecord => outcomesRecord(Float64Array.from(evaluator(plan.design.values[task.parameterSet], experimentTaskOf(task))));
    let tasksInRun = 0;
    const outcome = await runTasks({
      store,
      run: registered,
      shard,
      workers: options.workers,
      signal: options.signal,
      onNotice: notice,
      evaluate,
      describeTask: (task) => {
        const t = experimentTaskOf(task);
        const values = plan.design.values[t.point];
        const setting = definition.factors.map((f, j) => `${f.name} = ${String(values[j])}`).join(', ');
        return `task ${t.task} (point ${t.point}: ${setting}; replication ${t.replication}, seed ${t.seed})`;
      },
      onPlan: (p) => {
        tasksInRun = p.tasksInRun;
        options.onPlan?.({
          outDir: options.outDir,
          points: plan.design.pointCount,
          replications: R,
          taskCount: p.taskCount,
          tasksInRun: p.tasksInRun,
          toRun: p.toRun,
          reused: p.reused,
          workers: p.workers,
          shard,
          estimate: p.estimate,
        });
      },
      onTaskDone: options.onTaskDone,
    });
    if (outcome.aborted) throw new RunInterruptedError(options.outDir, outcome.reused + outcome.computed, tasksInRun);

    const done = outcome.computed;
    const simulateSeconds = outcome.simulateSeconds;
    const session = {
      command: options.provenance.command,
      shard: shard === null ? null : formatShard(shard),
      workers: outcome.workers,
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: os.cpus().length,
      startedAt,
      tasksInRun: outcome.tasksInRun,
      tasksComputed: done,
      tasksReused: outcome.reused,
      simulateSeconds,
      runsPerSecond: done > 0 && simulateSeconds > 0 ? done / simulateSeconds : 0,
      runsPerSecondPerWorker: done > 0 && simulateSeconds > 0 ? done / simulateSeconds / outcome.workers : 0,
      meanTaskMs: done > 0 ? outcome.workerMs / done : 0,
    };
    const files = [STORE_FILE_NAME];
    let reportPath: string | null = null;
    let timings: Record<string, number> = {};
    let outputsUnchanged = false;
    if (shard === null) {
      const written = await writeExperimentOutputs(store, plan, {
        outDir: options.outDir,
        provenance: options.provenance,
        modelFingerprint: fingerprint,
        modelHash,
        renderReport: options.renderReport,
        imageFormats: options.imageFormats,
        onPhase: options.onPhase,
        signal: options.signal,
      });
      files.push(...written.files);
      reportPath = written.reportPath;
      timings = written.timings;
      outputsUnchanged = written.unchanged;
    }
    const wallTimeSeconds = (Date.now() - started) / 1000;
    writeTimings(options.outDir, { ...session, ...timings, outputsUnchanged, finishedAt: new Date().toISOString(), wallTimeSeconds });
    files.push('timings.json');
    return {
      outDir: options.outDir,
      tasksRun: done,
      tasksReused: outcome.reused,
      tasksInRun: outcome.tasksInRun,
      shard,
      files,
      reportPath,
      wallTimeSeconds,
      simulateSeconds,
      runsPerSecond: session.runsPerSecond,
      meanTaskMs: session.meanTaskMs,
      workers: outcome.workers,
      outputsUnchanged,
    };
  } catch (error) {
    throw withStoreFile(error, store.file);
  } finally {
    store.close();
  }
}

/**
 * Refuse, in one line, an experiment run into the folder of another experiment (by name) that holds
 * stored tasks (issue 11, D3): running it would delete them. A new version of the same experiment
 * (the file edited) is allowed: its tasks that are still used are reused, the others deleted (the
 * runner says so).
 *
 * @throws {RunStoreError} naming both experiments and what to do.
 */
function refuseAnotherExperiment(store: RunStore, outDir: string, name: string): void {
  const facts = store.runFacts();
  if (facts === null || facts.analysis !== 'experiment') return;
  let previous: string;
  try {
    previous = parseExperimentSpec(facts.analysisJson).plan.definition.name;
  } catch {
    return;
  }
  const stored = store.taskCount();
  if (previous === name || stored === 0) return;
  throw new RunStoreError(
    `${outDir}: holds experiment "${previous}" (${stored} stored tasks), not "${name}"; choose another --out folder, or delete ${outDir} to start again`,
  );
}

/** A task record holding only outcome values (what an in-thread evaluator returns). */
function outcomesRecord(outcomes: Float64Array): TaskRecord {
  return {
    steps: new Int32Array(0),
    years: new Float64Array(0),
    zoneCount: 0,
    industryCount: 0,
    province: new Float64Array(0),
    zone: new Float64Array(0),
    industry: new Float64Array(0),
    outcomes,
    zoneLayout: new Float64Array(0),
    zoneLeading: new Uint8Array(0),
    industryAttributes: new Float64Array(0),
    industryNames: [],
    nonFiniteCount: 0,
  };
}
