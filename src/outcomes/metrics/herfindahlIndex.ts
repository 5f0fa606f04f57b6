import { assertFiniteNonNegative, assertFiniteSum, assertIntegerInRange } from './metricArgumentChecks.ts';

/**
 * Herfindahl(-Hirschman) index of a set of non-negative sizes: the sum of squared shares.
 *
 * What and why: the standard measure of how concentrated a quantity is among its holders. Applied to
 * the employment of the plants of one industry it is the plant Herfindahl `H` that the
 * Ellison–Glaeser index needs; applied to a zone's employment across industries it measures how
 * specialised the zone is; applied to regions' shares of total employment it is `Σ x_r²`.
 *
 * Formula: with `S = Σ_i v_i`,
 *
 *     H = Σ_i (v_i / S)²
 *
 * Range `[1/n, 1]` for `n` values that are not all zero: `1/n` when all sizes are equal, `1` when a
 * single holder has everything. Shares are formed before squaring, so the result does not overflow
 * for large sizes.
 *
 * Reference: Hirschman, A. O. (1945), *National Power and the Structure of Foreign Trade*;
 * Herfindahl, O. C. (1950), *Concentration in the Steel Industry*, PhD thesis, Columbia University.
 *
 * Units: dimensionless (the sizes may be in any common unit: persons, M¥, ha).
 *
 * Strided access: the values read are `values[offset + i * stride]` for `i = 0 … length − 1`, so a
 * column `j` of a flat row-major `Z × K` array is `herfindahlIndex(matrix, j, Z, K)` and row `z` is
 * `herfindahlIndex(matrix, z * K, K)`. Allocation-free.
 *
 * Degenerate cases: returns `0` when the total is 0 (no values, `length = 0`, or all values 0) —
 * there is nothing to be concentrated.
 *
 * @param values sizes (non-negative, finite)
 * @param offset index of the first value read; default 0
 * @param length number of values read; default: every value reachable from `offset` with the given
 *   stride, `ceil((values.length − offset) / stride)` (equal to `values.length − offset` for stride 1)
 * @param stride distance between consecutive values read (integer ≥ 1); default 1
 * @returns the index in `[0, 1]`; `0` when the total is 0
 * @throws {RangeError} when a value read is negative, NaN or ±Infinity, when the total overflows,
 *   or when offset/length/stride are not integers or reach outside `values`
 * @example
 * herfindahlIndex([1, 1, 1, 1]); // => 0.25  (equal shares: 1/n)
 * herfindahlIndex([10, 10, 8, 6, 4, 2]); // => 0.2
 * herfindahlIndex([7, 0, 0]); // => 1
 * herfindahlIndex([0, 0]); // => 0
 * // column 1 of the 3×2 matrix [[1, 2], [3, 2], [5, 4]]: sizes 2, 2, 4
 * herfindahlIndex([1, 2, 3, 2, 5, 4], 1, 3, 2); // => 0.375
 */
export function herfindahlIndex(
  values: ArrayLike<number>,
  offset = 0,
  length?: number,
  stride = 1,
): number {
  const name = 'herfindahlIndex';
  assertIntegerInRange(stride, 1, Number.MAX_SAFE_INTEGER, name, 'stride');
  assertIntegerInRange(offset, 0, values.length, name, 'offset');
  const count = length === undefined ? Math.ceil((values.length - offset) / stride) : length;
  assertIntegerInRange(count, 0, Number.MAX_SAFE_INTEGER, name, 'length');
  if (count > 0 && offset + (count - 1) * stride >= values.length) {
    throw new RangeError(
      `${name}: offset ${offset} + (length ${count} - 1) * stride ${stride} reaches past values.length ${values.length}`,
    );
  }

  let total = 0;
  for (let i = 0, index = offset; i < count; i++, index += stride) {
    const value = values[index];
    assertFiniteNonNegative(value, name, 'values', index);
    total += value;
  }
  assertFiniteSum(total, name, 'the sum of the values');
  if (total === 0) return 0;

  let sumOfSquaredShares = 0;
  for (let i = 0, index = offset; i < count; i++, index += stride) {
    const share = values[index] / total;
    sumOfSquaredShares += share * share;
  }
  // Mathematically ≤ 1; the clamp removes a possible last-bit rounding excess.
  return Math.min(sumOfSquaredShares, 1);
}
