import { describe, expect, it } from 'vitest';
import { describeRobustness, summariseRobustness } from '../../src/claims/robustnessSummary.ts';
import { hypercubeDraws, posteriorDraws, sharedOverrides } from '../../src/claims/robustnessVariants.ts';

describe('summariseRobustness', () => {
  it('counts the draws giving the main verdict and splits at the parameter whose halves differ most', () => {
    // a: low half (0.1, 0.2) unsettled, high half (0.3, 0.4) supported → gap 1; b is unrelated (gap 0 for its halves 1/2 vs 1/2).
    const draws = [
      { values: { b: 5, a: 0.1 }, verdict: 'unsettled' as const },
      { values: { b: 1, a: 0.4 }, verdict: 'supported' as const },
      { values: { b: 2, a: 0.2 }, verdict: 'unsettled' as const },
      { values: { b: 7, a: 0.3 }, verdict: 'supported' as const },
    ];
    const s = summariseRobustness('supported', draws);
    expect(s.draws).toBe(4);
    expect(s.agreeing).toBe(2);
    expect(s.share).toBe(0.5);
    expect(s.split?.parameter).toBe('a');
    expect(s.split?.threshold).toBeCloseTo(0.25, 12); // (0.2 + 0.3) / 2
    expect(s.split?.below.unsettled).toBe(2);
    expect(s.split?.above.supported).toBe(2);
    expect(describeRobustness('supported', s)).toBe('supported in 2 of 4 draws (50 %) (others: 2 unsettled); below 0.25 of a: 2 unsettled; above: 2 supported');
  });

  it('has no split when every draw agrees', () => {
    const s = summariseRobustness('supported', [
      { values: { a: 1 }, verdict: 'supported' },
      { values: { a: 2 }, verdict: 'supported' },
    ]);
    expect(s.split).toBeNull();
    expect(describeRobustness('supported', s)).toBe('supported in 2 of 2 draws (100 %)');
  });
});

describe('posteriorDraws', () => {
  it('resamples systematically by weight: draw k is the first particle whose cumulative weight reaches (k + ½)/K', () => {
    // weights 0.25, 0.75 (cumulative 0.25, 1); K = 4: u = 0.125 → particle 0; 0.375, 0.625, 0.875 → particle 1.
    const draws = posteriorDraws({ file: 'p.csv', parameters: ['choice.scale'], rows: [[1], [2]], weights: [0.25, 0.75] }, 4);
    expect(draws.map((d) => d[0][1])).toEqual([1, 2, 2, 2]);
  });
  it('rounds integer parameters', () => {
    expect(posteriorDraws({ file: 'p.csv', parameters: ['firms.initialCount'], rows: [[1200.6]], weights: [1] }, 1)[0][0][1]).toBe(1201);
  });
});

describe('hypercubeDraws', () => {
  it('puts exactly one draw in each of the K strata of every range, the same on every call', () => {
    const ranges = [
      { parameter: 'choice.agglomeration.coefficient', min: 0, max: 1 },
      { parameter: 'firms.exitHazard', min: 0.03, max: 0.15 },
    ];
    const draws = hypercubeDraws(ranges, 8, 'test');
    expect(draws).toEqual(hypercubeDraws(ranges, 8, 'test'));
    const strata = (j: number): number[] => draws.map((d) => Math.floor(((d[j][1] - ranges[j].min) / (ranges[j].max - ranges[j].min)) * 8)).sort((a, b) => a - b);
    expect(strata(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(strata(1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('sharedOverrides', () => {
  it('keeps only overrides of parameters every arm shares (the levers the arms differ in stay)', () => {
    const withZones = { zones: { count: 12 }, choice: { scale: 1 } };
    const withoutZones = { zones: { count: 0 }, choice: { scale: 1 } };
    expect(sharedOverrides([['zones.count', 5], ['choice.scale', 2]], [withZones, withoutZones])).toEqual([['choice.scale', 2]]);
  });
});
