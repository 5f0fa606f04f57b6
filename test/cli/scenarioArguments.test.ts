/**
 * Scenario arguments and run folders of `zonesim compare` / `run` / `validate`: bundled names as
 * `zonesim list` prints them, did-you-mean for missing files, readable default run folders (with a
 * hash only to break ties), and resuming a run started under the earlier hash-named folder.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScenarioDir, bundledScenarioFiles, defaultCompareDir, legacyCompareDir, main } from '../../src/cli/main.ts';
import { resolveScenarioArgument } from '../../src/cli/scenarioArguments.ts';
import { removeScratchDirs, scratchDir, smallScenarioText } from '../runner/runnerHelpers.ts';
import { REPORT_DATA_FILE } from '../../src/report/reportData.ts';

afterAll(() => removeScratchDirs());

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('scenario arguments', () => {
  const bundled = bundledScenarioFiles();

  it('every name zonesim list prints resolves to its bundled file', async () => {
    const list = await cli(['list']);
    expect(list.code).toBe(0);
    const names = list.out.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(names.length).toBe(bundled.length);
    const elsewhere = scratchDir('zonesim-args-');
    for (const name of names) {
      expect(resolveScenarioArgument(name, bundled, elsewhere)).toBe(path.join(bundledScenarioDir, `${name}.yaml`));
      expect(resolveScenarioArgument(`${name}.yaml`, bundled, elsewhere)).toBe(path.join(bundledScenarioDir, `${name}.yaml`));
    }
  });

  it('prefers an existing file, and a bundled name over a folder of the same name', () => {
    const dir = scratchDir('zonesim-args-');
    writeFileSync(path.join(dir, 'baseline.yaml'), smallScenarioText('baseline', 3));
    expect(resolveScenarioArgument('baseline.yaml', bundled, dir)).toBe('baseline.yaml');
    mkdirSync(path.join(dir, 'no-zones'));
    expect(resolveScenarioArgument('no-zones', bundled, dir)).toBe(path.join(bundledScenarioDir, 'no-zones.yaml'));
  });

  it('suggests the closest file of the folder or bundled name for a missing file, in one line', () => {
    const dir = scratchDir('zonesim-args-');
    mkdirSync(path.join(dir, 'mine'));
    writeFileSync(path.join(dir, 'mine', 'few-zones.yaml'), smallScenarioText('few-zones', 3));
    expect(() => resolveScenarioArgument('mine/few-zone.yaml', bundled, dir)).toThrow(
      `mine/few-zone.yaml: expected a scenario file or a bundled scenario name, found no such file or bundled scenario; did you mean ${path.join('mine', 'few-zones.yaml')}?`,
    );
    expect(() => resolveScenarioArgument('nozones', bundled, dir)).toThrow(/; did you mean no-zones\?$/);
    expect(() => resolveScenarioArgument('baselin.yaml', bundled, dir)).toThrow(/; did you mean baseline\?$/);
    expect(() => resolveScenarioArgument('zzzzzzzz', bundled, dir)).toThrow(/found no such file or bundled scenario \(see zonesim list for the bundled scenarios\)$/);
    // A name with a line break is quoted: the message stays on one line.
    expect(() => resolveScenarioArgument('a\nb.yaml', bundled, dir)).toThrow(/^"a\\nb\.yaml": expected a scenario file/);
  });

  it('passes an existing entry to the loader even when it cannot be read (a link loop), so the loader names the problem', () => {
    const dir = scratchDir('zonesim-args-');
    symlinkSync(path.join(dir, 'loop.yaml'), path.join(dir, 'loop.yaml'));
    expect(resolveScenarioArgument('loop.yaml', bundled, dir)).toBe('loop.yaml');
  });

  it('zonesim validate and compare accept bundled names; a typo exits 1 with the suggestion', async () => {
    const validate = await cli(['validate', 'baseline', 'no-zones']);
    expect(validate.code, validate.err).toBe(0);
    expect(validate.out).toBe(`ok ${path.join(bundledScenarioDir, 'baseline.yaml')} (baseline)\nok ${path.join(bundledScenarioDir, 'no-zones.yaml')} (no-zones)\n`);
    const typo = await cli(['compare', 'baseline', 'no-zone', '--reps', '1']);
    expect(typo.code).toBe(1);
    expect(typo.err).toBe('zonesim: no-zone: expected a scenario file or a bundled scenario name, found no such file or bundled scenario; did you mean no-zones?\n');
  });

  it('zonesim compare baseline no-zones runs the bundled scenarios', async () => {
    const out = path.join(scratchDir('zonesim-args-'), 'run');
    // One replication of two bundled teaching-size scenarios (about a second).
    const result = await cli(['compare', 'baseline', 'no-zones', '--reps', '1', '--out', out, '--no-report', '--quiet', '--workers', '1']);
    expect(result.code, result.err).toBe(0);
    expect(result.out.trim().split('\n').pop()).toBe(`report: ${path.join(out, REPORT_DATA_FILE)}`);
  });
});

describe('default run folders', () => {
  it('are named by the sorted scenario names, the seed and the replications', () => {
    expect(defaultCompareDir(['no-zones', 'baseline'], 2009, 30)).toBe(path.join('reports', 'baseline+no-zones_seed2009_reps30'));
    expect(defaultCompareDir(['baseline', 'no-zones'], 2009, 30)).toBe(defaultCompareDir(['no-zones', 'baseline'], 2009, 30));
    expect(defaultCompareDir(['baseline'], 7, 1)).toBe(path.join('reports', 'baseline_seed7_reps1'));
  });

  it('shorten long lists and add a hash only then, to tell lists with the same beginning apart', () => {
    const many = bundledScenarioFiles().map((f) => path.basename(f, '.yaml'));
    const long = defaultCompareDir(many, 2009, 30);
    const name = path.basename(long);
    expect(name).toMatch(/^[a-z0-9+-]+\+\d+-more_seed2009_reps30_[0-9a-f]{8}$/);
    expect(name.length).toBeLessThan(100);
    const fewer = defaultCompareDir(many.slice(0, -1), 2009, 30);
    expect(path.basename(fewer)).not.toBe(name);
    // Short lists carry no hash.
    expect(defaultCompareDir(['a', 'b'], 1, 2)).not.toMatch(/_[0-9a-f]{8}$/);
  });

  it('a run started in the earlier hash-named folder resumes there', async () => {
    const dir = scratchDir('zonesim-args-');
    const files = ['one', 'two'].map((name, i) => {
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, smallScenarioText(name, 2 + i, 60, 2));
      return file;
    });
    const legacy = legacyCompareDir(['one', 'two'], 4, 1);
    expect(legacy).toMatch(/^reports[/\\]compare-[0-9a-f]{12}$/);
    const cwd = process.cwd();
    const ci = process.env.CI;
    process.env.CI = 'true'; // the plan line without the progress bar
    process.chdir(dir);
    try {
      // Start it "under the old version": an explicit --out of the legacy folder.
      expect((await cli(['compare', ...files, '--reps', '1', '--seed', '4', '--out', legacy, '--no-report', '--quiet'])).code).toBe(0);
      const again = await cli(['compare', ...files, '--reps', '1', '--seed', '4', '--no-report']);
      expect(again.code, again.err).toBe(0);
      expect(again.err).toContain(`→ ${legacy} (all 2 already stored)`);
      // Without a legacy store the readable folder is used.
      const fresh = await cli(['compare', ...files, '--reps', '1', '--seed', '5', '--no-report']);
      expect(fresh.err).toContain(`→ ${path.join('reports', 'one+two_seed5_reps1')} (2 to run`);
    } finally {
      process.chdir(cwd);
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });
});
