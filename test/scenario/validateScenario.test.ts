import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameterSpecification.ts';
import { parseScenarioYaml } from '../../src/scenario/parseScenarioYaml.ts';
import {
  checkModelInputConsistency,
  checkParameterConsistency,
  checkParameterValues,
  formatFieldPath,
  validateScenario,
} from '../../src/scenario/validateScenario.ts';
import { expectScenarioError } from './helpers.ts';

const FILE = 'scenarios/test.yaml';

/** A minimal valid scenario object with the given groups added. */
function scenario(groups: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'test-scenario', description: 'A test scenario', ...groups };
}

/** Validate YAML text the way the loader does (with line numbers). */
function fromYaml(text: string) {
  const { value, locate } = parseScenarioYaml(text, FILE);
  return validateScenario(value, FILE, { locate });
}

const header = 'name: test-scenario\ndescription: A test scenario\n';

describe('validateScenario: valid files', () => {
  it('gives the defaults for a file with only name and description', () => {
    const result = validateScenario(scenario(), FILE);
    expect(result.name).toBe('test-scenario');
    expect(result.description).toBe('A test scenario');
    expect(result.parameters).toEqual(defaultParameters());
    expect(result.overrides).toEqual({});
  });

  it('applies overrides at every depth and leaves the rest at the defaults', () => {
    const result = fromYaml(
      `${header}zones:\n  count: 1\nchoice:\n  agglomeration:\n    form: linear\n    coefficient: -0.5\n  outside:\n    enabled: false\nindustries:\n  count: 4\n  supplyChains: 2\n  relatednessFile: data/io.csv\nprojects:\n  industryMix: weights\n  industryWeights: [1, 0, 2.5, 1e3]\n`,
    );
    const expected = defaultParameters();
    expected.zones.count = 1;
    expected.choice.agglomeration.form = 'linear';
    expected.choice.agglomeration.coefficient = -0.5;
    expected.choice.outside.enabled = false;
    expected.industries.count = 4;
    expected.industries.supplyChains = 2;
    expected.industries.relatednessFile = 'data/io.csv';
    expected.projects.industryMix = 'weights';
    expected.projects.industryWeights = [1, 0, 2.5, 1000];
    expect(result.parameters).toEqual(expected);
    expect(result.overrides).toEqual({
      zones: { count: 1 },
      choice: { agglomeration: { form: 'linear', coefficient: -0.5 }, outside: { enabled: false } },
      industries: { count: 4, supplyChains: 2, relatednessFile: 'data/io.csv' },
      projects: { industryMix: 'weights', industryWeights: [1, 0, 2.5, 1000] },
    });
  });

  it('rejects zones.count 0 with the outside option disabled (projects would have nowhere to go)', () => {
    expect(() => validateScenario(scenario({ zones: { count: 0 }, choice: { outside: { enabled: false } } }), FILE)).toThrow(
      /choice\.outside\.enabled: expected true when zones\.count is 0 .*found false/,
    );
  });

  it('accepts values on the bounds and an explicit null path', () => {
    const result = validateScenario(
      scenario({ zones: { initialServicedShare: 1, count: 2000 }, industries: { relatednessFile: null } }),
      FILE,
    );
    expect(result.parameters.zones.initialServicedShare).toBe(1);
    expect(result.parameters.industries.relatednessFile).toBeNull();
  });

  it('does not require anchorSize to be at least sizeMinimum', () => {
    const result = validateScenario(scenario({ projects: { sizeMinimum: 50, anchorSize: 20 } }), FILE);
    expect(result.parameters.projects.anchorSize).toBe(20);
  });

  it('trims the description and does not share arrays with the input', () => {
    const weights = [1, 2, 3];
    const result = validateScenario(
      { name: 'a', description: '  One line \n', industries: { count: 3, supplyChains: 3 }, projects: { industryMix: 'weights', industryWeights: weights } },
      FILE,
    );
    expect(result.description).toBe('One line');
    weights[0] = 99;
    expect(result.parameters.projects.industryWeights).toEqual([1, 2, 3]);
  });
});

