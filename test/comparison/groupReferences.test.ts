import { describe, expect, it } from 'vitest';
import { chooseGroupReferences, groupMedoid, parameterDistance } from '../../src/comparison/groupReferences.ts';

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

describe('groupMedoid', () => {
  it('makes the scenario the others are variants of the reference of a group without the baseline', () => {
    // henan-no-zones differs from henan in 1 parameter, henan-calibrated in 3 (distances: henan 1 + 3
    // = 4, henan-no-zones 1 + 4 = 5, henan-calibrated 3 + 4 = 7): henan, though it is not first.
    const henan = { 'zones.count': 180, 'firms.exitHazard': 0.1, 'projects.perYear': 1500, 'choice.x': 1 };
    const scenarios = [
      { name: 'henan-calibrated', group: 'province' as const, endYear: 2031, parameters: { ...henan, 'firms.exitHazard': 0.0987, 'projects.perYear': 1697, 'choice.x': 0.47 } },
      { name: 'henan-no-zones', group: 'province' as const, endYear: 2031, parameters: { ...henan, 'zones.count': 0 } },
      { name: 'henan', group: 'province' as const, endYear: 2031, parameters: henan },
      { name: 'baseline', group: 'teaching' as const, endYear: 2031, parameters: {} },
    ];
    expect(parameterDistance(henan, { ...henan, 'zones.count': 0 })).toBe(1);
    expect(parameterDistance({ a: [1, 2] }, { a: [1, 2], b: 3 })).toBe(1);
    expect(groupMedoid(scenarios.slice(0, 3)).name).toBe('henan');
    const roles = chooseGroupReferences(scenarios, 'baseline');
    expect(roles.get('henan-calibrated')?.reference).toBe('henan');
    expect(roles.get('henan-no-zones')?.reference).toBe('henan');
    expect(roles.get('henan')?.isReference).toBe(true);
  });
});
