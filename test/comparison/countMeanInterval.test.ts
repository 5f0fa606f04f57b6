import { describe, expect, it } from 'vitest';
import { countMeanInterval, isCountSample } from '../../src/comparison/countMeanInterval.ts';

describe('countMeanInterval', () => {
  it('keeps the Student t interval when it stays at or above 0', () => {
    // 10, 12, 14: mean 12, s = 2, t(0.975, 2) = 4.3026527 → 12 ± 4.9682754.
    const ci = countMeanInterval([10, 12, 14]);
    expect(ci.method).toBe('t');
    expect(ci.lower).toBeCloseTo(7.0317246, 6);
    expect(ci.upper).toBeCloseTo(16.9682754, 6);
  });

  it('gives a count whose t interval reaches below 0 the percentile bootstrap, which stays within [min, max]', () => {
    // 0, 0, 7: t gives 2.333 ± 4.3026527 · 4.0414519 / √3 = 2.333 ± 10.039 → [−7.71, 12.37], below 0.
    // Bootstrap means of 3 draws from {0, 0, 7}: 0 with probability (2/3)³ = 29.6 % (> 2.5 %, so the
    // 2.5 % quantile is 0) and 7 with probability (1/3)³ = 3.7 % (> 2.5 %, so the 97.5 % quantile is 7).
    const ci = countMeanInterval([0, 0, 7]);
    expect(ci.method).toBe('bootstrap-percentile');
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBe(7);
    expect(ci.mean).toBeCloseTo(7 / 3, 12);
    // Issue 13's example shape: waiting projects, mostly 0 with a few large counts.
    const waiting = countMeanInterval([0, 0, 0, 0, 0, 0, 0, 0, 40, 49]);
    expect(waiting.method).toBe('bootstrap-percentile');
    expect(waiting.lower).toBeGreaterThanOrEqual(0);
    expect(waiting.upper).toBeLessThanOrEqual(49);
    expect(countMeanInterval([0, 0, 7])).toEqual(ci); // fixed seed: the same every time
  });

  it('leaves non-counts (and single values) to the t interval', () => {
    expect(countMeanInterval([0.5, 0, 0]).method).toBe('t');
    expect(countMeanInterval([-1, 0, 4]).method).toBe('t');
    expect(countMeanInterval([3]).method).toBe('t');
    expect(isCountSample([0, 3, 12])).toBe(true);
    expect(isCountSample([0, 3.5])).toBe(false);
    expect(isCountSample([-1])).toBe(false);
  });
});
