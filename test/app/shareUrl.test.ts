import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameterSpecification.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { decodeSettingsHash, encodeSettingsHash } from '../../src/app/shareUrl.ts';
import { arbitraryParameters, expectSameParameters } from './arbitraryParameters.ts';

function decodeError(hash: string): string {
  try {
    decodeSettingsHash(hash);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error(`expected ${hash} to be rejected`);
}

describe('share by URL', () => {
  it('an empty hash shares nothing', () => {
    expect(decodeSettingsHash('')).toBeNull();
    expect(decodeSettingsHash('#')).toBeNull();
  });

  it('encodes only the overrides, readably', () => {
    const parameters = defaultParameters();
    parameters.zones.count = 3;
    parameters.choice.agglomeration.form = 'linear';
    parameters.credit.enabled = false;
    const hash = encodeSettingsHash({ scenario: { name: 'few-zones', description: 'Three zones', parameters }, seed: 7, replication: 0, compare: null });
    expect(hash).toBe('zonesim=1&name=few-zones&description=Three+zones&seed=7&zones.count=3&choice.agglomeration.form=linear&credit.enabled=false');
  });

  it('round-trips random valid settings, seed, replication and comparison', () => {
    fc.assert(
      fc.property(
        arbitraryParameters,
        fc.integer({ min: 0, max: 4294967295 }),
        fc.integer({ min: 0, max: 100000 }),
        fc.option(fc.constantFrom('scenarios/baseline.yaml', 'docs/exercises/presets/arthur-bounded.yaml'), { nil: null }),
        (parameters, seed, replication, compare) => {
          const hash = encodeSettingsHash({ scenario: { name: 'shared-one', description: 'A shared “link” & more', parameters }, seed, replication, compare });
          const decoded = decodeSettingsHash(`#${hash}`);
          expect(decoded).not.toBeNull();
          expectSameParameters(decoded!.scenario.parameters, parameters);
          expect(decoded!.scenario.name).toBe('shared-one');
          expect(decoded!.scenario.description).toBe('A shared “link” & more');
          expect(decoded!.seed).toBe(seed);
          expect(decoded!.replication ?? 0).toBe(replication);
          expect(decoded!.compare).toBe(compare);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports malformed links with the scenario validator’s one-line messages, file URL', () => {
    expect(decodeError('#zones.count=6000')).toBe('URL: zones.count: expected an integer in [0, 5000], found 6000');
    expect(decodeError('#zones.count=abc')).toBe('URL: zones.count: expected an integer in [0, 5000], found "abc"');
    expect(decodeError('#zones.cont=5')).toBe('URL: zones.cont: expected a known key of zones, found unknown key "cont" (did you mean "count"?)');
    expect(decodeError('#choice.agglomeration.form=linaer')).toMatch(/^URL: choice\.agglomeration\.form: expected one of .*found "linaer" \(did you mean "linear"\?\)$/);
    expect(decodeError('#credit.enabled=yes')).toMatch(/^URL: credit\.enabled: expected true or false, found "yes"/);
    expect(decodeError('#industries.supplyChains=30')).toBe('URL: industries.supplyChains: expected at most industries.count (20), found 30');
    expect(decodeError('#name=Bad%20Name')).toMatch(/^URL: name: expected a kebab-case scenario name/);
    expect(decodeError('#seed=-1')).toBe('URL: seed: expected an integer from 0 to 4294967295, found "-1"');
    expect(decodeError('#industries.relatednessFile=x.csv')).toMatch(/^URL: industries\.relatednessFile: expected no data file in the classroom page/);
    expect(decodeError('#zones=3')).toMatch(/^URL: zones: expected a mapping of the parameters of zones/);
  });

  it('never writes to prototypes', () => {
    expect(decodeError('#__proto__.polluted=1')).toMatch(/^URL: __proto__: expected a known key of a scenario file/);
    expect(decodeError('#zones.__proto__=1')).toMatch(/^URL: zones\.__proto__: expected a known key of zones/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
