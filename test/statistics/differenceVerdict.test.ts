import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SMALLEST_EFFECT_FRACTION,
  differenceVerdict,
} from '../../src/statistics/differenceVerdict.ts';
import { FLOATING_POINT_TOLERANCE, pairsAreFloatingPointResidue as isFloatingPointResidue } from '../../src/statistics/floatingPointResidue.ts';

const constant = (value: number, n: number): number[] => new Array<number>(n).fill(value);

describe('differenceVerdict', () => {
  // d = [1, 2, 3, 4, 5]: d̄ = 3, s_d = √(10/4) = 1.5811388, se = s_d/√5 = 0.7071068,
  // t_{0.975, 4} = 2.7764451 (R: qt(0.975, 4)), half-width = 1.9632432 → interval [1.0367568, 4.9632432].
  const d = [1, 2, 3, 4, 5];

  it('calls a settled difference inside ± the smallest effect "no effect that matters"', () => {
    // Reference mean 100: δ = 5 % of 100 = 5; [1.04, 4.96] ⊂ [−5, 5].
    const result = differenceVerdict(d.map((x) => 100 + x), constant(100, 5));
    expect(result.verdict).toBe('no effect that matters');
    expect(result.difference.lower).toBeCloseTo(1.0367568, 6);
    expect(result.difference.upper).toBeCloseTo(4.9632432, 6);
    expect(result.smallestEffect).toBeCloseTo(5, 12);
    expect(result.referenceMean).toBeCloseTo(100, 12);
    expect(result.relativeDifference).toBeCloseTo(0.03, 12); // 3 / 100
    expect(DEFAULT_SMALLEST_EFFECT_FRACTION).toBe(0.05);
  });

  it('calls an interval that excludes 0 and reaches beyond the smallest effect "higher" or "lower"', () => {
    // Reference mean 40: δ = 2; [1.04, 4.96] excludes 0 and is not inside [−2, 2].
    expect(differenceVerdict(d.map((x) => 40 + x), constant(40, 5)).verdict).toBe('higher');
    // Mirror image: scenario − reference = −d, interval [−4.96, −1.04].
    const lower = differenceVerdict(d.map((x) => 40 - x), constant(40, 5));
    expect(lower.verdict).toBe('lower');
    expect(lower.relativeDifference).toBeCloseTo(-3 / 40, 12);
  });

  it('calls an interval across 0 that reaches beyond the smallest effect "unsettled"', () => {
    // d = [−3, 3, −3, 3]: d̄ = 0, s_d = √(36/3) = 3.4641016, se = 1.7320508, t_{0.975, 3} = 3.1824463,
    // half-width 5.5121, interval [−5.51, 5.51]. Reference 10 → δ = 0.5: unsettled.
    const spread = [-3, 3, -3, 3];
    const result = differenceVerdict(spread.map((x) => 10 + x), constant(10, 4));
    expect(result.difference.upper).toBeCloseTo(5.5121, 3);
    expect(result.verdict).toBe('unsettled');
    // Reference 200 → δ = 10 ⊃ [−5.51, 5.51]: no effect that matters.
    expect(differenceVerdict(spread.map((x) => 200 + x), constant(200, 4)).verdict).toBe('no effect that matters');
  });

  it('uses an absolute smallest effect when one is given, and the magnitude of a negative reference mean', () => {
    // Reference mean 100 but δ = 1 (absolute): [1.04, 4.96] is not inside [−1, 1] → higher.
    expect(differenceVerdict(d.map((x) => 100 + x), constant(100, 5), { smallestEffect: 1 }).verdict).toBe('higher');
    // Fraction 0.01 of 100 = 1: the same.
    expect(differenceVerdict(d.map((x) => 100 + x), constant(100, 5), { smallestEffectFraction: 0.01 }).verdict).toBe('higher');
    // Reference mean −100: δ = 5 % of |−100| = 5 → no effect that matters.
    const negative = differenceVerdict(d.map((x) => -100 + x), constant(-100, 5));
    expect(negative.smallestEffect).toBeCloseTo(5, 12);
    expect(negative.verdict).toBe('no effect that matters');
    expect(negative.relativeDifference).toBeCloseTo(0.03, 12); // 3 / |−100|
  });

  it('calls floating-point residue "no difference", never a finding', () => {
    // The examples: pollution per output +1.05e-16 on ≈ 0.41, output −2.3e-10 on ≈ 1.5e6.
    const pollution = [0.41, 0.42, 0.4, 0.43, 0.39];
    const residue = differenceVerdict(pollution.map((x, r) => x + (r % 2 === 0 ? 1.05e-16 : 0)), pollution);
    expect(residue.verdict).toBe('no difference');
    const output = [1.5e6, 1.51e6, 1.49e6];
    expect(differenceVerdict(output.map((x) => x - 2.3e-10), output).verdict).toBe('no difference');
    // Exactly equal: no difference (the reference mean 0 gives δ = 0 and a null relative difference).
    const zero = differenceVerdict([0, 0, 0], [0, 0, 0]);
    expect(zero.verdict).toBe('no difference');
    expect(zero.relativeDifference).toBeNull();
  });

  it('puts the residue boundary at 1e-9 · max(1, |reference|) per replication', () => {
    expect(FLOATING_POINT_TOLERANCE).toBe(1e-9);
    // Reference 1.5e6: tolerance 1.5e-3. 1e-3 is residue, 2e-3 is not (then: identical differences of
    // 2e-3, interval [2e-3, 2e-3] ⊂ ± 75,000 → no effect that matters).
    expect(isFloatingPointResidue([1.5e6 + 1e-3], [1.5e6])).toBe(true);
    expect(isFloatingPointResidue([1.5e6 + 2e-3], [1.5e6])).toBe(false);
    // Reference 0.4: tolerance 1e-9 (max(1, 0.4) = 1).
    expect(isFloatingPointResidue([0.4 + 5e-10], [0.4])).toBe(true);
    expect(isFloatingPointResidue([0.4 + 2e-9], [0.4])).toBe(false);
    // One replication beyond the tolerance is enough to make it a difference.
    expect(differenceVerdict([1.5e6 + 2e-3, 1.5e6 + 2e-3], [1.5e6, 1.5e6]).verdict).toBe('no effect that matters');
  });

  it('calls a single replication "unsettled" unless it is residue (there is no interval)', () => {
    expect(differenceVerdict([101], [100]).verdict).toBe('unsettled');
    expect(differenceVerdict([100], [100]).verdict).toBe('no difference');
  });

  it('rejects mis-paired or invalid input with a RangeError', () => {
    expect(() => differenceVerdict([1, 2], [1])).toThrow(RangeError);
    expect(() => differenceVerdict([1, Number.NaN], [1, 2])).toThrow(RangeError);
    expect(() => differenceVerdict([1, 2], [1, 2], { smallestEffect: -1 })).toThrow(/smallest effect/);
    expect(() => differenceVerdict([1, 2], [1, 2], { smallestEffectFraction: Number.POSITIVE_INFINITY })).toThrow(/fraction/);
    expect(() => differenceVerdict([1, 2], [1, 2], { level: 1 })).toThrow(RangeError);
  });
});
