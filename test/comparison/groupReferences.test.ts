import { describe, expect, it } from 'vitest';
import { chooseGroupReferences } from '../../src/comparison/groupReferences.ts';

describe('chooseGroupReferences', () => {
  const scenarios = [
    { name: 'arthur-1990', group: 'limiting', endYear: 2029 },
    { name: 'baseline', group: 'teaching', endYear: 2031 },
    { name: 'henan', group: 'province', endYear: 2031 },
    { name: 'henan-no-zones', group: 'province', endYear: 2031 },
    { name: 'no-zones', group: 'teaching', endYear: 2031 },
    { name: 'polya-urn', group: 'limiting', endYear: 2029 },
    { name: 'short', group: 'teaching', endYear: 2020 },
    { name: 'national', group: 'national', endYear: 2031 },
  ] as const;
  const roles = chooseGroupReferences(scenarios, 'baseline');

  it('compares within a group only: the baseline in its group, the first scenario in another', () => {
    expect(roles.get('no-zones')).toEqual({ reference: 'baseline', isReference: false, notCompared: null });
    expect(roles.get('baseline')).toEqual({ reference: null, isReference: true, notCompared: null });
    expect(roles.get('henan-no-zones')).toEqual({ reference: 'henan', isReference: false, notCompared: null });
    expect(roles.get('henan')).toMatchObject({ reference: null, isReference: true, notCompared: null });
  });

  it('says in one sentence why a scenario is not compared', () => {
    expect(roles.get('arthur-1990')?.notCompared).toBe(
      'arthur-1990 is a limiting case (one industry, a textbook model of its own), so it is shown but not compared with a province.',
    );
    expect(roles.get('short')?.notCompared).toBe(
      'short ends in 2020 and its reference baseline in 2031; end states are compared only between runs of the same length.',
    );
    expect(roles.get('national')?.notCompared).toBe(
      'national is the only scenario at national scale, so there is nothing of the same scale to compare it with.',
    );
    expect([...roles.values()].filter((r) => r.reference === null && !r.isReference && r.notCompared === null)).toEqual([]);
  });

  it('compares limiting cases with each other only when the baseline is one of them, and nothing without a baseline', () => {
    expect(chooseGroupReferences(scenarios, 'polya-urn').get('arthur-1990')?.reference).toBe('polya-urn');
    expect([...chooseGroupReferences(scenarios, null).values()].every((r) => r.reference === null && r.notCompared === null)).toBe(true);
  });
});
