import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../../src/analysis/designs/saltelliDesign.ts';
import { sobolSequence } from '../../../src/analysis/designs/sobolSequence.ts';

describe('saltelliDesign', () => {
  it.each([
    ['sobol', 64, 3],
    ['sobol', 16, 8],
    ['monte-carlo', 50, 5],
  ] as const)('structure (%s, N = %i, k = %i): N(k + 2) rows; A_B^(i) = A except column i from B', (sequence, n, k) => {
    const design = saltelliDesign(n, k, { sequence, uniform: seedrandom.alea('saltelli') });
    const x = design.points.values;
    expect(design.points.rowCount).toBe(n * (k + 2));
    expect(design.points.factorCount).toBe(k);
    const at = (block: number, j: number, c: number): number => x[(block * n + j) * k + c];
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < n; j++) {
        for (let c = 0; c < k; c++) {
          // block 0 = A, 1 = B, 2 + i = A_B^(i)
          expect(at(2 + i, j, c)).toBe(c === i ? at(1, j, c) : at(0, j, c));
        }
      }
    }
    // A and B are different matrices (most coordinates differ; low-N Sobol' points may share some).
    let different = 0;
    for (let j = 0; j < n; j++) for (let c = 0; c < k; c++) if (at(0, j, c) !== at(1, j, c)) different++;
    expect(different).toBeGreaterThan((n * k) / 2);
  });

  it('Sobol variant: [A | B] are the points 1 … N of the 2k-dimensional Sobol sequence (origin skipped)', () => {
    const n = 32;
    const k = 4;
    const design = saltelliDesign(n, k);
    const base = sobolSequence(n, 2 * k, 1).values;
    for (let j = 0; j < n; j++) {
      for (let c = 0; c < k; c++) {
        expect(design.points.values[j * k + c]).toBe(base[j * 2 * k + c]);
        expect(design.points.values[(n + j) * k + c]).toBe(base[j * 2 * k + k + c]);
      }
    }
    // First row of A: Sobol point 1 = (0.5, …, 0.5).
    expect(Array.from(design.points.values.subarray(0, k))).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(design.sequence).toBe('sobol');
  });

  it('rejects bad arguments', () => {
    expect(() => saltelliDesign(1, 3)).toThrow(/baseSampleCount/);
    expect(() => saltelliDesign(8, 33)).toThrow(/factorCount must be an integer in \[1, 32\]/);
    expect(() => saltelliDesign(8, 3, { sequence: 'monte-carlo' })).toThrow(/needs options.uniform/);
    expect(() => saltelliDesign(8, 3, { sequence: 'halton' as never })).toThrow(/sequence/);
  });
});
