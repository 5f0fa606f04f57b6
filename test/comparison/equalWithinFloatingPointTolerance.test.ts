import { describe, expect, it } from 'vitest';
import {
  equalWithinFloatingPointTolerance,
  pairsEqualWithinFloatingPointTolerance,
} from '../../src/comparison/equalWithinFloatingPointTolerance.ts';

describe('equalWithinFloatingPointTolerance', () => {
  it('treats rounding residue as equal and real differences as different', () => {
    expect(equalWithinFloatingPointTolerance(0.1 + 0.2, 0.3)).toBe(true);
    // Issue 13: output "unsettled −2.3e-10" on values near 1e5 (relative 2.3e-15).
    expect(equalWithinFloatingPointTolerance(1e5, 1e5 - 2.3e-10)).toBe(true);
    // Pollution per output "+1.05e-16" on a value of 0.05 (relative 2e-15).
    expect(equalWithinFloatingPointTolerance(0.05 + 1.05e-16, 0.05)).toBe(true);
    expect(equalWithinFloatingPointTolerance(0, 1e-17)).toBe(true); // absolute floor 1e-12
    expect(equalWithinFloatingPointTolerance(1, 1 + 1e-6)).toBe(false); // relative 1e-6 > 1e-9
    expect(equalWithinFloatingPointTolerance(0, 1e-9)).toBe(false);
    expect(equalWithinFloatingPointTolerance(Number.NaN, Number.NaN)).toBe(false);
  });

  it('checks every pair', () => {
    expect(pairsEqualWithinFloatingPointTolerance([1, 2 + 4e-16], [1, 2])).toBe(true);
    expect(pairsEqualWithinFloatingPointTolerance([1, 2.001], [1, 2])).toBe(false);
    expect(() => pairsEqualWithinFloatingPointTolerance([1], [1, 2])).toThrow(RangeError);
  });
});
