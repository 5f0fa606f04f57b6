import { describe, expect, it } from 'vitest';
import {
  compareArms,
  finalValue,
  isSignificantInDirection,
  leverBase,
  leverInput,
  mergeOverrides,
  totalOverRun,
} from './leverHarness.ts';

/**
 * The comparative-statics tests are only as good as their harness: these checks show that it can
 * say "no" — identical arms and levers that cannot touch an outcome give no significant effect — and
 * that the direction test is not symmetric.
 */
describe('the paired lever harness', () => {
  it('merges overrides deeply without changing its inputs', () => {
    const a = { zones: { count: 3, landPrice: 2 } };
    const b = { zones: { count: 5 }, land: { enabled: false } };
    expect(mergeOverrides(a, b)).toEqual({ zones: { count: 5, landPrice: 2 }, land: { enabled: false } });
    expect(a).toEqual({ zones: { count: 3, landPrice: 2 } });
  });

  it('finds no effect between identical arms (every paired difference is exactly 0)', () => {
    const input = leverInput(leverBase);
    const result = compareArms(input, leverInput(leverBase), totalOverRun('entries'), 6);
    expect(result.direction).toBe('no-difference');
    expect(isSignificantInDirection(result, 'increase')).toBe(false);
    expect(isSignificantInDirection(result, 'decrease')).toBe(false);
  });

  it('finds no effect of a lever on an outcome it cannot reach (common random numbers at work)', () => {
    // Central treatment only rescales reported pollution: every choice, entry and exit is the same, so
    // with shared seeds the firm counts agree exactly in every replication.
    const result = compareArms(
      leverInput(leverBase, { circular: { centralTreatmentEfficiency: 0 } }),
      leverInput(leverBase, { circular: { centralTreatmentEfficiency: 0.9 } }),
      finalValue('firms'),
      6,
    );
    expect(result.direction).toBe('no-difference');
  });

  it('is directional: a significant increase is not a significant decrease, and swapping the arms flips it', () => {
    const low = leverInput(leverBase, { promotion: { zoneApprovalMonths: 0 } });
    const high = leverInput(leverBase, { promotion: { zoneApprovalMonths: 24 } });
    const forward = compareArms(low, high, finalValue('zoneFirmShare'), 6);
    const backward = compareArms(high, low, finalValue('zoneFirmShare'), 6);
    expect(isSignificantInDirection(forward, 'decrease')).toBe(true);
    expect(isSignificantInDirection(forward, 'increase')).toBe(false);
    expect(isSignificantInDirection(backward, 'increase')).toBe(true);
    expect(forward.threshold).toBeCloseTo(4.032, 3); // t_{0.995, 5} (R: qt(0.995, 5) = 4.032143)
  });

  it('uses different seeds for different replications (otherwise n replications would be one)', () => {
    const result = compareArms(leverInput(leverBase), leverInput(leverBase), totalOverRun('entries'), 4);
    expect(new Set(result.control).size).toBe(4);
  });
});
