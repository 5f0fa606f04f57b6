/**
 * Two versions of zonesim side by side: this checkout and an older commit extracted into a temporary
 * folder (`git archive <commit> src scenarios package.json tsconfig.json | tar -x -C <folder>`, with
 * this repository's node_modules linked in: see {@link extractCommit}). Each version runs in its own
 * fresh processes (bench/isolatedProcessRounds.ts: one process per version per round, the order
 * alternating, warm-up replications first in each), so that neither version's code shares a process
 * with the other's — two copies of the model in one process do not run alike (measured there). The benchmark compares CPU time per located project (and
 * per firm-year).
 *
 * A replication is driven as simulateModel drives it without an observer — initialiseModel, then
 * stepModel to the last step — summing the living firms after every step (firm-steps; firm-years =
 * firm-steps / steps per year). The only work left out is simulateModel's reset of the period
 * counters at recording steps, which no mechanism reads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModelInputInWorker } from './loadModelInputInWorker.ts';
import { ratioOf, spread, summariseTimes, type Spread, type SpreadRatio, type TimeSummary } from './benchStatistics.ts';
import { runIsolatedChild, runIsolatedRounds, type ChildRunner, type IsolatedRuns, type IsolatedSchedule } from './isolatedProcessRounds.ts';

/** The commit the speed-up is measured against, and its Henan scenario. */
export const LEGACY_COMMIT = '4c7d987';
export const LEGACY_SCENARIO = 'scenarios/henan-180.yaml';

/** What one replication did (counts only). */
export interface ReplicationCounts {
  /** Projects that located (entries; the initial stock is not counted). */
  readonly entries: number;
  /** Σ over steps of the firms alive after the step, / steps per year. */
  readonly firmYears: number;
  readonly finalFirms: number;
}

/** One version of the model, ready to replicate one scenario. */
export interface LoadedVersion {
  readonly label: string;
  /** The folder its src/ and scenarios/ are in. */
  readonly root: string;
  readonly scenario: string;
  /** Zones of the scenario. */
  readonly zones: number;
  /** Run one replication with `seed`. */
  readonly replicate: (seed: number) => ReplicationCounts;
}

/** The minimal surface of a version's model modules that the benchmark uses (stable since 4c7d987). */
interface ModelModules {
  initialiseModel(input: unknown, seed: number): { step: number; constants: { totalSteps: number; stepsPerYear: number }; firms: { count: number }; counters: { entriesTotal: number } };
  stepModel(state: unknown): void;
}

/** A version's scenario loader (imported only where the scenario is loaded in this thread). */
type ScenarioLoader = (file: string) => Promise<{ modelInput: unknown }>;

const importFrom = (root: string, relative: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(root, relative)).href);

async function importModelModules(root: string): Promise<ModelModules> {
  const [initialise, step] = await Promise.all([importFrom(root, 'src/model/initialiseModel.ts'), importFrom(root, 'src/model/stepModel.ts')]);
  return {
    initialiseModel: initialise.initialiseModel as ModelModules['initialiseModel'],
    stepModel: step.stepModel as ModelModules['stepModel'],
  };
}

/**
 * Where a version's scenario is loaded: `this-thread` (simple; the thread's typed-array accesses then
 * pay V8's detachment check, see bench/loadModelInputInWorker.ts) or `worker` (a short-lived worker
 * thread loads it, so the thread that replicates runs as the run pipeline's workers do — what the
 * benchmark's timed children use).
 */
export type InputLoading = 'this-thread' | 'worker';

/**
 * Load the model of the checkout at `root` and the scenario `scenario` (relative to root).
 *
 * @throws when the modules or the scenario cannot be loaded.
 */
export async function loadVersion(label: string, root: string, scenario: string, loading: InputLoading = 'this-thread'): Promise<LoadedVersion> {
  let input: unknown;
  if (loading === 'worker') {
    input = await loadModelInputInWorker(root, scenario);
  } else {
    const loader = (await importFrom(root, 'src/scenario/loadScenarioFile.ts')).loadScenarioFile as ScenarioLoader;
    input = (await loader(path.join(root, scenario))).modelInput;
  }
  const modules = await importModelModules(root);
  return {
    label,
    root,
    scenario,
    zones: (input as { parameters: { zones: { count: number } } }).parameters.zones.count,
    replicate(seed: number): ReplicationCounts {
      const state = modules.initialiseModel(input, seed);
      const total = state.constants.totalSteps;
      let firmSteps = 0;
      while (state.step < total) {
        modules.stepModel(state);
        firmSteps += state.firms.count;
      }
      return { entries: state.counters.entriesTotal, firmYears: firmSteps / state.constants.stepsPerYear, finalFirms: state.firms.count };
    },
  };
}

/** An extracted commit: its folder, and how to remove it. */
export interface ExtractedCommit {
  readonly commit: string;
  readonly root: string;
  readonly remove: () => void;
}

