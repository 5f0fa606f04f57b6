import { describe, expect, it } from 'vitest';
import { isFloatingPointResidue, pairsAreFloatingPointResidue } from '../../src/statistics/floatingPointResidue.ts';

describe('isFloatingPointResidue', () => {
  it('compares each |d| with 1e-9 × max(1, magnitude)', () => {
    expect(isFloatingPointResidue([5e-10], [0.2])).toBe(true); // 5e-10 ≤ 1e-9 × 1
    expect(isFloatingPointResidue([2e-9], [0.2])).toBe(false); // 2e-9 > 1e-9
    expect(isFloatingPointResidue([2e-9], [10])).toBe(true); // 2e-9 ≤ 1e-8
    expect(isFloatingPointResidue([], [])).toBe(true); // nothing to report
    expect(() => isFloatingPointResidue([1], [])).toThrow(RangeError);
  });
});

describe('pairsAreFloatingPointResidue', () => {
  it('treats rounding residue as equal and real differences as different', () => {
    expect(pairsAreFloatingPointResidue([0.1 + 0.2], [0.3])).toBe(true); // 5.6e-17 ≤ 1e-9
    // Issue 13: output "unsettled −2.3e-10" on values near 1e5: 2.3e-10 ≤ 1e-9 × 1e5 = 1e-4.
    expect(pairsAreFloatingPointResidue([1e5], [1e5 - 2.3e-10])).toBe(true);
    // Pollution per output "+1.05e-16" on a value of 0.05: 1.05e-16 ≤ 1e-9 × max(1, 0.05) = 1e-9.
    expect(pairsAreFloatingPointResidue([0.05 + 1.05e-16], [0.05])).toBe(true);
    expect(pairsAreFloatingPointResidue([1], [1 + 1e-6])).toBe(false); // 1e-6 > 1e-9 × (1 + 1e-6)
    expect(pairsAreFloatingPointResidue([0], [2e-9])).toBe(false); // 2e-9 > 1e-9 × 1
    expect(pairsAreFloatingPointResidue([Number.NaN], [Number.NaN])).toBe(false); // NaN is never a value
    expect(pairsAreFloatingPointResidue([Infinity], [Infinity])).toBe(true);
    expect(pairsAreFloatingPointResidue([Infinity], [1])).toBe(false);
  });

  it('checks every pair', () => {
    expect(pairsAreFloatingPointResidue([1, 2 + 4e-16], [1, 2])).toBe(true);
    expect(pairsAreFloatingPointResidue([1, 2.001], [1, 2])).toBe(false);
    expect(() => pairsAreFloatingPointResidue([1], [1, 2])).toThrow(RangeError);
  });
});
