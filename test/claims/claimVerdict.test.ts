/**
 * The verdict rules with hand-computed intervals: t(0.975, 2) = 4.302652729911275 (R: qt(0.975, 2)),
 * so with n = 3 the half-width is 4.302653 × s / √3 = 2.484138 × s.
 */
import { describe, expect, it } from 'vitest';
import { judgeContrast, smallestEffectAmount, summariseContrast } from '../../src/claims/claimVerdict.ts';
import type { ContrastValues } from '../../src/claims/contrastValues.ts';
import { meanConfidenceInterval } from '../../src/statistics/meanConfidenceInterval.ts';

const HALF_WIDTH_PER_SD = 4.302652729911275 / Math.sqrt(3); // 2.4841377… (studentTQuantile agrees with R to about 1e-10, so 8 digits are compared)

/** A contrast against a reference of 100 in every replication (magnitudes ~100). */
function against100(differences: number[]): ContrastValues {
  return { differences, reference: differences.map(() => 100), magnitudes: differences.map((d) => 100 + Math.abs(d)) };
}

describe('judgeContrast', () => {
  it('supported: d = (10, 11, 12), mean 11, s = 1 → [8.516, 13.484] excludes 0 upwards; +11 % of 100', () => {
    const e = judgeContrast(against100([10, 11, 12]), 'increase', { relative: 0.05 });
    expect(e.meanDifference).toBe(11);
    expect(e.lower).toBeCloseTo(11 - HALF_WIDTH_PER_SD, 8); // 8.515862
    expect(e.upper).toBeCloseTo(11 + HALF_WIDTH_PER_SD, 8); // 13.484138
    expect(e.referenceMean).toBe(100);
    expect(e.relative).toBeCloseTo(0.11, 12);
    expect(e.smallestEffect).toBe(5); // 0.05 × 100
    expect(e.verdict).toBe('supported');
  });

  it('contradicted: the same differences when the claim says decrease', () => {
    expect(judgeContrast(against100([10, 11, 12]), 'decrease', { relative: 0.05 }).verdict).toBe('contradicted');
    expect(judgeContrast(against100([-10, -11, -12]), 'increase', { relative: 0.05 }).verdict).toBe('contradicted');
    expect(judgeContrast(against100([-10, -11, -12]), 'decrease', { relative: 0.05 }).verdict).toBe('supported');
  });

  it('no effect that matters: d = (0.1, 0.2, 0.3) → [−0.048, 0.448], inside ±5 (5 % of 100)', () => {
    const e = judgeContrast(against100([0.1, 0.2, 0.3]), 'increase', { relative: 0.05 });
    expect(e.lower).toBeCloseTo(0.2 - 0.1 * HALF_WIDTH_PER_SD, 8); // −0.048414
    expect(e.upper).toBeCloseTo(0.2 + 0.1 * HALF_WIDTH_PER_SD, 8); // 0.448414
    expect(e.verdict).toBe('no effect that matters');
    // An interval that excludes 0 but lies inside ±δ is also no effect that matters: d = (1, 1.1, 1.2) → [0.75, 1.35] ⊂ [−5, 5].
    expect(judgeContrast(against100([1, 1.1, 1.2]), 'increase', { relative: 0.05 }).verdict).toBe('no effect that matters');
    // … but supported when the smallest effect is smaller: absolute 0.5 < 1.35.
    expect(judgeContrast(against100([1, 1.1, 1.2]), 'increase', { absolute: 0.5 }).verdict).toBe('supported');
  });

  it('unsettled: d = (−3, 1, 5), mean 1, s = 4 → [−8.94, 10.94] holds 0 and reaches beyond ±5', () => {
    const e = judgeContrast(against100([-3, 1, 5]), 'increase', { relative: 0.05 });
    expect(e.lower).toBeCloseTo(1 - 4 * HALF_WIDTH_PER_SD, 8); // −8.936551
    expect(e.upper).toBeCloseTo(1 + 4 * HALF_WIDTH_PER_SD, 8); // 10.936551
    expect(e.verdict).toBe('unsettled');
  });

  it('unsettled with a single replication (no interval), whatever its size', () => {
    expect(judgeContrast(against100([50]), 'increase', { relative: 0.05 }).verdict).toBe('unsettled');
  });

  it('no difference: floating-point residue of 1e-16 in a share, although its t-interval excludes 0', () => {
    const residue = { differences: [1.05e-16, 0.9e-16, 1.1e-16], reference: [0.4, 0.41, 0.39], magnitudes: [0.4, 0.41, 0.39] };
    // The t-interval alone would call this a settled increase: mean 1.0167e-16, s = 1.04e-17 → lower ≈ 7.4e-17 > 0.
    expect(meanConfidenceInterval(residue.differences).lower).toBeGreaterThan(0);
    const e = judgeContrast(residue, 'increase', { relative: 0.01 });
    expect(e.verdict).toBe('no difference');
  });

  it('no difference: a sum of 5e5 off by 2.3e-10 (rounding of a sum taken in another order)', () => {
    const residue = { differences: [2.3e-10, -1e-10, 3e-10], reference: [5e5, 5e5, 5e5], magnitudes: [5e5, 5e5, 5e5] };
    expect(judgeContrast(residue, 'decrease', { relative: 0.01 }).verdict).toBe('no difference');
    // One replication beyond 1e-9 × 5e5 = 5e-4 makes it a difference again.
    const real = { ...residue, differences: [2.3e-10, -1e-10, 1e-3] };
    expect(judgeContrast(real, 'decrease', { relative: 0.01 }).verdict).not.toBe('no difference');
  });

  it('relative effects are null when the reference mean is 0, and the smallest effect then needs an absolute amount', () => {
    const e = judgeContrast({ differences: [0.4, 0.5, 0.6], reference: [0, 0, 0], magnitudes: [0.4, 0.5, 0.6] }, 'increase', { absolute: 0.01 });
    expect(e.relative).toBeNull();
    expect(e.verdict).toBe('supported'); // [0.252, 0.748]
  });
});

