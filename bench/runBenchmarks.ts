/**
 * The project's benchmark (`npm run bench`). Never used for timed assertions in tests.
 *
 * Measures, for the teaching size (scenarios/baseline.yaml, 12 zones) and the Henan size
 * (scenarios/henan.yaml, 180 zones):
 * 1. wall time per replication (median, min, max over timed replications after warm-up runs), entries
 *    and final firm count, and the location choice's throughput: logit evaluations of one alternative
 *    per second of time spent inside `placePendingProjects` (each mechanism of `stepSchedule` is timed
 *    separately), plus the median share of time per mechanism;
 * 2. peak memory of one replication in a fresh child process, next to a child that only loads the
 *    modules and the scenario;
 * 3. a bare logit kernel over the same number of alternatives, in this process, for the ratio
 *    model choice throughput / kernel throughput;
 * 4. the scenario runner: Henan-size replications per second with 1 and 2 worker threads and the
 *    speed-up (bench/runnerBenchmark.ts);
 * 5. the experiment runner: model runs per second (and per core) of a bundled Morris experiment with
 *    1 and 2 workers, and — with `npm run bench -- --sobol` or ZONESIM_BENCH_SOBOL=1 — the bundled
 *    Sobol' analysis of 8 levers (10,240 runs) end to end (bench/experimentBenchmark.ts);
 * 6. machine facts.
 *
 * Prints Markdown to stdout (progress goes to stderr) and writes the same results as JSON to
 * reports/bench/latest.json. The issue's targets (Henan replication ≤ 1 s on one core, peak memory
 * ≤ 200 MB) are reported as PASS/FAIL for information only: the script exits 0 either way.
 *
 * Run with `--expose-gc` (as `npm run bench` does) so a full collection runs before each timed
 * replication and one run's garbage is not charged to the next.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelInput } from '../src/model/modelInput.ts';
import { replicationSeed } from '../src/model/randomStreams.ts';
import { simulateModel } from '../src/model/simulateModel.ts';
import { loadScenarioFile } from '../src/scenario/loadScenarioFile.ts';
import {
  CHOICE_MECHANISM,
  INITIALISE_PHASE,
  mechanismNames,
  runInstrumentedReplication,
  type InstrumentedReplication,
} from './instrumentedReplication.ts';
import { generateKernelInputs, runKernel } from './logitKernel.ts';
import type { PeakMemorySample } from './peakMemoryChild.ts';
import { measureRunner, renderRunnerMarkdown, TARGET_RUNNER_SPEED_UP, type RunnerBenchmark } from './runnerBenchmark.ts';
import {
  measureExperiments,
  renderExperimentMarkdown,
  sobolTargetMet,
  TARGET_SOBOL_RUNS,
  TARGET_SOBOL_SECONDS,
  type ExperimentBenchmark,
} from './experimentBenchmark.ts';

// ---------------------------------------------------------------------------------------------------
// Configuration

/** Base seed of every replication: seeds are replicationSeed(BASE_SEED, r). */
const BASE_SEED = 2009;

/** Repository root (bench/ is one level down); scenario paths and the child's cwd are relative to it. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the JSON results go (relative to the repository root). */
const JSON_OUTPUT = 'reports/bench/latest.json';

/** One model size to measure. */
interface SizeConfig {
  /** Short label used in tables ("teaching", "Henan"). */
  readonly label: string;
  /** Scenario file, relative to the repository root. */
  readonly scenario: string;
  /** Untimed runs first (seeds r = 0, 1, …), so the JIT has compiled the hot paths. */
  readonly warmUp: number;
  /** Timed replications (seeds r = 0 … timed − 1). */
  readonly timed: number;
}

const SIZES: readonly SizeConfig[] = [
  { label: 'teaching', scenario: 'scenarios/baseline.yaml', warmUp: 5, timed: 21 },
  { label: 'Henan', scenario: 'scenarios/henan.yaml', warmUp: 3, timed: 9 },
];

/** Fresh child processes per memory measurement; the median is reported. */
const MEMORY_REPEATS = 3;

/** Rows of pre-generated utilities the bare kernel cycles through (kept small enough to stay in cache). */
const KERNEL_POOL_PROJECTS = 256;

/** The issue's targets (informational). */
const TARGET_HENAN_WALL_MS = 1000;
const TARGET_PEAK_MEMORY_MB = 200;

