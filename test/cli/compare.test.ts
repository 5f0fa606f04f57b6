/**
 * `zonesim compare` end to end through the real binary: the default run folder is deterministic and
 * re-running the command resumes (and, once finished, rewrites nothing); Ctrl-C (SIGINT) and a kill
 * (SIGKILL, as a power cut would) leave a store from which the same command finishes with exports
 * byte-identical to an uninterrupted run; a folder of the earlier store format is refused in one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCompareDir, main } from '../../src/cli/main.ts';
import { expectSameExports, readExports, removeScratchDirs, scratchDir, writeSmallScenarios } from '../runner/runnerHelpers.ts';
import { storedTasks } from '../support/crashTrials.ts';
import { REPORT_DATA_FILE } from '../../src/report/reportData.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'zonesim.mjs');

/** Stored replications (tasks) in a run folder's store (0 while it does not exist yet). */
const storedReplications = storedTasks;

/** Facts of a finished store: tasks, bytes of values, duplicated task identities. */
function storeCounts(outDir: string) {
  const db = new Database(path.join(outDir, 'run.sqlite'), { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      replications: n('SELECT count(*) AS n FROM tasks'),
      valueBytes: n('SELECT sum(length(province) + length(zone) + length(industry)) AS n FROM tasks'),
      duplicates: n('SELECT count(*) AS n FROM (SELECT 1 FROM tasks GROUP BY parameter_set_id, replication, seed, recording_id HAVING count(*) > 1)'),
    };
  } finally {
    db.close();
  }
}

/**
 * Start `zonesim compare` in a child process, wait until at least `after` replications are stored,
 * send `signal`, and resolve with the exit code, signal and stderr.
 */
function interruptChild(args: string[], outDir: string, after: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; storedAtSignal: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, CI: 'true' } });
    let stderr = '';
    let storedAtSignal = -1;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      const stored = storedReplications(outDir);
      if (stored >= after) {
        clearInterval(poll);
        storedAtSignal = stored;
        child.kill(signal);
      }
    }, 15);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, storedAtSignal });
    });
  });
}

const REPS = 30;

afterAll(removeScratchDirs);

