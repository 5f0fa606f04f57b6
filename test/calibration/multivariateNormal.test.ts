/**
 * Kernel linear algebra: weighted covariance, Cholesky factor (with a ridge for singular matrices),
 * log density against the closed form, and the covariance of draws.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  choleskyNormal,
  multivariateNormalLogDensity,
  sampleMultivariateNormal,
  weightedCovariance,
} from '../../src/calibration/multivariateNormal.ts';

describe('multivariate normal', () => {
  it('weighted covariance Σ w (x − x̄)(x − x̄)ᵀ', () => {
    // Points (0,0) w=.25, (2,0) w=.25, (0,4) w=.5: x̄ = (0.5, 2); var x = .25·.25 + .25·2.25 + .5·.25 = .75;
    // var y = .25·4 + .25·4 + .5·4 = 4; cov = .25·(−.5)(−2) + .25·(1.5)(−2) + .5·(−.5)(2) = .25 − .75 − .5 = −1.
    const { mean, covariance } = weightedCovariance([[0, 0], [2, 0], [0, 4]], [0.25, 0.25, 0.5]);
    expect(Array.from(mean)).toEqual([0.5, 2]);
    expect(Array.from(covariance)).toEqual([0.75, -1, -1, 4]);
  });

  it('Cholesky factor and log density of a 2 × 2 covariance', () => {
    // [[4, 2], [2, 2]] = L Lᵀ with L = [[2, 0], [1, 1]]; det = 4.
    const normal = choleskyNormal(new Float64Array([4, 2, 2, 2]), 2);
    expect(Array.from(normal.factor)).toEqual([2, 0, 1, 1]);
    expect(normal.logDeterminant).toBeCloseTo(Math.log(4), 14);
    // Closed form: x = (1, 1) − 0: Σ⁻¹ = [[2, −2], [−2, 4]]/4, xᵀΣ⁻¹x = (2 − 4 + 4)/4 = 0.5;
    // ln p = −0.25 − ½ ln 4 − ln 2π.
    expect(multivariateNormalLogDensity([1, 1], [0, 0], normal)).toBeCloseTo(-0.25 - 0.5 * Math.log(4) - Math.log(2 * Math.PI), 13);
  });

  it('adds a ridge to a singular covariance instead of failing', () => {
    const normal = choleskyNormal(new Float64Array([1, 1, 1, 1]), 2);
    expect(Number.isFinite(normal.logDeterminant)).toBe(true);
    const zero = choleskyNormal(new Float64Array([0]), 1);
    expect(zero.factor[0]).toBeGreaterThan(0);
    expect(() => choleskyNormal(new Float64Array([Number.NaN]), 1)).toThrow(/covariance entry/);
  });

  it('draws have the requested covariance (20,000 draws, within 4 standard errors)', () => {
    const normal = choleskyNormal(new Float64Array([4, 2, 2, 2]), 2);
    const draw = seedrandom.alea('mvn-test') as unknown as () => number;
    const n = 20_000;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = sampleMultivariateNormal([0, 0], normal, draw);
      sxx += x * x;
      sxy += x * y;
      syy += y * y;
    }
    // Standard error of a sample variance σ² is σ²√(2/n): 4 · 0.01 = 0.04 for var x.
    expect(Math.abs(sxx / n - 4)).toBeLessThan(4 * 0.04);
    expect(Math.abs(syy / n - 2)).toBeLessThan(4 * 0.02);
    // SE of a covariance: √((σx²σy² + σxy²)/n) = √(12/n) ≈ 0.0245.
    expect(Math.abs(sxy / n - 2)).toBeLessThan(4 * 0.0245);
  });
});
