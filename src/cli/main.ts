import { REPORT_DATA_FILE } from '../report/reportData.ts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_COMPARISON_IMAGE_FORMATS, planComparison, runComparison, type ReportImages, type RunComparisonOptions } from '../comparison/runComparison.ts';
import type { ChartImageFormat } from '../report/renderChartImages.ts';
import { UnknownBaselineError } from '../comparison/summariseComparison.ts';
import { MergeError } from '../runner/mergeRuns.ts';
import { DEFAULT_RECORD_OPTION, type RecordOption } from '../runner/recording.ts';
import { RunStoreError, STORE_FILE_NAME } from '../runner/runStore.ts';
import { RunInterruptedError } from '../runner/runTasks.ts';
import { formatShard, shardTaskCount, type Shard } from '../runner/shards.ts';
import { defaultWorkerCount } from '../runner/workerPool.ts';
import { loadScenarioFiles, type LoadedScenario } from '../scenario/loadScenarioFile.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { CliInputError, CliInterruptedError, ExitCode } from './exitCodes.ts';
import { environmentErrorMessage } from '../runner/environmentErrors.ts';
import { formatRunEstimate, InsufficientResourcesError } from '../runner/runEstimate.ts';
import { createProgressBar, type ProgressBar } from './progressBar.ts';
import { resolveScenarioArguments } from './scenarioArguments.ts';
import { loadExperimentFile } from '../experiment/loadExperimentFile.ts';
import { runExperimentFile } from '../experiment/runExperimentFile.ts';
import { describeDesign } from '../experiment/writeExperimentOutputs.ts';
import { mergeShards } from './mergeShards.ts';
import { loadClaimsFile, type LoadedClaims } from '../claims/loadClaimsFile.ts';
import { planClaimsRobustness, runClaimsFile } from '../claims/runClaimsFile.ts';
import { registerCalibrateCommand } from './calibrateCommand.ts';
import {
  formatCommanderError,
  formatMissingCommand,
  parseImageFormats,
  parseOutputFolder,
  parsePositiveInteger,
  parseRecord,
  parseSeed,
  parseShardOption,
} from './optionValues.ts';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The folder of bundled scenarios. */
export const bundledScenarioDir = path.join(packageRoot, 'scenarios');

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

/** The bundled claims file `zonesim bundled` runs (it names every bundled scenario). */
export const bundledClaimsFile = path.join(bundledScenarioDir, 'claims', 'speech-2009.yaml');

/** Bundled scenario files, sorted by name. */
export function bundledScenarioFiles(): string[] {
  return readdirSync(bundledScenarioDir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(bundledScenarioDir, f));
}

/** Longest list of scenario names spelt out in a default run folder name (characters). */
const MAXIMUM_FOLDER_NAMES_LENGTH = 60;

/**
 * The default run folder of a comparison, readable: `reports/<names>_seed<seed>_reps<reps>`, where
 * `<names>` are the scenario names sorted and joined by `+` (scenario names are kebab-case, so the
 * name is a safe folder name), e.g. `reports/baseline+no-zones_seed2009_reps30`. When the names are
 * longer than 60 characters, as many as fit are kept, followed by `+<k>-more` and 8 hex digits of
 * SHA-256 of all the names, the seed and the replications — the hash is there only to break ties
 * between long lists with the same beginning. The same command therefore always uses the same folder,
 * and running it again resumes; a scenario file edited in between keeps its name, so only that
 * scenario is recomputed (the runner says so).
 *
 * @example defaultCompareDir(['no-zones', 'baseline'], 2009, 30) // 'reports/baseline+no-zones_seed2009_reps30'
 */
export function defaultCompareDir(names: readonly string[], seed: number, reps: number): string {
  const sorted = [...names].sort();
  const suffix = `_seed${seed}_reps${reps}`;
  const joined = sorted.join('+');
  if (joined.length <= MAXIMUM_FOLDER_NAMES_LENGTH) return path.join('reports', `${joined}${suffix}`);
  const kept: string[] = [];
  for (const name of sorted) {
    if ([...kept, name].join('+').length > MAXIMUM_FOLDER_NAMES_LENGTH - 10) break;
    kept.push(name);
  }
  const hash = createHash('sha256').update(JSON.stringify({ scenarios: sorted, seed, reps })).digest('hex').slice(0, 8);
  return path.join('reports', `${[...kept, `${sorted.length - kept.length}-more`].join('+')}${suffix}_${hash}`);
}

