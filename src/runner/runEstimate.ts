/**
 * Before a run starts: an estimate of its time, memory and disk from the scenario sizes and the
 * number of replications (issue 11, item 4), shown in the plan line, and a one-line refusal when the
 * run would need more disk than is free or more memory than the machine has.
 *
 * The costs are measured, not derived: a replication's time in a worker ≈ 5 ms + 75 ns per estimated
 * firm-year + 230 ns per zone × industry × step cell (src/scenario/replicationWork.ts for the two
 * sizes), a least-squares fit (weighted by tasks) of the 168 parameter sets of the bundled main job
 * (`npm start`, 1,340 replications) run on 2026-12-06 on this project's 2-core machine (AMD EPYC,
 * Node 20.20) with 2 workers: each task's wall time in its worker, which is what the run waits for
 * (two busy workers slow each other down by some 25 %, so a run on 1 worker takes less than this
 * says). The per-cell term carries most of a zone scenario's cost because cells and zone entries go
 * together: `henan.yaml` (1.12 million estimated firm-years, 0.95 million cell-steps) took 323 ms, its
 * no-zones twin (the same firm-years, no cells) 99 ms. The national-scale scenario comes out at 4.3 s
 * against about 6 s measured by `npm run bench` in a lone process. Memory per worker ≈ 100 MB
 * (the process with its modules) + 300 B per firm + 150 B per zone × industry cell, from the
 * resident set of earlier runs (2026-12-05); plus 100 MB for the main process. Disk: the bytes of
 * values each task stores
 * are computed exactly from what it records (tested against a store; a claims run's robustness
 * variants record only a few series); the whole folder (store, CSV files, report, charts) is about
 * 3.06 times that plus 1.8 MB, a line through two folders measured on 2026-12-05 (CSV numbers to 9
 * significant digits, compact SVG charts): 4 bundled scenarios (baseline, no-zones, henan,
 * henan-no-zones) × 10 replications with the report, 4.67 MB for 0.93 MB of values, and the bundled
 * main job (`npm start`) at 30 replications, 39.1 MB for 12.2 MB of values. For the main job the
 * estimate says 32 s on 2 workers against 37.9 s measured (wall; the main thread's summaries, CSV
 * files and report, some 7 s, are not in the estimate). Expect the time within a factor of about 2
 * on an otherwise idle machine — under load it takes longer (on 2026-12-05 the 4-scenario run above
 * took four times its estimate while other jobs shared the two cores) — and the memory and disk
 * within some 50 %.
 */
import { isRecordStep } from '../model/simulateModel.ts';
import type { Parameters } from '../model/parameterSpecification.ts';
import { replicationWork } from '../scenario/replicationWork.ts';
import type { Recording } from './recording.ts';

/** CPU seconds of a replication apart from its size (loading the scenario into the model, set-up). */
const SECONDS_PER_REPLICATION = 0.005;
/** CPU seconds per estimated firm-year. */
const SECONDS_PER_FIRM_YEAR = 75e-9;
/** CPU seconds per zone × industry × step cell. */
const SECONDS_PER_CELL_STEP = 230e-9;
/** Resident memory of a worker (or the main process) with zonesim's modules loaded, bytes. */
const PROCESS_BYTES = 100e6;
/** Memory per firm, bytes. */
const BYTES_PER_FIRM = 300;
/** Memory per (zone, industry) cell, bytes. */
const BYTES_PER_CELL = 150;
/** A run folder's size per byte of stored values, and its fixed part (report, chart library), bytes (see the module comment). */
const FOLDER_OVER_STORED_VALUES = 3.06;
const FOLDER_FIXED_BYTES = 1.8e6;

/** The machine cannot hold a run (disk or memory); reported in one line, exit 1. */
export class InsufficientResourcesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsufficientResourcesError';
  }
}

/** One kind of task of a run: its parameters, how many such tasks are still to run, and what they record. */
export interface EstimatedTasks {
  readonly parameters: Parameters;
  readonly tasks: number;
  /** What these tasks record (default: the run's `recording` given to {@link estimateRun}). */
  readonly recording?: Recording;
}

/** The estimate of a run (see the module comment). */
export interface RunEstimate {
  /** Wall-clock seconds on `workers` workers (CPU seconds / workers). */
  readonly seconds: number;
  /** Peak memory of the main process and its workers, bytes. */
  readonly memoryBytes: number;
  /** Disk the run folder will take, bytes. */
  readonly diskBytes: number;
}

/** Number of recorded steps of a replication (steps 0, every recordEvery, and the last). */
function recordedSteps(parameters: Parameters): number {
  const total = parameters.time.years * parameters.time.stepsPerYear;
  let n = 0;
  for (let step = 0; step <= total; step++) if (isRecordStep(step, parameters.output.recordEvery, total)) n++;
  return n;
}

/**
 * Bytes of values one task stores with `recording` (the BLOBs of src/runner/runStore.ts; names aside).
 *
 * @example storedBytesPerTask(parameters, comparisonRecording(DEFAULT_RECORD_OPTION))
 */
