import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { herfindahlIndex } from '../../../src/outcomes/metrics/herfindahlIndex.ts';

describe('herfindahlIndex', () => {
  it('is 1/n for n equal shares', () => {
    // 4 equal sizes: shares 1/4 each, H = 4 × (1/4)² = 4/16 = 0.25 (exact in binary)
    expect(herfindahlIndex([5, 5, 5, 5])).toBe(0.25);
    // 3 equal sizes: H = 3 × (1/3)² = 1/3
    expect(herfindahlIndex([7, 7, 7])).toBeCloseTo(1 / 3, 15);
    // 10 equal sizes: H = 10 × (1/10)² = 0.1
    expect(herfindahlIndex(new Float64Array(10).fill(2.5))).toBeCloseTo(0.1, 15);
  });

  it('matches a hand-worked unequal example', () => {
    // sizes 10, 10, 8, 6, 4, 2 — total 40 — shares 0.25, 0.25, 0.2, 0.15, 0.1, 0.05
    // H = 0.0625 + 0.0625 + 0.04 + 0.0225 + 0.01 + 0.0025 = 0.2
    expect(herfindahlIndex([10, 10, 8, 6, 4, 2])).toBeCloseTo(0.2, 15);
    // sizes 3, 1 — shares 0.75, 0.25 — H = 0.5625 + 0.0625 = 0.625
    expect(herfindahlIndex([3, 1])).toBe(0.625);
  });

  it('is 1 when one holder has everything', () => {
    // shares 0, 1, 0 → H = 1² = 1
    expect(herfindahlIndex([0, 42, 0])).toBe(1);
  });

  it('is 0 when the total is 0 (all zeros or no values)', () => {
    expect(herfindahlIndex([0, 0, 0])).toBe(0);
    expect(herfindahlIndex([])).toBe(0);
    expect(herfindahlIndex([1, 2, 3], 1, 0)).toBe(0);
    expect(herfindahlIndex([1, 2, 3], 3)).toBe(0); // offset at the end: nothing left to read
  });

  it('reads rows and columns of a flat row-major matrix in place', () => {
    // 3 zones × 2 industries: [[1, 2], [3, 2], [5, 4]]
    const matrix = new Float64Array([1, 2, 3, 2, 5, 4]);
    // column 1 (offset 1, length 3, stride 2): sizes 2, 2, 4 — total 8 — shares 0.25, 0.25, 0.5
    // H = 0.0625 + 0.0625 + 0.25 = 0.375
    expect(herfindahlIndex(matrix, 1, 3, 2)).toBe(0.375);
    // column 0 with the default length: ceil((6 − 0) / 2) = 3 values 1, 3, 5 — total 9
    // H = (1 + 9 + 25) / 81 = 35/81
    expect(herfindahlIndex(matrix, 0, undefined, 2)).toBeCloseTo(35 / 81, 15);
    // row 2 (offset 4, length 2): sizes 5, 4 — total 9 — H = (25 + 16) / 81 = 41/81
    expect(herfindahlIndex(matrix, 4, 2)).toBeCloseTo(41 / 81, 15);
    // default length with stride 1 = values.length − offset: sizes 3, 2, 5, 4 (total 14)
    // H = (9 + 4 + 25 + 16) / 196 = 54/196
    expect(herfindahlIndex(matrix, 2)).toBeCloseTo(54 / 196, 15);
  });

  it('does not overflow for huge sizes (shares are formed before squaring)', () => {
    // sizes 1e300 and 1e300: squares would overflow, shares are 0.5 each → H = 0.5
    expect(herfindahlIndex([1e300, 1e300])).toBe(0.5);
  });

  it('throws RangeError on invalid values and arguments', () => {
    expect(() => herfindahlIndex([1, -1])).toThrow(RangeError);
    expect(() => herfindahlIndex([1, Number.NaN])).toThrow(RangeError);
    expect(() => herfindahlIndex([1, Infinity])).toThrow(RangeError);
    expect(() => herfindahlIndex([1.7e308, 1.7e308])).toThrow(RangeError); // total overflows
    expect(() => herfindahlIndex([1, 2, 3], 0, 4)).toThrow(RangeError); // reads past the end
    expect(() => herfindahlIndex([1, 2, 3], 0, 2, 3)).toThrow(RangeError); // index 3 past the end
    expect(() => herfindahlIndex([1, 2, 3], -1)).toThrow(RangeError);
    expect(() => herfindahlIndex([1, 2, 3], 0, 3, 0)).toThrow(RangeError);
    expect(() => herfindahlIndex([1, 2, 3], 0.5)).toThrow(RangeError);
  });

  it('is finite, in [1/n, 1] and scale-invariant for arbitrary non-negative sizes', () => {
    fc.assert(
      fc.property(
        // 0 or a normal-range size (subnormal sizes would underflow to 0 when scaled down)
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e12, noNaN: true })), {
          minLength: 1,
          maxLength: 50,
        }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (sizes, scale) => {
          const h = herfindahlIndex(sizes);
          expect(Number.isFinite(h)).toBe(true);
          if (sizes.some((v) => v > 0)) {
            expect(h).toBeGreaterThanOrEqual(1 / sizes.length - 1e-12);
            expect(h).toBeLessThanOrEqual(1);
            expect(herfindahlIndex(sizes.map((v) => v * scale))).toBeCloseTo(h, 9);
          } else {
            expect(h).toBe(0);
          }
        },
      ),
    );
  });
});
