import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameterSpecification.ts';
import { loadScenarioFile, loadScenarioFiles } from '../../src/scenario/loadScenarioFile.ts';
import { expectScenarioErrorAsync } from './helpers.ts';

const FIXTURES = 'test/fixtures/scenario';
const fixture = (name: string): string => path.join(FIXTURES, name);

describe('loadScenarioFile', () => {
  it('loads a valid scenario with a relatedness CSV into a model input', async () => {
    const file = fixture('valid-with-relatedness.yaml');
    const loaded = await loadScenarioFile(file);
    expect(loaded.file).toBe(file);
    expect(loaded.name).toBe('three-industries');
    expect(loaded.description).toBe('Three industries with a proximity matrix read from CSV');

    const expected = defaultParameters();
    expected.industries.count = 3;
    expected.industries.supplyChains = 2;
    expected.industries.relatednessFile = 'relatedness-named.csv';
    expected.zones.count = 4;
    expected.choice.agglomeration.form = 'linear';
    expected.choice.agglomeration.coefficient = 0.8;
    expected.choice.outside.enabled = false;
    expect(loaded.modelInput.parameters).toEqual(expected);
    expect(loaded.modelInput.relatedness).toEqual({
      industryNames: ['textiles', 'apparel, footwear', 'machinery'],
      values: [1, 0.7, 0.1, 0.7, 1, 0.05, 0.1, 0.05, 1],
    });

    const sourceText = readFileSync(file, 'utf8');
    const csvText = readFileSync(fixture('relatedness-named.csv'), 'utf8');
    expect(loaded.sourceText).toBe(sourceText);
    expect(loaded.contentHash).toBe(createHash('sha256').update(sourceText + csvText).digest('hex'));
    expect(loaded.overrides).toEqual({
      industries: { count: 3, supplyChains: 2, relatednessFile: 'relatedness-named.csv' },
      zones: { count: 4 },
      choice: { agglomeration: { form: 'linear', coefficient: 0.8 }, outside: { enabled: false } },
    });
    // Plain data: survives structured cloning (sent to workers).
    expect(structuredClone(loaded.modelInput)).toEqual(loaded.modelInput);
  });

  it('loads a minimal scenario with the defaults, no relatedness, no zone file and the hash of its text', async () => {
    const file = fixture('minimal.yaml');
    const loaded = await loadScenarioFile(file);
    expect(loaded.modelInput).toEqual({ parameters: defaultParameters(), relatedness: null, zoneLayout: null });
    expect(loaded.contentHash).toBe(createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex'));
    expect(loaded.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a missing scenario file', async () => {
    const file = fixture('no-such-scenario.yaml');
    await expectScenarioErrorAsync(() => loadScenarioFile(file), {
      file,
      fieldPath: null,
      expected: 'an existing regular file of at most 1 MiB',
      found: 'no such file',
    });
  });

  it('reports a folder given as the scenario file', async () => {
    await expectScenarioErrorAsync(() => loadScenarioFile(FIXTURES), { file: FIXTURES, found: 'a folder' });
  });

  it('reports YAML syntax errors with line and column', async () => {
    const file = fixture('syntax-error.yaml');
    const error = await expectScenarioErrorAsync(() => loadScenarioFile(file), {
      file,
      expected: 'valid YAML',
      line: 5,
      contains: [`${file}: line 5, column 1: expected valid YAML, found `],
    });
    expect(error.column).toBe(1);
  });

  it('rejects duplicate keys', async () => {
    const file = fixture('duplicate-key.yaml');
    await expectScenarioErrorAsync(() => loadScenarioFile(file), {
      file,
      expected: 'each key at most once',
      found: 'the key "count" a second time',
      line: 5,
    });
  });

  it('rejects an empty document', async () => {
    await expectScenarioErrorAsync(() => loadScenarioFile(fixture('empty.yaml')), { found: 'an empty document' });
  });

  it('adds line numbers to validation errors', async () => {
    const file = fixture('unknown-key.yaml');
    const error = await expectScenarioErrorAsync(() => loadScenarioFile(file), {
      file,
      fieldPath: 'choice.relatednes',
      hint: 'did you mean "relatedness"?',
      line: 5,
    });
    expect(error.message).toBe(
      `${file}: line 5: choice.relatednes: expected a known key of choice, found unknown key "relatednes" (did you mean "relatedness"?)`,
    );
    await expectScenarioErrorAsync(() => loadScenarioFile(fixture('out-of-range.yaml')), {
      fieldPath: 'zones.initialServicedShare',
      expected: 'a number in [0, 1]',
      found: '1.5',
      line: 6,
    });
    await expectScenarioErrorAsync(() => loadScenarioFile(fixture('consistency.yaml')), {
      fieldPath: 'industries.supplyChains',
      expected: 'at most industries.count (3)',
      found: '5',
      line: 4,
    });
  });

  it('reports a missing relatedness CSV at the line of the parameter, resolved against the scenario folder', async () => {
    const file = fixture('missing-csv.yaml');
    await expectScenarioErrorAsync(() => loadScenarioFile(file), {
      file,
      fieldPath: 'industries.relatednessFile',
      expected: 'an existing regular file of at most 16 MiB (paths are relative to the scenario file)',
      found: `no such file ${JSON.stringify(path.join(FIXTURES, 'data/does-not-exist.csv'))}`,
      line: 6,
    });
  });

  it('reports a defective CSV in the CSV file, with row and column', async () => {
    await expectScenarioErrorAsync(() => loadScenarioFile(fixture('asymmetric-csv.yaml')), {
      file: fixture('relatedness-asymmetric.csv'),
      fieldPath: 'row 3, column 4',
      expected: 'the same value as row 4, column 3',
      found: '0.4',
    });
  });

  it('requires the CSV to be industries.count square', async () => {
    const file = fixture('wrong-size-csv.yaml');
    await expectScenarioErrorAsync(() => loadScenarioFile(file), {
      file: fixture('relatedness-named.csv'),
      expected: `a 4×4 matrix (industries.count in ${file} is 4)`,
      found: 'a 3×3 matrix',
    });
  });
});

describe('loadScenarioFiles', () => {
  it('loads several files in order', async () => {
    const loaded = await loadScenarioFiles([fixture('valid-with-relatedness.yaml'), fixture('minimal.yaml')]);
    expect(loaded.map((scenario) => scenario.name)).toEqual(['three-industries', 'baseline']);
  });

  it('rejects two scenarios with the same name', async () => {
    const first = fixture('minimal.yaml');
    const second = fixture('minimal-same-name.yaml');
    const error = await expectScenarioErrorAsync(() => loadScenarioFiles([first, second]), {
      file: second,
      fieldPath: 'name',
      expected: 'a name no other scenario uses',
      found: '"baseline"',
      hint: `also the name of ${first}`,
      line: 1,
    });
    expect(error.message).toBe(
      `${second}: line 1: name: expected a name no other scenario uses, found "baseline" (also the name of ${first})`,
    );
  });

  it('stops at the first file with an error', async () => {
    await expectScenarioErrorAsync(
      () => loadScenarioFiles([fixture('minimal.yaml'), fixture('out-of-range.yaml')]),
      { file: fixture('out-of-range.yaml') },
    );
  });
});
