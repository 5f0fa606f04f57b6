import { describe, expect, it } from 'vitest';
import { thresholdOutcome } from '../../src/analysis/thresholdOutcome.ts';

describe('thresholdOutcome', () => {
  it('flags values by comparison', () => {
    expect(Array.from(thresholdOutcome([0.01, 0.05, 0.02], 'below', 0.02))).toEqual([1, 0, 0]);
    expect(Array.from(thresholdOutcome([0.01, 0.05, 0.02], 'atOrBelow', 0.02))).toEqual([1, 0, 1]);
    expect(Array.from(thresholdOutcome([0.01, 0.05, 0.02], 'above', 0.02))).toEqual([0, 1, 0]);
    expect(Array.from(thresholdOutcome([0.01, 0.05, 0.02], 'atOrAbove', 0.02))).toEqual([0, 1, 1]);
    expect(() => thresholdOutcome([1], 'equal' as never, 0)).toThrow(/comparison/);
    expect(() => thresholdOutcome([Number.NaN], 'below', 0)).toThrow(/values\[0\] is NaN/);
  });
});