describe('smallestEffectAmount', () => {
  it('is relative × |reference mean| or the absolute amount', () => {
    expect(smallestEffectAmount({ relative: 0.05 }, -200)).toBe(10);
    expect(smallestEffectAmount({ absolute: 3 }, -200)).toBe(3);
  });
});


describe('judgeContrast without a defined replication', () => {
  it('is unsettled with NaN statistics, never "no difference"', () => {
    const e = judgeContrast({ differences: [], reference: [], magnitudes: [] }, 'increase', { relative: 0.05 });
    expect(e.verdict).toBe('unsettled');
    expect(e.n).toBe(0);
    expect(Number.isNaN(e.meanDifference)).toBe(true);
  });
});

describe('summariseContrast', () => {
  it('gives the mean, its t-interval and the three in units of |reference mean|', () => {
    // d = (1, 3): d̄ = 2, s = √2, se = s/√2 = 1, t(0.975, 1) = 12.7062 → [−10.7062, 14.7062];
    // reference mean −4 → scale 4: relative 0.5, [−2.6766, 3.6766].
    const s = summariseContrast([1, 3], [-4, -4]);
    expect(s.n).toBe(2);
    expect(s.meanDifference).toBe(2);
    expect(s.lower).toBeCloseTo(-10.7062, 4);
    expect(s.upper).toBeCloseTo(14.7062, 4);
    expect(s.referenceMean).toBe(-4);
    expect(s.relative).toBe(0.5);
    expect(s.relativeLower).toBeCloseTo(-2.67655, 4);
    expect(s.relativeUpper).toBeCloseTo(3.67655, 4);
    expect(summariseContrast([1, 3], [0, 0]).relative).toBeNull();
  });
});
