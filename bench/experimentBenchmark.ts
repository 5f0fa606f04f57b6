/**
 * Experiment benchmark (part of `npm run bench`; also runnable alone with
 * `node --import tsx bench/experimentBenchmark.ts [--sobol]`): model runs per second, and per second
 * per core, of the experiment runner (`zonesim experiment`) — worker start-up, one task per model
 * run, each committed to SQLite on the main thread — with 1 and 2 workers on the bundled Morris
 * screen (scenarios/experiments/speech-levers-morris.yaml, 240 teaching-size runs to 2030, no report).
 *
 * With `--sobol` (or ZONESIM_BENCH_SOBOL=1) it also runs the bundled Sobol' analysis of 8 levers
 * (scenarios/experiments/sobol-8-levers.yaml: 10,240 runs at teaching size, 2009–2020) end to end on
 * every core, report included, and checks the issue's target: at least 10,000 runs in minutes on a
 * 2-core machine (informational: ≤ 10 minutes). It takes about 2.5 minutes on 2 cores, so it is an
 * option, never part of the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadExperimentFile } from '../src/experiment/loadExperimentFile.ts';
import { runExperimentFile } from '../src/experiment/runExperimentFile.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The experiment timed with 1 and 2 workers. */
export const EXPERIMENT_BENCH_FILE = 'scenarios/experiments/speech-levers-morris.yaml';
/** The 8-lever Sobol' experiment (option). */
export const SOBOL_BENCH_FILE = 'scenarios/experiments/sobol-8-levers.yaml';
/** The issue's target for the Sobol' analysis: at least this many model runs … */
export const TARGET_SOBOL_RUNS = 10_000;
/** … "in minutes", read as at most this many seconds end to end. */
export const TARGET_SOBOL_SECONDS = 600;

/** One timed experiment run. */
export interface ExperimentMeasurement {
  readonly file: string;
  readonly workers: number;
  readonly runs: number;
  /** Seconds from the first dispatched task to the last stored one. */
  readonly simulateSeconds: number;
  /** Seconds of the whole command: load, runs, analysis, exports (and the report when rendered). */
  readonly wallSeconds: number;
  readonly runsPerSecond: number;
  /** runsPerSecond / workers. */
  readonly runsPerSecondPerCore: number;
  readonly meanRunMs: number;
  readonly report: boolean;
}

/** The experiment benchmark's results. */
export interface ExperimentBenchmark {
  readonly cores: number;
  readonly measurements: readonly ExperimentMeasurement[];
  /** The Sobol' 8-lever run, when asked for. */
  readonly sobol: ExperimentMeasurement | null;
}

/** Run one experiment file into a scratch folder and time it. */
export async function measureExperiment(file: string, workers: number, report: boolean): Promise<ExperimentMeasurement> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), `zonesim-experiment-bench-${workers}-`));
  try {
    const started = performance.now();
    const experiment = await loadExperimentFile(path.join(ROOT, file));
    const summary = await runExperimentFile({
      experiment,
      outDir,
      workers,
      renderReport: report,
      provenance: { zonesimVersion: 'bench', gitCommit: null, command: 'bench' },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    return {
      file,
      workers: summary.workers,
      runs: summary.tasksRun,
      simulateSeconds: summary.simulateSeconds,
      wallSeconds,
      runsPerSecond: summary.runsPerSecond,
      runsPerSecondPerCore: summary.runsPerSecond / summary.workers,
      meanRunMs: summary.meanTaskMs,
      report,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Measure the experiment runner with 1 and 2 workers on the Morris screen and, with `sobol`, the
 * 8-lever Sobol' analysis on every core.
 */
export async function measureExperiments(sobol: boolean, progress: (message: string) => void = () => {}): Promise<ExperimentBenchmark> {
  const measurements: ExperimentMeasurement[] = [];
  for (const workers of [1, 2]) {
    progress(`experiment: ${EXPERIMENT_BENCH_FILE} on ${workers} worker(s)`);
    measurements.push(await measureExperiment(EXPERIMENT_BENCH_FILE, workers, false));
  }
  let sobolMeasurement: ExperimentMeasurement | null = null;
  if (sobol) {
    const workers = os.availableParallelism();
    progress(`experiment: ${SOBOL_BENCH_FILE} (≥ ${TARGET_SOBOL_RUNS} runs) on ${workers} worker(s), report included — a few minutes`);
    sobolMeasurement = await measureExperiment(SOBOL_BENCH_FILE, workers, true);
  }
  return { cores: os.availableParallelism(), measurements, sobol: sobolMeasurement };
}

/** Whether the Sobol' measurement meets the target. */
export function sobolTargetMet(m: ExperimentMeasurement): boolean {
  return m.runs >= TARGET_SOBOL_RUNS && m.wallSeconds <= TARGET_SOBOL_SECONDS;
}

/** The experiment benchmark as a Markdown section. */
export function renderExperimentMarkdown(b: ExperimentBenchmark): string {
  const row = (m: ExperimentMeasurement): string =>
    `| ${m.file} | ${m.workers} | ${m.runs} | ${m.simulateSeconds.toFixed(1)} | ${m.runsPerSecond.toFixed(1)} | ${m.runsPerSecondPerCore.toFixed(1)} | ` +
    `${m.meanRunMs.toFixed(1)} | ${m.wallSeconds.toFixed(1)}${m.report ? ' (with report)' : ''} |`;
  const rows = [...b.measurements, ...(b.sobol === null ? [] : [b.sobol])].map(row);
  const sobol =
    b.sobol === null
      ? `The Sobol' analysis of 8 levers (${SOBOL_BENCH_FILE}, 10,240 runs) is not measured by default: run \`npm run bench -- --sobol\` (or set ZONESIM_BENCH_SOBOL=1).`
      : `Sobol' analysis of 8 levers: **${b.sobol.runs} runs in ${(b.sobol.wallSeconds / 60).toFixed(1)} minutes** end to end ` +
        `(${b.sobol.runsPerSecondPerCore.toFixed(1)} runs/s/core on ${b.sobol.workers} workers); target ≥ ${TARGET_SOBOL_RUNS} runs in ≤ ${TARGET_SOBOL_SECONDS / 60} minutes: ` +
        `${sobolTargetMet(b.sobol) ? 'PASS' : 'FAIL'}.`;
  return [
    `## Experiments: model runs per second (${b.cores} cores)`,
    '',
    '| experiment | workers | runs | simulate s | runs/s | runs/s/core | mean ms per run in its worker | wall s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Each run is one task: the base scenario with the point’s factor values, only the declared outcomes computed, committed to ' +
      'the run store (run.sqlite) on the main thread (one row per task). Simulate s: first dispatch to last commit, worker start-up included.',
    '',
    sobol,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const sobol = process.argv.includes('--sobol') || process.env.ZONESIM_BENCH_SOBOL === '1';
  const result = await measureExperiments(sobol, (m) => process.stderr.write(`[bench] ${m}\n`));
  process.stdout.write(`${renderExperimentMarkdown(result)}\n`);
}
