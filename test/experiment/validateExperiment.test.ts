/**
 * Experiment files: a valid file gives the expected definition; every mistake gives one line naming
 * the file, the line, the field path, what was expected and what was found (with a did-you-mean hint
 * where one helps); the committed JSON Schema is fresh; the bundled experiments load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperimentFile } from '../../src/experiment/loadExperimentFile.ts';
import { buildExperimentJsonSchema, EXPERIMENT_SCHEMA_PATH, renderExperimentJsonSchema } from '../../src/experiment/experimentSchema.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { errorOf, experimentText, removeScratchDirs, validateText, writeExperiment } from './experimentHelpers.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
afterAll(removeScratchDirs);

/** experimentText with one line replaced. */
function withLine(from: string, to: string, text = experimentText()): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('validateExperiment: a valid file', () => {
  it('gives levers then uncertainties, outcomes with their column names, the design and the defaults', () => {
    const definition = validateText(experimentText());
    expect(definition.name).toBe('small-experiment');
    expect(definition.factors.map((f) => [f.name, f.role, f.distribution.kind])).toEqual([
      ['guarantees.leverageMultiple', 'lever', 'uniform'],
      ['guarantees.feeRate', 'lever', 'uniform'],
      ['choice.agglomeration.form', 'uncertainty', 'choice'],
    ]);
    expect(definition.factors[0].distribution).toEqual({ kind: 'uniform', lower: 1, upper: 15 });
    expect(definition.outcomes).toEqual([
      { name: 'guaranteeNetAssets', reporter: 'guaranteeNetAssets', statistic: 'final' },
      { name: 'output_mean', reporter: 'output', statistic: 'mean' },
      { name: 'zoneFirmShare', reporter: 'zoneFirmShare', statistic: 'final' },
    ]);
    expect(definition.design).toEqual({ type: 'latin-hypercube', samples: 8 });
    expect(definition.replicationsPerPoint).toBe(2);
    expect(definition.seed).toBe(11);
    expect(definition.scenarioDiscovery).toBeNull();
  });

  it('reads every distribution, truncating an unbounded normal at the parameter’s range', () => {
    const text = withLine(
      '  guarantees.feeRate:\n    uniform: { min: 0, max: 0.05 }',
      [
        '  guarantees.feeRate:',
        '    normal: { mean: 0.02, sd: 0.01 }',
        '  guarantees.recoveryRate:',
        '    triangular: { min: 0, mode: 0.3, max: 0.6 }',
        '  zones.count:',
        '    integer: { min: 4, max: 16 }',
        '  credit.enabled:',
        '    choice: { values: [true, false] }',
      ].join('\n'),
    );
    const factors = validateText(text).factors;
    expect(factors.map((f) => f.distribution)).toEqual([
      { kind: 'uniform', lower: 1, upper: 15 },
      { kind: 'normal', mean: 0.02, standardDeviation: 0.01, lower: 0, upper: 1 },
      { kind: 'triangular', lower: 0, mode: 0.3, upper: 0.6 },
      { kind: 'integer', lower: 4, upper: 16 },
      { kind: 'choice', values: [true, false] },
      { kind: 'choice', values: ['log', 'linear'] },
    ]);
  });

  it('reads each design type with its defaults, and scenario discovery', () => {
    expect(validateText(experimentText(['design: full-factorial'])).design).toEqual({ type: 'full-factorial', levels: 3 });
    expect(validateText(experimentText(['design:', '  type: morris', '  trajectories: 5'])).design).toEqual({ type: 'morris', trajectories: 5, levels: 4, candidates: null });
    expect(validateText(experimentText(['design:', '  type: sobol', '  baseSamples: 64'])).design).toEqual({ type: 'sobol', baseSamples: 64 });
    expect(validateText(experimentText(['design:', '  type: csv', '  file: d.csv'])).design).toEqual({ type: 'csv', file: 'd.csv' });
    const discovery = validateText(experimentText(undefined, ['scenarioDiscovery:', '  outcome: guaranteeNetAssets', '  threshold: 900', '  direction: below'])).scenarioDiscovery;
    expect(discovery).toEqual({ outcome: 'guaranteeNetAssets', threshold: 900, direction: 'below', peelingAlpha: 0.05, minimumSupport: 0.05, minimumDensity: null });
  });
});

