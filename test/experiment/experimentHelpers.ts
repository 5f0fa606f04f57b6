/**
 * Helpers for the experiment tests: scratch folders with a small, fast base scenario (3 years,
 * 5 zones: ~10 ms a run) and experiment files built from a few lines of YAML, and the exported files
 * of an experiment folder read back for byte-for-byte comparison.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeScratchDirs, scratchDir as sharedScratchDir } from '../support/scratchDirs.ts';
import { expect } from 'vitest';
import { parseScenarioYaml } from '../../src/scenario/parseScenarioYaml.ts';
import { validateExperiment } from '../../src/experiment/validateExperiment.ts';
import type { ExperimentDefinition } from '../../src/experiment/experimentDefinition.ts';

/** A new empty scratch folder (removed by {@link removeScratchDirs}). */
export function scratchDir(prefix = 'zonesim-experiment-'): string {
  return sharedScratchDir(prefix);
}

export { removeScratchDirs };

/** A small base scenario (3 years, 5 zones, 150 projects a year, a 2009 crisis). */
export const SMALL_BASE_SCENARIO = [
  'name: small-base',
  'description: Small base scenario for experiment tests.',
  'time:',
  '  years: 3',
  'zones:',
  '  count: 5',
  'projects:',
  '  perYear: 150',
  'firms:',
  '  initialCount: 60',
  'crisis:',
  '  enabled: true',
  '',
].join('\n');

/** A valid experiment on base.yaml: two levers, one choice uncertainty, three outcomes, a design given as YAML lines. */
export function experimentText(design: string[] = ['design:', '  type: latin-hypercube', 'samples: 8'], extra: string[] = []): string {
  return [
    'name: small-experiment',
    'description: Does leverage exhaust the fund in a small province?',
    'scenario: base.yaml',
    'levers:',
    '  guarantees.leverageMultiple:',
    '    uniform: { min: 1, max: 15 }',
    '  guarantees.feeRate:',
    '    uniform: { min: 0, max: 0.05 }',
    'uncertainties:',
    '  choice.agglomeration.form:',
    '    choice: { values: [log, linear] }',
    'outcomes:',
    '  - guaranteeNetAssets',
    '  - reporter: output',
    '    statistic: mean',
    '  - zoneFirmShare',
    ...design,
    'replicationsPerPoint: 2',
    'seed: 11',
    ...extra,
    '',
  ].join('\n');
}

/** Write base.yaml and exp.yaml (with `text`) into a new scratch folder; returns the experiment file's path. */
export function writeExperiment(text: string, files: Record<string, string> = {}): string {
  const dir = scratchDir();
  writeFileSync(path.join(dir, 'base.yaml'), SMALL_BASE_SCENARIO);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  const file = path.join(dir, 'exp.yaml');
  writeFileSync(file, text);
  return file;
}

/** Validate experiment YAML text in memory (file label `exp.yaml`). */
export function validateText(text: string): ExperimentDefinition {
  const { value, locate } = parseScenarioYaml(text, 'exp.yaml');
  return validateExperiment(value, 'exp.yaml', { locate });
}

/** The message of the error validating `text` throws (fails the test when it does not throw). */
export function errorOf(text: string): string {
  try {
    validateText(text);
  } catch (error) {
    return (error as Error).message;
  }
  expect.fail('expected the experiment to be rejected');
}

/** The exported files compared byte for byte across runs (timings.json and the store excluded). */
export const COMPARED_EXPERIMENT_FILES = ['experiment.csv', 'points.csv', 'sensitivity.csv', 'prim.csv', 'manifest.json'] as const;

/** The compared exports of an experiment folder (plus experiment.html and chart images when present). */
export function readExperimentExports(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of COMPARED_EXPERIMENT_FILES) out[file] = readFileSync(path.join(dir, file), 'utf8');
  if (existsSync(path.join(dir, 'experiment.html'))) out['experiment.html'] = readFileSync(path.join(dir, 'experiment.html'), 'utf8');
  if (existsSync(path.join(dir, 'charts'))) {
    for (const file of readdirSync(path.join(dir, 'charts')).sort()) out[`charts/${file}`] = readFileSync(path.join(dir, 'charts', file)).toString('base64');
  }
  return out;
}

/** Compare two sets of exports file by file; on a difference, fail naming the file and the first differing line. */
export function expectSameExperimentExports(actual: Record<string, string>, expected: Record<string, string>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const file of Object.keys(expected)) {
    if (actual[file] === expected[file]) continue;
    const a = actual[file].split('\n');
    const b = expected[file].split('\n');
    let i = 0;
    while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
    expect.fail(`${file} differs at line ${i + 1}:\n  actual:   ${a[i]?.slice(0, 300)}\n  expected: ${b[i]?.slice(0, 300)}`);
  }
}

/** Provenance for experiment runs in tests. */
export const testProvenance = { zonesimVersion: 'test', gitCommit: null, command: 'vitest' };