describe('validateScenario: document, name and description', () => {
  it('rejects an empty document and non-mappings', () => {
    expectScenarioError(() => validateScenario(null, FILE), { file: FILE, fieldPath: null, expected: 'a YAML mapping', found: 'an empty document' });
    expectScenarioError(() => validateScenario([1, 2], FILE), { found: 'a list of 2 items' });
    expectScenarioError(() => validateScenario('baseline', FILE), { found: '"baseline"' });
  });

  it('requires a kebab-case name', () => {
    expectScenarioError(() => validateScenario({ description: 'x' }, FILE), {
      file: FILE,
      fieldPath: 'name',
      expected: 'kebab-case',
      found: 'nothing (the key is missing)',
    });
    expectScenarioError(() => fromYaml('name: Baseline 2009\ndescription: x\n'), {
      fieldPath: 'name',
      found: '"Baseline 2009"',
      hint: 'did you mean "baseline-2009"?',
      line: 1,
    });
    expectScenarioError(() => validateScenario({ name: 'noZones', description: 'x' }, FILE), { hint: '"no-zones"' });
    expectScenarioError(() => validateScenario({ name: 12, description: 'x' }, FILE), { fieldPath: 'name', found: '12' });
  });

  it('limits names to 64 characters and refuses names that are devices on Windows (issue 11, D6)', () => {
    const longest = `a${'-b'.repeat(31)}a`;
    expect(longest).toHaveLength(64);
    expect(validateScenario({ name: longest, description: 'x' }, FILE).name).toBe(longest);
    const error = expectScenarioError(() => validateScenario({ name: `${longest}b`, description: 'x' }, FILE), {
      fieldPath: 'name',
      expected: 'a kebab-case scenario name of at most 64 characters',
      found: `"${`${longest}b`.slice(0, 59)}…"`,
      hint: 'this one has 65',
    });
    expect(error.message.length).toBeLessThan(300);
    for (const name of ['con', 'nul', 'aux', 'prn', 'com1', 'lpt9']) {
      expectScenarioError(() => validateScenario({ name, description: 'x' }, FILE), {
        fieldPath: 'name',
        found: JSON.stringify(name),
        hint: 'a device name on Windows, which cannot be a file name there',
      });
    }
    expect(validateScenario({ name: 'con-2', description: 'x' }, FILE).name).toBe('con-2');
  });

  it('cuts a very long unknown key in the message', () => {
    const error = expectScenarioError(() => validateScenario({ name: 'a', description: 'x', zones: { ['k'.repeat(10_000)]: 1 } }, FILE), {
      fieldPath: `zones.${'k'.repeat(193)}…`,
    });
    expect(error.message.length).toBeLessThan(1000);
  });

  it('requires a one-line description', () => {
    expectScenarioError(() => validateScenario({ name: 'a' }, FILE), {
      fieldPath: 'description',
      expected: 'one-line description',
      found: 'nothing (the key is missing)',
    });
    expectScenarioError(() => fromYaml('name: a\ndescription: |\n  first line\n  second line\n'), {
      fieldPath: 'description',
      found: 'a text of 2 lines',
      line: 2,
    });
    expectScenarioError(() => validateScenario({ name: 'a', description: '  ' }, FILE), { found: '"  "' });
  });
});

describe('validateScenario: unknown keys', () => {
  it('suggests the closest top-level key', () => {
    expectScenarioError(() => fromYaml(`${header}industry:\n  count: 3\n`), {
      file: FILE,
      fieldPath: 'industry',
      expected: 'a known key of a scenario file',
      found: 'unknown key "industry"',
      hint: 'did you mean "industries"?',
      line: 3,
    });
    expectScenarioError(() => validateScenario({ Name: 'a', description: 'x' }, FILE), { hint: 'did you mean "name"?' });
  });

  it('suggests the closest key inside nested groups', () => {
    expectScenarioError(() => fromYaml(`${header}choice:\n  relatednes:\n    coefficient: 2\n`), {
      fieldPath: 'choice.relatednes',
      expected: 'a known key of choice',
      found: 'unknown key "relatednes"',
      hint: 'did you mean "relatedness"?',
      line: 4,
    });
    expectScenarioError(() => validateScenario(scenario({ choice: { agglomeration: { fomr: 'log' } } }), FILE), {
      fieldPath: 'choice.agglomeration.fomr',
      hint: 'did you mean "form"?',
    });
    expectScenarioError(() => validateScenario(scenario({ time: { start_year: 2010 } }), FILE), {
      fieldPath: 'time.start_year',
      hint: 'did you mean "startYear"?',
    });
    expectScenarioError(() => validateScenario(scenario({ projects: { anchor: 5 } }), FILE), {
      hint: 'did you mean "anchorSize"?',
    });
  });

  it('points to the right group when a parameter is written under another one', () => {
    expectScenarioError(() => validateScenario(scenario({ industries: { anchorSize: 5 } }), FILE), {
      fieldPath: 'industries.anchorSize',
      hint: 'did you mean "projects.anchorSize"?',
    });
  });

  it('explains dotted paths used as keys', () => {
    expectScenarioError(() => validateScenario(scenario({ 'choice.agglomeration.form': 'linear' }), FILE), {
      fieldPath: 'choice.agglomeration.form',
      hint: 'write nested keys (choice: agglomeration: form: …)',
    });
  });

  it('lists the known keys when nothing is close', () => {
    expectScenarioError(() => validateScenario(scenario({ zones: { qqqqqq: 1 } }), FILE), {
      fieldPath: 'zones.qqqqqq',
      hint: 'known keys: count, regionSizeKm',
    });
  });

  it('does not accept inherited object properties as keys', () => {
    expectScenarioError(() => validateScenario(scenario({ constructor: { a: 1 } }), FILE), {
      fieldPath: 'constructor',
      found: 'unknown key "constructor"',
    });
    expectScenarioError(() => fromYaml(`${header}zones:\n  toString: 1\n`), { fieldPath: 'zones.toString' });
    expectScenarioError(() => fromYaml(`${header}__proto__:\n  count: 1\n`), { fieldPath: '__proto__' });
  });
});