/**
 * The default run folder of zonesim 0.1 before readable names: `reports/compare-<12 hex digits of
 * SHA-256 of the sorted names, seed and reps>`. A run started there is resumed there (see compareAction).
 */
export function legacyCompareDir(names: readonly string[], seed: number, reps: number): string {
  const key = JSON.stringify({ scenarios: [...names].sort(), seed, reps });
  return path.join('reports', `compare-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`);
}

/** The default run folder, or the legacy hash-named one when only that exists (so an old run resumes). */
function defaultOrLegacyCompareDir(names: readonly string[], seed: number, reps: number): string {
  const readable = defaultCompareDir(names, seed, reps);
  const legacy = legacyCompareDir(names, seed, reps);
  return !existsSync(readable) && existsSync(path.join(legacy, STORE_FILE_NAME)) ? legacy : readable;
}

/** Options shared by compare, run and bundled. */
interface CompareOptions {
  reps: number;
  seed: number;
  workers?: number;
  out?: string;
  baseline?: string;
  record: RecordOption;
  images: ReportImages;
  imageFormats: ChartImageFormat[];
  shard?: Shard;
  report: boolean;
  quiet?: boolean;
  /** claims only: validate and print the plan, run nothing. */
  dryRun?: boolean;
}


/** Add the options of compare / run / bundled to a command. */
function addCompareOptions(command: Command, outHelp: string, outDefault?: string): Command {
  command
    .option('-r, --reps <n>', 'replications per scenario', parsePositiveInteger('--reps', 100000), 30)
    .option('-s, --seed <n>', 'base seed; replication r uses a seed derived from (seed, r) in every scenario', parseSeed, 2009)
    .option('-w, --workers <n>', `worker threads (default: the number of cores, here ${defaultWorkerCount()})`, parsePositiveInteger('--workers', 1024))
    .option('-o, --out <dir>', outHelp, parseOutputFolder, outDefault)
    .option('-b, --baseline <name>', 'scenario the others are compared with (default: "baseline" if run, else the first)')
    .addOption(
      new Option(
        '--record <what>',
        'what to keep besides the province series: final = zone and industry values at the last recorded step (zones.csv, industries.csv); zones, industries or all = also their series at every recorded step (zone-series.csv, industry-series.csv)',
      )
        .argParser(parseRecord)
        .default(DEFAULT_RECORD_OPTION, 'final'),
    )
    .addOption(
      new Option(
        '--images <which>',
        'charts written as image files in charts/: key = the key outcomes’ charts, the forest plots and the baseline’s map; all = every chart; none (report.html draws every chart in any case)',
      )
        .choices(['key', 'all', 'none'])
        .default('key'),
    )
    .addOption(
      new Option('--image-formats <list>', 'formats of the image files: svg, png or png,svg')
        .argParser(parseImageFormats)
        .default([...DEFAULT_COMPARISON_IMAGE_FORMATS], DEFAULT_COMPARISON_IMAGE_FORMATS.join(',')),
    )
    .option(
      '--shard <i/n>',
      'run only the replications at positions t with t mod n = i − 1 of the comparison’s task list into the run folder, without outputs (combine the shards with zonesim merge)',
      parseShardOption,
    )
    .option('--no-report', 'write the data files but not the HTML report')
    .option('-q, --quiet', 'no progress bar and no plan line (the bar is also off when CI=true)');
  return command;
}

/** The plan line's account of the work: "all N already stored" or "k to run on w worker(s), r already stored". */
function describeWork(toRun: number, total: number, workers: number, reused: number): string {
  if (toRun === 0) return `all ${total} already stored`;
  return `${toRun} to run on ${workers} worker(s)${reused > 0 ? `, ${reused} already stored` : ''}`;
}

/**
 * Run a comparison (src/comparison/runComparison.ts), with a progress bar, Ctrl-C / SIGTERM handling
 * and the final line naming the report.
 */
