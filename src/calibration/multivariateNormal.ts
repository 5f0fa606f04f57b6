/**
 * The multivariate normal distribution as ABC-SMC's perturbation kernel needs it: a weighted
 * covariance, its Cholesky factor, draws and log densities. Dense row-major matrices in
 * Float64Arrays; dimensions are the number of continuous calibrated parameters (a handful to a few
 * dozen), so plain O(d³) loops are right. Pure module.
 */
import { log } from '../model/deterministicMath.ts';
import { standardNormal, type UniformGenerator } from '../model/randomStreams.ts';

/** A normal distribution N(mean, L Lᵀ) given by its mean and lower-triangular Cholesky factor. */
export interface CholeskyNormal {
  readonly dimension: number;
  /** Row-major d × d lower-triangular factor L of the covariance. */
  readonly factor: Float64Array;
  /** ln det(L Lᵀ) = 2 Σ ln L_ii. */
  readonly logDeterminant: number;
}

/**
 * Weighted mean and covariance Σ_i w_i (x_i − x̄)(x_i − x̄)ᵀ of points (weights summing to 1).
 *
 * Why: Beaumont et al. (2009) set the kernel covariance to twice the weighted covariance of the
 * previous population; this is that weighted covariance (the "biased" one, without the
 * 1/(1 − Σw²) correction, as in their paper).
 *
 * @param points n points of dimension d.
 * @param weights n normalised weights.
 * @returns mean (length d) and covariance (row-major d × d).
 * @example weightedCovariance([[0], [2]], [0.5, 0.5]).covariance // Float64Array [1]
 */
export function weightedCovariance(
  points: readonly (readonly number[])[],
  weights: readonly number[],
): { readonly mean: Float64Array; readonly covariance: Float64Array } {
  const d = points.length > 0 ? points[0].length : 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < points.length; i++) for (let a = 0; a < d; a++) mean[a] += weights[i] * points[i][a];
  const covariance = new Float64Array(d * d);
  for (let i = 0; i < points.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    for (let a = 0; a < d; a++) {
      const da = points[i][a] - mean[a];
      for (let b = 0; b <= a; b++) covariance[a * d + b] += w * da * (points[i][b] - mean[b]);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) covariance[b * d + a] = covariance[a * d + b];
  return { mean, covariance };
}

/**
 * Cholesky factor of a symmetric covariance, adding a ridge ε·I when it is not numerically
 * positive definite (a population collapsed onto a line or a point): ε starts at 1e-10 × the
 * mean diagonal (or 1e-10 when the diagonal is 0) and grows tenfold until the factorisation works.
 *
 * @param covariance row-major d × d symmetric matrix.
 * @param dimension d.
 * @returns the factor and ln det.
 * @throws {RangeError} when the matrix contains a non-finite entry.
 * @example choleskyNormal(new Float64Array([4, 2, 2, 2]), 2).factor // [2, 0, 1, 1]
 */
export function choleskyNormal(covariance: Float64Array, dimension: number): CholeskyNormal {
  const d = dimension;
  for (let i = 0; i < d * d; i++) {
    if (!Number.isFinite(covariance[i])) throw new RangeError(`choleskyNormal: covariance entry ${i} is ${covariance[i]}`);
  }
  let trace = 0;
  for (let a = 0; a < d; a++) trace += covariance[a * d + a];
  let ridge = 0;
  const baseRidge = trace > 0 ? (1e-10 * trace) / d : 1e-10;
  for (let attempt = 0; attempt < 40; attempt++) {
    const factor = tryCholesky(covariance, d, ridge);
    if (factor !== null) {
      let logDeterminant = 0;
      for (let a = 0; a < d; a++) logDeterminant += 2 * log(factor[a * d + a]);
      return { dimension: d, factor, logDeterminant };
    }
    ridge = ridge === 0 ? baseRidge : ridge * 10;
  }
  throw new RangeError('choleskyNormal: the covariance could not be made positive definite');
}

function tryCholesky(covariance: Float64Array, d: number, ridge: number): Float64Array | null {
  const factor = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = covariance[a * d + b] + (a === b ? ridge : 0);
      for (let k = 0; k < b; k++) sum -= factor[a * d + k] * factor[b * d + k];
      if (a === b) {
        if (!(sum > 0)) return null;
        factor[a * d + a] = Math.sqrt(sum);
      } else {
        factor[a * d + b] = sum / factor[b * d + b];
      }
    }
  }
  return factor;
}

/** ln √(2π). */
const LOG_SQRT_TWO_PI = 0.9189385332046728;

/**
 * Log density of N(mean, L Lᵀ) at x: −½‖L⁻¹(x − mean)‖² − ½ ln det − (d/2) ln 2π (forward
 * substitution, O(d²)).
 *
 * @example multivariateNormalLogDensity([0], [0], choleskyNormal(new Float64Array([1]), 1)) // −0.9189385332046728
 */
export function multivariateNormalLogDensity(x: ArrayLike<number>, mean: ArrayLike<number>, normal: CholeskyNormal): number {
  const d = normal.dimension;
  const L = normal.factor;
  let squared = 0;
  const z = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    let sum = x[a] - mean[a];
    for (let k = 0; k < a; k++) sum -= L[a * d + k] * z[k];
    z[a] = sum / L[a * d + a];
    squared += z[a] * z[a];
  }
  return -0.5 * squared - 0.5 * normal.logDeterminant - d * LOG_SQRT_TWO_PI;
}

/**
 * One draw of N(mean, L Lᵀ): mean + L z with z standard normal (Box–Muller on `draw`).
 *
 * @example sampleMultivariateNormal([1, 2], choleskyNormal(new Float64Array([1, 0, 0, 1]), 2), seedrandom.alea('x'))
 */
export function sampleMultivariateNormal(mean: ArrayLike<number>, normal: CholeskyNormal, draw: UniformGenerator): Float64Array {
  const d = normal.dimension;
  const z = new Float64Array(d);
  for (let a = 0; a < d; a++) z[a] = standardNormal(draw);
  const x = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    let sum = mean[a];
    for (let k = 0; k <= a; k++) sum += normal.factor[a * d + k] * z[k];
    x[a] = sum;
  }
  return x;
}
