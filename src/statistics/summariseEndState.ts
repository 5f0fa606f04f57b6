import { maxSorted, mean, minSorted, numericSort, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { assertFiniteSample } from './inputValidation.ts';

/**
 * Probabilities of the quantiles reported by {@link summariseEndState}: the median, the quartiles
 * and the 5%/95% quantiles (a 90% central range across replications).
 */
export const END_STATE_QUANTILE_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Descriptive summary of one outcome across replications; all values in the outcome's unit. */
export interface EndStateSummary {
  /** Number of values summarised. */
  readonly n: number;
  /** Smallest value. */
  readonly min: number;
  /** Largest value. */
  readonly max: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /**
   * Sample standard deviation (divisor n − 1); exactly 0 when all values are identical; `null` when
   * n = 1 (one value carries no information about spread).
   */
  readonly standardDeviation: number | null;
  /** 5% quantile (R type 7). */
  readonly p05: number;
  /** Lower quartile, 25% quantile (R type 7). */
  readonly p25: number;
  /** Median, 50% quantile. */
  readonly p50: number;
  /** Upper quartile, 75% quantile (R type 7). */
  readonly p75: number;
  /** 95% quantile (R type 7). */
  readonly p95: number;
}

/**
 * Descriptive summary of an outcome's end-of-run values across replications: min, max, mean,
 * sample standard deviation and the 5/25/50/75/95% quantiles.
 *
 * Why: confidence intervals describe the *mean*; planners also need the spread of what a single
 * zone's history can look like (a fan or box plot of replications), which these quantiles give.
 *
 * Formula: values are sorted once (simple-statistics `numericSort`); quantiles use linear
 * interpolation between order statistics, Q(p) = x₍ⱼ₎ + (h − ⌊h⌋)(x₍ⱼ₊₁₎ − x₍ⱼ₎) with h = (n − 1)p and
 * j = ⌊h⌋ (0-based), i.e. R's default `quantile(type = 7)` (simple-statistics `quantileSorted`);
 * mean Σx/n; sd √(Σ(x − x̄)²/(n − 1)).
 *
 * Degenerate cases (never NaN or ±Infinity): n = 1 → every quantile, min, max and mean equal the
 * value and `standardDeviation` is `null`; identical values → `standardDeviation` is exactly 0 and
 * the mean is exactly the common value.
 *
 * Reference: Hyndman & Fan (1996), Sample quantiles in statistical packages, The American
 * Statistician 50(4):361–365 (definition 7).
 *
 * Units: every field except `n` is in the unit of `values`.
 *
 * @param values one outcome's value per replication, finite numbers, at least one; not modified.
 * @returns see {@link EndStateSummary}.
 * @throws {RangeError} if `values` is empty or contains a non-finite number, or if the values are
 *   so large (|x| ≳ 10¹⁵⁴) that the mean, variance or a quantile interpolation overflows.
 * @example
 * // R: quantile(c(1, 2, 3, 4, 10), c(.05, .25, .5, .75, .95)) = 1.2 2 3 4 8.8; mean 4; sd 3.535534
 * summariseEndState([10, 1, 3, 2, 4]);
 * // => { n: 5, min: 1, max: 10, mean: 4, standardDeviation: 3.5355339, p05: 1.2, p25: 2, p50: 3,
 * //      p75: 4, p95: 8.8 }
 */
export function summariseEndState(values: readonly number[]): EndStateSummary {
  assertFiniteSample(values, 'values');
  const sorted = numericSort(values);
  const n = sorted.length;
  const minimum = minSorted(sorted);
  const maximum = maxSorted(sorted);
  const allIdentical = minimum === maximum;
  const sampleMean = allIdentical ? minimum : mean(sorted);
  let standardDeviation: number | null = null;
  if (n >= 2) standardDeviation = allIdentical ? 0 : sampleStandardDeviation(sorted);
  const [p05, p25, p50, p75, p95] = END_STATE_QUANTILE_PROBABILITIES.map((probability) =>
    quantileSorted(sorted, probability),
  );
  const computed = [sampleMean, standardDeviation ?? 0, p05, p25, p50, p75, p95];
  if (!computed.every(Number.isFinite)) {
    throw new RangeError(
      'summariseEndState: values are too large in magnitude; their mean, variance or an interpolated ' +
        'quantile overflows double precision',
    );
  }
  return { n, min: minimum, max: maximum, mean: sampleMean, standardDeviation, p05, p25, p50, p75, p95 };
}
