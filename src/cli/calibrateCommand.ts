/**
 * `zonesim calibrate <file>`: validate a calibration file, print the plan line with an estimate, run
 * ABC-SMC round by round on the worker pool into the run folder's store with a progress line
 * (generation, tolerance, acceptance rate, model runs used of the budget), then the posterior-
 * predictive runs and every output; or, with `--shard i/n`, the shard's slice of the next round.
 * Ctrl-C / SIGTERM stop between tasks (exit 130 / 143); the same command resumes.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { simulationsPerCandidate } from '../calibration/calibrationDefinition.ts';
import { calibrationPlan, type CalibrationPlan } from '../calibration/calibrationPlan.ts';
import { loadCalibrationFile } from '../calibration/loadCalibrationFile.ts';
import { pilotSecondsPerCandidate } from '../calibration/pilotRunTime.ts';
import { runCalibrationFile, type CalibrationRunPlan } from '../calibration/runCalibrationFile.ts';
import type { ChartImageFormat } from '../report/renderChartImages.ts';
import { STORE_FILE_NAME } from '../runner/runStore.ts';
import { RunInterruptedError } from '../runner/runTasks.ts';
import { formatShard, type Shard } from '../runner/shards.ts';
import { defaultWorkerCount } from '../runner/workerPool.ts';
import { createCalibrationProgressBar } from './calibrationProgressBar.ts';
import { CliInputError, CliInterruptedError, ExitCode } from './exitCodes.ts';
import { parseImageFormats, parseOutputFolder, parsePositiveInteger, parseShardOption } from './optionValues.ts';

/** Where the command writes (stdout, stderr). */
export interface CalibrateCommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** What the command borrows from the program (src/cli/main.ts). */
export interface CalibrateCommandContext {
  readonly output: CalibrateCommandOutput;
  /** Runs `work` with Ctrl-C / SIGTERM turned into an abort of its signal; returns the signal received with the result or error. */
  readonly withSignals: <T>(work: (signal: AbortSignal) => Promise<T>) => Promise<{ value?: T; error?: unknown; signal: NodeJS.Signals | null }>;
  readonly packageVersion: () => string;
  readonly gitCommit: () => string | null;
}

/** Options of the calibrate command. */
interface CalibrateOptions {
  workers?: number;
  out?: string;
  shard?: Shard;
  from?: string;
  report: boolean;
  imageFormats: ChartImageFormat[];
  dryRun?: boolean;
  quiet?: boolean;
}

/** The default image formats of a calibration report. */
const DEFAULT_CALIBRATION_IMAGE_FORMATS: readonly ChartImageFormat[] = ['png', 'svg'];

/**
 * The default run folder of a calibration: `reports/calibrations/<name>`, or
 * `reports/calibrations/<name>-shard-<i>-of-<n>` for a shard.
 *
 * @example defaultCalibrationDir('henan', null) // 'reports/calibrations/henan'
 */
export function defaultCalibrationDir(name: string, shard: Shard | null): string {
  const dir = path.join('reports', 'calibrations', name);
  return shard === null ? dir : `${dir}-shard-${shard.index}-of-${shard.count}`;
}

function minutes(seconds: number): string {
  return seconds >= 90 ? `${(seconds / 60).toFixed(0)} min` : `${seconds.toFixed(0)} s`;
}

/** The file's size in one sentence: parameters, targets by role, particles, generations, budget. */
export function describeCalibration(plan: CalibrationPlan): string {
  const d = plan.definition;
  const fitted = d.targets.filter((t) => !t.holdOut && t.weight > 0).length;
  const heldOut = d.targets.filter((t) => t.holdOut).length;
  const weightZero = d.targets.length - fitted - heldOut;
  const perCandidate = simulationsPerCandidate(d);
  const count = (n: number, noun: string): string => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
  return (
    `${count(d.parameters.length, 'parameter')}, ${count(d.targets.length, 'target')} (${fitted} fitted, ${heldOut} held out, ${weightZero} weight 0); ABC-SMC with N = ${d.method.populationSize}, ` +
    `at most ${count(d.method.maxGenerations, 'generation')} and ${count(d.method.maxSimulations, 'model run')} (${perCandidate} per candidate, ${plan.fit.years}-year runs), ` +
    `then the posterior continued to the end of ${plan.untilYear}`
  );
}