describe('validateScenario: types and values', () => {
  it('rejects a group given as a scalar or list', () => {
    expectScenarioError(() => fromYaml(`${header}choice: 0.4\n`), {
      fieldPath: 'choice',
      expected: 'a mapping of the parameters of choice (scale, relatedness',
      found: '0.4',
      line: 3,
    });
    expectScenarioError(() => validateScenario(scenario({ choice: { agglomeration: 0.4 } }), FILE), {
      fieldPath: 'choice.agglomeration',
      expected: 'a mapping of the parameters of choice.agglomeration (coefficient, form',
      found: '0.4',
    });
    expectScenarioError(() => fromYaml(`${header}zones:\n`), { fieldPath: 'zones', found: 'an empty value' });
    expectScenarioError(() => validateScenario(scenario({ zones: [1] }), FILE), { found: 'a list of 1 item' });
  });

  it('rejects a mapping where a parameter is expected', () => {
    expectScenarioError(() => validateScenario(scenario({ zones: { count: { value: 3 } } }), FILE), {
      fieldPath: 'zones.count',
      expected: 'an integer in [0, 5000]',
      found: 'a mapping (keys: value)',
    });
  });

  it('rejects a string where a number is expected, with a hint for quoted numbers', () => {
    expectScenarioError(() => fromYaml(`${header}zones:\n  landPrice: "12"\n`), {
      fieldPath: 'zones.landPrice',
      expected: 'a number in (0.001, 1000]',
      found: '"12"',
      hint: 'write the number without quotes',
      line: 4,
    });
    expectScenarioError(() => fromYaml(`${header}projects:\n  perYear: 1_000\n`), {
      fieldPath: 'projects.perYear',
      found: '"1_000"',
      hint: 'without underscores',
    });
    expectScenarioError(() => fromYaml(`${header}zones:\n  landPrice: cheap\n`), { found: '"cheap"' });
    expectScenarioError(() => fromYaml(`${header}zones:\n  landPrice:\n`), { found: 'an empty value' });
  });

  it('requires integers for integer parameters', () => {
    expectScenarioError(() => fromYaml(`${header}time:\n  years: 12.5\n`), {
      fieldPath: 'time.years',
      expected: 'an integer in [1, 100]',
      found: '12.5',
      line: 4,
    });
  });

  it('rejects .nan and .inf', () => {
    expectScenarioError(() => fromYaml(`${header}zones:\n  initialServicedShare: .nan\n`), {
      fieldPath: 'zones.initialServicedShare',
      expected: 'a finite number in [0, 1]',
      found: '.nan',
    });
    expectScenarioError(() => fromYaml(`${header}zones:\n  plannedAreaHa: .inf\n`), {
      fieldPath: 'zones.plannedAreaHa',
      expected: 'a finite number in (0, 1e7]',
      found: '.inf',
    });
    expectScenarioError(() => fromYaml(`${header}time:\n  years: -.inf\n`), {
      expected: 'an integer in [1, 100]',
      found: '-.inf',
    });
  });

  it('reports the allowed range, including an exclusive minimum', () => {
    expectScenarioError(() => fromYaml(`${header}zones:\n  initialServicedShare: 1.5\n`), {
      fieldPath: 'zones.initialServicedShare',
      expected: 'a number in [0, 1]',
      found: '1.5',
    });
    expectScenarioError(() => validateScenario(scenario({ time: { years: 0 } }), FILE), {
      expected: 'an integer in [1, 100]',
      found: '0',
    });
    expectScenarioError(() => validateScenario(scenario({ zones: { landPrice: 0 } }), FILE), {
      fieldPath: 'zones.landPrice',
      expected: 'a number in (0.001, 1000] (greater than 0.001)',
      found: '0',
    });
    expectScenarioError(() => validateScenario(scenario({ projects: { sizeParetoAlpha: 1 } }), FILE), {
      expected: 'a number in (1, 10] (greater than 1)',
      found: '1',
    });
  });

  it('lists the choices and suggests the closest', () => {
    expectScenarioError(() => fromYaml(`${header}choice:\n  agglomeration:\n    form: quadratic\n`), {
      fieldPath: 'choice.agglomeration.form',
      expected: 'one of "log", "linear", "bounded"',
      found: '"quadratic"',
      line: 5,
    });
    expectScenarioError(() => validateScenario(scenario({ choice: { agglomeration: { form: 'lineer' } } }), FILE), {
      hint: 'did you mean "linear"?',
    });
    expectScenarioError(() => validateScenario(scenario({ projects: { arrivalProcess: 'Poisson' } }), FILE), {
      fieldPath: 'projects.arrivalProcess',
      expected: 'one of "poisson", "fixed"',
      hint: 'did you mean "poisson"?',
    });
    expectScenarioError(() => validateScenario(scenario({ choice: { agglomeration: { form: 1 } } }), FILE), {
      found: '1',
    });
  });

  it('requires true or false for switches, explaining YAML 1.2 yes/no', () => {
    expectScenarioError(() => fromYaml(`${header}choice:\n  outside:\n    enabled: yes\n`), {
      fieldPath: 'choice.outside.enabled',
      expected: 'true or false',
      found: '"yes"',
      hint: 'YAML 1.2 reads yes/no/on/off as text',
    });
    expectScenarioError(() => validateScenario(scenario({ choice: { outside: { enabled: 1 } } }), FILE), { found: '1' });
  });

  it('checks number lists and each of their elements', () => {
    expectScenarioError(() => validateScenario(scenario({ projects: { industryWeights: 3 } }), FILE), {
      fieldPath: 'projects.industryWeights',
      expected: 'a list of numbers, each in [0, 1e9]',
      found: '3',
      hint: 'write a list',
    });
    expectScenarioError(() => fromYaml(`${header}projects:\n  industryWeights:\n    - 1\n    - heavy\n`), {
      fieldPath: 'projects.industryWeights[1]',
      expected: 'a number in [0, 1e9]',
      found: '"heavy"',
      line: 6,
    });
    expectScenarioError(() => validateScenario(scenario({ projects: { industryWeights: [1, -1] } }), FILE), {
      fieldPath: 'projects.industryWeights[1]',
      found: '-1',
    });
    expectScenarioError(() => fromYaml(`${header}projects:\n  industryWeights: [1, .nan]\n`), {
      fieldPath: 'projects.industryWeights[1]',
      expected: 'a finite number',
      found: '.nan',
    });
  });

  it('requires a non-empty string or nothing for paths', () => {
    expectScenarioError(() => validateScenario(scenario({ industries: { relatednessFile: 3 } }), FILE), {
      fieldPath: 'industries.relatednessFile',
      expected: 'a file path',
      found: '3',
    });
    expectScenarioError(() => validateScenario(scenario({ industries: { relatednessFile: '' } }), FILE), {
      found: '""',
    });
  });
});