describe('validateExperiment: one-line errors', () => {
  it('an unknown lever path, with the parameter it probably means', () => {
    const message = errorOf(withLine('  guarantees.leverageMultiple:', '  guarantees.leverageMultipel:'));
    expect(message).toBe(
      'exp.yaml: line 5: levers.guarantees.leverageMultipel: expected the dotted path of a model parameter (see docs/parameters.md), ' +
        'found unknown parameter "guarantees.leverageMultipel" (did you mean "guarantees.leverageMultiple"?)',
    );
  });

  it('a parameter name without its group, and a group written as nested keys', () => {
    expect(errorOf(withLine('  guarantees.feeRate:', '  feeRate:'))).toContain('(did you mean "guarantees.feeRate"?)');
    const nested = withLine('  guarantees.feeRate:\n    uniform: { min: 0, max: 0.05 }', '  guarantees:\n    feeRate:\n      uniform: { min: 0, max: 0.05 }');
    expect(errorOf(nested)).toContain('found unknown parameter "guarantees" (write the dotted path of one parameter, e.g. "guarantees.feeRate")');
  });

  it('a range outside the parameter’s allowed range', () => {
    expect(errorOf(withLine('uniform: { min: 1, max: 15 }', 'uniform: { min: 1, max: 20 }'))).toBe(
      'exp.yaml: line 6: levers.guarantees.leverageMultiple.uniform.max: expected a number in [1, 15] (the allowed range of guarantees.leverageMultiple), found 20',
    );
    expect(errorOf(withLine('uniform: { min: 0, max: 0.05 }', 'uniform: { min: -0.01, max: 0.05 }'))).toContain(
      'levers.guarantees.feeRate.uniform.min: expected a number in [0, 1] (the allowed range of guarantees.feeRate), found -0.01',
    );
  });

  it('a bad distribution: unknown, misspelt field, reversed bounds, wrong kind for the parameter', () => {
    expect(errorOf(withLine('uniform: { min: 1, max: 15 }', 'unifrom: { min: 1, max: 15 }'))).toBe(
      'exp.yaml: line 6: levers.guarantees.leverageMultiple.unifrom: expected a distribution: uniform, normal, triangular, integer, choice, ' +
        'found unknown distribution "unifrom" (did you mean "uniform"?)',
    );
    expect(errorOf(withLine('uniform: { min: 1, max: 15 }', 'uniform: { min: 1, maxi: 15 }'))).toContain(
      'levers.guarantees.leverageMultiple.uniform.maxi: expected one of the keys of a uniform distribution (min, max), found unknown key "maxi" (did you mean "max"?)',
    );
    expect(errorOf(withLine('uniform: { min: 1, max: 15 }', 'uniform: { min: 9, max: 2 }'))).toContain(
      'levers.guarantees.leverageMultiple.uniform.max: expected a number greater than min (9), found 2',
    );
    expect(errorOf(withLine('choice: { values: [log, linear] }', 'uniform: { min: 0, max: 1 }'))).toContain(
      'uncertainties.choice.agglomeration.form.uniform: expected choice: { values: [...] } (choice.agglomeration.form is a choice), found a uniform distribution',
    );
    expect(errorOf(withLine('choice: { values: [log, linear] }', 'choice: { values: [log, lineer] }'))).toContain(
      'uncertainties.choice.agglomeration.form.choice.values[1]: expected one of "log", "linear", "bounded" (the choices of choice.agglomeration.form), found "lineer" (did you mean "linear"?)',
    );
    const integer = withLine('  guarantees.feeRate:\n    uniform: { min: 0, max: 0.05 }', '  zones.count:\n    uniform: { min: 2, max: 9 }');
    expect(errorOf(integer)).toContain('levers.zones.count.uniform: expected integer: { min, max } or choice: { values } (zones.count is an integer parameter), found a uniform distribution (write integer: { min: …, max: … })');
  });

  it('a bad design: unknown type, odd Morris levels, Sobol’ base samples not a power of two, missing or superfluous samples', () => {
    expect(errorOf(experimentText(['design: latin-hypercub']))).toBe(
      'exp.yaml: line 17: design: expected one of "full-factorial", "monte-carlo", "latin-hypercube", "morris", "sobol", "csv", found "latin-hypercub" (did you mean "latin-hypercube"?)',
    );
    expect(errorOf(experimentText(['design:', '  type: morris', '  trajectories: 5', '  levels: 3']))).toContain(
      'design.levels: expected an even integer in [2, 1000] (the Morris jump is half the grid), found 3',
    );
    expect(errorOf(experimentText(['design:', '  type: sobol', '  baseSamples: 1000']))).toContain(
      'design.baseSamples: expected a power of two from 2 to 1048576 (the Sobol’ sequence is balanced at powers of two), found 1000 (e.g. 1024)',
    );
    expect(errorOf(experimentText(['design: monte-carlo']))).toContain('samples: expected the number of design points of the monte-carlo design, an integer ≥ 2, found nothing (the key is missing)');
    expect(errorOf(experimentText(['design: morris', 'samples: 10']))).toContain('samples: expected no samples for a morris design (its size is trajectories × (factors + 1)), found 10 (remove samples)');
    expect(errorOf(experimentText(['design:', '  type: sobol', '  baseSample: 64']))).toContain('design.baseSample: expected one of the keys of a sobol design (type, baseSamples), found unknown key "baseSample" (did you mean "baseSamples"?)');
  });

  it('unknown top-level keys, outcomes and scenario discovery', () => {
    expect(errorOf(withLine('seed: 11', 'sed: 11'))).toBe('exp.yaml: line 21: sed: expected a known key of an experiment file, found unknown key "sed" (did you mean "seed"?)');
    expect(errorOf(withLine('  - zoneFirmShare', '  - zoneFirmShar'))).toContain('outcomes[2]: expected the name of a province reporter of src/outcomes/reporters.ts, found unknown reporter "zoneFirmShar" (did you mean "zoneFirmShare"?)');
    expect(errorOf(withLine('  - zoneFirmShare', '  - zoneFirms'))).toContain('outcomes[2]: expected a province reporter (one number per run), found "zoneFirms", a zone reporter (one number per zone)');
    expect(validateText(withLine('  - zoneFirmShare', '  - output')).outcomes.map((o) => o.name)).toEqual(['guaranteeNetAssets', 'output_mean', 'output']);
    expect(errorOf(withLine('  - zoneFirmShare', '  - guaranteeNetAssets'))).toContain('outcomes[2]: expected an outcome name used once, found "guaranteeNetAssets" again (also outcomes[0]) (give one of them a name)');
    const discovery = experimentText(undefined, ['scenarioDiscovery:', '  outcome: guaranteeNetAsset', '  threshold: 900', '  direction: below']);
    expect(errorOf(discovery)).toContain('scenarioDiscovery.outcome: expected the name of one of the experiment\'s outcomes (guaranteeNetAssets, output_mean, zoneFirmShare), found "guaranteeNetAsset" (did you mean "guaranteeNetAssets"?)');
    const direction = experimentText(undefined, ['scenarioDiscovery:', '  outcome: guaranteeNetAssets', '  threshold: 900', '  direction: at-or-below']);
    expect(errorOf(direction)).toContain('(did you mean "atOrBelow"?)');
  });

  it('a parameter varied twice, no factor at all, a list parameter', () => {
    expect(errorOf(withLine('  choice.agglomeration.form:\n    choice: { values: [log, linear] }', '  guarantees.feeRate:\n    uniform: { min: 0, max: 0.01 }'))).toContain(
      'uncertainties.guarantees.feeRate: expected a parameter varied only once, found guarantees.feeRate again (it is already a lever)',
    );
    const none = 'name: x\ndescription: y\nscenario: base.yaml\noutcomes: [output]\ndesign: full-factorial\n';
    expect(errorOf(none)).toBe('exp.yaml: expected at least one lever or uncertainty (levers: or uncertainties: with parameter paths and distributions), found none');
    expect(errorOf(withLine('  guarantees.feeRate:', '  projects.industryWeights:'))).toContain('found projects.industryWeights, a list of numbers (set it in the base scenario instead)');
  });

  it('every message is one line', () => {
    const messages = [
      errorOf(withLine('description: Does leverage exhaust the fund in a small province?', 'description: "two\\nlines"')),
      errorOf('- a list\n'),
      errorOf(withLine('name: small-experiment', 'name: Small Experiment')),
    ];
    for (const message of messages) expect(message).not.toMatch(/[\r\n]/);
    expect(messages[2]).toContain('(did you mean "small-experiment"?)');
  });

  it('limits the name like a scenario name (64 characters, no Windows device name; issue 11, D6)', () => {
    expect(errorOf(withLine('name: small-experiment', `name: ${'a'.repeat(65)}`))).toMatch(
      /exp\.yaml: line 1: name: expected a kebab-case experiment name of at most 64 characters .*, found "a+…" \(this one has 65\)$/,
    );
    expect(errorOf(withLine('name: small-experiment', 'name: nul'))).toContain('found "nul" (a device name on Windows, which cannot be a file name there)');
    expect(validateText(withLine('name: small-experiment', `name: ${'a'.repeat(64)}`)).name).toBe('a'.repeat(64));
  });
});

