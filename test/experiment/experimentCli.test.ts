/**
 * `zonesim experiment` and `zonesim merge` on the command line (in process): a run, a dry run,
 * shards and their merge, and one-line errors with exit code 1 for bad files, options and merges.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultExperimentDir, main } from '../../src/cli/main.ts';
import { experimentText, removeScratchDirs, scratchDir, writeExperiment } from './experimentHelpers.ts';

afterAll(removeScratchDirs);

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const TEXT = experimentText(['design: latin-hypercube', 'samples: 4']);

describe('zonesim experiment / merge', () => {
  it('--dry-run validates and prints the design size and the output folder', async () => {
    const file = writeExperiment(TEXT);
    const { code, out } = await cli('experiment', file, '--dry-run', '--shard', '2/3');
    expect(code).toBe(0);
    expect(out).toBe(
      `ok ${file} (small-experiment): Latin hypercube design (each factor's range cut into 4 strata, one point in each): 4 points × 2 replications = 8 model runs. ` +
        `Shard 2/3: 3 tasks. Output folder: ${defaultExperimentDir('small-experiment', { index: 2, count: 3 })}.\n`,
    );
    expect(defaultExperimentDir('x', null)).toBe(path.join('reports', 'experiments', 'x'));
  });

  it('runs an experiment, and shards that merge into the same files', async () => {
    const file = writeExperiment(TEXT);
    const dir = scratchDir();
    const single = await cli('experiment', file, '--out', path.join(dir, 'single'), '--workers', '1', '--quiet', '--no-report');
    expect(single.code, single.err).toBe(0);
    expect(single.out).toBe(`report: ${path.join(dir, 'single', 'manifest.json')}\n`);
    expect(single.err).toMatch(/^zonesim: ran 8 tasks in [\d.]+ s \([\d.]+ runs\/s on 1 worker\(s\)\); results in /);
    for (const i of [1, 2]) {
      const shard = await cli('experiment', file, '--shard', `${i}/2`, '--out', path.join(dir, `s${i}`), '--workers', '1', '-q');
      expect(shard.code, shard.err).toBe(0);
      expect(shard.out).toContain(`shard: ${path.join(dir, `s${i}`, 'run.sqlite')}`);
      expect(existsSync(path.join(dir, `s${i}`, 'experiment.csv'))).toBe(false);
    }
    const merged = await cli('merge', path.join(dir, 's1'), path.join(dir, 's2'), '--out', path.join(dir, 'merged'), '--no-report', '-q');
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toBe(`report: ${path.join(dir, 'merged', 'manifest.json')}\n`);
    for (const f of ['experiment.csv', 'points.csv', 'sensitivity.csv', 'prim.csv', 'manifest.json']) {
      expect(readFileSync(path.join(dir, 'merged', f), 'utf8'), f).toBe(readFileSync(path.join(dir, 'single', f), 'utf8'));
    }
  });

  it('reports bad files, options and merges in one line with exit code 1', async () => {
    const bad = writeExperiment(TEXT.replace('guarantees.leverageMultiple:', 'guarantees.leverageMultipel:'));
    const invalid = await cli('experiment', bad, '--dry-run');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^zonesim: .*exp\.yaml: line 5: levers\.guarantees\.leverageMultipel: .*\(did you mean "guarantees\.leverageMultiple"\?\)\n$/);
    const shard = await cli('experiment', writeExperiment(TEXT), '--shard', '4/3');
    expect(shard.code).toBe(1);
    expect(shard.err).toBe('zonesim: --shard: expected i/n with 1 ≤ i ≤ n ≤ 100000 (e.g. 2/8), found "4/3"\n');
    const dir = scratchDir();
    const merge = await cli('merge', path.join(dir, 'missing'), '--out', path.join(dir, 'm'));
    expect(merge.code).toBe(1);
    expect(merge.err).toBe(`zonesim: merge: ${path.join(dir, 'missing')}: expected a shard folder with run.sqlite, found none\n`);
    const noOut = await cli('merge', path.join(dir, 'missing'));
    expect(noOut.code).toBe(2);
  });
});
