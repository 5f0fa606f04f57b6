/**
 * Crash trials (issue 11, item 3): a zonesim command (a small comparison with its HTML report, or a
 * small experiment) is started as a child process and killed with SIGKILL — like a power cut, with no
 * chance to clean up — at a random point drawn from a seeded generator: while replications are
 * simulated and committed to the store (after k of them are stored), or while the outputs are written
 * (a random few milliseconds after the summarising, CSV or report phase line). Then the same command
 * is run again to the end, and its folder must be byte-identical to an uninterrupted run's (the
 * manifest's timing and session fields aside, and timings.json, which holds only those).
 *
 * Used by test/cli/crashResume.test.ts (a few trials in `npm test`) and scripts/crash.ts
 * (`npm run crash -- --trials N`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { gunzipSync } from 'node:zlib';
import { REPORT_DATA_FILE } from '../../src/report/reportData.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'zonesim.mjs');

/** Fields of manifest.json that differ between otherwise identical runs (runComparison's MANIFEST_SESSION_FIELDS). */
const SESSION_FIELDS = ['command', 'workers', 'startedAt', 'finishedAt', 'wallTimeSeconds', 'timings'];

/** Files that are not compared: the store (its row order and timing columns differ), its lock, and the experiment's timings. */
const NOT_COMPARED = new Set(['run.sqlite', 'run.sqlite-wal', 'run.sqlite-shm', 'run.lock', 'timings.json']);

/** The kinds of job a trial kills. */
export type CrashJob = 'comparison' | 'experiment';

/** Where a trial kills the command. */
export type CrashPoint =
  | { readonly when: 'stored'; readonly tasks: number; readonly delayMs: number }
  | { readonly when: 'phase'; readonly phase: string; readonly delayMs: number };

/** What one trial found. */
export interface CrashTrialOutcome {
  readonly job: CrashJob;
  readonly point: CrashPoint;
  /** True when the kill arrived before the command finished (false: it exited first, and the trial checks a plain rerun). */
  readonly killed: boolean;
  /** Tasks in the store when the command was killed. */
  readonly storedAtKill: number;
  /** Null when the rerun's folder equals the reference; else what differs or failed. */
  readonly failure: string | null;
}

/** mulberry32: a small seeded generator of uniform numbers in [0, 1) for the kill points. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small scenario (3 years, few zones): ~10–30 ms a replication. */
function scenarioText(name: string, zones: number): string {
  return [`name: ${name}`, `description: Crash-test scenario ${name}.`, 'time:', '  years: 3', 'zones:', `  count: ${zones}`, 'projects:', '  perYear: 150', 'firms:', '  initialCount: 60', ''].join('\n');
}

/** A job's folder of input files and its command line (the run folder is `out` inside `dir`). */
export interface CrashJobFiles {
  readonly dir: string;
  readonly args: (out: string) => string[];
  /** Tasks of the job (for the kill points). */
  readonly tasks: number;
}

/** Write a job's input files into a new temporary folder. */
export function prepareCrashJob(job: CrashJob): CrashJobFiles {
  const dir = mkdtempSync(path.join(os.tmpdir(), `zonesim-crash-${job}-`));
  writeFileSync(path.join(dir, 'baseline.yaml'), scenarioText('baseline', 5));
  writeFileSync(path.join(dir, 'more-zones.yaml'), scenarioText('more-zones', 8));
  if (job === 'comparison') {
    return { dir, tasks: 8, args: (out) => ['run', 'baseline.yaml', 'more-zones.yaml', '--reps', '4', '--seed', '17', '--workers', '2', '--images', 'none', '--out', out] };
  }
  writeFileSync(
    path.join(dir, 'exp.yaml'),
    [
      'name: crash-experiment',
      'description: A small experiment for the crash tests.',
      'scenario: baseline.yaml',
      'levers:',
      '  guarantees.leverageMultiple:',
      '    uniform: { min: 1, max: 15 }',
      '  guarantees.feeRate:',
      '    uniform: { min: 0, max: 0.05 }',
      'outcomes:',
      '  - guaranteeNetAssets',
      '  - zoneFirmShare',
      'design:',
      '  type: latin-hypercube',
      'samples: 6',
      'replicationsPerPoint: 1',
      'seed: 5',
      '',
    ].join('\n'),
  );
  return { dir, tasks: 6, args: (out) => ['experiment', 'exp.yaml', '--workers', '2', '--out', out] };
}

/** Remove a job's folder. */
export function removeCrashJob(files: CrashJobFiles): void {
  rmSync(files.dir, { recursive: true, force: true });
}