describe('loadExperimentFile', () => {
  it('reports a missing base scenario at the scenario line, and a bad base scenario in its own file', async () => {
    const missing = writeExperiment(withLine('scenario: base.yaml', 'scenario: nope.yaml'));
    await expect(loadExperimentFile(missing)).rejects.toThrow(/exp\.yaml: line 3: scenario: expected an existing regular file of at most 1 MiB: the base scenario \(paths are relative to the experiment file\), found no such file ".*nope\.yaml"/);
    const bad = writeExperiment(experimentText(), { 'base.yaml': 'name: base\ndescription: x\nzones:\n  cont: 3\n' });
    await expect(loadExperimentFile(bad)).rejects.toThrow(/base\.yaml: line 4: zones\.cont: expected a known key of zones/);
  });

  it('checks CSV designs against the factors and every design point against the scenario rules', async () => {
    const csv = experimentText(['design:', '  type: csv', '  file: d.csv']);
    const good = writeExperiment(csv, { 'd.csv': 'guarantees.feeRate,guarantees.leverageMultiple,choice.agglomeration.form\n0.01,3,0\n0.02,12,1\n' });
    const loaded = await loadExperimentFile(good);
    expect(loaded.plan.design.values).toEqual([
      [3, 0.01, 'log'],
      [12, 0.02, 'linear'],
    ]);
    const outside = writeExperiment(csv, { 'd.csv': 'guarantees.feeRate,guarantees.leverageMultiple,choice.agglomeration.form\n0.01,30,0\n' });
    await expect(loadExperimentFile(outside)).rejects.toThrow(/d\.csv: line 2: factor "guarantees\.leverageMultiple": expected a number in \[1, 15\] \(the allowed range of guarantees\.leverageMultiple\), found 30/);
    const index = writeExperiment(csv, { 'd.csv': 'guarantees.feeRate,guarantees.leverageMultiple,choice.agglomeration.form\n0.01,3,2\n' });
    await expect(loadExperimentFile(index)).rejects.toThrow(/expected the 0-based index of one of the choices \(0 to 1: log, linear\), found 2/);
    const rules = writeExperiment(
      withLine('  guarantees.feeRate:\n    uniform: { min: 0, max: 0.05 }', '  industries.count:\n    integer: { min: 2, max: 20 }'),
    );
    await expect(loadExperimentFile(rules)).rejects.toThrow(/exp\.yaml: line 7: design point \d+ \(.*industries\.count = \d.*\): industries\.supplyChains: expected at most industries\.count/);
  });

  it('refuses design points whose industries.count differs from the size of the base scenario’s relatedness CSV (issue 11, D1)', async () => {
    // Before: --dry-run said ok; with 2 industries the model took the first 4 numbers of the 3×3
    // matrix in row order (a wrong, asymmetric matrix) and exited 0, with 4 it exited 70.
    const base = [
      'name: three-industries',
      'description: Three industries with a proximity matrix read from CSV',
      'time:',
      '  years: 2',
      'industries:',
      '  count: 3',
      '  supplyChains: 1',
      '  relatednessFile: r.csv',
      'zones:',
      '  count: 2',
      '  leadingIndustriesPerZone: 1',
      '',
    ].join('\n');
    const csv = 'A,B,C\n1,0.7,0.1\n0.7,1,0.05\n0.1,0.05,1\n';
    const varied = (values: string): string =>
      withLine('  guarantees.feeRate:\n    uniform: { min: 0, max: 0.05 }', `  industries.count:\n    choice: { values: [${values}] }`);
    for (const values of ['3, 2', '3, 4']) {
      const file = writeExperiment(varied(values), { 'base.yaml': base, 'r.csv': csv });
      const message = await loadExperimentFile(file).then(
        () => expect.fail(`count ${values} accepted`),
        (error: unknown) => {
          expect(error).toBeInstanceOf(ScenarioError);
          return (error as Error).message;
        },
      );
      expect(message).not.toContain('\n');
      // The experiment file, the factor's line, the design point, the field, the CSV and its size.
      expect(message).toMatch(
        new RegExp(
          String.raw`exp\.yaml: line 7: design point \d+ \(.*industries\.count = ${values.split(', ')[1]}.*\): industries\.count: ` +
            String.raw`expected 3 \(the size of the 3×3 relatedness matrix .*r\.csv named by industries\.relatednessFile in .*base\.yaml\), found ${values.split(', ')[1]}`,
        ),
      );
    }
    // A design that keeps the matrix's size is fine.
    const same = writeExperiment(varied('3'), { 'base.yaml': base, 'r.csv': csv });
    await expect(loadExperimentFile(same)).rejects.toThrow(/at least 2 values/);
  });

  it('loads the bundled experiments; the Sobol’ one has at least 10,000 runs of 8 levers', async () => {
    const sizes: Record<string, number> = {};
    for (const name of ['guarantee-fund-risk', 'speech-levers-morris', 'sobol-8-levers']) {
      const { plan } = await loadExperimentFile(path.join(root, 'scenarios', 'experiments', `${name}.yaml`));
      expect(plan.definition.name).toBe(name);
      sizes[name] = plan.taskCount;
      if (name === 'sobol-8-levers') {
        expect(plan.definition.factors).toHaveLength(8);
        expect(plan.definition.design.type).toBe('sobol');
      }
    }
    expect(sizes['sobol-8-levers']).toBeGreaterThanOrEqual(10_000);
    expect(sizes).toEqual({ 'guarantee-fund-risk': 1000, 'speech-levers-morris': 240, 'sobol-8-levers': 10240 });
  });

  it('throws ScenarioError (printed as one line by the CLI) for every file problem', async () => {
    await expect(loadExperimentFile('/nonexistent/exp.yaml')).rejects.toBeInstanceOf(ScenarioError);
  });
});

describe('experiment JSON Schema', () => {
  it('is committed and fresh (if not: tsx src/experiment/generateExperimentSchema.ts)', () => {
    expect(readFileSync(path.join(root, EXPERIMENT_SCHEMA_PATH), 'utf8')).toBe(renderExperimentJsonSchema());
  });

  it('offers every variable parameter path and the province reporters', () => {
    const schema = buildExperimentJsonSchema() as { definitions: Record<string, { properties?: Record<string, unknown>; enum?: string[] }>; required: string[] };
    expect(schema.required).toEqual(['name', 'description', 'scenario', 'outcomes', 'design']);
    expect(Object.keys(schema.definitions.factors.properties ?? {})).toContain('guarantees.leverageMultiple');
    expect(Object.keys(schema.definitions.factors.properties ?? {})).not.toContain('projects.industryWeights');
    expect(schema.definitions.reporter.enum).toContain('guaranteeFundExhausted');
    expect(schema.definitions.reporter.enum).not.toContain('zoneFirms');
  });
});
