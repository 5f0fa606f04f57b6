/** Summaries of benchmark samples (bench/benchStatistics.ts): values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { median, ratioOf, spread, summariseTimes } from '../../bench/benchStatistics.ts';

describe('benchmark statistics', () => {
  it('median of odd and even counts, and refuses an empty list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5); // (2 + 3) / 2
    expect(() => median([])).toThrow(RangeError);
  });

  it('spread and ratios of medians and of minima', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, count: 3 });
    // numerator median 3, min 1; denominator median 1.5, min 0.5 → 2 and 2.
    expect(ratioOf(spread([5, 1, 3]), spread([0.5, 1.5, 2]))).toEqual({ ofMedians: 2, ofMinima: 2 });
  });

  it('summarises every clock of timed runs', () => {
    const times = [
      { wallMs: 10, processCpuMs: 8, threadCpuMs: 7, runQueueWaitMs: 2 },
      { wallMs: 30, processCpuMs: 9, threadCpuMs: 8, runQueueWaitMs: 20 },
      { wallMs: 20, processCpuMs: 10, threadCpuMs: 9, runQueueWaitMs: 11 },
    ];
    const s = summariseTimes(times);
    expect(s.wallMs).toEqual({ median: 20, min: 10, max: 30, count: 3 });
    expect(s.processCpuMs.median).toBe(9);
    expect(s.threadCpuMs.min).toBe(7);
    expect(s.runQueueWaitMs.max).toBe(20);
  });
});
