/**
 * A calibration file as an analysis over a run of the one pipeline: ABC-SMC cut into rounds
 * (calibrationRounds.ts), each round's candidates run as tasks on the one worker pool into the one
 * resumable run store (src/runner/runTasks.ts), read back into target statistics and absorbed, the
 * state stored after every round; then the posterior's particles continued to the prediction horizon
 * (one more round of tasks), and every output written from the store (writeCalibrationOutputs.ts).
 *
 * Resume: running the same command again continues from the stored state; the round in flight when
 * the run stopped is planned again — the same candidates, a function of the state — and its tasks
 * already stored are reused, so the result is identical to an uninterrupted run. A changed calibration
 * file (a larger budget, more generations) or changed calibration code restarts the algorithm from
 * generation 0, reusing every model run already stored: the result is that of a run with the new file
 * from the start, at the cost of the new runs only.
 *
 * Shards (`shard: { index, count }`): a shard computes its slice of the next round — planned from the
 * state stored in the `from` folder (the run folder its shards are merged into), or from the initial
 * state when that folder holds none — into its own folder, and stops; `zonesim merge` absorbs the
 * round (mergeCalibration.ts). Shards therefore synchronise once per round: the rounds of a shard run
 * are exactly those of a single run, and so are the states and every output.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalysisRunOptions } from '../runner/analysisRunOptions.ts';
import { withStoreFile } from '../runner/environmentErrors.ts';
import { modelFingerprint } from '../runner/modelFingerprint.ts';
import { applyParameterOverrides } from '../runner/parameterSets.ts';
import { recordTask, type TaskRecord } from '../runner/recordTask.ts';
import { RunStore, RunStoreError, STORE_FILE_NAME, taskIdsKey } from '../runner/runStore.ts';
import { RunInterruptedError, runTasks, taskIds, type RunDefinition, type RunTask } from '../runner/runTasks.ts';
import { formatShard, type Shard } from '../runner/shards.ts';
import { createAbcSmcState, type AbcSmcState } from './abcSmcState.ts';
import { simulationsPerCandidate } from './calibrationDefinition.ts';
import { calibrationPlanJson, type CalibrationPlan } from './calibrationPlan.ts';
import {
  calibrationStateHash,
  calibrationStateKey,
  clearCalibrationState,
  prepareCalibrationTables,
  readCalibrationRounds,
  readCalibrationState,
  writeCalibrationState,
  type StoredCalibrationState,
} from './calibrationStateStore.ts';
import { CALIBRATION_STATUS_FILE, writeCalibrationStatus } from './calibrationStatus.ts';
import { absorbPlannedRound, describeRoundTask, plannedRound, registerCalibrationRun, storedTaskReader, type PlannedRound, type RegisteredCalibrationRun } from './calibrationTasks.ts';
import { writeCalibrationOutputs } from './writeCalibrationOutputs.ts';

/** Where a calibration stands, for the progress bar. */
export interface CalibrationProgress {
  /** The round about to run (1-based, counted over the whole calibration). */
  readonly round: number;
  readonly kind: PlannedRound['kind'];
  /** The generation being built (the next one once stopped). */
  readonly generation: number;
  readonly maxGenerations: number;
  /** Its tolerance (Infinity for generation 0). */
  readonly tolerance: number;
  /** Acceptance rate so far in this generation (null before its first round), else of the last generation. */
  readonly acceptanceRate: number | null;
  /** Accepted candidates of this generation so far, of N. */
  readonly accepted: number;
  readonly populationSize: number;
  /** Model runs charged to the budget so far, with this generation's candidates up to the round. */
  readonly simulationsUsed: number;
  readonly budgetSimulations: number;
  /** Tasks of this round (this shard's slice) and how many must still run. */
  readonly roundTasks: number;
  readonly toRun: number;
  readonly workers: number;
}

