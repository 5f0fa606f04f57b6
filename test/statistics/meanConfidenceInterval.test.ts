import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval } from '../../src/statistics/meanConfidenceInterval.ts';

/** Standard normal variate by the Box–Muller transform (Box & Muller 1958) from a [0, 1) generator. */
function standardNormal(uniform: () => number): number {
  const u1 = 1 - uniform(); // (0, 1]: avoids ln 0
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

describe('meanConfidenceInterval', () => {
  it('reproduces a hand-worked 95% interval for [1, 2, 3, 4, 5]', () => {
    // By hand: n = 5, x̄ = 15/5 = 3; deviations −2, −1, 0, 1, 2; Σ squares = 10;
    // s² = 10/4 = 2.5, s = 1.5811388300841898; se = s/√5 = √0.5 = 0.7071067811865476;
    // t = qt(0.975, 4) = 2.7764451051977934 (R: 2.776445; scipy t.ppf(0.975, 4));
    // half-width = 2.7764451051977934 × 0.7071067811865476 = 1.9632431614775572;
    // interval [3 − 1.9632431614775572, 3 + 1.9632431614775572] = [1.0367568385224428, 4.963243161477557].
    const interval = meanConfidenceInterval([1, 2, 3, 4, 5]);
    expect(interval.mean).toBe(3);
    expect(interval.n).toBe(5);
    expect(interval.level).toBe(0.95);
    expect(interval.degreesOfFreedom).toBe(4);
    expect(interval.defined).toBe(true);
    expect(interval.standardDeviation).toBeCloseTo(1.5811388300841898, 14);
    expect(interval.standardError).toBeCloseTo(0.7071067811865476, 14);
    expect(interval.criticalValue).toBeCloseTo(2.7764451051977934, 10);
    expect(interval.halfWidth).toBeCloseTo(1.9632431614775572, 10);
    expect(interval.lower).toBeCloseTo(1.0367568385224428, 10);
    expect(interval.upper).toBeCloseTo(4.963243161477557, 10);
  });

  it('uses the requested level: 90% interval for [1, 2, 3, 4, 5]', () => {
    // qt(0.95, 4) = 2.1318467863266495 (scipy; R: 2.131847); half-width = 2.1318467863266495 × √0.5
    // = 1.5074433190623229; interval [1.4925566809376771, 4.507443319062323].
    const interval = meanConfidenceInterval([1, 2, 3, 4, 5], 0.9);
    expect(interval.lower).toBeCloseTo(1.4925566809376771, 10);
    expect(interval.upper).toBeCloseTo(4.507443319062323, 10);
  });

  it('n = 1: collapses to the point, defined: false, no NaN', () => {
    const interval = meanConfidenceInterval([7.5]);
    expect(interval).toEqual({
      mean: 7.5,
      standardDeviation: 0,
      standardError: 0,
      lower: 7.5,
      upper: 7.5,
      halfWidth: 0,
      n: 1,
      level: 0.95,
      degreesOfFreedom: 0,
      criticalValue: null,
      defined: false,
    });
  });

  it('zero variance: exact mean, zero-width interval, still defined', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004 in floating point; the mean must still be exactly 0.1.
    const interval = meanConfidenceInterval([0.1, 0.1, 0.1]);
    expect(interval.mean).toBe(0.1);
    expect(interval.standardDeviation).toBe(0);
    expect(interval.standardError).toBe(0);
    expect(interval.lower).toBe(0.1);
    expect(interval.upper).toBe(0.1);
    expect(interval.defined).toBe(true);
  });

  it('does not modify its input', () => {
    const values = [3, 1, 2];
    meanConfidenceInterval(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('throws RangeError for empty input, non-finite values, bad levels and overflow', () => {
    expect(() => meanConfidenceInterval([])).toThrow(RangeError);
    expect(() => meanConfidenceInterval([1, Number.NaN])).toThrow(RangeError);
    expect(() => meanConfidenceInterval([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    for (const level of [0, 1, 95, -0.5, Number.NaN]) {
      expect(() => meanConfidenceInterval([1, 2, 3], level)).toThrow(RangeError);
    }
    expect(() => meanConfidenceInterval([1e300, -1e300])).toThrow(RangeError);
  });

  it('covers the true mean in 93.5%–96.5% of 2000 simulated normal samples of n = 10', () => {
    // Seeded (alea 'x'), hence deterministic. For normal data the t interval is exact, so the
    // coverage count is Binomial(2000, 0.95): mean 1900, sd √(2000·0.95·0.05) = 9.75; the accepted
    // band 1870–1930 is ±3.1 sd.
    const rng = seedrandom.alea('x');
    const trueMean = 5;
    const trueStandardDeviation = 2;
    const samples = 2000;
    let covered = 0;
    for (let sample = 0; sample < samples; sample++) {
      const values = Array.from({ length: 10 }, () => trueMean + trueStandardDeviation * standardNormal(rng));
      const interval = meanConfidenceInterval(values);
      if (interval.lower <= trueMean && trueMean <= interval.upper) covered += 1;
    }
    const coverage = covered / samples;
    expect(coverage).toBeGreaterThanOrEqual(0.935);
    expect(coverage).toBeLessThanOrEqual(0.965);
  });
});
