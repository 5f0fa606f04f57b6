/**
 * The project's benchmark (`npm run bench`). Never used for timed assertions in tests.
 *
 * The machine is shared, so every comparison runs in alternating rounds (A B, B A, …) and is judged on
 * CPU time — of the whole process (every thread) and of the JavaScript thread alone
 * (bench/cpuClock.ts) — with wall time and run-queue wait beside it; medians and minima are reported.
 * Two implementations never share a process (bench/isolatedProcessRounds.ts: one fresh process per
 * implementation per round, warm-up replications first), so each is timed as a user runs it; work
 * within one implementation is compared in one process (bench/interleavedRounds.ts). It measures:
 *
 * 1. the speed-up against commit 4c7d987: that commit extracted into a temporary folder, a
 *    replication of its `scenarios/henan-180.yaml` against one of today's `scenarios/henan.yaml` (both
 *    Henan at province scale with every mechanism of their version on), each in its own processes;
 *    CPU time per located project (the headline) and per firm-year (bench/legacyComparison.ts);
 * 2. zonesim's core (henan.yaml with every policy group off) against its plain-objects peer, the same
 *    model and caching algorithm written with plain objects (bench/plainObjectsCore.ts,
 *    bench/peerComparison.ts), each in its own processes;
 * 3. the model's location choice against the cached-weights kernels of its two samplers on one real
 *    state (bench/cachedWeightsKernel.ts, bench/choiceFloors.ts);
 * 4. where a Henan replication's time goes, per mechanism (bench/instrumentedReplication.ts);
 * 5. in fresh child processes: the peak memory of a Henan replication, and the CPU time and peak
 *    memory of a national-scale replication (scenarios/scale/china-national.yaml: 2,543 zones;
 *    bench/childMeasurements.ts);
 * 6. the runner's 2-worker speed-up (bench/runnerBenchmark.ts) and the experiment runner
 *    (bench/experimentBenchmark.ts);
 *
 * and ends with ONE table of ratios against the issue's targets (informational: it exits 0 either
 * way). Prints Markdown to stdout (progress to stderr) and writes the results as JSON to
 * reports/bench/latest.json. Options: `--quick` (or ZONESIM_BENCH_QUICK=1) runs fewer rounds, for a
 * check of the script itself; `--sobol` adds the 10,240-run Sobol' experiment.
 *
 * Run with `--expose-gc` (as `npm run bench` does) so a young-generation collection runs before each
 * timed run and one run's garbage is not charged to the next (why not a full one: cpuClock.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelInput } from '../src/model/modelInput.ts';
import { replicationSeed } from '../src/model/randomStreams.ts';
import { loadScenarioFile } from '../src/scenario/loadScenarioFile.ts';
import { median, type Spread, type SpreadRatio } from './benchStatistics.ts';
import { measureChildren, type ChildMeasurement } from './childMeasurements.ts';
import { measureChoiceFloors, type ChoiceFloors } from './choiceFloors.ts';
import { collectGarbage } from './cpuClock.ts';
import { measureExperiments, renderExperimentMarkdown, type ExperimentBenchmark } from './experimentBenchmark.ts';
import { INITIALISE_PHASE, mechanismNames, runInstrumentedReplication } from './instrumentedReplication.ts';
import type { IsolatedSchedule } from './isolatedProcessRounds.ts';
import { extractCommit, LEGACY_COMMIT, LEGACY_SCENARIO, measureLegacySpeedUp, type LegacySpeedUp } from './legacyComparison.ts';
import { NATIONAL_SCENARIO } from './nationalScale.ts';
import { measurePeer, type PeerComparison } from './peerComparison.ts';
import { coreParameters } from './plainObjectsCore.ts';
import { measureRunner, renderRunnerMarkdown, TARGET_RUNNER_SPEED_UP, type RunnerBenchmark } from './runnerBenchmark.ts';

// ---------------------------------------------------------------------------------------------------
// Configuration

/** Base seed: round r uses replicationSeed(BASE_SEED, r). */
const BASE_SEED = 2009;

/** Seeds of the isolated-process comparisons: timed replication i ≥ 0, warm-up ones i < 0 (as 1000 − i). */
const isolatedSeed = (index: number): number => replicationSeed(BASE_SEED, index < 0 ? 1000 - index : index);

