import { describe, expect, it } from 'vitest';
import {
  createDesignMatrix,
  designMatrixColumn,
  designMatrixFromRows,
  designMatrixRows,
} from '../../src/analysis/designMatrix.ts';

describe('designMatrix helpers', () => {
  it('round-trips rows and reads columns', () => {
    const matrix = designMatrixFromRows([[1, 2], [3, 4], [5, 6]]);
    expect(matrix.rowCount).toBe(3);
    expect(matrix.factorCount).toBe(2);
    expect(designMatrixRows(matrix)).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(Array.from(designMatrixColumn(matrix, 1))).toEqual([2, 4, 6]);
    expect(createDesignMatrix(0, 3).values.length).toBe(0);
  });

  it('rejects ragged rows, non-finite values and bad indices', () => {
    expect(() => designMatrixFromRows([])).toThrow(/empty/);
    expect(() => designMatrixFromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values; row 0 has 2/);
    expect(() => designMatrixFromRows([[1, Number.NaN]])).toThrow(/rows\[0\]\[1\] is NaN/);
    expect(() => designMatrixColumn(designMatrixFromRows([[1]]), 1)).toThrow(/factorIndex/);
  });
});
