/**
 * Ctrl-C (SIGINT) or SIGTERM while a run writes its outputs stops it (issue 11, D9; before, the run
 * went on and exited 0): exit 130 or 143 with the one-line "run the same command again" message, every
 * task stays stored, and running the same command again writes files byte-identical to an
 * uninterrupted run's. The signal is sent by the process to itself the moment the phase line
 * appears (test/support/signalAtPhase.mjs), so the point is exact, not a timed race.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameExports, readExports, removeScratchDirs, scratchDir, writeSmallScenarios } from '../runner/runnerHelpers.ts';
import { SMALL_BASE_SCENARIO } from '../experiment/experimentHelpers.ts';
import { writeFileSync } from 'node:fs';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'zonesim.mjs');
const atPhase = path.join(root, 'test', 'support', 'signalAtPhase.mjs');
const env = { ...process.env, CI: 'true' };

afterAll(removeScratchDirs);

function zonesim(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8' });
}

function signalAt(cwd: string, text: string, signal: NodeJS.Signals, args: string[]) {
  return spawnSync(process.execPath, [atPhase, text, signal, ...args], { cwd, env, encoding: 'utf8' });
}

function storedTasks(outDir: string): number {
  const db = new Database(path.join(outDir, 'run.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a signal while a comparison writes its outputs', () => {
  let dir: string;
  let files: string[];
  let reference: Record<string, string>;
  const args = (out: string, report: boolean) => ['run', ...files, '--reps', '3', '--seed', '9', '--workers', '1', '--out', out, ...(report ? ['--images', 'none'] : ['--no-report'])];

  beforeAll(() => {
    dir = scratchDir();
    files = writeSmallScenarios(dir);
    const out = path.join(dir, 'reference');
    expect(zonesim(dir, args(out, true)).status).toBe(0);
    reference = readExports(out);
  });

  it('Ctrl-C during the CSV export: exit 130, all replications kept, the rerun writes the same files', () => {
    const out = path.join(dir, 'sigint-export');
    const stopped = signalAt(dir, 'writing the CSV files', 'SIGINT', args(out, false));
    expect(stopped.status).toBe(130);
    expect(stopped.stderr.trim().split('\n').at(-1)).toBe(
      `zonesim: interrupted: 6 of 6 replications are saved in ${path.join(out, 'run.sqlite')}; run the same command again to resume (zonesim ${args(out, false).join(' ')})`,
    );
    expect(storedTasks(out)).toBe(6);
    const again = zonesim(dir, args(out, false));
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('ran 0 replications (6 reused from the store)');
    expectSameExports(readExports(out), reference);
  });

  it('SIGTERM while the HTML report is rendered: exit 143, and the rerun writes the same files and the report', () => {
    const out = path.join(dir, 'sigterm-report');
    const stopped = signalAt(dir, 'rendering the HTML report', 'SIGTERM', args(out, true));
    expect(stopped.status).toBe(143);
    expect(stopped.stderr).toMatch(/zonesim: stopped \(SIGTERM\): 6 of 6 replications are saved in .*; run the same command again to resume/);
    const again = zonesim(dir, args(out, true));
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('outputs unchanged');
    expectSameExports(readExports(out), reference);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<html');
  });
});

describe('a signal while an experiment writes its outputs', () => {
  it('Ctrl-C during the CSV export: exit 130, and the rerun writes the files of an uninterrupted run', () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'base.yaml'), SMALL_BASE_SCENARIO);
    writeFileSync(
      path.join(dir, 'exp.yaml'),
      ['name: tiny', 'description: A tiny experiment.', 'scenario: base.yaml', 'levers:', '  guarantees.leverageMultiple:', '    uniform: { min: 1, max: 15 }', 'outcomes:', '  - guaranteeNetAssets', 'design:', '  type: latin-hypercube', 'samples: 3', 'replicationsPerPoint: 1', 'seed: 3', ''].join('\n'),
    );
    const args = (out: string) => ['experiment', 'exp.yaml', '--workers', '1', '--no-report', '--out', out];
    expect(zonesim(dir, args('reference')).status).toBe(0);
    const stopped = signalAt(dir, 'writing the CSV files', 'SIGINT', args('stopped'));
    expect(stopped.status).toBe(130);
    expect(stopped.stderr).toMatch(/zonesim: interrupted: 3 of 3 tasks are saved in stopped\/run\.sqlite; run the same command again/);
    expect(zonesim(dir, args('stopped')).status).toBe(0);
    for (const file of ['experiment.csv', 'points.csv', 'sensitivity.csv', 'prim.csv']) {
      expect(readFileSync(path.join(dir, 'stopped', file), 'utf8'), file).toBe(readFileSync(path.join(dir, 'reference', file), 'utf8'));
    }
    const manifest = (folder: string) => JSON.parse(readFileSync(path.join(dir, folder, 'manifest.json'), 'utf8'));
    expect(manifest('stopped')).toEqual(manifest('reference'));
  });
});
