import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Parameters } from '../../src/model/parameterSpecification.ts';
import { expectLegacyRun, withLegacySettings } from '../support/legacyParameters.ts';

/**
 * Issue 9 changed what the province is (new investment sources, size variables, industrial-base
 * placement, zone data files, a relatedness switch, province totals kept by industry, guarantee
 * bail-outs) but every change nests the model of commit 4c7d987: with the new switches at their legacy
 * settings and the new elasticities at 0, every bundled scenario of that commit gives that commit's
 * results.
 *
 * The fixture (test/fixtures/model/legacy-4c7d987.json) was written by running commit 4c7d987 itself,
 * with the same loop as `record` below over every `scenarios/*.yaml` of that commit loaded by its
 * `loadScenarioFile`: each bundled scenario, 6 years, seed
 * replicationSeed(2009, 0), every reporter at every yearly recording, zones and industries included;
 * per (scenario, reporter) the SHA-256 of its lines "step,zone,industry,value", the province values,
 * and the scenario's fully resolved parameters (so later changes of defaults cannot move the test).
 *
 * Byte for byte: every reporter except the five below. Province output, jobs and capital are now
 * summed by industry independently of location (so that two scenarios with the same firms give
 * identical totals whatever their zones), which changes the order of the floating-point additions;
 * those five reporters must agree to 1e-12 relative (a few units in the last place).
 */
const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'model', 'legacy-4c7d987.json'), 'utf8'),
) as {
  years: number;
  seed: number;
  scenarios: Record<string, { parameters: Parameters; hashes: Record<string, string>; province: Record<string, number[]> }>;
};

type Variant = (p: Parameters) => void;

/** The stored parameters with the new leaves at their legacy settings, then the variant. */
function legacy(stored: Parameters, variant: Variant): Parameters {
  const p = withLegacySettings(stored);
  variant(p);
  p.time.years = fixture.years;
  return p;
}

const variants: Record<string, Variant> = {
  'new mechanisms off': () => {},
  'national mobile pool on, elasticity 0': (p) => {
    p.investment.mobile.enabled = true;
    p.investment.mobile.share = 0.6;
    p.investment.mobile.elasticity = 0;
  },
  'location premium on expansion on, elasticity 0': (p) => {
    p.investment.expansion.enabled = true;
    p.investment.expansion.elasticity = 0;
  },
};

describe('with the new switches at their legacy settings the model is commit 4c7d987', () => {
  const names = Object.keys(fixture.scenarios);
  it('covers every bundled scenario of that commit', () => {
    expect(names.length).toBe(19);
  });
  for (const [variantName, variant] of Object.entries(variants)) {
    describe(variantName, () => {
      for (const name of names) {
        it(name, () => {
          const old = fixture.scenarios[name];
          expectLegacyRun(old, legacy(old.parameters, variant), fixture.seed);
        });
      }
    });
  }
});
