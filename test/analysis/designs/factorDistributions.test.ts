import { describe, expect, it } from 'vitest';
import {
  assertValidFactorDistribution,
  factorDistributionQuantile,
  type FactorDistribution,
} from '../../../src/analysis/designs/factorDistributions.ts';
import { standardNormalCumulativeDistribution } from '../../../src/analysis/designs/standardNormalCumulativeDistribution.ts';
import { standardNormalQuantile } from '../../../src/analysis/designs/standardNormalQuantile.ts';

describe('standardNormalQuantile (AS 241)', () => {
  it.each([
    // scipy.stats.norm.ppf / R qnorm
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.3, -0.5244005127080409],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%f) = %f', (p, z) => {
    expect(standardNormalQuantile(p)).toBeCloseTo(z, 13);
  });

  it('rejects 0, 1 and NaN', () => {
    for (const p of [0, 1, Number.NaN, -0.1]) expect(() => standardNormalQuantile(p)).toThrow(RangeError);
  });
});

describe('standardNormalCumulativeDistribution', () => {
  it.each([
    // scipy.stats.norm.cdf / R pnorm
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-3, 0.0013498980316300933],
    [-6, 9.865876450376946e-10],
  ])('Φ(%f) = %f (relative error < 1e-13)', (x, p) => {
    expect(Math.abs(standardNormalCumulativeDistribution(x) - p) / p).toBeLessThan(1e-13);
  });

  it('inverts standardNormalQuantile', () => {
    for (let p = 0.001; p < 1; p += 0.0173) {
      expect(standardNormalCumulativeDistribution(standardNormalQuantile(p))).toBeCloseTo(p, 14);
    }
  });
});

describe('factorDistributionQuantile', () => {
  it('uniform(a, b): a + u(b − a), ends exact', () => {
    const distribution: FactorDistribution = { kind: 'uniform', lower: -Math.PI, upper: Math.PI };
    expect(factorDistributionQuantile(distribution, 0)).toBe(-Math.PI);
    expect(factorDistributionQuantile(distribution, 0.75)).toBeCloseTo(Math.PI / 2, 15);
    expect(factorDistributionQuantile(distribution, 1)).toBe(Math.PI);
    expect(factorDistributionQuantile({ kind: 'uniform', lower: 2, upper: 2 }, 0.3)).toBe(2);
  });

  it('normal(μ, σ): μ + σ Φ⁻¹(u); infinite at 0 and 1', () => {
    // 10 + 2 × 1.959963984540054 = 13.919927969080108
    expect(factorDistributionQuantile({ kind: 'normal', mean: 10, standardDeviation: 2 }, 0.975)).toBeCloseTo(13.919927969080108, 12);
    expect(() => factorDistributionQuantile({ kind: 'normal', mean: 0, standardDeviation: 1 }, 0)).toThrow(/infinite quantile/);
  });

  it('truncated normal matches scipy.stats.truncnorm.ppf, in the centre and in a far tail', () => {
    // scipy: truncnorm.ppf(0.5, 1, 2) = 1.336440347745247; truncnorm.ppf(0.5, 5, 6) = 5.131371763283919;
    // truncnorm.ppf(0.25, -1, 1.5) = -0.37914622693542294; 10 + 2 truncnorm.ppf(0.3, -1, 5) = 9.55035454205101;
    // truncnorm.ppf(0.5, 8, inf) = 8.084911007391545.
    const q = (distribution: FactorDistribution, u: number): number => factorDistributionQuantile(distribution, u) as number;
    expect(q({ kind: 'normal', mean: 0, standardDeviation: 1, lower: 1, upper: 2 }, 0.5)).toBeCloseTo(1.336440347745247, 12);
    expect(q({ kind: 'normal', mean: 0, standardDeviation: 1, lower: 5, upper: 6 }, 0.5)).toBeCloseTo(5.131371763283919, 10);
    expect(q({ kind: 'normal', mean: 0, standardDeviation: 1, lower: -1, upper: 1.5 }, 0.25)).toBeCloseTo(-0.37914622693542294, 12);
    expect(q({ kind: 'normal', mean: 10, standardDeviation: 2, lower: 8, upper: 20 }, 0.3)).toBeCloseTo(9.55035454205101, 12);
    expect(q({ kind: 'normal', mean: 0, standardDeviation: 1, lower: 8 }, 0.5)).toBeCloseTo(8.084911007391545, 9);
    // Both bounds given: u = 0 and u = 1 are the bounds.
    expect(q({ kind: 'normal', mean: 0, standardDeviation: 1, lower: -1, upper: 1.5 }, 0)).toBe(-1);
    expect(q({ kind: 'normal', mean: 0, standardDeviation: 1, lower: -1, upper: 1.5 }, 1)).toBe(1.5);
  });

  it('triangular(a, c, b) matches scipy.stats.triang.ppf', () => {
    // scipy: triang.ppf(0.125, c=0.25, loc=0, scale=4) = √0.5 = 0.7071067811865476;
    // triang.ppf(0.7, 0.25, 0, 4) = 2.102633403898972; F(mode) = 1/4.
    const distribution: FactorDistribution = { kind: 'triangular', lower: 0, mode: 1, upper: 4 };
    expect(factorDistributionQuantile(distribution, 0.125)).toBeCloseTo(0.7071067811865476, 15);
    expect(factorDistributionQuantile(distribution, 0.25)).toBeCloseTo(1, 15);
    expect(factorDistributionQuantile(distribution, 0.7)).toBeCloseTo(2.102633403898972, 14);
    expect(factorDistributionQuantile(distribution, 0)).toBe(0);
    expect(factorDistributionQuantile(distribution, 1)).toBe(4);
  });

  it('integer ranges and choices: equal-probability cells, ends included', () => {
    const integer: FactorDistribution = { kind: 'integer', lower: 1, upper: 3 };
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999, 1].map((u) => factorDistributionQuantile(integer, u))).toEqual([1, 1, 2, 2, 3, 3, 3]);
    const choice: FactorDistribution = { kind: 'choice', values: ['none', 'fund', 'guarantee'] };
    expect([0, 0.5, 1].map((u) => factorDistributionQuantile(choice, u))).toEqual(['none', 'fund', 'guarantee']);
  });

  it('rejects malformed distributions with a message naming the factor', () => {
    expect(() => assertValidFactorDistribution({ kind: 'uniform', lower: 1, upper: 0 }, 'tax')).toThrow(
      "factor 'tax': uniform needs lower <= upper, got lower 1, upper 0",
    );
    expect(() => assertValidFactorDistribution({ kind: 'normal', mean: 0, standardDeviation: 0 }, 's')).toThrow(/standardDeviation > 0/);
    expect(() => assertValidFactorDistribution({ kind: 'triangular', lower: 0, mode: 5, upper: 4 }, 't')).toThrow(/lower <= mode <= upper/);
    expect(() => assertValidFactorDistribution({ kind: 'integer', lower: 0.5, upper: 4 }, 'i')).toThrow(/integer bounds/);
    expect(() => assertValidFactorDistribution({ kind: 'choice', values: [] }, 'c')).toThrow(/non-empty/);
    expect(() => assertValidFactorDistribution({ kind: 'lognormal' } as never, 'l')).toThrow(/unknown distribution kind lognormal/);
    expect(() => factorDistributionQuantile({ kind: 'uniform', lower: 0, upper: 1 }, 1.5)).toThrow(/\[0, 1\]/);
  });
});
