import { describe, expect, it } from 'vitest';
import { JOE_KUO_DIRECTION_NUMBERS } from '../../../src/analysis/designs/sobolDirectionNumbers.ts';
import { MAXIMUM_SOBOL_DIMENSION, sobolSequence } from '../../../src/analysis/designs/sobolSequence.ts';

function row(values: Float64Array, dimension: number, index: number): number[] {
  return Array.from(values.subarray(index * dimension, (index + 1) * dimension));
}

describe('sobolSequence', () => {
  it('reproduces the published first points (Joe & Kuo sobol.cc, dimensions 1–4)', () => {
    // Joe & Kuo's sobol.cc with new-joe-kuo-6.21201, N = 9, D = 4 (identical to
    // scipy.stats.qmc.Sobol(4, scramble=False).random(9)):
    //   0      0      0      0
    //   0.5    0.5    0.5    0.5
    //   0.75   0.25   0.25   0.25
    //   0.25   0.75   0.75   0.75
    //   0.375  0.375  0.625  0.875
    //   0.875  0.875  0.125  0.375
    //   0.625  0.125  0.875  0.625
    //   0.125  0.625  0.375  0.125
    //   0.1875 0.3125 0.9375 0.4375
    const expected = [
      [0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25],
      [0.25, 0.75, 0.75, 0.75],
      [0.375, 0.375, 0.625, 0.875],
      [0.875, 0.875, 0.125, 0.375],
      [0.625, 0.125, 0.875, 0.625],
      [0.125, 0.625, 0.375, 0.125],
      [0.1875, 0.3125, 0.9375, 0.4375],
    ];
    const design = sobolSequence(9, 4);
    expect(design.rowCount).toBe(9);
    expect(design.factorCount).toBe(4);
    for (let i = 0; i < 9; i++) expect(row(design.values, 4, i)).toEqual(expected[i]);
  });

  it('matches scipy 1.17 (Joe–Kuo numbers) far into the sequence, in 40 and 64 dimensions', () => {
    // scipy.stats.qmc.Sobol(40, scramble=False).random(1024)[1023] * 1024:
    const point1023 = [
      1, 771, 627, 149, 191, 449, 143, 633, 353, 871, 695, 37, 133, 681, 371, 475, 321, 897, 599, 327, 887, 19,
      813, 201, 245, 385, 521, 779, 861, 445, 951, 629, 463, 895, 341, 885, 965, 1011, 923, 715,
    ];
    expect(row(sobolSequence(1024, 40).values, 40, 1023).map((v) => v * 1024)).toEqual(point1023);
    // scipy.stats.qmc.Sobol(64, scramble=False).random(2**16)[40000] * 2**16 (first and last 8):
    const point40000 = row(sobolSequence(1, 64, 40000).values, 64, 0).map((v) => v * 2 ** 16);
    expect(point40000.slice(0, 8)).toEqual([1611, 31517, 15891, 51791, 37521, 41445, 13209, 24195]);
    expect(point40000.slice(56)).toEqual([6617, 19157, 14187, 41667, 31125, 14161, 16041, 23865]);
    // ... [65535] * 2**16, last 8 of 64:
    const point65535 = row(sobolSequence(1, 64, 65535).values, 64, 0).map((v) => v * 2 ** 16);
    expect(point65535.slice(56)).toEqual([47311, 51727, 52249, 22769, 21787, 2535, 25839, 19423]);
  });

  it('skipping gives the same points as generating from the start (Gray-code jump)', () => {
    const full = sobolSequence(300, 12);
    const skipped = sobolSequence(100, 12, 200);
    expect(Array.from(skipped.values)).toEqual(Array.from(full.values.subarray(200 * 12)));
  });

  it('is balanced: the first 2^m points put exactly one point in each of 2^m equal intervals of every dimension', () => {
    // Defining (0, m, 1)-net property of each one-dimensional projection of a Sobol' sequence.
    const m = 7;
    const n = 2 ** m;
    const dimension = MAXIMUM_SOBOL_DIMENSION;
    const design = sobolSequence(n, dimension);
    for (let j = 0; j < dimension; j++) {
      const cells = new Uint8Array(n);
      for (let i = 0; i < n; i++) cells[Math.floor(design.values[i * dimension + j] * n)]++;
      expect(Array.from(cells).every((count) => count === 1)).toBe(true);
    }
  });

  it('ships the Joe–Kuo table for dimensions 2–64 with valid entries', () => {
    expect(MAXIMUM_SOBOL_DIMENSION).toBe(64);
    // new-joe-kuo-6.21201, line d = 21: s = 7, a = 4, m = 1 3 7 13 13 15 69.
    expect(JOE_KUO_DIRECTION_NUMBERS[19]).toEqual([7, 4, 1, 3, 7, 13, 13, 15, 69]);
    for (const [s, a, ...m] of JOE_KUO_DIRECTION_NUMBERS) {
      expect(m).toHaveLength(s);
      expect(a).toBeLessThan(2 ** Math.max(s - 1, 0) || 1);
      m.forEach((value, index) => {
        expect(value % 2).toBe(1); // odd
        expect(value).toBeLessThan(2 ** (index + 1)); // m_k < 2^k
      });
    }
  });

  it('rejects bad arguments', () => {
    expect(() => sobolSequence(0, 2)).toThrow(RangeError);
    expect(() => sobolSequence(4, 65)).toThrow(/dimension must be an integer in \[1, 64\]/);
    expect(() => sobolSequence(4, 2, -1)).toThrow(RangeError);
    expect(() => sobolSequence(4, 2, 2 ** 32 - 3)).toThrow(RangeError);
  });
});
