/**
 * Summaries of benchmark samples: median and minimum (the two figures the benchmark reports — the
 * median is robust to a few disturbed rounds, the minimum is the least disturbed one) and ratios of
 * them.
 */
import type { ElapsedTimes } from './cpuClock.ts';

/**
 * Median of a non-empty list (mean of the two middle values for an even count).
 *
 * @throws RangeError for an empty list.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, minimum and maximum of a sample, and its size. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/**
 * The {@link Spread} of a non-empty sample.
 *
 * @example spread([3, 1, 2]) // { median: 2, min: 1, max: 3, count: 3 }
 */
export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), count: values.length };
}

/** A ratio of two samples by their medians and by their minima. */
export interface SpreadRatio {
  readonly ofMedians: number;
  readonly ofMinima: number;
}

/**
 * numerator / denominator, median over median and minimum over minimum.
 *
 * @example ratioOf(spread([2, 4]), spread([1, 2])) // { ofMedians: 2, ofMinima: 2 }
 */
export function ratioOf(numerator: Spread, denominator: Spread): SpreadRatio {
  return { ofMedians: numerator.median / denominator.median, ofMinima: numerator.min / denominator.min };
}

/** The spread of every clock over a set of timed runs (see bench/cpuClock.ts), ms. */
export interface TimeSummary {
  readonly processCpuMs: Spread;
  readonly threadCpuMs: Spread;
  readonly wallMs: Spread;
  readonly runQueueWaitMs: Spread;
}

/** Summarise the clocks of timed runs (a non-empty list). */
export function summariseTimes(times: readonly ElapsedTimes[]): TimeSummary {
  return {
    processCpuMs: spread(times.map((t) => t.processCpuMs)),
    threadCpuMs: spread(times.map((t) => t.threadCpuMs)),
    wallMs: spread(times.map((t) => t.wallMs)),
    runQueueWaitMs: spread(times.map((t) => t.runQueueWaitMs)),
  };
}