/** Draw a kill point: half the trials while simulating (after 0 … T − 1 stored tasks), half in an output phase. */
export function drawCrashPoint(job: CrashJob, tasks: number, uniform: () => number): CrashPoint {
  const delayMs = Math.floor(uniform() * 40);
  if (uniform() < 0.5) return { when: 'stored', tasks: Math.floor(uniform() * tasks), delayMs };
  const phases = job === 'comparison' ? ['summarising', 'writing the CSV files', 'rendering the HTML report'] : ['analysing', 'writing the CSV files', 'rendering the HTML report'];
  return { when: 'phase', phase: phases[Math.floor(uniform() * phases.length)], delayMs };
}

/** Tasks in a run folder's store (0 while it does not exist or has no tables yet). */
export function storedTasks(out: string): number {
  const file = path.join(out, 'run.sqlite');
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, timeout: 1000 });
    try {
      return (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Every compared file of a run folder, by relative path (manifests without their session fields). */
export function folderContents(out: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const relative = path.relative(out, full);
      if (statSync(full).isDirectory()) walk(full);
      // A compressed file is compared by its contents (the report data holds the session fields).
      else if (!NOT_COMPARED.has(relative)) files.set(relative, name.endsWith('.gz') ? gunzipSync(readFileSync(full)).toString('latin1') : readFileSync(full, 'latin1'));
    }
  };
  walk(out);
  const strip = (file: string, manifestOf: (value: Record<string, unknown>) => Record<string, unknown> | undefined): void => {
    const text = files.get(file);
    if (text === undefined) return;
    const value = JSON.parse(text) as Record<string, unknown>;
    const manifest = manifestOf(value);
    if (manifest !== undefined) for (const field of SESSION_FIELDS) delete manifest[field];
    files.set(file, JSON.stringify(value));
  };
  strip('manifest.json', (v) => v);
  strip(REPORT_DATA_FILE, (v) => v.manifest as Record<string, unknown> | undefined);
  // The report shows the manifest (with its session fields) in two sections, compared above through
  // manifest.json; the rest of the page must be the same, its start time aside.
  const html = files.get('report.html');
  if (html !== undefined) {
    files.set(
      'report.html',
      html
        .replace(/<section id="(run-facts|manifest)"[\s\S]*?<\/section>/g, '<section id="$1"/>')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>'),
    );
  }
  return files;
}

/** The first difference between two folders' contents, or null. */
export function firstDifference(actual: Map<string, string>, expected: Map<string, string>): string | null {
  const names = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  for (const name of names) {
    if (!actual.has(name)) return `${name} is missing`;
    if (!expected.has(name)) return `${name} is extra`;
    if (actual.get(name) !== expected.get(name)) return `${name} differs`;
  }
  return null;
}

/** Run a command to its end; returns its exit code and stderr. */
export function runToEnd(files: CrashJobFiles, out: string): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...files.args(out)], { cwd: files.dir, env: { ...process.env, CI: 'true' }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/**
 * One trial: start the command into a new folder, SIGKILL it at `point`, run it again to the end,
 * compare with `reference` (from {@link folderContents} of an uninterrupted run).
 */
export async function crashTrial(job: CrashJob, files: CrashJobFiles, out: string, point: CrashPoint, reference: Map<string, string>): Promise<CrashTrialOutcome> {
  const child = spawn(process.execPath, [BIN, ...files.args(out)], { cwd: files.dir, env: { ...process.env, CI: 'true' } });
  let stderr = '';
  let killed = false;
  let storedAtKill = -1;
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('close', () => ((exited = true), resolve())));
  const kill = (): void => {
    if (exited || killed) return;
    storedAtKill = storedTasks(out);
    killed = child.kill('SIGKILL');
  };
  const later = (): void => void setTimeout(kill, point.delayMs);
  let armed = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!armed && point.when === 'phase' && stderr.includes(`zonesim: ${point.phase}`)) {
      armed = true;
      later();
    }
  });
  const poll = setInterval(() => {
    if (!armed && point.when === 'stored' && storedTasks(out) >= point.tasks) {
      armed = true;
      later();
    }
  }, 5);
  await exit;
  clearInterval(poll);
  const rerun = runToEnd(files, out);
  let failure: string | null = null;
  if (rerun.status !== 0) failure = `the rerun exited ${rerun.status}: ${rerun.stderr.trim().split('\n').at(-1) ?? ''}`;
  else if (/internal error/.test(rerun.stderr)) failure = `the rerun reported an internal error: ${rerun.stderr}`;
  else {
    const difference = firstDifference(folderContents(out), reference);
    if (difference !== null) failure = difference;
  }
  return { job, point, killed, storedAtKill, failure };
}

/** A kill point in words, for summaries. */
export function describeCrashPoint(point: CrashPoint): string {
  return point.when === 'stored' ? `after ${point.tasks} stored task(s) + ${point.delayMs} ms` : `${point.phase} + ${point.delayMs} ms`;
}
