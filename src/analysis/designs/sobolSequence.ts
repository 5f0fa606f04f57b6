import { assertIntegerInRange } from '../analysisArgumentChecks.ts';
import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';
import { JOE_KUO_DIRECTION_NUMBERS } from './sobolDirectionNumbers.ts';

/** Largest dimension supported by {@link sobolSequence}: 64 (the Joe–Kuo table shipped here). */
export const MAXIMUM_SOBOL_DIMENSION = JOE_KUO_DIRECTION_NUMBERS.length + 1;

/** Bits per coordinate: points are integers `X / 2^32`, as in Joe & Kuo's `sobol.cc`. */
const BITS = 32;
const SCALE = 2 ** -BITS;

/**
 * The 32 direction numbers `V_1 … V_32` (as 32-bit integers `v_k · 2^32`) of one dimension.
 *
 * Recurrence (Bratley & Fox 1988; Joe & Kuo 2008, eq. 2): `V_k = m_k · 2^(32−k)` for `k ≤ s`;
 * for `k > s`, `V_k = V_(k−s) ⊕ (V_(k−s) >> s) ⊕ ⊕_(l=1)^(s−1) c_l · V_(k−l)`.
 */
function directionIntegers(dimensionIndex: number): Uint32Array {
  const directions = new Uint32Array(BITS + 1); // 1-based: directions[k] = V_k
  if (dimensionIndex === 0) {
    for (let k = 1; k <= BITS; k++) directions[k] = 2 ** (BITS - k);
    return directions;
  }
  const entry = JOE_KUO_DIRECTION_NUMBERS[dimensionIndex - 1];
  const degree = entry[0];
  const packedCoefficients = entry[1];
  for (let k = 1; k <= Math.min(degree, BITS); k++) directions[k] = (entry[1 + k] * 2 ** (BITS - k)) >>> 0;
  for (let k = degree + 1; k <= BITS; k++) {
    let value = (directions[k - degree] ^ (directions[k - degree] >>> degree)) >>> 0;
    for (let l = 1; l < degree; l++) {
      if ((packedCoefficients >>> (degree - 1 - l)) & 1) value = (value ^ directions[k - l]) >>> 0;
    }
    directions[k] = value;
  }
  return directions;
}

/**
 * Points of the (unscrambled) Sobol' low-discrepancy sequence in [0, 1)^d with Joe–Kuo direction
 * numbers: the quasi-random sequence behind Saltelli designs.
 *
 * What and why: a deterministic sequence whose first `2^m` points fill the unit hypercube so evenly
 * (a (t, s)-sequence in base 2: every dyadic box of the right volume holds exactly its share of
 * points) that integrals, and hence variance-based sensitivity indices, converge close to O(1/N)
 * instead of Monte Carlo's O(1/√N). Use sample sizes that are powers of two to keep the balance.
 *
 * Formula (Antonov & Saleev 1979 Gray-code form, as in Joe & Kuo's `sobol.cc`): with the direction
 * integers `V_k` of each dimension (see the table's recurrence), `X_0 = 0` and
 *
 *     X_i = X_(i−1) ⊕ V_(c(i−1)),   x_i = X_i / 2^32,
 *
 * where `c(n)` is the 1-based position of the lowest zero bit of `n`. The first point generated
 * is `X_skip = ⊕ { V_k : bit k−1 of gray(skip) = skip ⊕ (skip >> 1) is set }`, so skipping is O(32).
 * The point of index `i` is the same as in Joe & Kuo's program and scipy's
 * `scipy.stats.qmc.Sobol(d, scramble=False)`: 0; 0.5 …; 0.75, 0.25 …; 0.25, 0.75 …
 *
 * Reference: Sobol', I. M. (1967), On the distribution of points in a cube and the approximate
 * evaluation of integrals, *USSR Comput. Math. Math. Phys.* 7(4):86–112; Antonov & Saleev (1979),
 * *USSR Comput. Math. Math. Phys.* 19(1):252–256; Bratley & Fox (1988), Algorithm 659, *ACM TOMS*
 * 14(1):88–100; Joe & Kuo (2008), *SIAM J. Sci. Comput.* 30(5):2635–2654.
 *
 * Units: unit hypercube coordinates, multiples of 2^−32 in [0, 1).
 *
 * @param pointCount number of points, an integer ≥ 1.
 * @param dimension number of coordinates, an integer in [1, 64].
 * @param skip index of the first point returned (default 0, the origin); `skip + pointCount` must
 *   not exceed 2^32.
 * @returns a {@link DesignMatrix} of `pointCount × dimension` values.
 * @throws {RangeError} if a count is out of range.
 * @example
 * sobolSequence(4, 2).values; // => [0, 0,  0.5, 0.5,  0.75, 0.25,  0.25, 0.75]
 * sobolSequence(2, 1, 1).values; // => [0.5, 0.75]
 */
export function sobolSequence(pointCount: number, dimension: number, skip = 0): DesignMatrix {
  const name = 'sobolSequence';
  assertIntegerInRange(pointCount, 1, 2 ** BITS, name, 'pointCount');
  assertIntegerInRange(dimension, 1, MAXIMUM_SOBOL_DIMENSION, name, 'dimension');
  assertIntegerInRange(skip, 0, 2 ** BITS - pointCount, name, 'skip');
  const design = createDesignMatrix(pointCount, dimension);
  const values = design.values;
  const state = new Uint32Array(dimension);
  const directions: Uint32Array[] = new Array(dimension);
  const grayOfSkip = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let j = 0; j < dimension; j++) {
    const v = directionIntegers(j);
    directions[j] = v;
    let x = 0;
    for (let k = 1; k <= BITS; k++) if ((grayOfSkip >>> (k - 1)) & 1) x = (x ^ v[k]) >>> 0;
    state[j] = x;
  }
  for (let i = 0; i < pointCount; i++) {
    const base = i * dimension;
    for (let j = 0; j < dimension; j++) values[base + j] = state[j] * SCALE;
    if (i === pointCount - 1) break;
    // c = 1-based position of the lowest zero bit of the current index (skip + i).
    let n = skip + i;
    let c = 1;
    while (n % 2 === 1) {
      n = Math.floor(n / 2);
      c++;
    }
    for (let j = 0; j < dimension; j++) state[j] = (state[j] ^ directions[j][c]) >>> 0;
  }
  return design;
}
