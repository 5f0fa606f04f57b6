import { describe, expect, it } from 'vitest';
import { studentTCumulativeDistribution } from '../../src/statistics/studentTCumulativeDistribution.ts';
import { studentTQuantile } from '../../src/statistics/studentTQuantile.ts';

/** Absolute agreement required with the reference values (the brief asks for 1e-6). */
const TOLERANCE = 1e-6;

describe('studentTQuantile', () => {
  // Reference values from R 4.x, `qt(p, df)`, as given in the task brief.
  const rReference: Array<[p: number, df: number, expected: number]> = [
    [0.975, 1, 12.7062047], // R: qt(0.975, 1)
    [0.975, 2, 4.30265273], // R: qt(0.975, 2)
    [0.975, 5, 2.57058184], // R: qt(0.975, 5)
    [0.975, 29, 2.04522964], // R: qt(0.975, 29)
    [0.975, 100, 1.98397152], // R: qt(0.975, 100)
    [0.995, 10, 3.16927267], // R: qt(0.995, 10)
    [0.9, 3, 1.63774435], // R: qt(0.9, 3)
  ];
  it.each(rReference)('qt(%s, %s) = %s (R)', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(TOLERANCE);
  });

  // Further references computed independently with scipy 1.17 `scipy.stats.t.ppf` / `t.isf`.
  const scipyReference: Array<[p: number, df: number, expected: number]> = [
    [0.975, 4, 2.7764451051977934], // R: qt(0.975, 4) = 2.776445 (textbook t table)
    [0.995, 1, 63.656741162871526], // closed form tan(0.495π); R: qt(0.995, 1) = 63.65674
    [0.75, 3, 0.7648923284043444], // upper quartile, t table 0.765
    [0.975, 7.3, 2.345066736547703], // non-integer df (Welch-type)
    [1e-10, 3, -2225.769284683093], // far lower tail
    [0.975, 0.5, 164.55767348048846], // df < 1 still works
    [0.975, 1e6, 1.9599663568141072], // ≈ z + (z³ + z)/(4ν), z = 1.959963985
    [0.9999, 1e6, 3.7190302747625434],
  ];
  it.each(scipyReference)('quantile(%s, %s) = %s (scipy)', (p, df, expected) => {
    const actual = studentTQuantile(p, df);
    expect(Math.abs(actual - expected)).toBeLessThan(TOLERANCE * Math.max(1, Math.abs(expected)));
  });

  it('is exactly 0 at p = 0.5 and antisymmetric: Q(1 − p) = −Q(p)', () => {
    for (const df of [1, 2, 3, 9.5, 40]) {
      expect(studentTQuantile(0.5, df)).toBe(0);
      for (const p of [0.001, 0.025, 0.1, 0.4]) {
        expect(studentTQuantile(p, df)).toBeCloseTo(-studentTQuantile(1 - p, df), 10);
      }
    }
  });

  it('inverts the CDF: F(Q(p)) = p over a grid of p and df', () => {
    for (const df of [1, 1.5, 2, 3, 4, 7, 10, 29, 120, 1000]) {
      for (const p of [1e-8, 0.001, 0.01, 0.05, 0.2, 0.45, 0.55, 0.8, 0.95, 0.99, 0.999]) {
        const q = studentTQuantile(p, df);
        const roundTrip = p < 0.5 ? studentTCumulativeDistribution(q, df) : 1 - studentTCumulativeDistribution(-q, df);
        expect(Math.abs(roundTrip - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
      }
    }
  });

  it('decreases in df towards the normal quantile 1.959964 (R: qnorm(0.975))', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const df of [1, 2, 3, 5, 10, 30, 100, 1000, 1e5]) {
      const q = studentTQuantile(0.975, df);
      expect(q).toBeLessThan(previous);
      expect(q).toBeGreaterThan(1.959963984540054);
      previous = q;
    }
  });

  it('throws RangeError for probabilities outside (0, 1) and invalid df', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => studentTQuantile(p, 5)).toThrow(RangeError);
    }
    for (const df of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e8]) {
      expect(() => studentTQuantile(0.975, df)).toThrow(RangeError);
    }
  });

  it('throws RangeError (never ±Infinity) when the quantile is beyond double precision', () => {
    // ν = 1.5, p = 1e-300: quantile ≈ −10²⁰⁰, whose tail area underflows in the CDF.
    expect(() => studentTQuantile(1e-300, 1.5)).toThrow(RangeError);
    // ν = 1: closed form 1/tan(πp) overflows for p below ~1e-309 (subnormal).
    expect(() => studentTQuantile(5e-324, 1)).toThrow(RangeError);
  });
});