/** What the run does, known before any task runs. */
export interface CalibrationRunPlan {
  readonly outDir: string;
  readonly shard: Shard | null;
  /** Model runs per candidate. */
  readonly simulationsPerCandidate: number;
  readonly budgetSimulations: number;
  /** Model runs already charged to the budget by the stored state (a resumed run). */
  readonly simulationsUsed: number;
  /** The stored state is finished (outputs only). */
  readonly finished: boolean;
  /** Stored model runs and their mean wall time in a worker (ms; NaN with none). */
  readonly storedTasks: number;
  readonly meanTaskMs: number;
  /** Model runs of the posterior-predictive round (particles × replications × runs per candidate) and their length in years against the fit's. */
  readonly predictionTasks: number;
  readonly predictionYears: number;
  readonly fitYears: number;
}

/** What {@link runCalibrationFile} needs. */
export interface RunCalibrationFileOptions extends AnalysisRunOptions {
  readonly plan: CalibrationPlan;
  /** For a shard: the run folder whose stored state its round starts from (default: the initial state). */
  readonly from?: string | null;
  /** Compute tasks in this thread instead of on the worker pool (tests). */
  readonly inThread?: boolean;
  readonly onPlan?: (plan: CalibrationRunPlan) => void;
  /** Called before each round's tasks run. */
  readonly onRound?: (progress: CalibrationProgress) => void;
  /** Called after each task of a round computed and stored: done of toRun. */
  readonly onTaskDone?: (done: number, toRun: number) => void;
  readonly onPhase?: (phase: 'predict' | 'export' | 'report') => void;
}

/** What {@link runCalibrationFile} did. */
export interface CalibrationRunSummary {
  readonly outDir: string;
  readonly shard: Shard | null;
  /** The calibration is finished and its outputs are written (never for a shard). */
  readonly finished: boolean;
  /** The state at the end of this invocation. */
  readonly state: AbcSmcState;
  readonly rounds: number;
  readonly tasksRun: number;
  readonly tasksReused: number;
  readonly files: readonly string[];
  readonly reportPath: string | null;
  readonly calibratedScenario: string | null;
  readonly outputsUnchanged: boolean;
  readonly wallTimeSeconds: number;
  /** CPU seconds of this process (main thread and workers). */
  readonly cpuSeconds: number;
  readonly simulateSeconds: number;
  readonly workers: number;
  /** For a shard: the round it computed and the kind of round. */
  readonly shardRound: { readonly round: number; readonly kind: PlannedRound['kind']; readonly tasks: number } | null;
}

/**
 * The state a calibration starts from.
 *
 * @example initialCalibrationState(plan).generation // 0
 */
export function initialCalibrationState(plan: CalibrationPlan): AbcSmcState {
  return createAbcSmcState(plan.parameters, plan.settings);
}

/** Computes a task of a run definition in this thread (what a task worker does). */
function inThreadEvaluator(definition: RunDefinition): (task: RunTask) => TaskRecord {
  return (task) => {
    const parameterSet = definition.parameterSets[task.parameterSet];
    const input = applyParameterOverrides(definition.models[parameterSet.model].input, parameterSet.overrides);
    return recordTask(input, task.seed, definition.recordings[task.recording].recording);
  };
}

/** Options of {@link runRound}. */
interface RoundOptions {
  readonly store: RunStore;
  readonly outDir: string;
  readonly round: PlannedRound;
  readonly roundNumber: number;
  readonly plan: CalibrationPlan;
  readonly shard: Shard | null;
  readonly options: RunCalibrationFileOptions;
}

