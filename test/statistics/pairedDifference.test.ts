import { tTest } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/statistics/pairedDifference.ts';

describe('pairedDifference', () => {
  it('reproduces a fully hand-worked 5-pair example', () => {
    // Five replications, each run for both scenarios with the same seed.
    const treatment = [12.1, 9.8, 11.4, 10.9, 13.0];
    const control = [11.0, 9.9, 10.2, 10.1, 11.8];
    // By hand:
    //   d = [1.1, −0.1, 1.2, 0.8, 1.2];  Σd = 4.2;  d̄ = 4.2/5 = 0.84
    //   deviations d − d̄ = [0.26, −0.94, 0.36, −0.04, 0.36]
    //   squares = [0.0676, 0.8836, 0.1296, 0.0016, 0.1296];  Σ = 1.212
    //   s_d² = 1.212/4 = 0.303;  s_d = √0.303 = 0.5504543577809152
    //   se = √(0.303/5) = √0.0606 = 0.24617067250182334
    //   t_{0.975,4} = 2.7764451051977934 (R: qt(0.975, 4) = 2.776445)
    //   half-width = 2.7764451051977934 × 0.24617067250182334 = 0.6834793587109365
    //   interval = [0.84 − 0.68348, 0.84 + 0.68348] = [0.15652064128906373, 1.5234793587109365]
    //   t = 0.84/0.24617067250182334 = 3.4122667475500292 on 4 df
    //   p = 2·pt(−3.41227, 4) = 0.026971120907447643 (scipy.stats.ttest_rel; R t.test(paired=TRUE))
    //   Cohen's d_z = 0.84/0.5504543577809152 = 1.5260120809767959 (= t/√5)
    const result = pairedDifference(treatment, control);
    const expectedDifferences = [1.1, -0.1, 1.2, 0.8, 1.2];
    result.differences.forEach((difference, index) => {
      expect(difference).toBeCloseTo(expectedDifferences[index], 12);
    });
    expect(result.n).toBe(5);
    expect(result.degreesOfFreedom).toBe(4);
    expect(result.meanDifference).toBeCloseTo(0.84, 12);
    expect(result.standardDeviation).toBeCloseTo(0.5504543577809152, 12);
    expect(result.standardError).toBeCloseTo(0.24617067250182334, 12);
    expect(result.criticalValue).toBeCloseTo(2.7764451051977934, 10);
    expect(result.halfWidth).toBeCloseTo(0.6834793587109365, 10);
    expect(result.lower).toBeCloseTo(0.15652064128906373, 10);
    expect(result.upper).toBeCloseTo(1.5234793587109365, 10);
    expect(result.tStatistic).toBeCloseTo(3.4122667475500292, 10);
    expect(result.pValue).toBeCloseTo(0.026971120907447643, 10);
    expect(result.cohensDz).toBeCloseTo(1.5260120809767959, 10);
    expect(result.signSettled).toBe(true);
    expect(result.direction).toBe('increase');
    expect(result.defined).toBe(true);
    // Cross-check with simple-statistics' one-sample tTest on the differences. Its documented
    // formula uses the population sd (divisor n), so it equals our t × √(n/(n − 1)):
    // 3.4122667475500292 × √(5/4) = 3.81503020244199.
    expect(tTest(result.differences, 0)).toBeCloseTo(3.81503020244199, 10);
    expect(result.tStatistic! * Math.sqrt(5 / 4)).toBeCloseTo(tTest(result.differences, 0), 10);
  });

  it('agrees with R t.test(c(1,2,3,4,5), c(0,0,0,0,0), paired = TRUE)', () => {
    // d = 1..5: d̄ = 3, s_d = √2.5, se = √0.5, t = 3/√0.5 = 4.242640687119285, df = 4,
    // p = 0.01323559956368269 (scipy ttest_rel; R prints p-value = 0.01324),
    // 95% CI [1.036757, 4.963243], d_z = 3/√2.5 = 1.8973665961010275.
    const result = pairedDifference([1, 2, 3, 4, 5], [0, 0, 0, 0, 0]);
    expect(result.tStatistic).toBeCloseTo(4.242640687119285, 12);
    expect(result.pValue).toBeCloseTo(0.01323559956368269, 12);
    expect(result.lower).toBeCloseTo(1.0367568385224428, 10);
    expect(result.upper).toBeCloseTo(4.963243161477557, 10);
    expect(result.cohensDz).toBeCloseTo(1.8973665961010275, 12);
  });

  it('reports a settled decrease and an unsettled difference', () => {
    // Swapping the arms negates everything: d = −(1..5).
    const decrease = pairedDifference([0, 0, 0, 0, 0], [1, 2, 3, 4, 5]);
    expect(decrease.direction).toBe('decrease');
    expect(decrease.signSettled).toBe(true);
    expect(decrease.upper).toBeCloseTo(-1.0367568385224428, 10);
    expect(decrease.tStatistic).toBeCloseTo(-4.242640687119285, 12);
    expect(decrease.cohensDz).toBeCloseTo(-1.8973665961010275, 12);
    // d = [1, −1, 2, −2, 0.5]: d̄ = 0.1, interval clearly contains 0.
    const unsettled = pairedDifference([1, -1, 2, -2, 0.5], [0, 0, 0, 0, 0]);
    expect(unsettled.lower).toBeLessThan(0);
    expect(unsettled.upper).toBeGreaterThan(0);
    expect(unsettled.signSettled).toBe(false);
    expect(unsettled.direction).toBe('unsettled');
  });

  it('all differences exactly 0: no-difference, effect 0, p = 1, t null', () => {
    const result = pairedDifference([3, 4, 5], [3, 4, 5]);
    expect(result.direction).toBe('no-difference');
    expect(result.signSettled).toBe(false);
    expect(result.meanDifference).toBe(0);
    expect(result.lower).toBe(0);
    expect(result.upper).toBe(0);
    expect(result.cohensDz).toBe(0);
    expect(result.tStatistic).toBeNull();
    expect(result.pValue).toBe(1);
    expect(Object.is(result.meanDifference, -0)).toBe(false);
  });

  it('all differences equal and non-zero: settled, effect size null (not ±Infinity), p = 0', () => {
    // d = [2, 2, 2] (exact in binary): s_d = 0, interval [2, 2].
    const result = pairedDifference([3, 4, 5], [1, 2, 3]);
    expect(result.meanDifference).toBe(2);
    expect(result.standardDeviation).toBe(0);
    expect(result.lower).toBe(2);
    expect(result.upper).toBe(2);
    expect(result.cohensDz).toBeNull();
    expect(result.tStatistic).toBeNull();
    expect(result.pValue).toBe(0);
    expect(result.signSettled).toBe(true);
    expect(result.direction).toBe('increase');
  });

  it('n = 1: not defined, unsettled, nulls instead of NaN', () => {
    const result = pairedDifference([5], [3]);
    expect(result.defined).toBe(false);
    expect(result.meanDifference).toBe(2);
    expect(result.lower).toBe(2);
    expect(result.upper).toBe(2);
    expect(result.standardError).toBe(0);
    expect(result.criticalValue).toBeNull();
    expect(result.tStatistic).toBeNull();
    expect(result.pValue).toBeNull();
    expect(result.cohensDz).toBeNull();
    expect(result.signSettled).toBe(false);
    expect(result.direction).toBe('unsettled');
    const zero = pairedDifference([5], [5]);
    expect(zero.direction).toBe('no-difference');
    expect(zero.cohensDz).toBe(0);
  });

  it('never returns NaN or ±Infinity in any numeric field', () => {
    const cases: Array<[number[], number[]]> = [
      [[1], [1]],
      [[1], [2]],
      [[1, 1], [1, 1]],
      [[2, 2], [1, 1]],
      [[1, 2, 3], [3, 1, 2]],
    ];
    for (const [treatment, control] of cases) {
      const result = pairedDifference(treatment, control);
      for (const value of Object.values(result)) {
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  it('throws RangeError when the arms differ in length, are empty or contain non-finite values', () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/same replication index/);
    expect(() => pairedDifference([], [])).toThrow(RangeError);
    expect(() => pairedDifference([1, Number.NaN], [1, 2])).toThrow(RangeError);
    expect(() => pairedDifference([1, 2], [1, 2], 1)).toThrow(RangeError);
    expect(() => pairedDifference([1.7e308, 0], [-1.7e308, 0])).toThrow(RangeError);
  });
});
