import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { latinHypercubeDesign } from '../../../src/analysis/designs/latinHypercubeDesign.ts';

describe('latinHypercubeDesign', () => {
  it.each([
    [1, 1],
    [7, 3],
    [100, 8],
    [1000, 5],
  ])('stratification: each of the n = %i strata of every one of %i dimensions holds exactly one point', (n, k) => {
    // Defining property (McKay, Beckman & Conover 1979): for every j, {⌊n x_ij⌋ : i} = {0, …, n − 1}.
    for (const placement of ['random', 'centred'] as const) {
      const design = latinHypercubeDesign(n, k, seedrandom.alea(`lhs-${n}-${k}`), placement);
      expect(design.rowCount).toBe(n);
      expect(design.factorCount).toBe(k);
      for (let j = 0; j < k; j++) {
        const counts = new Uint32Array(n);
        for (let i = 0; i < n; i++) {
          const value = design.values[i * k + j];
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
          counts[Math.floor(value * n)]++;
        }
        expect(Array.from(counts).every((count) => count === 1)).toBe(true);
      }
    }
  });

  it('centred placement puts every point at a stratum midpoint (i + ½)/n', () => {
    const n = 8;
    const design = latinHypercubeDesign(n, 2, seedrandom.alea('centred'), 'centred');
    for (const value of design.values) expect((value * n - 0.5) % 1).toBe(0);
  });

  it('is deterministic given the seed and differs between seeds', () => {
    const a = latinHypercubeDesign(50, 4, seedrandom.alea('same'));
    const b = latinHypercubeDesign(50, 4, seedrandom.alea('same'));
    const c = latinHypercubeDesign(50, 4, seedrandom.alea('other'));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
  });

  it('columns are not simply aligned (independent permutations)', () => {
    const design = latinHypercubeDesign(200, 2, seedrandom.alea('independent'));
    let same = 0;
    for (let i = 0; i < 200; i++) {
      if (Math.floor(design.values[2 * i] * 200) === Math.floor(design.values[2 * i + 1] * 200)) same++;
    }
    // Expected number of fixed points of a random permutation is 1.
    expect(same).toBeLessThan(10);
  });

  it('rejects bad arguments and a generator that leaves [0, 1)', () => {
    expect(() => latinHypercubeDesign(0, 2, seedrandom.alea('x'))).toThrow(RangeError);
    expect(() => latinHypercubeDesign(2, 1.5, seedrandom.alea('x'))).toThrow(RangeError);
    expect(() => latinHypercubeDesign(2, 2, seedrandom.alea('x'), 'maximin' as never)).toThrow(/placement/);
    expect(() => latinHypercubeDesign(3, 2, () => 1)).toThrow(/returned 1; it must return numbers in \[0, 1\)/);
  });
});
