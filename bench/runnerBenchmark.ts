/**
 * Runner benchmark (part of `npm run bench`; also runnable alone with `npm run bench:runner` or
 * `node --import tsx bench/runnerBenchmark.ts [replications]`): replications per second of the run
 * pipeline for Henan-size replications (scenarios/henan.yaml) with 1 and with 2 worker threads,
 * and the parallel speed-up. Each measurement is a real comparison (`runComparison`) into a fresh run
 * folder — worker start-up, the comparison's recording (every province series, zone and industry
 * values at the last step), each task committed to the run store on the main thread as one row of
 * BLOBs — without the HTML report. Rounds are interleaved (1, 2, 2, 1, 1, 2 workers) and the median
 * of each worker count is reported. Issue target: speed-up ≥ 1.85× on 2 cores (informational).
 *
 * Three rates are reported per worker count:
 * - steady state: replications stored in the second half of the run / the time that half took —
 *   the sustained throughput of a long run such as `npm start` (30 Henan replications among 570),
 *   once every worker has compiled its hot code (hence {@link RUNNER_BENCH_REPLICATIONS} = 40).
 *   The target is checked on this rate;
 * - simulate: replications / time from dispatching the first job to storing the last one, including
 *   worker start-up and JIT warm-up. With 2 workers on 2 cores the warm-up costs more than with 1,
 *   because V8's background compiler threads then have no idle core to run on;
 * - end to end: replications / whole runComparison (adds summaries and CSV exports, which do not
 *   depend on the worker count).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runComparison } from '../src/comparison/runComparison.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION } from '../src/runner/recording.ts';
import { recordTask } from '../src/runner/recordTask.ts';
import { RunStore } from '../src/runner/runStore.ts';
import { loadScenarioFile } from '../src/scenario/loadScenarioFile.ts';
import { median } from './benchStatistics.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Default replications per measurement (even; the second half gives the steady-state rate). 40, not
 * fewer: a worker's hot code keeps tiering up over its first several Henan replications, so with 16
 * (8 per worker) the second half of a 2-worker run was still warming up — measured 2026-12-05 on an
 * idle machine: 16 replications gave 1.61–1.79× (406–431 ms per replication in a worker, against
 * 326 with one worker, whose 16 reach steady state sooner); 40 gave 1.89× and 1.90× (319–326 ms
 * against 272–277).
 */
export const RUNNER_BENCH_REPLICATIONS = 40;

/** The target for the 2-worker speed-up (informational). */
export const TARGET_RUNNER_SPEED_UP = 1.85;

/** Worker counts of the interleaved rounds (three of each). */
const ROUNDS = [1, 2, 2, 1, 1, 2];

/** One runner measurement. */
export interface RunnerMeasurement {
  readonly workers: number;
  readonly replications: number;
  /** Seconds from the first dispatch to the last commit. */
  readonly simulateSeconds: number;
  /** Seconds of the whole runComparison call. */
  readonly endToEndSeconds: number;
  readonly simulateReplicationsPerSecond: number;
  /** Replications per second over the second half of the run (every worker warmed up). */
  readonly steadyReplicationsPerSecond: number;
  readonly endToEndReplicationsPerSecond: number;
  /** Mean wall time of one replication inside its worker, ms. */
  readonly meanReplicationMs: number;
  /** CPU seconds of the whole process (all threads) during the runComparison call. */
  readonly cpuSeconds: number;
  /** 1-minute load average just before the measurement (other busy processes distort it). */
  readonly loadAverageBefore: number;
}

/** The runner benchmark's results. */
export interface RunnerBenchmark {
  readonly scenario: string;
  readonly replications: number;
  readonly cores: number;
  readonly measurements: readonly RunnerMeasurement[];
  /** Median steady-state rate with 2 workers / with 1 worker (the target's measure). */
  readonly speedUp: number;
  /** Simulate rate (whole run, start-up and warm-up included) with 2 workers / with 1 worker. */
  readonly simulateSpeedUp: number;
  readonly endToEndSpeedUp: number;
  /** What storing a task costs the main thread, against computing it (see {@link measureMainThreadShare}). */
  readonly mainThread: MainThreadShare;
}