describe('cross-field consistency', () => {
  it('accepts the defaults', () => {
    expect(() => checkParameterConsistency(defaultParameters(), FILE)).not.toThrow();
  });

  it('requires supplyChains and leadingIndustriesPerZone at most industries.count', () => {
    expectScenarioError(() => fromYaml(`${header}industries:\n  count: 3\n`), {
      file: FILE,
      fieldPath: 'industries.supplyChains',
      expected: 'at most industries.count (3)',
      found: '5',
      line: 4, // the line of industries.count, since supplyChains is not in the file
    });
    expectScenarioError(
      () => validateScenario(scenario({ industries: { count: 1, supplyChains: 1 } }), FILE),
      { fieldPath: 'zones.leadingIndustriesPerZone', expected: 'at most industries.count (1)', found: '2' },
    );
  });

  it('requires sizeMaximum at least sizeMinimum', () => {
    expectScenarioError(() => fromYaml(`${header}projects:\n  sizeMinimum: 100\n  sizeMaximum: 50\n`), {
      fieldPath: 'projects.sizeMaximum',
      expected: 'at least projects.sizeMinimum (100)',
      found: '50',
      line: 5,
    });
  });

  it('requires industries.count weights with a positive sum when industryMix is weights', () => {
    expectScenarioError(
      () => validateScenario(scenario({ projects: { industryMix: 'weights', industryWeights: [1, 2, 3] } }), FILE),
      {
        fieldPath: 'projects.industryWeights',
        expected: 'a list of industries.count (20) weights, because projects.industryMix is "weights"',
        found: 'a list of 3 items',
      },
    );
    expectScenarioError(() => validateScenario(scenario({ projects: { industryMix: 'weights' } }), FILE), {
      fieldPath: 'projects.industryWeights',
      found: 'a list of 0 items',
    });
    expectScenarioError(
      () =>
        validateScenario(
          scenario({ industries: { count: 3, supplyChains: 3 }, projects: { industryMix: 'weights', industryWeights: [0, 0, 0] } }),
          FILE,
        ),
      { fieldPath: 'projects.industryWeights', expected: 'weights with a positive sum', found: 'all weights 0' },
    );
  });

  it('rejects weights when industryMix is not weights', () => {
    expectScenarioError(() => fromYaml(`${header}projects:\n  industryWeights: [1, 2]\n`), {
      fieldPath: 'projects.industryWeights',
      expected: 'an empty list, because projects.industryMix is "growth-weighted"',
      found: 'a list of 2 items',
      hint: 'set industryMix: weights',
      line: 4,
    });
  });

  it('is exported for parameters that do not come from a file', () => {
    const parameters = defaultParameters();
    parameters.industries.supplyChains = 30;
    const error = expectScenarioError(() => checkParameterConsistency(parameters, null), {
      fieldPath: 'industries.supplyChains',
    });
    expect(error.message).toBe('industries.supplyChains: expected at most industries.count (20), found 30');
    expect(error.file).toBeNull();
  });
});

