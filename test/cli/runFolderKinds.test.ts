/**
 * A run folder belongs to one analysis (issue 11, D10): an experiment run into a comparison's folder,
 * or a comparison into an experiment's (or another experiment into an experiment's, D3), is refused in one line with exit 1 and leaves the other's
 * manifest.json and store as they were — also when the folder's store is gone but its outputs are
 * still there (before: exit 0 and the other's manifest.json overwritten).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { SMALL_BASE_SCENARIO } from '../experiment/experimentHelpers.ts';
import { removeScratchDirs, scratchDir } from '../runner/runnerHelpers.ts';

afterAll(removeScratchDirs);

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: () => undefined, err: (s) => (err += s) });
  return { code, err };
}

describe('one analysis per run folder', () => {
  let dir: string;
  let comparisonArgs: (out: string) => string[];
  let experimentArgs: (out: string) => string[];

  beforeAll(() => {
    dir = scratchDir();
    writeFileSync(path.join(dir, 'base.yaml'), SMALL_BASE_SCENARIO);
    writeFileSync(
      path.join(dir, 'exp.yaml'),
      ['name: tiny', 'description: A tiny experiment.', 'scenario: base.yaml', 'levers:', '  guarantees.leverageMultiple:', '    uniform: { min: 1, max: 15 }', 'outcomes:', '  - guaranteeNetAssets', 'design:', '  type: latin-hypercube', 'samples: 2', 'replicationsPerPoint: 1', 'seed: 3', ''].join('\n'),
    );
    comparisonArgs = (out) => ['run', path.join(dir, 'base.yaml'), '--reps', '1', '--workers', '1', '--out', out, '--quiet', '--no-report'];
    experimentArgs = (out) => ['experiment', path.join(dir, 'exp.yaml'), '--workers', '1', '--out', out, '--quiet', '--no-report'];
  });

  it('refuses an experiment in a comparison’s folder and the reverse, leaving manifest.json unchanged', async () => {
    const comparison = path.join(dir, 'comparison');
    const experiment = path.join(dir, 'experiment');
    expect((await cli(...comparisonArgs(comparison))).code).toBe(0);
    expect((await cli(...experimentArgs(experiment))).code).toBe(0);
    const comparisonManifest = readFileSync(path.join(comparison, 'manifest.json'), 'utf8');
    const experimentManifest = readFileSync(path.join(experiment, 'manifest.json'), 'utf8');

    const intoComparison = await cli(...experimentArgs(comparison));
    expect(intoComparison).toEqual({ code: 1, err: `zonesim: ${comparison}: holds a comparison run; choose another --out folder for this experiment\n` });
    const intoExperiment = await cli(...comparisonArgs(experiment));
    expect(intoExperiment).toEqual({ code: 1, err: `zonesim: ${experiment}: holds an experiment run; choose another --out folder for this comparison\n` });
    expect(readFileSync(path.join(comparison, 'manifest.json'), 'utf8')).toBe(comparisonManifest);
    expect(readFileSync(path.join(experiment, 'manifest.json'), 'utf8')).toBe(experimentManifest);
  });

  it('refuses an experiment of another name in an experiment’s folder, leaving its tasks (issue 11, D3)', async () => {
    const folder = path.join(dir, 'tiny-folder');
    expect((await cli(...experimentArgs(folder))).code).toBe(0);
    const manifest = readFileSync(path.join(folder, 'manifest.json'), 'utf8');
    writeFileSync(path.join(dir, 'other.yaml'), readFileSync(path.join(dir, 'exp.yaml'), 'utf8').replace('name: tiny', 'name: other'));
    const refused = await cli('experiment', path.join(dir, 'other.yaml'), '--workers', '1', '--out', folder, '--quiet', '--no-report');
    expect(refused).toEqual({
      code: 1,
      err: `zonesim: ${folder}: holds experiment "tiny" (2 stored tasks), not "other"; choose another --out folder, or delete ${folder} to start again\n`,
    });
    expect(readFileSync(path.join(folder, 'manifest.json'), 'utf8')).toBe(manifest);
  });

  it('refuses a folder that holds another run’s outputs but no store (run.sqlite deleted)', async () => {
    const comparison = path.join(dir, 'storeless');
    expect((await cli(...comparisonArgs(comparison))).code).toBe(0);
    const manifest = readFileSync(path.join(comparison, 'manifest.json'), 'utf8');
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        unlinkSync(path.join(comparison, `run.sqlite${suffix}`));
      } catch {
        // no WAL files after a clean close
      }
    }
    const refused = await cli(...experimentArgs(comparison));
    expect(refused).toEqual({
      code: 1,
      err: `zonesim: ${comparison}: holds the outputs of another run (manifest.json) but no run store; choose another --out folder for this experiment, or delete ${comparison}\n`,
    });
    expect(readFileSync(path.join(comparison, 'manifest.json'), 'utf8')).toBe(manifest);
  });
});