/** CPU of the main thread's work per task against the task's own CPU (one thread, interleaved, medians). */
export interface MainThreadShare {
  readonly tasks: number;
  /** Median CPU ms of computing one Henan-size comparison task (simulation and recording). */
  readonly taskCpuMs: number;
  /** Median CPU ms of committing its record to a run store (what the main thread does per task). */
  readonly commitCpuMs: number;
  /** commitCpuMs / taskCpuMs. */
  readonly share: number;
  /** The 2-worker speed-up this share allows on 2 cores, 2 / (1 + share), before start-up and warm-up. */
  readonly speedUpBound: number;
}

/** Run `replications` Henan-size replications with `workers` workers into a scratch folder and time it. */
async function measure(scenarioFile: string, workers: number, replications: number): Promise<RunnerMeasurement> {
  const scenario = await loadScenarioFile(scenarioFile);
  const outDir = mkdtempSync(path.join(os.tmpdir(), `zonesim-runner-bench-${workers}-`));
  try {
    const loadAverageBefore = os.loadavg()[0];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const storedAt: number[] = [];
    await runComparison({
      scenarios: [scenario],
      replications,
      baseSeed: 2009,
      outDir,
      workers,
      renderReport: false,
      provenance: { zonesimVersion: 'bench', gitCommit: null, command: 'bench' },
      onReplicationDone: () => storedAt.push(performance.now()),
    });
    const endToEndSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
      timings: { simulateSeconds: number; scenarios: { meanReplicationMs: number }[] };
    };
    const simulateSeconds = manifest.timings.simulateSeconds;
    const half = Math.floor(replications / 2);
    const steadySeconds = (storedAt[replications - 1] - storedAt[half - 1]) / 1000;
    return {
      workers,
      replications,
      simulateSeconds,
      endToEndSeconds,
      simulateReplicationsPerSecond: replications / simulateSeconds,
      steadyReplicationsPerSecond: (replications - half) / steadySeconds,
      endToEndReplicationsPerSecond: replications / endToEndSeconds,
      meanReplicationMs: manifest.timings.scenarios[0].meanReplicationMs,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      loadAverageBefore,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The main thread's cost per task, measured where load from other processes cannot distort it: CPU
 * time (not wall time) in this one thread, each task computed and then committed, alternately. The old
 * store (one row per value) cost 8–14 % of a worker's CPU per Henan replication, which capped 2
 * workers at about 1.8×.
 */
export async function measureMainThreadShare(tasks = 6): Promise<MainThreadShare> {
  const scenario = await loadScenarioFile(path.join(ROOT, 'scenarios/henan.yaml'));
  const recording = comparisonRecording(DEFAULT_RECORD_OPTION);
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'zonesim-runner-bench-commit-'));
  const store = RunStore.openFolder(outDir);
  try {
    store.beginRun({ zonesimVersion: 'bench', codeFingerprint: 'bench', analysis: 'comparison', analysisHash: 'bench', analysisJson: '{}', shard: null });
    const modelId = store.registerModel('henan', scenario.modelInput);
    const parameterSetId = store.registerParameterSet('henan', modelId, '[]');
    const recordingId = store.registerRecording('comparison', '{}');
    const taskCpu: number[] = [];
    const commitCpu: number[] = [];
    for (let r = 0; r < tasks; r++) {
      const seed = 1000 + r;
      let start = cpuMs();
      const record = recordTask(scenario.modelInput, seed, recording);
      taskCpu.push(cpuMs() - start);
      start = cpuMs();
      store.commitTask({ parameterSetId, replication: r, seed, recordingId }, 0, record);
      commitCpu.push(cpuMs() - start);
    }
    const taskCpuMs = median(taskCpu);
    const commitCpuMs = median(commitCpu);
    const share = commitCpuMs / taskCpuMs;
    return { tasks, taskCpuMs, commitCpuMs, share, speedUpBound: 2 / (1 + share) };
  } finally {
    store.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The measurement of median steady-state rate among `all` (the representative round). */
function medianMeasurement(all: readonly RunnerMeasurement[]): RunnerMeasurement {
  const target = median(all.map((m) => m.steadyReplicationsPerSecond));
  return [...all].sort((a, b) => Math.abs(a.steadyReplicationsPerSecond - target) - Math.abs(b.steadyReplicationsPerSecond - target))[0];
}

/**
 * Measure the runner with 1 and 2 workers in interleaved rounds (1, 2, 2, 1, 1, 2), so that drift
 * from other load on the machine hits both alike; rates are the medians of each worker count.
 *
 * @param replications Henan-size replications per measurement.
 */
export async function measureRunner(replications = RUNNER_BENCH_REPLICATIONS, progress: (m: string) => void = () => {}): Promise<RunnerBenchmark> {
  const scenario = 'scenarios/henan.yaml';
  const file = path.join(ROOT, scenario);
  if (!Number.isInteger(replications) || replications < 4) throw new RangeError(`runner benchmark needs at least 4 replications, found ${replications}`);
  const rounds = new Map<number, RunnerMeasurement[]>([
    [1, []],
    [2, []],
  ]);
  for (const workers of ROUNDS) {
    progress(`runner: ${replications} Henan-size replications on ${workers} worker(s)`);
    rounds.get(workers)!.push(await measure(file, workers, replications));
  }
  const rate = (workers: number, pick: (m: RunnerMeasurement) => number): number => median(rounds.get(workers)!.map(pick));
  progress('runner: the main thread’s CPU per task (commit) against the task’s own CPU');
  const mainThread = await measureMainThreadShare();
  const one = medianMeasurement(rounds.get(1)!);
  const two = medianMeasurement(rounds.get(2)!);
  return {
    scenario,
    replications,
    cores: os.availableParallelism(),
    measurements: [one, two],
    speedUp: rate(2, (m) => m.steadyReplicationsPerSecond) / rate(1, (m) => m.steadyReplicationsPerSecond),
    simulateSpeedUp: rate(2, (m) => m.simulateReplicationsPerSecond) / rate(1, (m) => m.simulateReplicationsPerSecond),
    endToEndSpeedUp: rate(2, (m) => m.endToEndReplicationsPerSecond) / rate(1, (m) => m.endToEndReplicationsPerSecond),
    mainThread,
  };
}

/** The runner benchmark as a Markdown section. */
export function renderRunnerMarkdown(b: RunnerBenchmark): string {
  const rows = b.measurements.map(
    (m) =>
      `| ${m.workers} | ${m.replications} | ${m.steadyReplicationsPerSecond.toFixed(2)} | ${m.simulateSeconds.toFixed(2)} | ` +
      `${m.simulateReplicationsPerSecond.toFixed(2)} | ${m.endToEndSeconds.toFixed(2)} | ${m.endToEndReplicationsPerSecond.toFixed(2)} | ` +
      `${m.meanReplicationMs.toFixed(0)} | ${m.cpuSeconds.toFixed(2)} | ${m.loadAverageBefore.toFixed(2)} |`,
  );
  const verdict = b.cores < 2 ? 'not applicable (fewer than 2 cores)' : b.speedUp >= TARGET_RUNNER_SPEED_UP ? 'PASS' : 'FAIL';
  return [
    `## Runner: Henan-size replications per second (${b.scenario}, ${b.cores} cores)`,
    '',
    '| workers | replications | steady-state replications/s (2nd half) | simulate s | simulate replications/s (whole run) | end-to-end s | end-to-end replications/s | mean ms per replication in its worker | CPU s (all threads) | load average before |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Speed-up with 2 workers: **${b.speedUp.toFixed(2)}×** steady state (target ≥ ${TARGET_RUNNER_SPEED_UP}× on 2 cores: ${verdict}); ` +
      `${b.simulateSpeedUp.toFixed(2)}× over the whole run including worker start-up and JIT warm-up; ${b.endToEndSpeedUp.toFixed(2)}× end to end ` +
      '(plus summaries and CSV exports). Every replication is committed to the run store on the main thread (one row of BLOBs). ' +
      'Medians of three interleaved rounds per worker count (the rows show the median round); ' +
      'a load average near or above the core count before a run means other processes shared the cores.',
    '',
    `Main thread per task (CPU time in one thread, median of ${b.mainThread.tasks} Henan-size tasks, unaffected by other load): committing a task costs ` +
      `${b.mainThread.commitCpuMs.toFixed(2)} ms against ${b.mainThread.taskCpuMs.toFixed(0)} ms to compute it (${(100 * b.mainThread.share).toFixed(2)} %), ` +
      `which allows 2 workers at most ${b.mainThread.speedUpBound.toFixed(3)}× on 2 cores before start-up and warm-up.`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href && process.argv[2] === '--main-thread') {
  process.stdout.write(`${JSON.stringify(await measureMainThreadShare(Number(process.argv[3] ?? 6)))}\n`);
} else if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const replications = Number(process.argv[2] ?? RUNNER_BENCH_REPLICATIONS);
  const result = await measureRunner(replications, (m) => process.stderr.write(`[bench] ${m}\n`));
  process.stdout.write(`${renderRunnerMarkdown(result)}\n`);
}
