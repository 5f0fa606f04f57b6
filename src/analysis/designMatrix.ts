import { assertFiniteValues, assertIntegerInRange } from './analysisArgumentChecks.ts';

/**
 * A design: `rowCount` points (one model run each) of `factorCount` coordinates, stored row-major
 * in one `Float64Array`, so that coordinate `j` of point `i` is `values[i * factorCount + j]`.
 *
 * Why a flat typed array: designs of 10⁴–10⁶ points are generated, mapped and analysed in tight
 * loops; one contiguous buffer avoids an object per row and is trivially transferable to workers.
 * {@link designMatrixRows} converts to nested arrays when convenience matters more than speed.
 *
 * Units: those of the design — the unit hypercube [0, 1]^k for the generated designs of
 * `src/analysis/designs/`, factor units after {@link mapUnitDesignToFactors} or for imported designs.
 */
export interface DesignMatrix {
  /** Number of points (rows, model runs). */
  readonly rowCount: number;
  /** Number of factors (columns, coordinates per point). */
  readonly factorCount: number;
  /** Row-major values, length `rowCount × factorCount`. */
  readonly values: Float64Array;
}

/**
 * Allocate a design of `rowCount × factorCount` zeros.
 *
 * Formula: none. Units: none yet.
 *
 * @param rowCount number of points, an integer ≥ 0.
 * @param factorCount number of factors, an integer ≥ 1.
 * @returns a zero-filled {@link DesignMatrix}.
 * @throws {RangeError} if a count is not a non-negative integer (factorCount ≥ 1), or if the size
 *   exceeds 2³¹ − 1 values.
 * @example
 * createDesignMatrix(2, 3).values.length; // => 6
 */
export function createDesignMatrix(rowCount: number, factorCount: number): DesignMatrix {
  assertIntegerInRange(factorCount, 1, 0x7fffffff, 'createDesignMatrix', 'factorCount');
  assertIntegerInRange(rowCount, 0, Math.floor(0x7fffffff / factorCount), 'createDesignMatrix', 'rowCount');
  return { rowCount, factorCount, values: new Float64Array(rowCount * factorCount) };
}

/**
 * Build a design from nested arrays, one inner array per point.
 *
 * Why: external designs, hand-written test designs and JSON round trips come as arrays of rows.
 *
 * Formula: none — a copy. Units: unchanged.
 *
 * @param rows the points; every row has the same length ≥ 1 and only finite numbers.
 * @returns a {@link DesignMatrix} holding a copy of the values.
 * @throws {RangeError} if `rows` is empty, rows differ in length, or a value is not finite.
 * @example
 * designMatrixFromRows([[0, 1], [0.5, 0.25]]).values; // => Float64Array [0, 1, 0.5, 0.25]
 */
export function designMatrixFromRows(rows: readonly (readonly number[])[]): DesignMatrix {
  if (rows.length === 0) throw new RangeError('designMatrixFromRows: rows is empty; at least one row is required');
  const factorCount = rows[0].length;
  const matrix = createDesignMatrix(rows.length, factorCount);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== factorCount) {
      throw new RangeError(
        `designMatrixFromRows: row ${i} has ${row.length} values; row 0 has ${factorCount}`,
      );
    }
    assertFiniteValues(row, 'designMatrixFromRows', `rows[${i}]`);
    matrix.values.set(row, i * factorCount);
  }
  return matrix;
}

/**
 * Copy a design into nested arrays, one inner array per point.
 *
 * Formula: none — a copy. Units: unchanged.
 *
 * @param matrix the design.
 * @returns `rowCount` arrays of `factorCount` numbers.
 * @example
 * designMatrixRows(designMatrixFromRows([[1, 2], [3, 4]])); // => [[1, 2], [3, 4]]
 */
export function designMatrixRows(matrix: DesignMatrix): number[][] {
  const rows: number[][] = new Array(matrix.rowCount);
  for (let i = 0; i < matrix.rowCount; i++) {
    rows[i] = Array.from(matrix.values.subarray(i * matrix.factorCount, (i + 1) * matrix.factorCount));
  }
  return rows;
}

/**
 * Copy one factor's column out of a design.
 *
 * Formula: `column[i] = values[i · factorCount + factorIndex]`. Units: unchanged.
 *
 * @param matrix the design.
 * @param factorIndex the column, an integer in `[0, factorCount − 1]`.
 * @returns a new `Float64Array` of length `rowCount`.
 * @throws {RangeError} if `factorIndex` is out of range.
 * @example
 * designMatrixColumn(designMatrixFromRows([[1, 2], [3, 4]]), 1); // => Float64Array [2, 4]
 */
export function designMatrixColumn(matrix: DesignMatrix, factorIndex: number): Float64Array {
  assertIntegerInRange(factorIndex, 0, matrix.factorCount - 1, 'designMatrixColumn', 'factorIndex');
  const column = new Float64Array(matrix.rowCount);
  for (let i = 0, index = factorIndex; i < matrix.rowCount; i++, index += matrix.factorCount) {
    column[i] = matrix.values[index];
  }
  return column;
}