/**
 * The estimate of the plan line: the budget's remaining model runs at the measured time per run over
 * the workers, plus the posterior-predictive runs (longer by their years).
 */
function estimate(plan: CalibrationPlan, p: CalibrationRunPlan, workers: number): string {
  const perCandidate = p.simulationsPerCandidate;
  let secondsPerRun = p.meanTaskMs / 1000;
  let how = `the mean of the ${p.storedTasks} stored runs`;
  if (!(secondsPerRun > 0)) {
    secondsPerRun = pilotSecondsPerCandidate(plan) / perCandidate / plan.definition.method.replications;
    how = 'one candidate timed now';
  }
  if (!(secondsPerRun > 0)) return 'no estimate (the priors’ medians break a scenario rule)';
  const remaining = Math.max(0, p.budgetSimulations - p.simulationsUsed);
  const abc = (remaining * secondsPerRun) / workers;
  const predictions = (p.predictionTasks * secondsPerRun * (p.predictionYears / p.fitYears)) / workers;
  return (
    `estimate ≤ ${minutes(abc)} for the ${remaining.toLocaleString('en-GB')} model runs left of the budget + ~${minutes(predictions)} for the predictions on ${workers} worker(s), ` +
    `at ${secondsPerRun.toFixed(3)} s per run (${how}; a loaded machine is slower; the run stops earlier when a stopping rule is met)`
  );
}

/** The calibrate command's action. */
async function calibrate(context: CalibrateCommandContext, file: string, opts: CalibrateOptions): Promise<void> {
  const { output } = context;
  const quiet = opts.quiet === true;
  if (opts.from !== undefined && opts.shard === undefined) {
    throw new CliInputError(`--from: expected only with --shard i/n (a run without --shard continues its own --out folder), found ${JSON.stringify(opts.from)}`);
  }
  const plan = calibrationPlan(await loadCalibrationFile(file));
  const name = plan.definition.name;
  const shard = opts.shard ?? null;
  const outDir = opts.out ?? defaultCalibrationDir(name, shard);
  const from = shard === null ? null : (opts.from ?? defaultCalibrationDir(name, null));
  const command = `zonesim ${process.argv.slice(2).join(' ')}`;
  if (opts.dryRun === true) {
    output.out(`ok ${file} (${name}): ${describeCalibration(plan)}. Output folder: ${outDir}${from === null ? '' : `; shard ${formatShard(shard as Shard)} of the round planned from ${from}`}.\n`);
    return;
  }
  const bar = createCalibrationProgressBar({ quiet: quiet || process.env.CI === 'true' });
  const result = await context.withSignals((signal) =>
    runCalibrationFile({
      plan,
      outDir,
      from,
      workers: opts.workers,
      shard,
      renderReport: opts.report,
      imageFormats: opts.imageFormats,
      provenance: { zonesimVersion: context.packageVersion(), gitCommit: context.gitCommit(), command },
      signal,
      onNotice: (message) => {
        bar.finish();
        output.err(`zonesim: ${message}\n`);
      },
      onPlan: (p) => {
        if (quiet) return;
        const workers = Math.max(1, Math.floor(opts.workers ?? defaultWorkerCount()));
        const slice = shard === null ? '' : ` (shard ${formatShard(shard)} of the next round, planned from ${from})`;
        const what = p.finished ? 'finished: writing the outputs if they changed' : estimate(plan, p, shard === null ? workers : workers * shard.count);
        output.err(`zonesim: ${name}: ${describeCalibration(plan)}${slice} → ${outDir}; ${what}\n`);
      },
      onRound: (progress) => bar.round(progress),
      onTaskDone: (done) => bar.update(done),
      onPhase: (phase) => {
        bar.finish();
        if (quiet) return;
        output.err(`zonesim: ${{ predict: 'computing the posterior-predictive bands', export: 'writing the CSV files, summary and calibrated scenario', report: 'rendering the HTML report' }[phase]}…\n`);
      },
    }),
  );
  bar.finish();
  if (result.error !== undefined || result.value === undefined) {
    const error = result.error;
    if (error instanceof RunInterruptedError) {
      const how = result.signal === 'SIGTERM' ? 'stopped (SIGTERM)' : 'interrupted';
      throw new CliInterruptedError(
        `${how}: the state after the last whole round and ${error.stored} of ${error.total} model runs of the current round are saved in ${path.join(outDir, STORE_FILE_NAME)}; run the same command again to resume (${command})`,
        result.signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted,
      );
    }
    throw error;
  }
  const summary = result.value;
  const state = summary.state;
  const cost = `${summary.tasksRun} model runs computed${summary.tasksReused > 0 ? `, ${summary.tasksReused} reused from the store` : ''} in ${summary.wallTimeSeconds.toFixed(1)} s (CPU ${summary.cpuSeconds.toFixed(0)} s, ${summary.workers} worker(s))`;
  if (shard !== null) {
    if (summary.shardRound === null) {
      output.err(`zonesim: ${from} holds the finished calibration: nothing to compute\n`);
      return;
    }
    output.err(`zonesim: shard ${formatShard(shard)} of round ${summary.shardRound.round} (${summary.shardRound.kind === 'candidates' ? `generation ${state.generation}` : 'posterior predictions'}): ${cost}\n`);
    output.out(`shard: ${path.join(outDir, STORE_FILE_NAME)} (merge the shards of this round with: zonesim merge <shard folders…> --out ${from})\n`);
    return;
  }
  const population = state.population;
  const tolerance = population === null || !Number.isFinite(population.tolerance) ? '∞' : population.tolerance.toPrecision(3);
  const unchanged = summary.outputsUnchanged ? '; outputs unchanged' : '';
  output.err(
    `zonesim: ${name}: ${cost}; posterior: generation ${population?.generation ?? '—'}, tolerance ${tolerance}${state.stop === null ? '' : ` (stopped: ${state.stop.message})`}; results in ${outDir}${unchanged}\n`,
  );
  output.out(`report: ${summary.reportPath ?? path.join(outDir, 'summary.json')}\n`);
  if (summary.calibratedScenario !== null) output.out(`calibrated scenario: ${path.join(outDir, summary.calibratedScenario)}\n`);
}

