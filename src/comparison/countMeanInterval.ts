import seedrandom from 'seedrandom';
import { bootstrapPercentileInterval } from '../analysis/bootstrapPercentileInterval.ts';
import { meanConfidenceInterval, type MeanConfidenceInterval } from '../statistics/meanConfidenceInterval.ts';

/** How a 95% interval of a mean was computed: Student t, or the percentile bootstrap. */
export type IntervalMethod = 't' | 'bootstrap-percentile';

/** Resamples of the percentile bootstrap of a mean. */
export const MEAN_BOOTSTRAP_RESAMPLES = 4000;

/** Seed of the bootstrap's generator (fixed, so a report is the same at every rendering). */
export const MEAN_BOOTSTRAP_SEED = 'zonesim-mean-bootstrap';

/** A mean's 95% interval with the method that gave it. */
export interface MeanInterval extends MeanConfidenceInterval {
  readonly method: IntervalMethod;
}

/**
 * The 95% interval of a mean over replications that never reaches below 0 for a count.
 *
 * What: the Student t interval of {@link meanConfidenceInterval} — unless the values are counts
 * (every value a non-negative integer: firms, projects, jobs, zones) and the t interval reaches
 * below 0, which a mean of counts cannot. Then the interval is the percentile bootstrap of the mean
 * (B = 4,000 resamples of the replications with replacement, fixed seed): every resampled mean is a
 * mean of counts, so the interval stays within [min, max] of the data. The method is
 * named in `method` (and in summary.csv / end-state.csv as `interval_method`).
 *
 * Why: "waiting projects 8.9 [−9.7, 27.5]" is a symmetric normal approximation applied to a skewed
 * count with few replications; it is not a statement anyone can use.
 *
 * Reference: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (percentile
 * interval). `mean`, `standardDeviation`, `standardError` and `n` are those of the t interval in
 * both cases. Units: those of the values.
 *
 * @param values the replications' values (finite, at least 1).
 * @throws {RangeError} as meanConfidenceInterval (empty or non-finite values).
 * @example countMeanInterval([0, 0, 0, 0, 40]).method // 'bootstrap-percentile' (t gives [−14.2, 30.2])
 */
export function countMeanInterval(values: readonly number[]): MeanInterval {
  const t = meanConfidenceInterval(values);
  if (!(t.lower < 0) || values.length < 2 || !isCountSample(values)) return { ...t, method: 't' };
  const uniform = seedrandom.alea(MEAN_BOOTSTRAP_SEED);
  const n = values.length;
  const replicates = new Float64Array(MEAN_BOOTSTRAP_RESAMPLES);
  for (let b = 0; b < MEAN_BOOTSTRAP_RESAMPLES; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(uniform() * n)];
    replicates[b] = sum / n;
  }
  const boot = bootstrapPercentileInterval(replicates, t.level);
  return { ...t, lower: boot.lower, upper: boot.upper, method: 'bootstrap-percentile' };
}

/**
 * Whether every value is a non-negative integer (a count).
 *
 * @example isCountSample([0, 3, 12]) // true
 * @example isCountSample([0.5, 3]) // false
 */
export function isCountSample(values: readonly number[]): boolean {
  for (const v of values) if (!(Number.isInteger(v) && v >= 0)) return false;
  return true;
}
