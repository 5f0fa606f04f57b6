import { describe, expect, it } from 'vitest';
import { contrastValues } from '../../src/claims/contrastValues.ts';
import { rankClaimOutcomes } from '../../src/claims/rankClaimOutcomes.ts';
import { windowInstants, windowMean } from '../../src/claims/windowMean.ts';

describe('contrastValues', () => {
  it('pair: scenario minus reference per replication', () => {
    expect(contrastValues('pair', [[10, 12], [7, 8]])).toEqual({ differences: [3, 4], reference: [7, 8], magnitudes: [10, 12] });
  });

  it('interaction: both − first − second + neither per replication (a difference in differences)', () => {
    // r0: 9 − 5 − 6 + 4 = 2; r1: 20 − 10 − 12 + 3 = 1 (= (20 − 12) − (10 − 3) = 8 − 7)
    const c = contrastValues('interaction', [[9, 20], [5, 10], [6, 12], [4, 3]]);
    expect(c.differences).toEqual([2, 1]);
    expect(c.reference).toEqual([4, 3]); // neither
    expect(c.magnitudes).toEqual([9, 20]);
  });

  it('leaves out replications where an arm is undefined (NaN)', () => {
    expect(contrastValues('pair', [[1, Number.NaN, 3], [0, 0, 1]]).differences).toEqual([1, 2]);
  });

  it('refuses arms that do not fit the contrast', () => {
    expect(() => contrastValues('interaction', [[1], [2], [3]])).toThrow(/needs 4 arms/);
    expect(() => contrastValues('pair', [[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('rankClaimOutcomes', () => {
  it('puts primary outcomes first, then the largest |relative| effect, nulls last, ties in file order', () => {
    const ranked = rankClaimOutcomes([
      { name: 'a', primary: false, relative: 0.5 },
      { name: 'b', primary: false, relative: null },
      { name: 'c', primary: true, relative: 0.01 },
      { name: 'd', primary: false, relative: -0.9 },
      { name: 'e', primary: false, relative: 0.5 },
    ]);
    expect(ranked.map((o) => o.name)).toEqual(['c', 'd', 'a', 'e', 'b']);
  });
});

describe('windowInstants and windowMean', () => {
  const years = [2009, 2010, 2011, 2012, 2013];
  it('a window holds the instants with years in [from, to]; end holds the last', () => {
    expect(windowInstants(years, { name: 'crisis', label: '', from: 2010, to: 2012 })).toEqual([1, 2, 3]);
    expect(windowInstants(years, 'end')).toEqual([4]);
    expect(windowInstants([2009 + 1 / 12, 2009 + 2 / 12], { name: 'w', label: '', from: 2009 + 1 / 12, to: 2009 + 1 / 12 })).toEqual([0]);
  });
  it('the mean leaves out undefined values; NaN when none is defined', () => {
    expect(windowMean((i) => [1, 2, Number.NaN, 6][i], [1, 2, 3])).toBe(4); // (2 + 6) / 2
    expect(Number.isNaN(windowMean(() => Number.NaN, [0, 1]))).toBe(true);
  });
});
