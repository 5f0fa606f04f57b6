import { assertIntegerInRange } from '../analysisArgumentChecks.ts';
import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';

/**
 * Where the `L` levels of a factor sit in [0, 1] in {@link fullFactorialDesign}:
 * - `'endpoints'`: `j / (L − 1)`, i.e. 0, …, 1 — the classic low/…/high grid; a factor with one
 *   level sits at 0.5. Maps the ends of a uniform or triangular range to its bounds, and hits every
 *   value of a discrete choice or integer range exactly once when `L` equals the number of values.
 * - `'centred'`: `(j + ½) / L`, the centres of `L` equal strata — never 0 or 1, so safe for
 *   unbounded distributions (normal) whose quantile at 0 or 1 is infinite.
 */
export type FullFactorialLevelPlacement = 'endpoints' | 'centred';

/**
 * Full factorial design on the unit hypercube: every combination of the levels of every factor.
 *
 * What and why: the exhaustive sweep — the simplest design to explain ("every lever setting against
 * every uncertainty setting") and the right one when there are few factors with few levels. Its
 * size is the product of the level counts, so it explodes with the number of factors; use Latin
 * hypercube, Morris or Saltelli designs beyond a handful of factors.
 *
 * Formula: with `L_j` levels for factor `j`, row `r` (0-based) is the mixed-radix number whose
 * digits `d_j` are read with the LAST factor varying fastest (odometer / lexicographic order):
 * `r = ((d_0 · L_1 + d_1) · L_2 + d_2) …`, and coordinate `j` is `d_j / (L_j − 1)` ('endpoints';
 * 0.5 when `L_j = 1`) or `(d_j + ½) / L_j` ('centred').
 *
 * Reference: Box, Hunter & Hunter (2005), *Statistics for Experimenters*, 2nd ed., ch. 5;
 * Montgomery (2017), *Design and Analysis of Experiments*, 9th ed., ch. 5.
 *
 * Units: unit hypercube coordinates; map them to factor values with {@link mapUnitDesignToFactors}.
 *
 * @param levelCounts number of levels of each factor (integers ≥ 1, at least one factor).
 * @param placement where the levels sit, see {@link FullFactorialLevelPlacement}; default 'endpoints'.
 * @returns a {@link DesignMatrix} of `Π L_j` rows and `levelCounts.length` columns.
 * @throws {RangeError} if a level count is not an integer ≥ 1, there are no factors, or the design
 *   would exceed 2³¹ − 1 values.
 * @example
 * fullFactorialDesign([2, 3]).values;
 * // => [0, 0,  0, 0.5,  0, 1,  1, 0,  1, 0.5,  1, 1]   (6 rows × 2 columns)
 * fullFactorialDesign([2], 'centred').values; // => [0.25, 0.75]
 */
export function fullFactorialDesign(
  levelCounts: readonly number[],
  placement: FullFactorialLevelPlacement = 'endpoints',
): DesignMatrix {
  const name = 'fullFactorialDesign';
  if (levelCounts.length === 0) throw new RangeError(`${name}: levelCounts is empty; at least one factor is required`);
  if (placement !== 'endpoints' && placement !== 'centred') {
    throw new RangeError(`${name}: placement must be 'endpoints' or 'centred', got ${String(placement)}`);
  }
  const factorCount = levelCounts.length;
  let rowCount = 1;
  for (let j = 0; j < factorCount; j++) {
    assertIntegerInRange(levelCounts[j], 1, 0x7fffffff, name, `levelCounts[${j}]`);
    rowCount *= levelCounts[j];
    if (rowCount * factorCount > 0x7fffffff) {
      throw new RangeError(`${name}: the design would have more than 2^31 - 1 values; use fewer levels or factors`);
    }
  }
  const design = createDesignMatrix(rowCount, factorCount);
  const values = design.values;
  const digits = new Int32Array(factorCount);
  for (let row = 0; row < rowCount; row++) {
    const base = row * factorCount;
    for (let j = 0; j < factorCount; j++) {
      const levels = levelCounts[j];
      const digit = digits[j];
      values[base + j] =
        placement === 'centred' ? (digit + 0.5) / levels : levels === 1 ? 0.5 : digit / (levels - 1);
    }
    // Odometer increment: last factor fastest.
    for (let j = factorCount - 1; j >= 0; j--) {
      if (++digits[j] < levelCounts[j]) break;
      digits[j] = 0;
    }
  }
  return design;
}