/** Run a round's tasks (the shard's slice) that the store lacks. */
async function runRound({ store, outDir, round, roundNumber, plan, shard, options }: RoundOptions): Promise<{ registered: RegisteredCalibrationRun; computed: number; reused: number; seconds: number; workers: number }> {
  const registered = registerCalibrationRun(store, round.run);
  const base = round.base;
  const perCandidate = simulationsPerCandidate(plan.definition);
  let total = 0;
  const outcome = await runTasks({
    store,
    run: registered.registered,
    shard,
    workers: options.workers,
    signal: options.signal,
    onNotice: options.onNotice,
    evaluate: options.inThread === true ? inThreadEvaluator(round.run.definition) : undefined,
    describeTask: (task) => describeRoundTask(round, task),
    onPlan: (p) => {
      total = p.tasksInRun;
      options.onRound?.({
        round: roundNumber,
        kind: round.kind,
        generation: base.generation,
        maxGenerations: base.settings.maxGenerations,
        tolerance: base.tolerance,
        acceptanceRate: base.nextIndex > 0 ? base.accepted.length / base.nextIndex : null,
        accepted: base.accepted.length,
        populationSize: base.settings.populationSize,
        simulationsUsed: (base.candidatesUsed + base.nextIndex) * perCandidate,
        budgetSimulations: plan.definition.method.maxSimulations,
        roundTasks: p.tasksInRun,
        toRun: p.toRun,
        workers: p.workers,
      });
    },
    onTaskDone: options.onTaskDone,
  });
  if (outcome.aborted) throw new RunInterruptedError(outDir, outcome.reused + outcome.computed, total);
  return { registered, computed: outcome.computed, reused: outcome.reused, seconds: outcome.simulateSeconds, workers: outcome.workers };
}

/** The stored state of a calibration folder read for a shard (read-only), or null when the folder holds no run. */
function stateOfRunFolder(dir: string, plan: CalibrationPlan, key: string): StoredCalibrationState | null {
  if (!existsSync(path.join(dir, STORE_FILE_NAME))) return null;
  const store = RunStore.openFolder(dir, { readonly: true });
  try {
    const facts = store.runFacts();
    if (facts === null) return null;
    if (facts.analysis !== 'calibration') throw new RunStoreError(`${dir}: holds ${facts.analysis === 'comparison' ? 'a comparison' : 'an experiment'} run, not calibration "${plan.definition.name}"; give the run folder of this calibration with --from`);
    const stored = readCalibrationState(store);
    if (stored === null) return null;
    if (stored.role !== 'run') throw new RunStoreError(`${dir}: is a shard folder (${facts.shard ?? 'a shard'}); give the run folder the shards are merged into with --from`);
    if (stored.key !== key) {
      throw new RunStoreError(`${dir}: holds a state of another version of calibration "${plan.definition.name}" (its file, scenarios or zonesim changed); merge into a new folder, or run it there without --shard first`);
    }
    return stored;
  } finally {
    store.close();
  }
}

/** Delete a shard folder's tasks that its current round does not use (rounds already merged). */
function dropOtherRounds(store: RunStore, registered: RegisteredCalibrationRun): number {
  const used = new Set(registered.registered.uniqueTasks.map((task) => taskIdsKey(taskIds(registered.registered, task))));
  const unused = store.taskFacts().filter((t) => !used.has(taskIdsKey(t)));
  return store.deleteTasks(unused.map((t) => t.id));
}

/**
 * Run a calibration (or a shard of its next round) into `outDir`; see the module comment.
 *
 * @throws {RunInterruptedError} when `signal` aborts before a round's tasks are stored (the state of
 *   the last whole round is kept; run again to resume).
 * @throws {TaskFailedError} when the model fails in a worker.
 * @throws {RunStoreError} when the folder holds another analysis, a shard folder is used as a run
 *   folder, or `from` holds something else than this calibration's run.
 * @example await runCalibrationFile({ plan: calibrationPlan(await loadCalibrationFile(file)), outDir, provenance })
 */
