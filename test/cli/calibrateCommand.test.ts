/**
 * `zonesim calibrate` end to end on a small recovery calibration (the recovery study's province and
 * priors, N = 10, two generations) with the real worker pool: a run writes the posterior, the
 * calibrated scenario (a valid scenario file), summary.json and status.json; Ctrl-C in the middle
 * exits 130 with a one-line message, and the same command resumes to the identical posterior; shards
 * merged round by round with `zonesim merge` give it too; bad files and options are one line with
 * exit code 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalibrationDir } from '../../src/cli/calibrateCommand.ts';
import { main } from '../../src/cli/main.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import { smallRecoveryCalibrationText } from '../calibration/calibrationHelpers.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'zonesim.mjs');

afterAll(removeScratchDirs);

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The recovery calibration made small (N = 10, 2 generations, 40 runs) in a scratch folder. */
function smallRecoveryCalibration(): string {
  const file = path.join(scratchDir('zonesim-calibrate-cli-'), 'recovery-tiny.yaml');
  writeFileSync(file, smallRecoveryCalibrationText(10, 2, 40, ['firms']));
  return file;
}

function storedTasks(dir: string): number {
  if (!existsSync(path.join(dir, 'run.sqlite'))) return 0;
  const db = new Database(path.join(dir, 'run.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

let file: string;
let referenceDir: string;

beforeAll(async () => {
  file = smallRecoveryCalibration();
  referenceDir = path.join(scratchDir(), 'reference');
  const { code, out, err } = await cli('calibrate', file, '--out', referenceDir, '--workers', '1', '--quiet', '--no-report');
  expect(code, err).toBe(0);
  expect(out).toBe(`report: ${path.join(referenceDir, 'summary.json')}\ncalibrated scenario: ${path.join(referenceDir, 'recovery-small-calibrated.yaml')}\n`);
  expect(err).toMatch(/^zonesim: recovery-small: \d+ model runs computed(, \d+ reused from the store)? in [\d.]+ s \(CPU \d+ s, 1 worker\(s\)\); posterior: generation 1, tolerance [\d.]+ \(stopped: .*\); results in /);
});

describe('zonesim calibrate', () => {
  it('writes the posterior, a calibrated scenario that loads, summary.json and status.json', async () => {
    for (const f of ['posterior.csv', 'parameters.csv', 'targets.csv', 'generations.csv', 'predictions.csv', 'summary.json', 'status.json', 'timings.json']) {
      expect(existsSync(path.join(referenceDir, f)), f).toBe(true);
    }
    expect(readFileSync(path.join(referenceDir, 'posterior.csv'), 'utf8').trim().split('\n')).toHaveLength(11);
    const calibrated = await loadScenarioFile(path.join(referenceDir, 'recovery-small-calibrated.yaml'));
    expect(calibrated.name).toBe('recovery-small-calibrated');
    const parameters = readFileSync(path.join(referenceDir, 'parameters.csv'), 'utf8').trim().split('\n').slice(1);
    const exitHazard = Number(parameters.find((l) => l.startsWith('firms.exitHazard'))?.split(',').at(-1));
    expect(calibrated.modelInput.parameters.firms.exitHazard).toBe(exitHazard);
    expect(defaultCalibrationDir('henan', null)).toBe(path.join('reports', 'calibrations', 'henan'));
    expect(defaultCalibrationDir('henan', { index: 2, count: 4 })).toBe(path.join('reports', 'calibrations', 'henan-shard-2-of-4'));
  });

  it('prints the plan with --dry-run', async () => {
    const { code, out } = await cli('calibrate', file, '--dry-run');
    expect(code).toBe(0);
    expect(out).toBe(
      `ok ${file} (recovery-small): 3 parameters, 5 targets (4 fitted, 1 held out, 0 weight 0); ABC-SMC with N = 10, at most 2 generations and 40 model runs ` +
        `(1 per candidate, 5-year runs), then the posterior continued to the end of 2013. Output folder: ${defaultCalibrationDir('recovery-small', null)}.\n`,
    );
  });

  it('stops on Ctrl-C with exit code 130 and resumes to the identical posterior', async () => {
    const outDir = path.join(scratchDir(), 'interrupted');
    const args = [bin, 'calibrate', file, '--out', outDir, '--workers', '1', '--no-report'];
    const stopped = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, CI: 'true' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const poll = setInterval(() => {
        if (storedTasks(outDir) >= 4) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 15);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearInterval(poll);
        resolve({ code, stderr });
      });
    });
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr.trim().split('\n').at(-1)).toMatch(
      /^zonesim: interrupted: the state after the last whole round and \d+ of \d+ model runs of the current round are saved in .*run\.sqlite; run the same command again to resume \(zonesim calibrate .*\)$/,
    );
    const resumed = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/reused from the store/);
    for (const f of ['posterior.csv', 'parameters.csv', 'recovery-small-calibrated.yaml']) {
      expect(readFileSync(path.join(outDir, f), 'utf8'), f).toBe(readFileSync(path.join(referenceDir, f), 'utf8'));
    }
  });

  it('runs as shards merged round by round with zonesim merge, to the same posterior', async () => {
    const dir = scratchDir();
    const runDir = path.join(dir, 'run');
    const shards = [1, 2].map((i) => path.join(dir, `shard-${i}`));
    let rounds = 0;
    for (;;) {
      const outputs = [];
      for (const [i, shard] of shards.entries()) outputs.push(await cli('calibrate', file, '--shard', `${i + 1}/2`, '--from', runDir, '--out', shard, '--workers', '1', '--quiet'));
      expect(outputs[0].code, outputs[0].err).toBe(0);
      if (outputs[0].err.includes('nothing to compute')) break;
      expect(outputs[0].out).toBe(`shard: ${path.join(shards[0], 'run.sqlite')} (merge the shards of this round with: zonesim merge <shard folders…> --out ${runDir})\n`);
      const merged = await cli('merge', ...shards, '--out', runDir, '--no-report', '--quiet');
      expect(merged.code, merged.err).toBe(0);
      rounds++;
      expect(rounds).toBeLessThan(20);
    }
    expect(JSON.parse(readFileSync(path.join(runDir, 'status.json'), 'utf8'))).toMatchObject({ finished: true });
    expect(readFileSync(path.join(runDir, 'posterior.csv'), 'utf8')).toBe(readFileSync(path.join(referenceDir, 'posterior.csv'), 'utf8'));
  });

  it('reports bad files and options in one line with exit code 1', async () => {
    const bad = path.join(scratchDir(), 'bad.yaml');
    writeFileSync(bad, readFileSync(file, 'utf8').replace('reporter: firms, end: 2013', 'reporter: firm, end: 2013'));
    const invalid = await cli('calibrate', bad, '--dry-run');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^zonesim: .*bad\.yaml: line \d+: targets\[2\]\.model\.reporter: expected the name of a reporter .*found unknown reporter "firm" \(did you mean "firms"\?\)\n$/);
    const until = await cli('calibrate', writeWith(file, 'predictions:\n  until: 2030\n'), '--dry-run');
    expect(until.code).toBe(1);
    expect(until.err).toMatch(/^zonesim: .*: line \d+: predictions\.until: expected a year whose end is a recorded instant of .*recovery-small-scenario\.yaml: the records labelled 2009 to 2014, one a year \(end: 2008 to 2013\), found 2030\n$/);
    expect((await cli('calibrate', file, '--shard', '3/2')).err).toBe('zonesim: --shard: expected i/n with 1 ≤ i ≤ n ≤ 100000 (e.g. 2/8), found "3/2"\n');
    const from = await cli('calibrate', file, '--from', 'somewhere');
    expect(from.code).toBe(1);
    expect(from.err).toBe('zonesim: --from: expected only with --shard i/n (a run without --shard continues its own --out folder), found "somewhere"\n');
    const workers = await cli('calibrate', file, '--workers', '0');
    expect(workers.code).toBe(1);
    expect(workers.err).toBe('zonesim: --workers: expected an integer from 1 to 1024, found "0"\n');
    const missing = await cli('calibrate', path.join(scratchDir(), 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^zonesim: .*nope\.yaml: expected an existing readable calibration file, found no such file ".*nope\.yaml"\n$/);
  });
});

/** A copy of a calibration file with `tail` replacing its predictions block. */
function writeWith(source: string, tail: string): string {
  const text = readFileSync(source, 'utf8').replace(/predictions:\n {2}reporters: \[firms\]\n$/, tail);
  const out = path.join(scratchDir(), 'variant.yaml');
  writeFileSync(out, text);
  return out;
}
