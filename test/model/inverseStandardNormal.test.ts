import { describe, expect, it } from 'vitest';
import { inverseStandardNormal, inverseStandardNormalInPlace } from '../../src/model/inverseStandardNormal.ts';

// Reference quantiles from Python 3.11's statistics.NormalDist().inv_cdf(p) (printed with repr), each
// checked independently of any quantile code by Φ(z) = 0.5·erfc(−z/√2) = p to within 6e-15 relative.
const PYTHON_INV_CDF: readonly [number, number][] = [
  [0.5, 0],
  [0.975, 1.9599639845400536],
  [0.025, -1.9599639845400538],
  [0.9, 1.2815515655446008],
  [0.075, -1.4395314709384557], // |p − 0.5| = 0.425: the last central value
  [0.07, -1.4757910281791702], // the tail branch (r ≤ 5)
  [0.999, 3.090232306167813],
  [1e-6, -4.753424308822899],
  [1e-12, -7.034483825301132], // r > 5: the far-tail branch
  [1 - 1e-10, 6.361340889697421],
  [0.5 / 4294967296, -6.337957754553789], // the smallest counter uniform, (0 + 0.5) / 2^32
];

describe('inverseStandardNormal (Wichura 1988, AS 241)', () => {
  it('matches an independent implementation to 1e-14 relative (central, tail and far-tail branches)', () => {
    for (const [p, z] of PYTHON_INV_CDF) {
      const got = inverseStandardNormal(p);
      if (z === 0) expect(got).toBe(0);
      else expect(Math.abs(got - z) / Math.abs(z)).toBeLessThan(1e-14);
    }
  });

  it('is the inverse of the normal CDF: symmetric, monotone, and inverts Φ at every 1/1000', () => {
    let previous = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      const z = inverseStandardNormal(p);
      expect(z).toBeGreaterThan(previous);
      previous = z;
      expect(inverseStandardNormal(1 - p)).toBeCloseTo(-z, 12);
    }
  });

  it('gives ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(inverseStandardNormal(0)).toBe(-Infinity);
    expect(inverseStandardNormal(1)).toBe(Infinity);
    expect(inverseStandardNormal(-0.1)).toBeNaN();
    expect(inverseStandardNormal(1.5)).toBeNaN();
    expect(inverseStandardNormal(Number.NaN)).toBeNaN();
  });

  it('the batch form gives the same bits', () => {
    const p = Float64Array.from({ length: 500 }, (_, i) => (i + 0.5) / 500);
    const out = p.slice();
    inverseStandardNormalInPlace(out, 0, out.length);
    for (let i = 0; i < p.length; i++) expect(Object.is(out[i], inverseStandardNormal(p[i]))).toBe(true);
  });
});