/** Repository root (bench/ is one level down). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const JSON_OUTPUT = 'reports/bench/latest.json';
const HENAN_SCENARIO = 'scenarios/henan.yaml';

/**
 * Rounds of each part; `--quick` uses the second set. The two comparisons of implementations run in
 * isolated-process rounds (bench/isolatedProcessRounds.ts); the floors and mechanism shares compare
 * work within one process ([timed, warm-up] rounds).
 */
interface Rounds {
  readonly legacy: IsolatedSchedule;
  readonly peer: IsolatedSchedule;
  readonly floors: number;
  readonly mechanisms: [number, number];
  readonly memorySeeds: number;
  readonly nationalSeeds: number;
  readonly runnerReplications: number | undefined;
}
const FULL: Rounds = {
  legacy: { rounds: 6, warmUpPerProcess: 3, timedPerProcess: 2 },
  peer: { rounds: 6, warmUpPerProcess: 3, timedPerProcess: 2 },
  floors: 9, mechanisms: [5, 2], memorySeeds: 3, nationalSeeds: 3, runnerReplications: undefined };
const QUICK: Rounds = {
  legacy: { rounds: 2, warmUpPerProcess: 1, timedPerProcess: 1 },
  peer: { rounds: 2, warmUpPerProcess: 1, timedPerProcess: 1 },
  floors: 3, mechanisms: [1, 1], memorySeeds: 1, nationalSeeds: 1, runnerReplications: 4 };

/** The state of the choice floors: this many steps into a Henan core replication; pool size. */
const FLOOR_STEPS = 132;
const FLOOR_POOL = 4096;

/** The targets (informational). */
const TARGET_SPEED_UP = 2.5;
const TARGET_PEER_RATIO = 0.5;
const TARGET_NATIONAL_CPU_S = 10;
const TARGET_NATIONAL_BYTES = 1e9;
const TARGET_HENAN_BYTES = 150e6;

/** Bytes per MB in this report (decimal megabytes, the stricter reading of the targets). */
const MB = 1e6;

