/** Discrepancies on each scale, one-sided bounds, and the two norms, against hand calculations. */
import { describe, expect, it } from 'vitest';
import { discrepancy, scaledDiscrepancy, targetDistance, type TargetComparison } from '../../src/calibration/targetDistance.ts';

const point = (scale: TargetComparison['scale'], figure: number, tolerance: number, weight = 1): TargetComparison => ({ figure, kind: 'point', scale, tolerance, weight });

describe('target distance', () => {
  it('discrepancy on the log, relative and absolute scales', () => {
    expect(discrepancy(110, 100, 'log')).toBeCloseTo(Math.log(1.1), 15);
    expect(discrepancy(0, 100, 'log')).toBe(-Infinity);
    expect(discrepancy(0.44, 0.4, 'relative')).toBeCloseTo(0.1, 14);
    expect(discrepancy(-0.1, 0.2, 'absolute')).toBeCloseTo(-0.3, 15);
    expect(discrepancy(Number.NaN, 1, 'absolute')).toBeNaN();
  });

  it('bounds count only the side they forbid; NaN is infinitely far', () => {
    const lower: TargetComparison = { figure: 100, kind: 'lowerBound', scale: 'relative', tolerance: 0.05, weight: 1 };
    expect(scaledDiscrepancy(90, lower)).toBeCloseTo(-2, 12);
    expect(scaledDiscrepancy(120, lower)).toBe(0);
    const upper: TargetComparison = { ...lower, kind: 'upperBound' };
    expect(scaledDiscrepancy(90, upper)).toBe(0);
    expect(scaledDiscrepancy(110, upper)).toBeCloseTo(2, 12);
    // A model value of 0 under a log-scale upper bound is below it: no discrepancy.
    expect(scaledDiscrepancy(0, { ...upper, scale: 'log' })).toBe(0);
    expect(scaledDiscrepancy(Number.NaN, upper)).toBe(Infinity);
  });

  it('rms √(Σ w z² / Σ w) and max max w|z|; weight 0 leaves a target out', () => {
    // z = (110 − 100)/100/0.1 = 1 and (0.5 − 0.4)/0.05 = 2 (absolute): rms √((1·1 + 3·4)/4) = √3.25; max 3·2 = 6.
    const targets = [point('relative', 100, 0.1), point('absolute', 0.4, 0.05, 3), point('log', 5, 0.1, 0)];
    expect(targetDistance([110, 0.5, Number.NaN], targets, 'rms')).toBeCloseTo(Math.sqrt(3.25), 12);
    expect(targetDistance([110, 0.5, Number.NaN], targets, 'max')).toBeCloseTo(6, 12);
    expect(targetDistance([Number.NaN, 0.4, 5], targets, 'rms')).toBe(Infinity);
    expect(() => targetDistance([1], [point('log', 1, 1, 0)], 'rms')).toThrow(/positive weight/);
    expect(() => targetDistance([1, 2], [point('log', 1, 1)], 'rms')).toThrow(/2 statistics for 1 targets/);
  });
});