/**
 * Extract `src/`, `scenarios/`, `package.json` and `tsconfig.json` of `commit` from the git repository
 * at `repository` into a new temporary folder, with a link to the repository's node_modules so its
 * imports resolve.
 *
 * package.json matters: it says `"type": "module"`, without which tsx compiles the folder's .ts files
 * as CommonJS (exports become getters, every cross-module call goes through one). Measured 2026-12-05,
 * the same commit's Henan replication in fresh processes: 365–630 ms as CommonJS against 261–410 ms as
 * ES modules — the benchmark's earlier extraction (src and scenarios only) charged 4c7d987 with that.
 *
 * @throws when git or tar fail (for example a shallow clone without the commit).
 */
export function extractCommit(repository: string, commit: string): ExtractedCommit {
  const root = mkdtempSync(path.join(os.tmpdir(), `zonesim-${commit}-`));
  try {
    const archive = execFileSync('git', ['archive', commit, 'src', 'scenarios', 'package.json', 'tsconfig.json'], { cwd: repository, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', root], { input: archive });
    symlinkSync(path.join(repository, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { commit, root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The timed replications of one version. */
export interface VersionMeasurement {
  readonly label: string;
  readonly scenario: string;
  readonly zones: number;
  readonly replications: number;
  readonly times: TimeSummary;
  readonly entries: Spread;
  readonly firmYears: Spread;
  /** Per replication: process CPU µs / entries, thread CPU µs / entries, process CPU µs / firm-year. */
  readonly cpuMicrosPerEntry: Spread;
  readonly threadCpuMicrosPerEntry: Spread;
  readonly cpuMicrosPerFirmYear: Spread;
}

/** The speed-up of this checkout over an older commit, old / current, by medians and by minima. */
export interface LegacySpeedUp {
  readonly commit: string;
  readonly old: VersionMeasurement;
  readonly current: VersionMeasurement;
  /** Process CPU per located project (the headline). */
  readonly perLocatedProject: SpreadRatio;
  /** The JavaScript thread's CPU per located project. */
  readonly perLocatedProjectThread: SpreadRatio;
  /** Process CPU per firm-year (a common footing when the scenarios' flows differ). */
  readonly perFirmYear: SpreadRatio;
  /** Process CPU per replication (the scenarios differ: information only). */
  readonly perReplication: SpreadRatio;
}

function summariseVersion(version: VersionToMeasure, runs: IsolatedRuns<ReplicationCounts>): VersionMeasurement {
  const per = (pick: (t: (typeof runs.times)[number]) => number, by: (c: ReplicationCounts) => number): Spread =>
    spread(runs.times.map((t, i) => (1000 * pick(t)) / by(runs.values[i])));
  return {
    label: version.label,
    scenario: version.scenario,
    zones: runs.zones,
    replications: runs.times.length,
    times: summariseTimes(runs.times),
    entries: spread(runs.values.map((v) => v.entries)),
    firmYears: spread(runs.values.map((v) => v.firmYears)),
    cpuMicrosPerEntry: per((t) => t.processCpuMs, (c) => c.entries),
    threadCpuMicrosPerEntry: per((t) => t.threadCpuMs, (c) => c.entries),
    cpuMicrosPerFirmYear: per((t) => t.processCpuMs, (c) => c.firmYears),
  };
}

/** A version to measure: a checkout's folder and the scenario (relative to it) its replications run. */
export interface VersionToMeasure {
  readonly label: string;
  readonly root: string;
  readonly scenario: string;
}

/**
 * Time the replications of both versions in isolated-process rounds (the same seeds for both:
 * seedOf(i) for timed replication i, seedOf(−1), seedOf(−2), … for every process's warm-up) and
 * compare them.
 */
export function measureLegacySpeedUp(
  commit: string,
  old: VersionToMeasure,
  current: VersionToMeasure,
  seedOf: (index: number) => number,
  schedule: IsolatedSchedule,
  progress: (message: string) => void = () => {},
  runChild: ChildRunner = runIsolatedChild,
): LegacySpeedUp {
  const runs = runIsolatedRounds<ReplicationCounts>(
    [old, current].map((version) => ({ label: version.label, task: { kind: 'version' as const, ...version } })),
    schedule,
    seedOf,
    (m) => progress(`speed-up against ${commit}: ${m}`),
    runChild,
  );
  const o = summariseVersion(old, runs[0]);
  const c = summariseVersion(current, runs[1]);
  return {
    commit,
    old: o,
    current: c,
    perLocatedProject: ratioOf(o.cpuMicrosPerEntry, c.cpuMicrosPerEntry),
    perLocatedProjectThread: ratioOf(o.threadCpuMicrosPerEntry, c.threadCpuMicrosPerEntry),
    perFirmYear: ratioOf(o.cpuMicrosPerFirmYear, c.cpuMicrosPerFirmYear),
    perReplication: ratioOf(o.times.processCpuMs, c.times.processCpuMs),
  };
}