describe('checks of complete parameters (each experiment design point goes through them)', () => {
  it('checkParameterValues applies the table’s range to the given paths only', () => {
    const parameters = defaultParameters();
    parameters.time.years = 0;
    expect(() => checkParameterValues(parameters, ['zones.count'], null)).not.toThrow();
    const error = expectScenarioError(() => checkParameterValues(parameters, ['time.years'], 'exp.yaml'), { fieldPath: 'time.years', found: '0' });
    expect(error.message).toBe('exp.yaml: time.years: expected an integer in [1, 100], found 0');
    expect(() => checkParameterValues(parameters, ['time.yeers'], null)).toThrow(/not a parameter/);
  });

  it('checkModelInputConsistency requires a relatedness matrix of industries.count² values', () => {
    const parameters = defaultParameters();
    parameters.industries.count = 2;
    parameters.industries.supplyChains = 1;
    parameters.zones.leadingIndustriesPerZone = 1;
    const twoByTwo = { industryNames: null, values: [1, 0.5, 0.5, 1] };
    expect(() => checkModelInputConsistency({ parameters, relatedness: twoByTwo }, null)).not.toThrow();
    expect(() => checkModelInputConsistency({ parameters, relatedness: null }, null)).not.toThrow();
    const threeByThree = { industryNames: null, values: [1, 0.7, 0.1, 0.7, 1, 0.05, 0.1, 0.05, 1] };
    const error = expectScenarioError(
      () => checkModelInputConsistency({ parameters, relatedness: threeByThree }, 'a.yaml', { relatednessSource: 'r.csv named by industries.relatednessFile in a.yaml' }),
      { fieldPath: 'industries.count', found: '2' },
    );
    expect(error.expected).toBe('3 (the size of the 3×3 relatedness matrix r.csv named by industries.relatednessFile in a.yaml)');
    // The parameter rules come first.
    parameters.industries.supplyChains = 3;
    expectScenarioError(() => checkModelInputConsistency({ parameters, relatedness: twoByTwo }, null), { fieldPath: 'industries.supplyChains' });
  });
});

describe('formatFieldPath', () => {
  it('joins keys with dots and indices in brackets', () => {
    expect(formatFieldPath(['projects', 'industryWeights', 2])).toBe('projects.industryWeights[2]');
    expect(formatFieldPath([])).toBe('');
  });
});