/**
 * Register `zonesim calibrate` on the program.
 *
 * @example registerCalibrateCommand(program, { output, withSignals, packageVersion, gitCommit })
 */
export function registerCalibrateCommand(program: Command, context: CalibrateCommandContext): void {
  program
    .command('calibrate')
    .description(
      'Calibrate a scenario to published figures (a calibration file: free parameters with priors, targets, method and budget; docs/calibration.md): ' +
        'ABC-SMC on worker threads into a resumable run folder, then the posterior continued to the prediction horizon; writes the posterior sample, ' +
        'the calibrated scenario, summary.json and an HTML report. --shard i/n runs a slice of the next round (merge the slices with zonesim merge; ' +
        'shards synchronise once per round). Interrupted runs resume when the same command is run again.',
    )
    .argument('<file>', 'calibration YAML file (bundled: scenarios/calibrations/)')
    .option('-w, --workers <n>', `worker threads (default: the number of cores, here ${defaultWorkerCount()})`, parsePositiveInteger('--workers', 1024))
    .option('-o, --out <dir>', 'run folder (default: reports/calibrations/<name>, or reports/calibrations/<name>-shard-<i>-of-<n> with --shard)', parseOutputFolder)
    .option('--shard <i/n>', 'compute only tasks t with t mod n = i − 1 of the next round into the output folder, for batch schedulers', parseShardOption)
    .option('--from <dir>', 'with --shard: the run folder whose state the round is planned from and the shards are merged into (default: reports/calibrations/<name>)')
    .option('--no-report', 'write the data files but not the HTML report')
    .addOption(
      new Option('--image-formats <list>', 'formats of the chart image files: svg, png or png,svg')
        .argParser(parseImageFormats)
        .default([...DEFAULT_CALIBRATION_IMAGE_FORMATS], DEFAULT_CALIBRATION_IMAGE_FORMATS.join(',')),
    )
    .option('--dry-run', 'validate the file and print the plan and the output folder, run nothing')
    .option('-q, --quiet', 'no progress line and no plan line (the progress line is also off when CI=true)')
    .action(async (file: string, opts: CalibrateOptions) => {
      await calibrate(context, file, opts);
    });
}