export async function runCalibrationFile(options: RunCalibrationFileOptions): Promise<CalibrationRunSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const cpuStart = process.cpuUsage();
  const { plan } = options;
  const shard = options.shard ?? null;
  const notice = options.onNotice ?? (() => {});
  const fingerprint = modelFingerprint();
  const key = calibrationStateKey(plan.analysisHash, fingerprint);
  const perCandidate = simulationsPerCandidate(plan.definition);

  if (shard !== null && options.from !== null && options.from !== undefined && path.resolve(options.from) === path.resolve(options.outDir)) {
    throw new RunStoreError(`${options.outDir}: a shard needs a folder of its own, not the run folder its round is planned from (--from); choose another --out`);
  }
  // A shard reads its starting state before anything is written.
  const fromState = shard === null || options.from === null || options.from === undefined ? null : stateOfRunFolder(options.from, plan, key);

  mkdirSync(options.outDir, { recursive: true });
  const store = RunStore.openFolder(options.outDir, { onNotice: notice });
  try {
    const { deletedForCode } = store.beginRun({
      zonesimVersion: options.provenance.zonesimVersion,
      codeFingerprint: fingerprint,
      analysis: 'calibration',
      analysisHash: plan.analysisHash,
      analysisJson: calibrationPlanJson(plan),
      shard: shard === null ? null : formatShard(shard),
    });
    prepareCalibrationTables(store);
    if (deletedForCode > 0) notice(`the model code changed since ${options.outDir} was written: its ${deletedForCode} stored model runs are deleted and the calibration restarts`);
    let stored = readCalibrationState(store);
    if (shard === null && stored?.role === 'shard') {
      throw new RunStoreError(`${options.outDir}: is a shard folder of calibration "${plan.definition.name}"; merge it with zonesim merge, or choose another --out folder`);
    }
    if (stored !== null && stored.key !== key) {
      clearCalibrationState(store);
      if (shard === null && deletedForCode === 0) {
        notice(`${options.outDir} holds a calibration of another version of this file or of the calibration code: it restarts from generation 0, reusing its ${store.taskCount()} stored model runs`);
      }
      stored = null;
    }

    const meanTask = store.db.prepare('SELECT count(*) AS n, avg(wall_ms) AS ms FROM tasks').get() as { n: number; ms: number | null };
    const startState = shard === null ? (stored?.state ?? initialCalibrationState(plan)) : (fromState?.state ?? initialCalibrationState(plan));
    const particles = plan.definition.method.populationSize * plan.definition.method.replications;
    options.onPlan?.({
      outDir: options.outDir,
      shard,
      simulationsPerCandidate: perCandidate,
      budgetSimulations: plan.definition.method.maxSimulations,
      simulationsUsed: (startState.candidatesUsed + startState.nextIndex) * perCandidate,
      finished: (shard === null ? stored : fromState)?.finished === true,
      storedTasks: meanTask.n,
      meanTaskMs: meanTask.ms ?? Number.NaN,
      predictionTasks: particles * (plan.referencePrediction === null ? 1 : 2),
      predictionYears: plan.prediction.years,
      fitYears: plan.fit.years,
    });

    let tasksRun = 0;
    let tasksReused = 0;
    let simulateSeconds = 0;
    let workers = 0;
    const session = (): Record<string, unknown> => ({
      command: options.provenance.command,
      shard: shard === null ? null : formatShard(shard),
      workers,
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: os.cpus().length,
      startedAt,
      tasksComputed: tasksRun,
      tasksReused,
      simulateSeconds,
    });
    const finish = (summary: Omit<CalibrationRunSummary, 'wallTimeSeconds' | 'cpuSeconds' | 'tasksRun' | 'tasksReused' | 'simulateSeconds' | 'workers' | 'outDir' | 'shard'>): CalibrationRunSummary => {
      const cpu = process.cpuUsage(cpuStart);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const wallTimeSeconds = (Date.now() - started) / 1000;
      writeFileSync(
        path.join(options.outDir, 'timings.json'),
        `${JSON.stringify({ ...session(), rounds: summary.rounds, finished: summary.finished, finishedAt: new Date().toISOString(), wallTimeSeconds, cpuSeconds }, null, 2)}\n`,
      );
      return { ...summary, outDir: options.outDir, shard, tasksRun, tasksReused, simulateSeconds, workers, wallTimeSeconds, cpuSeconds, files: [STORE_FILE_NAME, ...summary.files, 'timings.json'] };
    };

    if (shard !== null) {
      // One round: the shard's slice of the round the `from` folder's state calls for.
      const base = startState;
      const baseRounds = fromState?.rounds ?? 0;
      if (fromState?.finished === true) {
        return finish({ finished: false, state: base, rounds: 0, files: [], reportPath: null, calibratedScenario: null, outputsUnchanged: true, shardRound: null });
      }
      const round = plannedRound(plan, base);
      const registered = registerCalibrationRun(store, round.run);
      if (stored === null || stored.hash !== calibrationStateHash(base)) {
        const dropped = dropOtherRounds(store, registered);
        if (dropped > 0) notice(`${options.outDir}: ${dropped} model runs of rounds already merged are deleted`);
        writeCalibrationState(store, { key, role: 'shard', state: base, rounds: baseRounds, finished: false });
      }
      const ran = await runRound({ store, outDir: options.outDir, round, roundNumber: baseRounds + 1, plan, shard, options });
      tasksRun += ran.computed;
      tasksReused += ran.reused;
      simulateSeconds += ran.seconds;
      workers = ran.workers;
      return finish({
        finished: false,
        state: base,
        rounds: 0,
        files: [],
        reportPath: null,
        calibratedScenario: null,
        outputsUnchanged: false,
        shardRound: { round: baseRounds + 1, kind: round.kind, tasks: ran.computed + ran.reused },
      });
    }

    let state = startState;
    let rounds = stored?.rounds ?? readCalibrationRounds(store).length;
    let roundsThisRun = 0;
    for (;;) {
      const round = plannedRound(plan, state);
      const ran = await runRound({ store, outDir: options.outDir, round, roundNumber: rounds + 1, plan, shard: null, options });
      tasksRun += ran.computed;
      tasksReused += ran.reused;
      simulateSeconds += ran.seconds;
      workers = Math.max(workers, ran.workers);
      if (round.kind === 'candidates') {
        const base = calibrationStateHash(state);
        state = absorbPlannedRound(plan, round, storedTaskReader(store, ran.registered));
        rounds++;
        roundsThisRun++;
        writeCalibrationState(
          store,
          { key, role: 'run', state, rounds, finished: false },
          { round: rounds, generation: round.proposed.generation, firstCandidate: round.candidates[0]?.index ?? 0, candidates: round.candidates.length, baseHash: base },
        );
        writeCalibrationStatus(options.outDir, plan, state, rounds, false, `interrupted runs continue when the same command is run again (${options.provenance.command})`);
        continue;
      }
      const written = await writeCalibrationOutputs(store, plan, state, { run: round.run, read: storedTaskReader(store, ran.registered) }, {
        outDir: options.outDir,
        provenance: options.provenance,
        modelFingerprint: fingerprint,
        renderReport: options.renderReport,
        imageFormats: options.imageFormats,
        onPhase: options.onPhase,
        signal: options.signal,
      });
      if (stored?.finished !== true || roundsThisRun > 0) writeCalibrationState(store, { key, role: 'run', state, rounds, finished: true });
      writeCalibrationStatus(options.outDir, plan, state, rounds, true, `finished: the report is ${written.reportPath ?? path.join(options.outDir, 'summary.json')}`);
      return finish({
        finished: true,
        state,
        rounds: roundsThisRun,
        files: [...written.files, CALIBRATION_STATUS_FILE],
        reportPath: written.reportPath,
        calibratedScenario: written.calibratedScenario,
        outputsUnchanged: written.unchanged,
        shardRound: null,
      });
    }
  } catch (error) {
    throw withStoreFile(error, store.file);
  } finally {
    store.close();
  }
}