describe('zonesim compare (real binary)', () => {
  let files: string[];
  let reference: string;
  let referenceExports: Record<string, string>;

  beforeAll(async () => {
    const dir = scratchDir('zonesim-compare-');
    files = writeSmallScenarios(dir, { perYear: 300, years: 5 });
    reference = path.join(dir, 'reference');
    // The reference is written by the same command line, uninterrupted (same provenance fields).
    const args = ['node', 'zonesim', 'compare', ...files, '--reps', String(REPS), '--seed', '3', '--out', reference, '--no-report', '--quiet'];
    expect(await main(args, { out: () => {}, err: () => {} })).toBe(0);
    referenceExports = readExports(reference);
  });

  it('uses a deterministic default folder, prints the report path last, and resumes when run again', () => {
    const dir = scratchDir('zonesim-compare-');
    const small = writeSmallScenarios(dir);
    const args = [bin, 'compare', ...small, '--reps', '3', '--seed', '5', '--no-report'];
    const first = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(first.status, first.stderr).toBe(0);
    const expectedDir = defaultCompareDir(['more-zones', 'baseline'], 5, 3);
    expect(expectedDir).toBe(path.join('reports', 'baseline+more-zones_seed5_reps3'));
    expect(first.stdout.trim().split('\n').pop()).toBe(`report: ${path.join(expectedDir, REPORT_DATA_FILE)}`);
    expect(first.stderr).toContain(`→ ${expectedDir} (6 to run`);
    for (const f of ['run.sqlite', 'results.csv', 'summary.csv', 'paired.csv', 'end-state.csv', 'zones.csv', 'industries.csv', 'manifest.json', REPORT_DATA_FILE]) {
      expect(existsSync(path.join(dir, expectedDir, f)), f).toBe(true);
    }
    const second = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(`→ ${expectedDir} (all 6 already stored)`);
    expect(second.stderr).toContain('ran 0 replications (6 reused from the store)');
    expect(second.stderr).toContain('outputs unchanged');
    expect(second.stdout.trim().split('\n').pop()).toBe(`report: ${path.join(expectedDir, REPORT_DATA_FILE)}`);
    const manifest = JSON.parse(readFileSync(path.join(dir, expectedDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ baseSeed: 5, replications: 3, baseline: 'baseline', record: 'final', storeFormat: 2 });
    expect(manifest.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'more-zones']);
  });

  it('renders the HTML report when the renderer is there and names it on the last line', async () => {
    const dir = scratchDir('zonesim-compare-');
    const small = writeSmallScenarios(dir);
    let out = '';
    let err = '';
    const code = await main(['node', 'zonesim', 'compare', ...small, '--reps', '2', '--out', path.join(dir, 'out'), '--quiet'], {
      out: (s) => (out += s),
      err: (s) => (err += s),
    });
    expect(code, err).toBe(0);
    const last = out.trim().split('\n').pop() ?? '';
    expect(last).toMatch(/^report: /);
    const reportPath = last.slice('report: '.length);
    expect(existsSync(reportPath)).toBe(true);
    if (existsSync(path.join(root, 'src', 'report', 'renderReport.ts'))) expect(reportPath).toMatch(/\.html$/);
    else expect(err).toContain('HTML report skipped');
  });

  it('refuses a run folder of the earlier store format in one line, saying how to rerun', async () => {
    const dir = scratchDir('zonesim-compare-');
    const small = writeSmallScenarios(dir);
    const outDir = path.join(dir, 'old');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'results.sqlite'), 'an old store');
    let err = '';
    const code = await main(['node', 'zonesim', 'compare', ...small, '--reps', '2', '--out', outDir, '--quiet'], { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(1);
    expect(err).toBe(
      `zonesim: ${outDir}: written by an earlier zonesim (results.sqlite, store format 1; this zonesim writes run.sqlite, format 2); delete the folder or choose another --out folder, then run the command again\n`,
    );
    expect(existsSync(path.join(outDir, 'run.sqlite'))).toBe(false);
  });

  it('refuses an unknown --baseline in one line before running anything', async () => {
    const dir = scratchDir('zonesim-compare-');
    const small = writeSmallScenarios(dir);
    let err = '';
    const code = await main(['node', 'zonesim', 'compare', ...small, '--baseline', 'nope', '--out', path.join(dir, 'out'), '--quiet'], {
      out: () => {},
      err: (s) => (err += s),
    });
    expect(code).toBe(1);
    expect(err).toBe('zonesim: --baseline: expected one of the scenarios run (baseline, more-zones), found "nope"\n');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`resumes after ${signal} mid-run with byte-identical exports and no replication duplicated or lost`, async () => {
      const outDir = path.join(scratchDir('zonesim-compare-'), 'run');
      const args = ['compare', ...files, '--reps', String(REPS), '--seed', '3', '--workers', '2', '--out', outDir, '--no-report'];
      const stopped = await interruptChild(args, outDir, 3, signal);
      const storedAfter = storedReplications(outDir);
      expect(storedAfter).toBeGreaterThanOrEqual(stopped.storedAtSignal);
      expect(storedAfter, 'the run ended before it could be interrupted').toBeLessThan(2 * REPS);
      if (signal === 'SIGINT') {
        expect(stopped.code).toBe(130);
        const lines = stopped.stderr.trim().split('\n');
        expect(lines[lines.length - 1]).toMatch(
          new RegExp(`^zonesim: interrupted: ${storedAfter} of ${2 * REPS} replications are saved in .*run\\.sqlite; run the same command again to resume \\(zonesim compare .*\\)$`),
        );
      } else {
        expect(stopped.signal).toBe('SIGKILL');
      }

      const resumed = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain(`ran ${2 * REPS - storedAfter} replications (${storedAfter} reused from the store)`);
      expect(storeCounts(outDir)).toEqual(storeCounts(reference));
      expect(storeCounts(outDir).duplicates).toBe(0);
      expectSameExports(readExports(outDir), referenceExports);
    });
  }
});