async function compare(output: CliOutput, scenarios: readonly LoadedScenario[], opts: CompareOptions, outDir: string, claims: LoadedClaims | null = null): Promise<void> {
  // --quiet: no progress bar and no plan line; CI=true: no progress bar (logs stay short).
  const quiet = opts.quiet === true;
  const quietBar = quiet || process.env.CI === 'true';
  let bar = null as ProgressBar | null;
  const command = `zonesim ${process.argv.slice(2).join(' ')}`;
  const outcome = await withSignals((signal) => {
    const options: Omit<RunComparisonOptions, 'scenarios'> = {
      replications: opts.reps,
      baseSeed: opts.seed,
      outDir,
      workers: opts.workers,
      baseline: opts.baseline ?? null,
      record: opts.record,
      images: opts.images,
      imageFormats: opts.imageFormats,
      shard: opts.shard ?? null,
      renderReport: opts.report,
      provenance: { zonesimVersion: packageVersion(), gitCommit: gitCommit(), command },
      signal,
      onNotice: (message) => {
        bar?.finish();
        output.err(`zonesim: ${message}\n`);
      },
      onPlan: (plan) => {
        if (!quiet) {
          const what = describeWork(plan.toRun, plan.total, plan.workers, plan.reused);
          const slice = plan.shard === null ? '' : ` (shard ${formatShard(plan.shard)}: ${plan.total} of ${plan.distinct} replications)`;
          const shared = scenarios.length * opts.reps - plan.distinct;
          const sharedText = claims === null && shared > 0 ? `; ${shared} shared by scenarios with the same parameters` : '';
          const robustness = claims === null ? '' : ` and ${claims.definition.claims.length} claims' robustness variants (${plan.distinct} replications in all)`;
          const estimate = plan.estimate === null || plan.toRun === 0 ? '' : `; ${formatRunEstimate(plan.estimate)}`;
          output.err(`zonesim: ${scenarios.length} scenario(s) × ${opts.reps} replications${robustness}${slice} → ${outDir} (${what}${sharedText}${estimate})\n`);
        }
        bar = createProgressBar(plan.toRun, 'replications', { quiet: quietBar, parallelism: plan.workers });
      },
      onReplicationDone: (done) => bar?.update(done),
      onPhase: (phase) => {
        bar?.finish();
        if (quiet) return;
        const what = { summarise: 'summarising', export: 'writing the CSV files', report: 'rendering the HTML report' }[phase];
        output.err(`zonesim: ${what}…\n`);
      },
    };
    // A claims file runs its scenarios as a comparison with the robustness variants and the claims section.
    return claims === null ? runComparison({ ...options, scenarios }) : runClaimsFile({ ...options, claims });
  });
  bar?.finish();
  if (outcome.error !== undefined || outcome.value === undefined) {
    const error = outcome.error;
    if (error instanceof RunInterruptedError) {
      const how = outcome.signal === 'SIGTERM' ? 'stopped (SIGTERM)' : 'interrupted';
      throw new CliInterruptedError(
        `${how}: ${error.stored} of ${error.total} replications are saved in ${path.join(outDir, STORE_FILE_NAME)}; run the same command again to resume (${command})`,
        outcome.signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted,
      );
    }
    throw error;
  }
  const summary = outcome.value;
  const reused = summary.replicationsReused > 0 ? ` (${summary.replicationsReused} reused from the store)` : '';
  output.err(
    `zonesim: ran ${summary.replicationsRun} replications${reused} of ${scenarios.length} scenario(s) in ${summary.wallTimeSeconds.toFixed(1)} s; ` +
      `results in ${outDir}${summary.reportNote ? `; ${summary.reportNote}` : ''}\n`,
  );
  if (summary.shard !== null) {
    output.out(`shard: ${path.join(outDir, STORE_FILE_NAME)} (merge the shards with: zonesim merge <shard folders…> --out <folder>)\n`);
  } else {
    output.out(`report: ${summary.reportPath ?? path.join(outDir, REPORT_DATA_FILE)}\n`);
  }
}

/**
 * `zonesim claims <file> --dry-run`: the claims file and every scenario it names are loaded and
 * checked, the robustness variants planned (a variant that makes an arm invalid is refused, as in a
 * run) and the comparison defined, then one line says what would run — scenarios × replications, the
 * robustness variants and their parameter sets × replications, the distinct replications in all and
 * the estimate of running all of them (as if the folder held nothing) — and where. Nothing is run and
 * the run folder is neither created nor read.
 */
