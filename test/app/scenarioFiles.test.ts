import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameterSpecification.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import { parseScenarioYaml } from '../../src/scenario/parseScenarioYaml.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { validateScenario } from '../../src/scenario/validateScenario.ts';
import { exportScenarioYaml, importScenarioText } from '../../src/app/scenarioFiles.ts';
import { changedParameters } from '../../src/app/scenarioSettings.ts';
import { arbitraryParameters, expectSameParameters } from './arbitraryParameters.ts';

const root = path.resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(path.join(tmpdir(), 'zonesim-app-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The command line's validation of a file's text: parse, then validate. */
function validateLikeTheCli(text: string, file: string) {
  const { value, locate } = parseScenarioYaml(text, file);
  return validateScenario(value, file, { locate });
}

describe('exportScenarioYaml', () => {
  it('exports defaults as name and description only', () => {
    const text = exportScenarioYaml({ name: 'plain', description: 'All defaults.', parameters: defaultParameters() });
    const scenario = validateLikeTheCli(text, 'plain.yaml');
    expect(scenario.overrides).toEqual({});
    expect(text).toMatch(/^name: plain$/m);
    expect(text).toMatch(/^description: All defaults\.$/m);
  });

  it('writes only the overrides against the defaults, nested by group', () => {
    const parameters = defaultParameters();
    parameters.zones.count = 3;
    parameters.choice.agglomeration.form = 'linear';
    parameters.crisis.enabled = true;
    const text = exportScenarioYaml({ name: 'three-zones', description: 'Three zones, linear returns, crisis.', parameters });
    expect(validateLikeTheCli(text, 'three-zones.yaml').overrides).toEqual({
      zones: { count: 3 },
      choice: { agglomeration: { form: 'linear' } },
      crisis: { enabled: true },
    });
  });

  it('round-trips random valid settings: export → validateScenario gives the page parameters', () => {
    fc.assert(
      fc.property(arbitraryParameters, (parameters) => {
        const text = exportScenarioYaml({ name: 'random-settings', description: 'Random valid settings.', parameters }, 'a comment\nover two lines');
        const scenario = validateLikeTheCli(text, 'random-settings.yaml');
        expectSameParameters(scenario.parameters, parameters);
        expect(Object.keys(scenario.overrides).length > 0).toBe(changedParameters(parameters).length > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a file the command line loader accepts unchanged, with the same parameters', async () => {
    const samples = fc.sample(arbitraryParameters, { numRuns: 20, seed: 7 });
    for (const [index, parameters] of samples.entries()) {
      const file = path.join(folder, `sample-${index}.yaml`);
      writeFileSync(file, exportScenarioYaml({ name: `sample-${index}`, description: 'Exported by the test.', parameters }));
      const loaded = await loadScenarioFile(file);
      expectSameParameters(loaded.modelInput.parameters, parameters);
    }
  });

  it('re-exports every bundled scenario and exercise preset with identical parameters', () => {
    const files = [
      ...readdirSync(path.join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
      ...readdirSync(path.join(root, 'docs/exercises/presets')).filter((f) => f.endsWith('.yaml')).map((f) => `docs/exercises/presets/${f}`),
    ];
    for (const file of files) {
      const original = importScenarioText(readFileSync(path.join(root, file), 'utf8'), file);
      const text = exportScenarioYaml(original);
      const again = validateLikeTheCli(text, file);
      expectSameParameters(again.parameters, original.parameters);
      expect(again.name).toBe(original.name);
      expect(again.description).toBe(original.description);
    }
  });
});

describe('importScenarioText', () => {
  it('gives the command line messages for malformed files', () => {
    const cases: Array<[string, RegExp]> = [
      ['name: a\ndescription: b\nzones:\n  count: 6000\n', /^bad\.yaml: line 4: zones\.count: expected an integer in \[0, 5000\], found 6000$/],
      ['name: a\ndescription: b\nzones:\n  cont: 5\n', /^bad\.yaml: line 4: zones\.cont: expected a known key of zones, found unknown key "cont" \(did you mean "count"\?\)$/],
      ['name: a\ndescription: b\nzones:\n\tcount: 5\n', /^bad\.yaml: line 4, column 1: expected valid YAML/],
      ['just text', /^bad\.yaml: expected a YAML mapping/],
      ['', /^bad\.yaml: expected a YAML mapping with name, description and parameter groups, found an empty document$/],
    ];
    for (const [text, message] of cases) {
      let caught: unknown;
      try {
        importScenarioText(text, 'bad.yaml');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ScenarioError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toMatch(/\n/);
      let cli: unknown;
      try {
        validateLikeTheCli(text, 'bad.yaml');
      } catch (error) {
        cli = error;
      }
      expect((caught as Error).message).toBe((cli as Error).message);
    }
  });

  it('rejects data files, which only the command line can read', () => {
    expect(() => importScenarioText('name: a\ndescription: b\nindustries:\n  relatednessFile: io.csv\n', 'a.yaml')).toThrow(
      /^a\.yaml: industries\.relatednessFile: expected no data file in the classroom page/,
    );
  });
});
