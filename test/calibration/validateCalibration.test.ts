/**
 * Calibration files: a valid file validates to the expected definition (defaults filled in), and
 * every kind of mistake is one line naming the file, the line, the field, what was expected and what
 * was found. Also the committed JSON Schema is fresh and lists every reporter and free parameter.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCalibrationJsonSchema, CALIBRATION_SCHEMA_PATH, renderCalibrationJsonSchema } from '../../src/calibration/calibrationSchema.ts';
import { defaultCalibrationMethod } from '../../src/calibration/calibrationFileFields.ts';
import { loadCalibrationFile } from '../../src/calibration/loadCalibrationFile.ts';
import { calibratableParameterPaths, validateCalibration } from '../../src/calibration/validateCalibration.ts';
import { reporters } from '../../src/outcomes/reporters.ts';
import { parseScenarioYaml } from '../../src/scenario/parseScenarioYaml.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';

afterAll(removeScratchDirs);

const VALID = [
  'name: small-calibration', // 1
  'description: Exit hazard and outside utility from two figures.', // 2
  'scenario: base.yaml', // 3
  'parameters:', // 4
  '  firms.exitHazard:', // 5
  '    logUniform: { min: 0.01, max: 0.2 }', // 6
  '  choice.outside.utility:', // 7
  '    normal: { mean: 3, sd: 1 }', // 8
  'targets:', // 9
  '  - name: firms-2011', // 10
  '    figure: 700', // 11
  '    tolerance: 0.1', // 12
  '    model: { reporter: firms, end: 2011 }', // 13
  '  - name: zone-output', // 14
  '    figure: 0.4', // 15
  '    kind: lowerBound', // 16
  '    scale: relative', // 17
  '    tolerance: 0.05', // 18
  '    model:', // 19
  '      ratio:', // 20
  '        - { reporter: zoneOutput, aggregate: sum, end: 2011 }', // 21
  '        - { reporter: output, end: 2011 }', // 22
  '  - name: big-zones', // 23
  '    figure: 2', // 24
  '    scale: absolute', // 25
  '    tolerance: 1', // 26
  '    holdOut: true', // 27
  '    model: { reporter: zoneOutput, aggregate: { countAbove: 5000 }, year: 2012 }', // 28
  'method:', // 29
  '  populationSize: 50', // 30
  '  maxSimulations: 1000', // 31
];

function validate(lines: readonly string[]) {
  const text = lines.join('\n');
  const { value, locate } = parseScenarioYaml(text, 'c.yaml');
  return validateCalibration(value, 'c.yaml', { locate });
}

/** The message of validating `lines` with line `line` (1-based) replaced by `replacement` (or removed when null). */
function errorWith(line: number, replacement: string | string[] | null): string {
  const lines = [...VALID];
  lines.splice(line - 1, 1, ...(replacement === null ? [] : Array.isArray(replacement) ? replacement : [replacement]));
  try {
    validate(lines);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('validateCalibration', () => {
  it('validates a file into its definition, with the documented defaults', () => {
    const definition = validate(VALID);
    expect(definition.parameters).toEqual([
      { name: 'firms.exitHazard', prior: { kind: 'logUniform', lower: 0.01, upper: 0.2 }, unit: '1/year' },
      // The normal prior is cut to the parameter's allowed range [−100, 100].
      { name: 'choice.outside.utility', prior: { kind: 'normal', mean: 3, standardDeviation: 1, lower: -100, upper: 100 }, unit: 'utils' },
    ]);
    expect(definition.targets[0]).toEqual({
      name: 'firms-2011',
      figure: 700,
      kind: 'point',
      scale: 'log',
      tolerance: 0.1,
      weight: 1,
      holdOut: false,
      source: null,
      contrast: null,
      statistic: { type: 'reporter', reporter: 'firms', scope: 'province', selection: null, time: { kind: 'at', date: { end: 2011 } } },
    });
    expect(definition.targets[1].statistic).toEqual({
      type: 'ratio',
      operands: [
        { type: 'reporter', reporter: 'zoneOutput', scope: 'zone', selection: { kind: 'aggregate', aggregate: 'sum', threshold: null }, time: { kind: 'at', date: { end: 2011 } } },
        { type: 'reporter', reporter: 'output', scope: 'province', selection: null, time: { kind: 'at', date: { end: 2011 } } },
      ],
    });
    expect(definition.targets[2].statistic).toMatchObject({ selection: { kind: 'aggregate', aggregate: 'countAbove', threshold: 5000 }, time: { kind: 'at', date: { year: 2012 } } });
    expect(definition.method).toEqual({ ...defaultCalibrationMethod(), populationSize: 50, maxSimulations: 1000 });
  });

  it('names file, line and field in one line for every kind of mistake', () => {
    expect(errorWith(5, '  firms.exitHazrd:')).toBe(
      'c.yaml: line 5: parameters.firms.exitHazrd: expected the dotted path of a model parameter (see docs/parameters.md), found unknown parameter "firms.exitHazrd" (did you mean "firms.exitHazard"?)',
    );
    expect(errorWith(6, '    logUniform: { min: 0, max: 0.2 }')).toBe(
      'c.yaml: line 6: parameters.firms.exitHazard.logUniform.min: expected a number greater than 0 (a log-uniform prior lives on positive numbers), found 0',
    );
    expect(errorWith(6, '    uniform: { min: 0.01, max: 2 }')).toMatch(/^c\.yaml: line 6: parameters\.firms\.exitHazard\.uniform\.max: expected a number in \[0, 0\.99\] \(the allowed range of firms\.exitHazard\), found 2$/);
    expect(errorWith(5, ['  time.years:', '    integer: { min: 3, max: 5 }'])).toMatch(/^c\.yaml: line 5: parameters\.time\.years: expected a parameter .*, found time\.years, which sets the run’s dates \(set it in the scenario instead\)$/);
    expect(errorWith(13, '    model: { reporter: firm, end: 2011 }')).toBe(
      'c.yaml: line 13: targets[0].model.reporter: expected the name of a reporter of src/outcomes/reporters.ts, found unknown reporter "firm" (did you mean "firms"?)',
    );
    // Impossible aggregates.
    expect(errorWith(13, '    model: { reporter: firms, aggregate: sum, end: 2011 }')).toBe(
      'c.yaml: line 13: targets[0].model.aggregate: expected no aggregate: firms is a province reporter (one number per run), found "sum" (remove aggregate)',
    );
    expect(errorWith(21, '        - { reporter: zoneOutput, end: 2011 }')).toMatch(/^c\.yaml: line 21: targets\[1\]\.model\.ratio\[0\]: expected either aggregate: .* or zone: <index>, found neither$/);
    expect(errorWith(21, '        - { reporter: zoneOutput, industry: 2, end: 2011 }')).toMatch(/^c\.yaml: line 21: targets\[1\]\.model\.ratio\[0\]\.industry: expected no industry: zoneOutput is a zone reporter/);
    expect(errorWith(28, '    model: { reporter: zoneOutput, aggregate: countAbove, year: 2012 }')).toMatch(/aggregate: expected \{ countAbove: <threshold> \}, found "countAbove" \(write aggregate: \{ countAbove: 10000 \}/);
    // Dates: none, two, or a bare number for an instant.
    expect(errorWith(13, '    model: { reporter: firms }')).toMatch(/^c\.yaml: line 13: targets\[0\]\.model: expected exactly one of end, year, change, sum, mean saying when firms is read \(e\.g\. end: 2012\), found none$/);
    expect(errorWith(13, '    model: { reporter: firms, end: 2011, year: 2012 }')).toMatch(/targets\[0\]\.model\.year: expected exactly one of .* found end and year$/);
    expect(errorWith(13, '    model: { reporter: exits, sum: { from: 2009, to: { end: 2011 } } }')).toMatch(/targets\[0\]\.model\.sum\.from: expected an instant: .* found 2009 \(write \{ end: 2009 \} or \{ year: 2009 \}\)$/);
    // Targets.
    expect(errorWith(12, null)).toBe(`c.yaml: line 10: targets[0].tolerance: expected the discrepancy that counts as one unit of distance, in the scale’s unit (log points, a share of the figure, or the figure’s unit), > 0, found nothing (the key is missing)`);
    expect(errorWith(16, '    kind: target')).toMatch(/^c\.yaml: line 16: targets\[1\]\.kind: expected a target kind: one of .*point.*lowerBound.*upperBound.*, found "target"$/);
    expect(errorWith(11, '    figure: -3')).toMatch(/^c\.yaml: line 11: targets\[0\]\.figure: expected a positive figure for the log scale \(the default\), found -3 \(write scale: absolute/);
    expect(errorWith(23, '  - name: firms-2011')).toMatch(/^c\.yaml: line 23: targets\[2\]\.name: expected a target name used once, found "firms-2011" again \(also targets\[0\]\)$/);
    expect(errorWith(27, ['    holdOut: true', '    contrast: logRatio'])).toMatch(/^c\.yaml: line 28: targets\[2\]\.contrast: expected a reference scenario for a contrast .*, found no reference$/);
    expect(errorWith(31, '  maxSimulations: 20')).toMatch(/^c\.yaml: line 31: method\.maxSimulations: expected at least one generation’s model runs: populationSize × replications = 50, found 20$/);
    expect(errorWith(30, '  populationSize: 5')).toMatch(/^c\.yaml: line 30: method\.populationSize: expected an integer in \[10, 10000\], found 5$/);
    expect(errorWith(30, '  popSize: 50')).toMatch(/method\.popSize: expected one of the keys of method .* found unknown key "popSize"/);
    expect(errorWith(1, ['name: small-calibration', 'target: []'])).toMatch(/^c\.yaml: line 2: target: expected a known key of a calibration file, found unknown key "target" \(did you mean "targets"\?\)$/);
    // A reference scenario without a contrast doubles the runs for nothing.
    expect(errorWith(3, ['scenario: base.yaml', 'reference: other.yaml'])).toMatch(/^c\.yaml: line 4: reference: expected a reference scenario only when a target has a contrast/);
  });

  it('reads the predictions block (default: no reporter, the scenario’s last year) and names its mistakes in one line', () => {
    expect(validate(VALID).predictions).toEqual({ until: null, reporters: [] });
    expect(validate([...VALID, 'predictions:', '  until: 2012', '  reporters: [firms, zoneOutputShare]']).predictions).toEqual({ until: 2012, reporters: ['firms', 'zoneOutputShare'] });
    const withPredictions = (lines: string[]): string => {
      try {
        validate([...VALID, 'predictions:', ...lines]);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a validation error');
    };
    expect(withPredictions(['  until: 2012.5'])).toBe('c.yaml: line 33: predictions.until: expected a calendar year (an integer), found 2012.5');
    expect(withPredictions(['  reporters: [firm]'])).toBe(
      'c.yaml: line 33: predictions.reporters[0]: expected the name of a province reporter of src/outcomes/reporters.ts, found unknown reporter "firm" (did you mean "firms"?)',
    );
    expect(withPredictions(['  reporters: [zoneOutput]'])).toBe(
      'c.yaml: line 33: predictions.reporters[0]: expected a province reporter (one number per run and instant), found zoneOutput, a zone reporter (predict a province total instead (e.g. zonesOutput for zoneOutput))',
    );
    expect(withPredictions(['  reporters: [firms, firms]'])).toBe('c.yaml: line 33: predictions.reporters[1]: expected each reporter once, found firms again');
    expect(withPredictions(['  reporters: firms'])).toMatch(/^c\.yaml: line 33: predictions\.reporters: expected a list of province reporters .* found "firms" \(write a list: \[firms, zoneOutputShare\]\)$/);
    expect(withPredictions(['  untill: 2012'])).toMatch(/^c\.yaml: line 33: predictions\.untill: expected one of the keys of predictions \(until, reporters\), found unknown key "untill" \(did you mean "until"\?\)$/);
  });

  it('the example of docs/calibration.md is a valid calibration file', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../docs/calibration.md'), 'utf8');
    const block = /An example with every kind of target[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const { value, locate } = parseScenarioYaml(block!, 'docs/calibration.md');
    const definition = validateCalibration(value, 'docs/calibration.md', { locate });
    expect(definition.targets.map((t) => [t.kind, t.scale, t.contrast, t.holdOut])).toEqual([
      ['point', 'log', null, false],
      ['point', 'relative', null, false],
      ['lowerBound', 'absolute', null, false],
      ['point', 'absolute', 'logRatio', false],
      ['point', 'log', null, true],
    ]);
  });

  it('the committed JSON Schema is fresh and offers every reporter and free parameter', () => {
    const committed = readFileSync(path.join(import.meta.dirname, '../..', CALIBRATION_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(renderCalibrationJsonSchema());
    const schema = buildCalibrationJsonSchema() as { definitions: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    expect(schema.definitions.statistic.properties.reporter.enum).toEqual(reporters.map((r) => r.name));
    expect(Object.keys(schema.definitions.parameters.properties)).toEqual(calibratableParameterPaths());
    expect(calibratableParameterPaths().some((p) => p.startsWith('time.') || p.startsWith('output.'))).toBe(false);
  });
});

describe('loadCalibrationFile', () => {
  const folder = scratchDir('zonesim-calibration-');
  writeFileSync(path.join(folder, 'base.yaml'), 'name: base\ndescription: Three years.\ntime:\n  years: 3\nzones:\n  count: 4\n');
  writeFileSync(path.join(folder, 'no-zones.yaml'), 'name: no-zones\ndescription: No zones.\ntime:\n  years: 3\nzones:\n  count: 0\nchoice:\n  outside:\n    utility: 2\n');

  async function loadError(lines: readonly string[]): Promise<string> {
    const file = path.join(folder, 'c.yaml');
    writeFileSync(file, lines.join('\n'));
    try {
      await loadCalibrationFile(file);
    } catch (error) {
      return (error as Error).message.replace(folder, '<dir>').replace(folder, '<dir>');
    }
    throw new Error('expected an error');
  }

  it('loads a valid file with its scenario and the reference’s own settings', async () => {
    const file = path.join(folder, 'ok.yaml');
    writeFileSync(file, [...VALID.slice(0, 3), 'reference: no-zones.yaml', ...VALID.slice(3, 13), '    contrast: ratio', ...VALID.slice(13)].join('\n'));
    const loaded = await loadCalibrationFile(file);
    expect(loaded.scenario.name).toBe('base');
    expect(loaded.reference?.name).toBe('no-zones');
    // no-zones.yaml sets choice.outside.utility itself: candidates leave it at 2 there.
    expect(loaded.referenceFixedPaths).toEqual(['choice.outside.utility']);
    expect(loaded.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a calibration file or scenario that is a named pipe in one line, without waiting for a writer (found by the fuzz suite)', async () => {
    const pipes = scratchDir('zonesim-calibration-fifo-');
    const fifo = path.join(pipes, 'fifo.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Before the fix, readFile waited for a writer that never came: the command hung.
    await expect(loadCalibrationFile(fifo)).rejects.toThrow(/^.*fifo\.yaml: expected an existing readable calibration file, found a named pipe \(FIFO\) ".*fifo\.yaml"$/);
    const file = path.join(pipes, 'c.yaml');
    writeFileSync(file, VALID.map((l) => (l === 'scenario: base.yaml' ? 'scenario: fifo.yaml' : l)).join('\n'));
    await expect(loadCalibrationFile(file)).rejects.toThrow(/c\.yaml: line 3: scenario: expected an existing scenario file \(paths are relative to the calibration file\), found a named pipe \(FIFO\) ".*fifo\.yaml"$/);
  });

  it('rejects dates outside the run, missing scenarios and priors that break scenario rules', async () => {
    const lines = [...VALID];
    lines[12] = '    model: { reporter: firms, end: 2012 }';
    expect(await loadError(lines)).toBe(
      `<dir>/c.yaml: line 13: targets[0].model.end: expected a recorded instant of <dir>/base.yaml: the records labelled 2009 to 2012, one a year (end: 2008 to 2011), found end: 2012`,
    );
    lines[12] = '    model: { reporter: exits, sum: { from: { end: 2011 }, to: { year: 2010 } } }';
    expect(await loadError(lines)).toMatch(/line 13: targets\[0\]\.model\.sum\.to: expected an instant after from \(a period runs forwards\), found an instant before from$/);
    lines[12] = '    model: { reporter: zoneOutput, zone: 4, end: 2011 }';
    expect(await loadError(lines)).toMatch(/line 13: targets\[0\]\.model\.zone: expected an index below 4 \(<dir>\/base\.yaml has 4 zones\), found 4$/);
    expect(await loadError(VALID.map((l) => (l === 'scenario: base.yaml' ? 'scenario: missing.yaml' : l)))).toBe(
      '<dir>/c.yaml: line 3: scenario: expected an existing scenario file (paths are relative to the calibration file), found no such file "<dir>/missing.yaml"',
    );
    expect(await loadError([...VALID, 'predictions:', '  until: 2010'])).toBe(
      '<dir>/c.yaml: line 33: predictions.until: expected a year at or after the last target date (end: 2011), found 2010',
    );
    expect(await loadError([...VALID, 'predictions:', '  until: 2015'])).toBe(
      '<dir>/c.yaml: line 33: predictions.until: expected a year whose end is a recorded instant of <dir>/base.yaml: the records labelled 2009 to 2012, one a year (end: 2008 to 2011), found 2015',
    );
    const corners = [...VALID.slice(0, 4), '  industries.supplyChains:', '    integer: { min: 2, max: 30 }', ...VALID.slice(8)];
    expect(await loadError(corners)).toMatch(
      /^<dir>\/c\.yaml: line 4: parameters: expected priors whose every combination is a valid scenario with <dir>\/base\.yaml, found industries\.supplyChains = 30, where industries\.supplyChains: expected at most industries\.count \(20\), found 30 \(narrow the priors\)$/,
    );
  });
});