// ---------------------------------------------------------------------------------------------------
// Formatting

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fmtInt = (value: number): string => integer.format(value);
const fmt = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const fmtMs = (value: number): string => (!Number.isFinite(value) ? 'n/a' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const fmtMB = (bytes: number): string => (bytes / MB).toFixed(1);
/** "median (min)" of a spread. */
const medMin = (s: Spread, f: (v: number) => string = fmtMs): string => `${f(s.median)} (${f(s.min)})`;
const ratioText = (r: SpreadRatio, digits = 2): string => `${fmt(r.ofMedians, digits)} (${fmt(r.ofMinima, digits)})`;

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Parts

/** Where a Henan replication's time goes: median share of wall time per mechanism. */
interface MechanismShares {
  readonly replications: number;
  readonly wallMs: number;
  readonly shares: Record<string, number>;
}

function measureMechanisms(input: ModelInput, timed: number, warmUp: number): MechanismShares {
  progress(`time per mechanism: ${warmUp} warm-up and ${timed} timed Henan replications`);
  for (let r = 0; r < warmUp; r++) runInstrumentedReplication(input, replicationSeed(BASE_SEED, 1000 + r));
  const runs = [];
  for (let r = 0; r < timed; r++) {
    collectGarbage();
    runs.push(runInstrumentedReplication(input, replicationSeed(BASE_SEED, r)).result);
  }
  const shares: Record<string, number> = {};
  for (const phase of [INITIALISE_PHASE, ...mechanismNames()]) shares[phase] = median(runs.map((x) => x.phaseMs[phase] / x.wallMs));
  return { replications: timed, wallMs: median(runs.map((x) => x.wallMs)), shares };
}

interface MachineFacts {
  readonly node: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly gcExposed: boolean;
  /** 1-, 5- and 15-minute load averages when the benchmark started. */
  readonly loadAverageAtStart: readonly number[];
  readonly loadAverageAtEnd: readonly number[];
}

/** One row of the final table. */
interface RatioRow {
  readonly measure: string;
  readonly median: string;
  readonly minimum: string;
  readonly target: string;
  readonly verdict: string;
}

interface BenchmarkReport {
  readonly generatedAt: string;
  readonly quick: boolean;
  readonly machine: MachineFacts;
  readonly legacy: LegacySpeedUp | { readonly error: string };
  readonly peer: PeerComparison;
  readonly floors: ChoiceFloors;
  readonly mechanisms: MechanismShares;
  readonly henanMemory: ChildMeasurement;
  readonly loadOnlyMemory: ChildMeasurement;
  readonly national: ChildMeasurement;
  readonly runner: RunnerBenchmark;
  readonly experiments: ExperimentBenchmark;
  readonly ratios: readonly RatioRow[];
}

const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');

function ratioRows(r: Omit<BenchmarkReport, 'ratios' | 'generatedAt' | 'quick'>): RatioRow[] {
  const rows: RatioRow[] = [];
  if ('error' in r.legacy) {
    rows.push({ measure: `speed-up against ${LEGACY_COMMIT}`, median: 'not measured', minimum: '—', target: `≥ ${TARGET_SPEED_UP}×`, verdict: r.legacy.error });
  } else {
    const l = r.legacy;
    rows.push(
      {
        measure: `**speed-up against ${LEGACY_COMMIT}, CPU per located project** (its henan-180 / today's henan; headline)`,
        median: `${fmt(l.perLocatedProject.ofMedians)}×`,
        minimum: `${fmt(l.perLocatedProject.ofMinima)}×`,
        target: `≥ ${TARGET_SPEED_UP}×`,
        verdict: verdict(l.perLocatedProject.ofMedians >= TARGET_SPEED_UP),
      },
      { measure: `speed-up against ${LEGACY_COMMIT}, JavaScript-thread CPU per located project`, median: `${fmt(l.perLocatedProjectThread.ofMedians)}×`, minimum: `${fmt(l.perLocatedProjectThread.ofMinima)}×`, target: 'information', verdict: '—' },
      { measure: `speed-up against ${LEGACY_COMMIT}, CPU per firm-year`, median: `${fmt(l.perFirmYear.ofMedians)}×`, minimum: `${fmt(l.perFirmYear.ofMinima)}×`, target: 'information', verdict: '—' },
      { measure: `speed-up against ${LEGACY_COMMIT}, CPU per replication (different scenarios)`, median: `${fmt(l.perReplication.ofMedians)}×`, minimum: `${fmt(l.perReplication.ofMinima)}×`, target: 'information', verdict: '—' },
    );
  }
  rows.push(
    {
      measure: '**zonesim core CPU / plain-objects peer CPU** (henan.yaml, every policy group off)',
      median: fmt(r.peer.ratio.ofMedians),
      minimum: fmt(r.peer.ratio.ofMinima),
      target: `≤ ${TARGET_PEER_RATIO}`,
      verdict: verdict(r.peer.ratio.ofMedians <= TARGET_PEER_RATIO),
    },
    { measure: 'zonesim core / peer, JavaScript-thread CPU', median: fmt(r.peer.threadRatio.ofMedians), minimum: fmt(r.peer.threadRatio.ofMinima), target: 'information', verdict: '—' },
    { measure: 'zonesim core / peer with per-cell weight refresh (the caching of the issue’s review)', median: fmt(r.peer.perCellRatio.ofMedians), minimum: fmt(r.peer.perCellRatio.ofMinima), target: 'information', verdict: '—' },
  );
  for (const f of r.floors.floors) {
    rows.push({
      measure: `model choice / cached-weights kernel, CPU per decision (${f.sampler} sampler, ${r.floors.zones} zones)`,
      median: fmt(f.ratio.ofMedians),
      minimum: fmt(f.ratio.ofMinima),
      target: 'information (floor = 1)',
      verdict: f.picksAgree ? '—' : 'picks differ!',
    });
  }
  rows.push({ measure: 'Flocc 0.7 (framework reference)', median: 'not measured', minimum: '—', target: 'information', verdict: 'skipped (see README)' });
  rows.push({
    measure: `runner, 2 workers / 1 worker (steady state, ${r.runner.cores} cores)`,
    median: `${fmt(r.runner.speedUp)}×`,
    minimum: '—',
    target: `≥ ${TARGET_RUNNER_SPEED_UP}×`,
    verdict: verdict(r.runner.speedUp >= TARGET_RUNNER_SPEED_UP),
  });
  rows.push({
    measure: `runner, bound from the main thread's CPU per task (2 / (1 + ${fmt(100 * r.runner.mainThread.share, 2)} %))`,
    median: `${fmt(r.runner.mainThread.speedUpBound, 3)}×`,
    minimum: '—',
    target: `≥ ${TARGET_RUNNER_SPEED_UP}×`,
    verdict: verdict(r.runner.mainThread.speedUpBound >= TARGET_RUNNER_SPEED_UP),
  });
  const n = r.national;
  rows.push(
    {
      measure: `national-scale replication, CPU s (${NATIONAL_SCENARIO}, fresh process)`,
      median: fmt(n.processCpuMs.median / 1000),
      minimum: fmt(n.processCpuMs.min / 1000),
      target: `≤ ${TARGET_NATIONAL_CPU_S} s`,
      verdict: verdict(n.processCpuMs.median <= TARGET_NATIONAL_CPU_S * 1000),
    },
    {
      measure: 'national-scale replication, peak resident set MB',
      median: fmtMB(n.maxRssBytes.median),
      minimum: fmtMB(n.maxRssBytes.min),
      target: `≤ ${TARGET_NATIONAL_BYTES / MB} MB`,
      verdict: verdict(n.maxRssBytes.median <= TARGET_NATIONAL_BYTES),
    },
    {
      measure: 'Henan replication process, peak resident set MB',
      median: fmtMB(r.henanMemory.maxRssBytes.median),
      minimum: fmtMB(r.henanMemory.maxRssBytes.min),
      target: `≤ ${TARGET_HENAN_BYTES / MB} MB`,
      verdict: verdict(r.henanMemory.maxRssBytes.median <= TARGET_HENAN_BYTES),
    },
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Markdown

function renderLegacy(l: LegacySpeedUp | { readonly error: string }): string[] {
  if ('error' in l) return [`## 1. Speed-up against ${LEGACY_COMMIT}`, '', `Not measured: ${l.error}`, ''];
  const row = (v: LegacySpeedUp['old'], version: string): string[] => [
    version,
    v.scenario,
    String(v.zones),
    String(v.replications),
    medMin(v.times.processCpuMs),
    medMin(v.times.threadCpuMs),
    medMin(v.times.wallMs),
    medMin(v.times.runQueueWaitMs),
    fmtInt(v.entries.median),
    fmtInt(v.firmYears.median),
    medMin(v.cpuMicrosPerEntry, (x) => fmt(x, 2)),
    medMin(v.cpuMicrosPerFirmYear, (x) => fmt(x, 2)),
  ];
  return [
    `## 1. Speed-up against ${l.commit} (each version in its own processes, alternating rounds)`,
    '',
    markdownTable(
      ['version', 'scenario', 'zones', 'replications', 'CPU ms', 'JS-thread CPU ms', 'wall ms', 'run-queue wait ms', 'entries', 'firm-years', 'CPU µs per located project', 'CPU µs per firm-year'],
      [row(l.old, `${l.commit} (extracted)`), row(l.current, 'this checkout')],
    ),
    '',
    'Cells: median (minimum) over the timed replications. CPU = every thread of the process (process.cpuUsage); JS-thread = the ' +
      'JavaScript thread alone (/proc/thread-self/schedstat); run-queue wait = time the thread was ready but had no core (other load). ' +
      `Located projects = entries after step 0; firm-years = firms alive after each step / steps per year. Speed-up per located project: ` +
      `**${ratioText(l.perLocatedProject)}×**, per firm-year ${ratioText(l.perFirmYear)}× (ratio of medians (of minima)).`,
    '',
  ];
}

function renderPeer(p: PeerComparison): string[] {
  const row = (label: string, t: PeerComparison['zonesim']): string[] => [label, medMin(t.processCpuMs), medMin(t.threadCpuMs), medMin(t.wallMs), medMin(t.runQueueWaitMs)];
  return [
    '## 2. zonesim core against its plain-objects peer (henan.yaml, every policy group off)',
    '',
    markdownTable(
      ['implementation', 'CPU ms', 'JS-thread CPU ms', 'wall ms', 'run-queue wait ms'],
      [
        row('zonesim (typed arrays)', p.zonesim),
        row('plain-objects peer, zonesim’s factorised refresh (bench/plainObjectsCore.ts)', p.peer),
        row('plain-objects peer, per-cell refresh', p.perCellPeer),
      ],
    ),
    '',
    `${p.rounds} alternating rounds of one fresh process per implementation, ${fmtInt(p.entries.median)} entries per replication (median). zonesim / peer: **${ratioText(p.ratio)}** ` +
      `(JS thread ${ratioText(p.threadRatio)}); zonesim / per-cell peer ${ratioText(p.perCellRatio)}. Identical outcomes (entries, exits, firms, firms per zone) ` +
      `of zonesim and the factorised peer in ${p.identicalReplications} of ${p.replications} replications.`,
    '',
  ];
}

function renderFloors(f: ChoiceFloors): string[] {
  return [
    `## 3. Location choice against the cached-weights kernels (${f.zones} zones, state after ${f.step} steps of a Henan core replication)`,
    '',
    markdownTable(
      ['sampler', 'decisions per measurement', 'model CPU ns/decision', 'kernel CPU ns/decision', 'model / kernel', 'same picks'],
      f.floors.map((x) => [x.sampler, fmtInt(x.decisions), medMin(x.modelNanos, (v) => fmt(v, 0)), medMin(x.kernelNanos, (v) => fmt(v, 0)), ratioText(x.ratio), x.picksAgree ? 'yes' : 'NO']),
    ),
    '',
    `Model: sampleLocation (src/model/locationChoice.ts) for a pool of ${fmtInt(f.poolProjects)} projects on the state, nothing entered. Kernel: the ` +
      'same decisions over Float64Arrays copied from the state (scan: land test, cached weight × vacant land, sum, inverse-CDF pick; tree: ' +
      'descent of the sum tree, land test, counter-based redraws). JavaScript-thread CPU, median (minimum).',
    '',
  ];
}

function renderMechanisms(m: MechanismShares): string[] {
  const rows = Object.entries(m.shares)
    .sort((a, b) => b[1] - a[1])
    .map(([phase, share]) => [phase, `${(100 * share).toFixed(1)} %`]);
  return [`## 4. Where a Henan replication's time goes (${HENAN_SCENARIO}, median of ${m.replications}; wall ${fmtMs(m.wallMs)} ms)`, '', markdownTable(['mechanism', 'share of wall time'], rows), ''];
}

function renderChildren(report: BenchmarkReport): string[] {
  const rows = [report.loadOnlyMemory, report.henanMemory, report.national].map((c) => [
    c.label,
    c.scenario,
    String(c.samples.length),
    medMin(c.maxRssBytes, fmtMB),
    medMin(c.peakHeapUsedBytes, fmtMB),
    c.loadOnly ? '—' : medMin(c.processCpuMs),
    c.loadOnly ? '—' : medMin(c.threadCpuMs),
    c.loadOnly ? '—' : medMin(c.wallMs),
    c.entries === null ? '—' : fmtInt(c.entries),
  ]);
  return [
    '## 5. Fresh processes: peak memory and the national-scale replication',
    '',
    markdownTable(['process', 'scenario', 'processes', 'peak RSS MB', 'peak heap used MB', 'CPU ms', 'JS-thread CPU ms', 'wall ms', 'entries (first)'], rows),
    '',
    `Peak RSS = the process's maximum resident set (Node and tsx included); heap sampled at every recording step. CPU and wall from after loading to the end of the run. Median (minimum).`,
    '',
  ];
}

function renderMarkdown(report: BenchmarkReport): string {
  const m = report.machine;
  const out: string[] = [
    '# zonesim benchmark',
    '',
    `${report.generatedAt} · Node ${m.node} · ${m.cpuModel} · ${m.cores} cores · load average ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min) at the start, ` +
      `${m.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' / ')} at the end${m.gcExposed ? '' : ' · WARNING: run without --expose-gc'}${report.quick ? ' · QUICK run (fewer rounds)' : ''}`,
    '',
    ...renderLegacy(report.legacy),
    ...renderPeer(report.peer),
    ...renderFloors(report.floors),
    ...renderMechanisms(report.mechanisms),
    ...renderChildren(report),
    renderRunnerMarkdown(report.runner),
    renderExperimentMarkdown(report.experiments),
    '## Ratios and targets',
    '',
    markdownTable(
      ['measure', 'median', 'minimum', 'target', 'result'],
      report.ratios.map((r) => [r.measure, r.median, r.minimum, r.target, r.verdict]),
    ),
    '',
    'Ratios of medians and of minima of CPU time (process CPU unless the row says JavaScript thread). The targets are the issue’s; ' +
      `the script exits 0 either way. MB = 10^6 bytes. JSON: ${JSON_OUTPUT}`,
  ];
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Main

async function measureLegacy(rounds: Rounds): Promise<LegacySpeedUp | { error: string }> {
  let extracted;
  try {
    progress(`extracting ${LEGACY_COMMIT} (git archive) into a temporary folder`);
    extracted = extractCommit(ROOT, LEGACY_COMMIT);
  } catch (error) {
    return { error: `could not extract ${LEGACY_COMMIT}: ${(error as Error).message.split('\n')[0]}` };
  }
  try {
    const old = { label: LEGACY_COMMIT, root: extracted.root, scenario: LEGACY_SCENARIO };
    const current = { label: 'current', root: ROOT, scenario: HENAN_SCENARIO };
    return measureLegacySpeedUp(LEGACY_COMMIT, old, current, isolatedSeed, rounds.legacy, progress);
  } finally {
    extracted.remove();
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick') || process.env.ZONESIM_BENCH_QUICK === '1';
  const rounds = quick ? QUICK : FULL;
  const cpus = os.cpus();
  const machineStart = {
    node: process.version,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    loadAverageAtStart: os.loadavg(),
  };
  if (!machineStart.gcExposed) progress('warning: run with --expose-gc (npm run bench) for cleaner timings');

  const legacy = await measureLegacy(rounds);
  const henan = await loadScenarioFile(path.join(ROOT, HENAN_SCENARIO));
  const core: ModelInput = { ...henan.modelInput, parameters: coreParameters(henan.modelInput.parameters) };
  const peer = measurePeer(HENAN_SCENARIO, core, isolatedSeed, rounds.peer, progress);
  const floors = measureChoiceFloors(core, replicationSeed(BASE_SEED, 0), FLOOR_STEPS, FLOOR_POOL, rounds.floors, progress);
  const mechanisms = measureMechanisms(henan.modelInput, rounds.mechanisms[0], rounds.mechanisms[1]);

  const seeds = (n: number): number[] => Array.from({ length: n }, (_, r) => replicationSeed(BASE_SEED, r));
  const loadOnlyMemory = measureChildren(ROOT, 'load only (modules + Henan scenario)', HENAN_SCENARIO, seeds(1), true, progress);
  const henanMemory = measureChildren(ROOT, 'Henan replication', HENAN_SCENARIO, seeds(rounds.memorySeeds), false, progress);
  const national = measureChildren(ROOT, 'national-scale replication', NATIONAL_SCENARIO, seeds(rounds.nationalSeeds), false, progress);

  const runner = await measureRunner(rounds.runnerReplications, progress);
  const experiments = await measureExperiments(process.argv.includes('--sobol') || process.env.ZONESIM_BENCH_SOBOL === '1', progress);

  const machine: MachineFacts = { ...machineStart, loadAverageAtEnd: os.loadavg() };
  const parts = { machine, legacy, peer, floors, mechanisms, henanMemory, loadOnlyMemory, national, runner, experiments };
  const report: BenchmarkReport = { generatedAt: new Date().toISOString(), quick, ...parts, ratios: ratioRows(parts) };
  process.stdout.write(`${renderMarkdown(report)}\n`);
  const jsonPath = path.join(ROOT, JSON_OUTPUT);
  mkdirSync(path.dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  progress(`wrote ${JSON_OUTPUT}`);
}

await main();