export function storedBytesPerTask(parameters: Parameters, recording: Recording): number {
  const steps = recordedSteps(parameters);
  const zones = parameters.zones.count;
  const industries = parameters.industries.count;
  const scope = (s: Recording['zone'], units: number): number => (s === null ? 0 : s.reporters.length * units * (s.steps === 'every' ? steps : 1));
  const values = steps * (1 + recording.province.length) + scope(recording.zone, zones) + scope(recording.industry, industries) + recording.outcomes.length;
  const layout = recording.layout ? zones * 3 + industries * 7 : 0;
  return 8 * (values + layout) + (recording.layout ? zones * industries : 0) + 4 * steps;
}

/**
 * Estimate a run's time, memory and disk before it starts.
 *
 * @param kinds the tasks still to run, grouped by parameters (and recording).
 * @param recording what each task records unless its kind says otherwise.
 * @param workers worker threads.
 * @example estimateRun([{ parameters, tasks: 30 }], comparisonRecording(DEFAULT_RECORD_OPTION), 2)
 */
export function estimateRun(kinds: readonly EstimatedTasks[], recording: Recording, workers: number): RunEstimate {
  let cpu = 0;
  let stored = 0;
  let workerBytes = 0;
  for (const { parameters, tasks, recording: own } of kinds) {
    if (tasks <= 0) continue;
    const work = replicationWork(parameters);
    cpu += tasks * (SECONDS_PER_REPLICATION + SECONDS_PER_FIRM_YEAR * work.firmYears + SECONDS_PER_CELL_STEP * work.cellSteps);
    stored += tasks * storedBytesPerTask(parameters, own ?? recording);
    const cells = parameters.zones.count * parameters.industries.count;
    workerBytes = Math.max(workerBytes, PROCESS_BYTES + BYTES_PER_FIRM * work.peakFirms + BYTES_PER_CELL * cells);
  }
  const w = Math.max(1, workers);
  const diskBytes = stored > 0 ? FOLDER_FIXED_BYTES + FOLDER_OVER_STORED_VALUES * stored : 0;
  return { seconds: cpu / w, memoryBytes: PROCESS_BYTES + w * workerBytes, diskBytes };
}

/** A duration in words: "40 s", "12 min", "3.5 h", "2.1 days". */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/** A size in words: "820 kB", "36 MB", "2.3 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
  if (bytes < 1e9) return `${Math.round(bytes / 1e6)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** The estimate as the plan line shows it: "about 3 min, 450 MB of memory, 120 MB of disk". */
export function formatRunEstimate(estimate: RunEstimate): string {
  return `about ${formatDuration(estimate.seconds)}, ${formatBytes(estimate.memoryBytes)} of memory, ${formatBytes(estimate.diskBytes)} of disk`;
}

/**
 * Why the machine cannot hold the run, in one line (without the `zonesim: ` prefix), or null.
 *
 * @param available free disk in the run folder's file system (fs.statfsSync: bavail × bsize) and
 *   the machine's total memory (os.totalmem), bytes.
 * @example resourceProblem(estimate, { outDir: 'reports/x', freeDiskBytes: 1e9, totalMemoryBytes: 8e9 })
 */
export function resourceProblem(estimate: RunEstimate, available: { outDir: string; freeDiskBytes: number; totalMemoryBytes: number }): string | null {
  if (estimate.diskBytes > available.freeDiskBytes) {
    return (
      `${available.outDir}: this run needs about ${formatBytes(estimate.diskBytes)} of disk and ${formatBytes(available.freeDiskBytes)} are free there; ` +
      'free some space, choose an --out folder on a larger disk, or run fewer replications (--reps) or shards (--shard i/n) on several machines'
    );
  }
  if (estimate.memoryBytes > available.totalMemoryBytes) {
    return (
      `this run needs about ${formatBytes(estimate.memoryBytes)} of memory and the machine has ${formatBytes(available.totalMemoryBytes)}; ` +
      'use fewer workers (--workers), or a smaller scenario'
    );
  }
  return null;
}

/**
 * A warning (not a refusal) when the run may need more memory than is free right now (os.freemem:
 * the memory available without swapping), though the machine has enough: other programs hold it, and
 * the run may slow down or swap. Null when it fits.
 *
 * @example memoryWarning({ seconds: 1, memoryBytes: 3e9, diskBytes: 0 }, 2e9) // 'this run may need about 3.0 GB of memory and 2.0 GB are free now; …'
 */
export function memoryWarning(estimate: RunEstimate, freeMemoryBytes: number): string | null {
  if (estimate.memoryBytes <= freeMemoryBytes) return null;
  return `this run may need about ${formatBytes(estimate.memoryBytes)} of memory and ${formatBytes(freeMemoryBytes)} are free now; close other programs or use fewer workers (--workers) if it slows down`;
}