/** Bytes per MB in this report (decimal megabytes, the stricter reading of "200 MB"). */
const MB = 1e6;

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** Median of a non-empty list (mean of the two middle values for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Summary of a sample: median, min, max. */
interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Run a full garbage collection when the process was started with --expose-gc. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function fmtInt(value: number): string {
  return integer.format(value);
}

function fmtMs(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A rate as "123.4 M/s". */
function fmtRate(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(1)} M/s`;
}

function fmtMB(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function fmtPercent(share: number): string {
  return `${(100 * share).toFixed(1)} %`;
}

/** A Markdown table from a header row and body rows. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// 1. Model replications

/** Results of the timed replications of one size. */
interface ModelMeasurement {
  readonly label: string;
  readonly scenario: string;
  readonly zones: number;
  /** Alternatives per logit evaluation: Z zones + the outside option. */
  readonly alternatives: number;
  readonly steps: number;
  readonly warmUp: number;
  readonly timed: number;
  readonly wallMs: Spread;
  readonly entries: Spread;
  readonly finalFirms: Spread;
  readonly choiceEvaluationsTotal: number;
  readonly choiceEvaluationsPerReplication: Spread;
  /** Total time inside placePendingProjects over the timed replications, ms. */
  readonly choiceMsTotal: number;
  /** choiceEvaluationsTotal / choiceMsTotal, per second. */
  readonly choiceEvaluationsPerSecond: number;
  /** Median time per phase (set-up and each mechanism), ms. */
  readonly phaseMedianMs: Record<string, number>;
  /** Median over replications of each phase's share of the replication's wall time. */
  readonly phaseMedianShare: Record<string, number>;
  /** Wall time of plain `simulateModel` (no per-mechanism timers) for the same seeds, ms. */
  readonly simulateModelWallMs: Spread;
  /** Whether the instrumented schedule reproduced `simulateModel` for every timed seed. */
  readonly matchesSimulateModel: boolean;
  readonly replications: readonly InstrumentedReplication[];
}

/**
 * Time plain `simulateModel(input, seed)` and check that it ends where the instrumented run of the
 * same seed ended, so the benchmark's hand-run schedule is the real model and its timers cost little.
 */
function timeSimulateModel(input: ModelInput, seed: number, instrumented: InstrumentedReplication): { wallMs: number; matches: boolean } {
  const start = performance.now();
  const reference = simulateModel(input, seed);
  const wallMs = performance.now() - start;
  const matches =
    reference.firms.count === instrumented.finalFirms &&
    reference.counters.entriesTotal === instrumented.entries &&
    reference.counters.choiceEvaluations === instrumented.choiceEvaluations &&
    reference.step === instrumented.steps;
  return { wallMs, matches };
}

/**
 * Warm up, then time `size.timed` replications of one scenario with the instrumented schedule, each
 * followed by a plain `simulateModel` run of the same seed (interleaved so drift affects both alike);
 * summarise wall time, counts, choice throughput and the per-mechanism breakdown.
 */
async function measureModelReplications(size: SizeConfig): Promise<ModelMeasurement> {
  const scenario = await loadScenarioFile(path.join(ROOT, size.scenario));
  const input = scenario.modelInput;
  progress(`${size.label}: ${size.warmUp} warm-up runs`);
  for (let r = 0; r < size.warmUp; r++) runInstrumentedReplication(input, replicationSeed(BASE_SEED, r));

  progress(`${size.label}: ${size.timed} timed replications`);
  const replications: InstrumentedReplication[] = [];
  const plainWallMs: number[] = [];
  let matches = true;
  for (let r = 0; r < size.timed; r++) {
    const seed = replicationSeed(BASE_SEED, r);
    collectGarbage();
    const instrumented = runInstrumentedReplication(input, seed).result;
    replications.push(instrumented);
    collectGarbage();
    const plain = timeSimulateModel(input, seed, instrumented);
    plainWallMs.push(plain.wallMs);
    matches &&= plain.matches;
  }
  collectGarbage();

  const phases = [INITIALISE_PHASE, ...mechanismNames()];
  const phaseMedianMs: Record<string, number> = {};
  const phaseMedianShare: Record<string, number> = {};
  for (const phase of phases) {
    phaseMedianMs[phase] = median(replications.map((x) => x.phaseMs[phase]));
    phaseMedianShare[phase] = median(replications.map((x) => x.phaseMs[phase] / x.wallMs));
  }
  const choiceEvaluationsTotal = sum(replications.map((x) => x.choiceEvaluations));
  const choiceMsTotal = sum(replications.map((x) => x.phaseMs[CHOICE_MECHANISM]));
  const zones = input.parameters.zones.count;
  return {
    label: size.label,
    scenario: size.scenario,
    zones,
    alternatives: zones + 1,
    steps: replications[0].steps,
    warmUp: size.warmUp,
    timed: size.timed,
    wallMs: spread(replications.map((x) => x.wallMs)),
    entries: spread(replications.map((x) => x.entries)),
    finalFirms: spread(replications.map((x) => x.finalFirms)),
    choiceEvaluationsTotal,
    choiceEvaluationsPerReplication: spread(replications.map((x) => x.choiceEvaluations)),
    choiceMsTotal,
    choiceEvaluationsPerSecond: choiceEvaluationsTotal / (choiceMsTotal / 1000),
    phaseMedianMs,
    phaseMedianShare,
    simulateModelWallMs: spread(plainWallMs),
    matchesSimulateModel: matches,
    replications,
  };
}

// ---------------------------------------------------------------------------------------------------
// 3. Bare logit kernel

/** Results of the bare kernel for one number of alternatives. */
interface KernelMeasurement {
  readonly alternatives: number;
  /** Logit evaluations of one alternative (projects × alternatives) in the timed rounds. */
  readonly evaluations: number;
  readonly rounds: number;
  readonly totalMs: number;
  readonly evaluationsPerSecond: number;
  /** Sum of picked indices over the timed rounds (printed so the JIT cannot drop the work). */
  readonly checksum: number;
}

/**
 * Time the bare kernel over at least `minEvaluations` evaluations of `alternatives` alternatives,
 * split into `rounds` rounds (one untimed warm-up round first).
 */
function measureBareKernel(alternatives: number, minEvaluations: number, rounds: number): KernelMeasurement {
  const inputs = generateKernelInputs(alternatives, KERNEL_POOL_PROJECTS, replicationSeed(BASE_SEED, 0));
  const weights = new Float64Array(alternatives);
  const projectsPerRound = Math.ceil(minEvaluations / alternatives / rounds);
  const warmUpChecksum = runKernel(inputs, projectsPerRound, weights); // untimed
  collectGarbage();
  let totalMs = 0;
  let checksum = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    checksum += runKernel(inputs, projectsPerRound, weights);
    totalMs += performance.now() - t;
  }
  // Every round cycles the same pool from row 0, so each must reproduce the warm-up's checksum.
  if (checksum !== warmUpChecksum * rounds) {
    throw new Error(`bare kernel is not deterministic (${checksum} ≠ ${rounds} × ${warmUpChecksum})`);
  }
  const evaluations = projectsPerRound * rounds * alternatives;
  return { alternatives, evaluations, rounds, totalMs, evaluationsPerSecond: evaluations / (totalMs / 1000), checksum };
}

// ---------------------------------------------------------------------------------------------------
// 2. Peak memory in fresh child processes

/** Peak memory of one kind of child process (median over repeats). */
interface MemoryMeasurement {
  readonly label: string;
  readonly scenario: string;
  readonly loadOnly: boolean;
  readonly maxRssBytes: number;
  readonly peakHeapUsedBytes: number;
  readonly peakArrayBuffersBytes: number;
  readonly samples: readonly PeakMemorySample[];
}

/** Run bench/peakMemoryChild.ts once in a fresh Node process and parse its JSON line. */
function runMemoryChild(scenario: string, seed: number, loadOnly: boolean): PeakMemorySample {
  const args = ['--import', 'tsx', 'bench/peakMemoryChild.ts', scenario, String(seed)];
  if (loadOnly) args.push('--load-only');
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`memory child failed (${child.status ?? child.signal}): ${child.stderr}`);
  }
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as PeakMemorySample;
}

/** Peak memory of one replication (or of loading only), median over {@link MEMORY_REPEATS} children. */
function measurePeakMemory(label: string, scenario: string, loadOnly: boolean): MemoryMeasurement {
  progress(`memory: ${label} (${MEMORY_REPEATS} fresh processes)`);
  const samples: PeakMemorySample[] = [];
  for (let i = 0; i < MEMORY_REPEATS; i++) samples.push(runMemoryChild(scenario, replicationSeed(BASE_SEED, 0), loadOnly));
  return {
    label,
    scenario,
    loadOnly,
    maxRssBytes: median(samples.map((s) => s.maxRssKiB * 1024)),
    peakHeapUsedBytes: median(samples.map((s) => s.peakHeapUsedBytes)),
    peakArrayBuffersBytes: median(samples.map((s) => s.peakArrayBuffersBytes)),
    samples,
  };
}

// ---------------------------------------------------------------------------------------------------
// 4. Machine facts

interface MachineFacts {
  readonly node: string;
  readonly v8: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly platform: string;
  readonly totalMemoryBytes: number;
  readonly gcExposed: boolean;
  /** 1-minute load average when the benchmark started: other busy processes make timings noisy. */
  readonly loadAverageAtStart: number;
}

function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryBytes: os.totalmem(),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    loadAverageAtStart: os.loadavg()[0],
  };
}

// ---------------------------------------------------------------------------------------------------
// Report

interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

interface BenchmarkReport {
  readonly generatedAt: string;
  readonly machine: MachineFacts;
  readonly baseSeed: number;
  readonly models: readonly ModelMeasurement[];
  readonly kernels: readonly (KernelMeasurement & { label: string; modelToKernelRatio: number })[];
  readonly memory: readonly (MemoryMeasurement & { incrementOverLoadOnlyBytes: number })[];
  readonly runner: RunnerBenchmark;
  readonly experiments: ExperimentBenchmark;
  readonly targets: readonly TargetCheck[];
}

/** The whole report as Markdown. */
function renderMarkdown(report: BenchmarkReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push('# zonesim benchmark', '');
  out.push(
    `Node ${m.node} (V8 ${m.v8}) · ${m.cpuModel} · ${m.cores} cores · ${m.platform} · ` +
      `load average ${m.loadAverageAtStart.toFixed(2)} at start · ` +
      `${report.generatedAt}${m.gcExposed ? '' : ' · WARNING: run without --expose-gc'}`,
    '',
  );

  out.push('## Replications (one thread; seeds replicationSeed(2009, r))', '');
  out.push(
    markdownTable(
      ['size', 'scenario', 'zones', 'steps', 'warm-up + timed', 'median ms', 'min ms', 'max ms', 'entries (median)', 'final firms (median)', 'plain simulateModel median ms', 'same result as simulateModel'],
      report.models.map((x) => [
        x.label,
        x.scenario,
        String(x.zones),
        String(x.steps),
        `${x.warmUp} + ${x.timed}`,
        fmtMs(x.wallMs.median),
        fmtMs(x.wallMs.min),
        fmtMs(x.wallMs.max),
        fmtInt(x.entries.median),
        fmtInt(x.finalFirms.median),
        fmtMs(x.simulateModelWallMs.median),
        x.matchesSimulateModel ? 'yes' : 'NO',
      ]),
    ),
    '',
    'Wall time = initialiseModel + every step, mechanisms run by hand with a timer around each; the plain ' +
      '`simulateModel` column times the same seeds without timers (interleaved). No reporters are computed.',
    '',
  );

  out.push('## Location choice throughput: model vs bare logit kernel (same process)', '');
  out.push(
    markdownTable(
      ['size', 'alternatives', 'model evaluations', `ms in ${CHOICE_MECHANISM}`, 'model evals/s', 'kernel evaluations', 'kernel evals/s', 'model / kernel', 'kernel checksum'],
      report.models.map((x, i) => {
        const k = report.kernels[i];
        return [
          x.label,
          String(x.alternatives),
          fmtInt(x.choiceEvaluationsTotal),
          fmtMs(x.choiceMsTotal),
          fmtRate(x.choiceEvaluationsPerSecond),
          fmtInt(k.evaluations),
          fmtRate(k.evaluationsPerSecond),
          k.modelToKernelRatio.toFixed(2),
          String(k.checksum),
        ];
      }),
    ),
    '',
    `Model: Σ choiceEvaluations / time inside ${CHOICE_MECHANISM} (which also tests land feasibility, ` +
      'draws the uniform and registers entering firms). Kernel: max, exp(v − max), sum and inverse-CDF pick ' +
      `over pre-generated utilities (a pool of ${KERNEL_POOL_PROJECTS} projects), no model state.`,
    '',
  );

  for (const x of report.models.filter((model) => model.label === 'Henan')) {
    out.push(`## Time per mechanism, ${x.label} size (median over ${x.timed} replications)`, '');
    const phases = Object.keys(x.phaseMedianMs);
    out.push(
      markdownTable(
        ['phase', 'median ms', 'median share of wall time'],
        phases.map((p) => [p, fmtMs(x.phaseMedianMs[p]), fmtPercent(x.phaseMedianShare[p])]),
      ),
      '',
    );
  }

  out.push(`## Peak memory (one replication per fresh process, median of ${MEMORY_REPEATS})`, '');
  out.push(
    markdownTable(
      ['process', 'max RSS MB', 'over load-only MB', 'peak heapUsed MB', 'peak arrayBuffers MB'],
      report.memory.map((x) => [
        x.label,
        fmtMB(x.maxRssBytes),
        x.loadOnly ? '—' : fmtMB(x.incrementOverLoadOnlyBytes),
        fmtMB(x.peakHeapUsedBytes),
        fmtMB(x.peakArrayBuffersBytes),
      ]),
    ),
    '',
  );

  out.push(renderRunnerMarkdown(report.runner));
  out.push(renderExperimentMarkdown(report.experiments));

  out.push('## Targets (informational)', '');
  out.push(
    markdownTable(
      ['target', 'measured', 'result'],
      report.targets.map((t) => [t.target, t.measured, t.pass ? 'PASS' : 'FAIL']),
    ),
    '',
  );
  out.push(`MB = 10^6 bytes. JSON: ${JSON_OUTPUT}`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const machine = machineFacts();
  if (!machine.gcExposed) progress('warning: run with --expose-gc (npm run bench) for cleaner timings');

  const models: ModelMeasurement[] = [];
  for (const size of SIZES) models.push(await measureModelReplications(size));

  const kernels = models.map((x) => {
    progress(`bare kernel: ${x.alternatives} alternatives, ≥ ${fmtInt(x.choiceEvaluationsTotal)} evaluations`);
    const k = measureBareKernel(x.alternatives, x.choiceEvaluationsTotal, x.timed);
    return { label: x.label, ...k, modelToKernelRatio: x.choiceEvaluationsPerSecond / k.evaluationsPerSecond };
  });

  const henanScenario = SIZES.find((s) => s.label === 'Henan')?.scenario ?? SIZES[SIZES.length - 1].scenario;
  const loadOnly = measurePeakMemory('load only (modules + Henan scenario, no run)', henanScenario, true);
  const memory = [
    { ...loadOnly, incrementOverLoadOnlyBytes: 0 },
    ...SIZES.map((s) => {
      const x = measurePeakMemory(`${s.label} replication`, s.scenario, false);
      return { ...x, incrementOverLoadOnlyBytes: x.maxRssBytes - loadOnly.maxRssBytes };
    }),
  ];

  const runner = await measureRunner(undefined, progress);
  const experiments = await measureExperiments(process.argv.includes('--sobol') || process.env.ZONESIM_BENCH_SOBOL === '1', progress);

  const henan = models.find((x) => x.label === 'Henan');
  const henanMemory = memory.find((x) => x.label === 'Henan replication');
  const targets: TargetCheck[] = [];
  if (henan) {
    targets.push({
      target: `Henan-size replication ≤ ${TARGET_HENAN_WALL_MS / 1000} s on one core`,
      measured: `${fmtMs(henan.wallMs.median)} ms median (max ${fmtMs(henan.wallMs.max)} ms)`,
      pass: henan.wallMs.median <= TARGET_HENAN_WALL_MS,
    });
  }
  if (henanMemory) {
    targets.push({
      target: `Henan-size peak memory ≤ ${TARGET_PEAK_MEMORY_MB} MB`,
      measured: `${fmtMB(henanMemory.maxRssBytes)} MB max RSS of the whole process (model's increment ${fmtMB(henanMemory.incrementOverLoadOnlyBytes)} MB)`,
      pass: henanMemory.maxRssBytes <= TARGET_PEAK_MEMORY_MB * MB,
    });
  }

  targets.push({
    target: `runner speed-up with 2 workers ≥ ${TARGET_RUNNER_SPEED_UP}× (Henan size, ${runner.cores} cores)`,
    measured:
      `${runner.speedUp.toFixed(2)}× steady state (${runner.measurements.map((m) => `${m.steadyReplicationsPerSecond.toFixed(2)} replications/s with ${m.workers}`).join(', ')}); ` +
      `${runner.simulateSpeedUp.toFixed(2)}× over the whole run incl. start-up and warm-up`,
    pass: runner.speedUp >= TARGET_RUNNER_SPEED_UP,
  });

  if (experiments.sobol !== null) {
    const sobol = experiments.sobol;
    targets.push({
      target: `Sobol' analysis of 8 levers with ≥ ${TARGET_SOBOL_RUNS} runs at teaching size in ≤ ${TARGET_SOBOL_SECONDS / 60} minutes (${experiments.cores} cores)`,
      measured: `${sobol.runs} runs in ${sobol.wallSeconds.toFixed(0)} s end to end (${sobol.runsPerSecondPerCore.toFixed(1)} runs/s/core)`,
      pass: sobolTargetMet(sobol),
    });
  }

  const report: BenchmarkReport = {
    generatedAt: new Date().toISOString(),
    machine,
    baseSeed: BASE_SEED,
    models,
    kernels,
    memory,
    runner,
    experiments,
    targets,
  };
  process.stdout.write(`${renderMarkdown(report)}\n`);
  const jsonPath = path.join(ROOT, JSON_OUTPUT);
  mkdirSync(path.dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  progress(`wrote ${JSON_OUTPUT}`);
}

await main();