function claimsDryRun(output: CliOutput, claims: LoadedClaims, opts: CompareOptions, outDir: string): void {
  const robustness = planClaimsRobustness(claims, opts.reps);
  const plan = planComparison({
    scenarios: claims.scenarios,
    replications: opts.reps,
    baseSeed: opts.seed,
    record: opts.record,
    workers: opts.workers,
    baseline: opts.baseline ?? null,
    parameterSets: robustness.parameterSets,
  });
  const variants = [...robustness.variantsOf.values()].reduce((n, v) => n + v.length, 0);
  const settings = claims.definition.robustness;
  const estimate = plan.estimate === null ? '' : `, ${formatRunEstimate(plan.estimate)}`;
  output.out(
    `ok ${claims.file} (${claims.definition.name}): ${claims.definition.claims.length} claim(s); ` +
      `${claims.scenarios.length} scenario(s) × ${opts.reps} replications and ${variants} robustness variant(s) ` +
      `(${robustness.parameterSets.length} parameter set(s) × ${settings.replications} replications): ` +
      `${plan.taskCount} replications in all on ${plan.workers} worker(s)${estimate} if the folder holds none yet. ` +
      `Output folder: ${outDir} (dry run: nothing run or written).\n`,
  );
}

/** A default run folder for a shard: `<dir>-shard-<i>-of-<n>` (the folder itself without a shard). */
function withShardSuffix(dir: string, shard: Shard | null): string {
  return shard === null ? dir : `${dir}-shard-${shard.index}-of-${shard.count}`;
}

/** The default folder of an experiment: `reports/experiments/<name>`, or `…/<name>-shard-<i>-of-<n>` for a shard. */
export function defaultExperimentDir(name: string, shard: Shard | null): string {
  return withShardSuffix(path.join('reports', 'experiments', name), shard);
}

/** Options of the experiment command. */
interface ExperimentOptions {
  workers?: number;
  out?: string;
  shard?: Shard;
  report: boolean;
  dryRun?: boolean;
  quiet?: boolean;
}

/**
 * Run `work` with Ctrl-C / SIGTERM turned into an abort of `signal` (a second signal exits at once);
 * returns the name of the signal received, if any, with the result or error.
 */
