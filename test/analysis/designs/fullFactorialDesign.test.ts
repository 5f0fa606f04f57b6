import { describe, expect, it } from 'vitest';
import { designMatrixRows } from '../../../src/analysis/designMatrix.ts';
import { fullFactorialDesign } from '../../../src/analysis/designs/fullFactorialDesign.ts';

describe('fullFactorialDesign', () => {
  it('enumerates every combination, last factor fastest (hand-written 2 × 3 grid)', () => {
    // Levels: factor 1 at 0, 1 (2 levels); factor 2 at 0, 0.5, 1 (3 levels); 2 × 3 = 6 rows.
    expect(designMatrixRows(fullFactorialDesign([2, 3]))).toEqual([
      [0, 0],
      [0, 0.5],
      [0, 1],
      [1, 0],
      [1, 0.5],
      [1, 1],
    ]);
  });

  it('centred placement uses stratum midpoints; a single level sits at 0.5', () => {
    // 'centred', L = 2: 0.25, 0.75. 'endpoints', L = 1: 0.5.
    expect(designMatrixRows(fullFactorialDesign([2], 'centred'))).toEqual([[0.25], [0.75]]);
    expect(designMatrixRows(fullFactorialDesign([1, 2]))).toEqual([
      [0.5, 0],
      [0.5, 1],
    ]);
  });

  it('has Π L_j distinct rows', () => {
    const design = fullFactorialDesign([3, 4, 2, 5]);
    expect(design.rowCount).toBe(120);
    const keys = new Set(designMatrixRows(design).map((row) => row.join(',')));
    expect(keys.size).toBe(120);
  });

  it('rejects bad level counts', () => {
    expect(() => fullFactorialDesign([])).toThrow(/at least one factor/);
    expect(() => fullFactorialDesign([2, 0])).toThrow(/levelCounts\[1\]/);
    expect(() => fullFactorialDesign([1e5, 1e5, 1e5])).toThrow(/2\^31/);
  });
});