async function withSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<{ value?: T; error?: unknown; signal: NodeJS.Signals | null }> {
  const controller = new AbortController();
  let signalName: NodeJS.Signals | null = null;
  const onSignal = (name: NodeJS.Signals) => (): void => {
    if (signalName !== null) process.exit(name === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted);
    signalName = name;
    controller.abort();
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return { value: await work(controller.signal), signal: signalName };
  } catch (error) {
    return { error, signal: signalName };
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}

/** The experiment command: validate, run (or a shard), analyse, report. */
async function experimentCommand(output: CliOutput, file: string, opts: ExperimentOptions): Promise<void> {
  const quiet = opts.quiet === true;
  const quietBar = quiet || process.env.CI === 'true';
  const experiment = await loadExperimentFile(file);
  const { plan } = experiment;
  const shard = opts.shard ?? null;
  const outDir = opts.out ?? defaultExperimentDir(plan.definition.name, shard);
  const command = `zonesim ${process.argv.slice(2).join(' ')}`;
  if (opts.dryRun === true) {
    const inShard = shardTaskCount(plan.taskCount, shard);
    output.out(
      `ok ${file} (${plan.definition.name}): ${describeDesign(plan)}` +
        (shard === null ? '' : ` Shard ${formatShard(shard)}: ${inShard} tasks.`) +
        ` Output folder: ${outDir}.\n`,
    );
    return;
  }
  let bar = null as ProgressBar | null;
  const result = await withSignals((signal) =>
    runExperimentFile({
      experiment,
      outDir,
      workers: opts.workers,
      shard,
      renderReport: opts.report,
      provenance: { zonesimVersion: packageVersion(), gitCommit: gitCommit(), command },
      signal,
      onNotice: (message) => {
        bar?.finish();
        output.err(`zonesim: ${message}\n`);
      },
      onPlan: (p) => {
        if (!quiet) {
          const what = describeWork(p.toRun, p.tasksInRun, p.workers, p.reused);
          const slice = p.shard === null ? '' : ` (shard ${formatShard(p.shard)}: ${p.tasksInRun} of ${p.taskCount} tasks)`;
          const estimate = p.estimate === null || p.toRun === 0 ? '' : `; ${formatRunEstimate(p.estimate)}`;
          output.err(`zonesim: ${plan.definition.name}: ${p.points} points × ${p.replications} replications${slice} → ${outDir} (${what}${estimate})\n`);
        }
        bar = createProgressBar(p.toRun, 'tasks', { quiet: quietBar, parallelism: p.workers });
      },
      onTaskDone: (done) => bar?.update(done),
      onPhase: (phase) => {
        bar?.finish();
        if (quiet) return;
        const what = { analyse: 'analysing', export: 'writing the CSV files', report: 'rendering the HTML report' }[phase];
        output.err(`zonesim: ${what}…\n`);
      },
    }),
  );
  bar?.finish();
  if (result.error !== undefined) {
    const error = result.error;
    if (error instanceof RunInterruptedError) {
      const how = result.signal === 'SIGTERM' ? 'stopped (SIGTERM)' : 'interrupted';
      throw new CliInterruptedError(
        `${how}: ${error.stored} of ${error.total} tasks are saved in ${path.join(outDir, STORE_FILE_NAME)}; run the same command again to resume (${command})`,
        result.signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted,
      );
    }
    throw error;
  }
  const summary = result.value!;
  const reused = summary.tasksReused > 0 ? ` (${summary.tasksReused} reused from the store)` : '';
  const rate = summary.tasksRun > 0 ? ` (${summary.runsPerSecond.toFixed(1)} runs/s on ${summary.workers} worker(s))` : '';
  const unchanged = summary.outputsUnchanged ? '; outputs unchanged' : '';
  output.err(`zonesim: ran ${summary.tasksRun} tasks${reused} in ${summary.wallTimeSeconds.toFixed(1)} s${rate}; results in ${outDir}${unchanged}\n`);
  if (shard !== null) {
    output.out(`shard: ${path.join(outDir, STORE_FILE_NAME)} (merge the shards with: zonesim merge <shard folders…> --out <folder>)\n`);
  } else {
    output.out(`report: ${summary.reportPath ?? path.join(outDir, 'manifest.json')}\n`);
  }
}

/** Build the command-line program (exported for tests). */
export function buildProgram(output: CliOutput): Command {
  const program = new Command();
  program
    .name('zonesim')
    .description('Agent-based simulation of industrial cluster zones (产业集聚区) and the levers of Henan’s 2009 zone policy.')
    .version(packageVersion())
    // Command-line mistakes are printed by main() as one line (see formatCommanderError).
    // (commander writes to writeErr only the full help shown for a missing command; main() prints one line instead.)
    .configureOutput({ writeOut: output.out, writeErr: () => undefined, outputError: () => undefined })
    .exitOverride()
    .addHelpText(
      'after',
      '\nExit codes: 0 success; 1 invalid input (scenario, data file or option value); 2 usage error; 70 internal error; 130 interrupted (Ctrl-C) and 143 stopped (SIGTERM): run the same command again to resume.',
    );

  const compareAction = async (files: string[], opts: CompareOptions, defaultOut?: string): Promise<void> => {
    const scenarios = await loadScenarioFiles(defaultOut === undefined ? resolveScenarioArguments(files, bundledScenarioFiles()) : files);
    const shard = opts.shard ?? null;
    const outDir = opts.out ?? withShardSuffix(defaultOut ?? defaultOrLegacyCompareDir(scenarios.map((s) => s.name), opts.seed, opts.reps), shard);
    await compare(output, scenarios, opts, outDir);
  };
  const defaultOutHelp =
    'run folder (default: reports/<scenario names>_seed<seed>_reps<reps>, e.g. reports/baseline+no-zones_seed2009_reps30, so the same command resumes; with --shard i/n, …-shard-<i>-of-<n>)';
  addCompareOptions(
    program
      .command('compare')
      .description('Run scenarios for N seeded replications on worker threads and compare them with the baseline: CSV, summaries, paired differences, HTML report. Interrupted runs resume when the same command is run again.')
      .argument('<scenarios...>', 'scenario YAML files, or bundled scenario names as `zonesim list` prints them (e.g. baseline no-zones)'),
    defaultOutHelp,
  ).action((files: string[], opts: CompareOptions) => compareAction(files, opts));
  addCompareOptions(
    program
      .command('run')
      .description('Same as compare: run scenario files for N seeded replications and write the results, summaries and report.')
      .argument('<scenarios...>', 'scenario YAML files, or bundled scenario names as `zonesim list` prints them (e.g. baseline no-zones)'),
    defaultOutHelp,
  ).action((files: string[], opts: CompareOptions) => compareAction(files, opts));

  program
    .command('validate')
    .description('Check scenario files (and the data files they name) without running them.')
    .argument('<scenarios...>', 'scenario YAML files or bundled scenario names')
    .action(async (files: string[]) => {
      const scenarios = await loadScenarioFiles(resolveScenarioArguments(files, bundledScenarioFiles()));
      for (const s of scenarios) output.out(`ok ${s.file} (${s.name})\n`);
    });

  program
    .command('list')
    .description('List the bundled scenarios with their one-line descriptions.')
    .action(async () => {
      const scenarios = await loadScenarioFiles(bundledScenarioFiles());
      const width = Math.max(...scenarios.map((s) => s.name.length));
      for (const s of scenarios) output.out(`${s.name.padEnd(width)}  ${s.description}\n`);
    });

  program
    .command('experiment')
    .description(
      'Run an experiment file (levers and uncertainties with distributions, outcomes, a design): every design point × replication on worker threads, ' +
        'then sensitivity analysis (Morris, Sobol\u2019), scenario discovery (PRIM), CSV files and an HTML report. --shard i/n runs a deterministic slice ' +
        '(combine slices with zonesim merge). Interrupted runs resume when the same command is run again.',
    )
    .argument('<file>', 'experiment YAML file (see docs/experiments.md; bundled ones in scenarios/experiments/)')
    .option('-w, --workers <n>', `worker threads (default: the number of cores, here ${defaultWorkerCount()})`, parsePositiveInteger('--workers', 1024))
    .option('-o, --out <dir>', 'output folder (default: reports/experiments/<name>, or reports/experiments/<name>-shard-<i>-of-<n> with --shard)', parseOutputFolder)
    .option('--shard <i/n>', 'run only tasks t with t mod n = i − 1 into the output folder, without the analysis (for batch schedulers)', parseShardOption)
    .option('--no-report', 'write the data files but not the HTML report')
    .option('--dry-run', 'validate the file and print the design size and output folder, run nothing')
    .option('-q, --quiet', 'no progress bar and no plan line (the bar is also off when CI=true)')
    .action(async (file: string, opts: ExperimentOptions) => {
      await experimentCommand(output, file, opts);
    });

  registerCalibrateCommand(program, { output, withSignals, packageVersion, gitCommit });

  program
    .command('merge')
    .description(
      'Combine the shard folders of a run (zonesim experiment … --shard i/n, or zonesim compare … --shard i/n) and write its analysis, CSV files and report, byte-identical to a single-machine run.',
    )
    .argument('<shards...>', `shard folders, each with a ${STORE_FILE_NAME}`)
    .requiredOption('-o, --out <dir>', 'merged run folder', parseOutputFolder)
    .option('--no-report', 'write the data files but not the HTML report')
    .addOption(new Option('--images <which>', 'comparisons: charts written as image files (key, all or none; see zonesim compare --help)').choices(['key', 'all', 'none']).default('key'))
    .addOption(
      new Option('--image-formats <list>', 'comparisons: formats of the image files (svg, png or png,svg)')
        .argParser(parseImageFormats)
        .default([...DEFAULT_COMPARISON_IMAGE_FORMATS], DEFAULT_COMPARISON_IMAGE_FORMATS.join(',')),
    )
    .option('-q, --quiet', 'no progress lines')
    .action(async (dirs: string[], opts: { out: string; report: boolean; images: ReportImages; imageFormats: ChartImageFormat[]; quiet?: boolean }) => {
      const summary = await mergeShards({
        shardDirs: dirs,
        outDir: opts.out,
        renderReport: opts.report,
        images: opts.images,
        imageFormats: opts.imageFormats,
        provenance: { zonesimVersion: packageVersion(), gitCommit: gitCommit(), command: `zonesim ${process.argv.slice(2).join(' ')}` },
        onPhase: (phase) => {
          if (opts.quiet === true) return;
          const what = { analyse: 'analysing', summarise: 'summarising', export: 'writing the CSV files', report: 'rendering the HTML report' }[phase];
          output.err(`zonesim: ${what}…\n`);
        },
      });
      output.err(
        `zonesim: merged ${summary.shards} shard folder(s) (${summary.tasksAdded} tasks added, ${summary.taskCount} in all) in ${summary.wallTimeSeconds.toFixed(1)} s; results in ${opts.out}\n`,
      );
      const fallback = summary.analysis === 'experiment' ? 'manifest.json' : REPORT_DATA_FILE;
      output.out(`report: ${summary.reportPath ?? path.join(opts.out, fallback)}\n`);
    });

  addCompareOptions(
    program
      .command('claims')
      .description(
        'Test the claims of a claims file (docs/claims.md): run every scenario it names for N seeded replications, plus each claim’s robustness variants, ' +
          'then judge each claim’s outcomes (scenario minus reference, or the 2×2 interaction) in each window: claims.csv, claims-trajectory.csv, claims.json ' +
          'and a report that opens with the claim → evidence → verdict table. Interrupted runs resume when the same command is run again.',
      )
      .argument('<file>', 'claims YAML file (the bundled one: scenarios/claims/speech-2009.yaml)'),
    'run folder (default: reports/claims-<name of the claims file>)',
  )
    .option('--dry-run', 'load and check the claims file, its scenarios and robustness variants, print what would run (replications, variants, estimate) and the run folder; run and write nothing')
    .action(async (file: string, opts: CompareOptions) => {
      if (opts.shard !== undefined) throw new CliInputError('--shard: the claims command does not run in shards (run zonesim compare … --shard i/n for the scenarios alone)');
      const claims = await loadClaimsFile(file);
      const outDir = opts.out ?? path.join('reports', `claims-${claims.definition.name}`);
      if (opts.dryRun === true) {
        claimsDryRun(output, claims, opts, outDir);
        return;
      }
      await compare(output, claims.scenarios, opts, outDir, claims);
    });

  addCompareOptions(
    program
      .command('bundled')
      .description(
        `Run the bundled claims file (${path.relative(packageRoot, bundledClaimsFile)}), which names every bundled scenario: the main job; same options as compare. ` +
          'With --shard i/n, the bundled scenarios alone are run as a comparison (combine with zonesim merge; no claims section).',
      ),
    'run folder (default: reports/bundled; with --shard i/n, reports/bundled-shard-<i>-of-<n>)',
  ).action(async (opts: CompareOptions) => {
    if (opts.shard !== undefined) {
      await compareAction(bundledScenarioFiles(), opts, path.join('reports', 'bundled'));
      return;
    }
    const claims = await loadClaimsFile(bundledClaimsFile);
    await compare(output, claims.scenarios, opts, opts.out ?? path.join('reports', 'bundled'), claims);
  });
  return program;
}

/** Where the command line writes: stdout and stderr by default, buffers in tests. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/**
 * Run the command line; returns the exit code. Every expected failure is reported as one line on
 * stderr without a stack trace (set ZONESIM_DEBUG=1 to see stacks of internal errors).
 */
export async function main(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const program = buildProgram(output);
  try {
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return ExitCode.ok;
      const line = error.code === 'commander.help' ? formatMissingCommand(program.commands.map((c) => c.name())) : formatCommanderError(error);
      output.err(`zonesim: ${line}\n`);
      return error.code === 'commander.invalidArgument' ? ExitCode.invalidInput : ExitCode.usage;
    }
    if (error instanceof CliInterruptedError) {
      output.err(`zonesim: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof ScenarioError ||
      error instanceof CliInputError ||
      error instanceof UnknownBaselineError ||
      error instanceof RunStoreError ||
      error instanceof MergeError ||
      error instanceof InsufficientResourcesError
    ) {
      output.err(`zonesim: ${error.message}\n`);
      return ExitCode.invalidInput;
    }
    const environment = environmentErrorMessage(error);
    if (environment !== null) {
      output.err(`zonesim: ${environment}\n`);
      return ExitCode.invalidInput;
    }
    const err = error as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && typeof err.path === 'string') {
      output.err(`zonesim: ${err.path}: cannot write or read (${err.code}: ${err.message.split('\n')[0]})\n`);
      return ExitCode.invalidInput;
    }
    output.err(`zonesim: internal error: ${(error as Error)?.message ?? String(error)} (please report this; set ZONESIM_DEBUG=1 for details)\n`);
    if (process.env.ZONESIM_DEBUG) output.err(`${(error as Error)?.stack ?? ''}\n`);
    return ExitCode.internal;
  }
}
