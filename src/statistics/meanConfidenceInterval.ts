import { mean, sampleStandardDeviation } from 'simple-statistics';
import {
  assertConfidenceLevel,
  assertFiniteSample,
  MAXIMUM_STUDENT_T_DEGREES_OF_FREEDOM,
} from './inputValidation.ts';
import { studentTQuantile } from './studentTQuantile.ts';

/**
 * A two-sided Student t confidence interval for a population mean, with the pieces it is built from.
 * All location fields (`mean`, `lower`, `upper`, `halfWidth`, `standardDeviation`,
 * `standardError`) are in the unit of the input values.
 */
export interface MeanConfidenceInterval {
  /** Sample mean x̄. */
  readonly mean: number;
  /** Sample standard deviation s (Bessel-corrected, divisor n − 1); 0 when n = 1 (not an estimate). */
  readonly standardDeviation: number;
  /** Standard error of the mean s/√n; 0 when n = 1 (not an estimate). */
  readonly standardError: number;
  /** Lower end x̄ − t·s/√n; equals `mean` when n = 1 or the sample has zero variance. */
  readonly lower: number;
  /** Upper end x̄ + t·s/√n; equals `mean` when n = 1 or the sample has zero variance. */
  readonly upper: number;
  /** Half-width t·s/√n (≥ 0); 0 when n = 1. */
  readonly halfWidth: number;
  /** Sample size. */
  readonly n: number;
  /** Two-sided coverage probability requested, e.g. 0.95. */
  readonly level: number;
  /** Degrees of freedom n − 1 of the t distribution (0 when n = 1). */
  readonly degreesOfFreedom: number;
  /** Critical value t_{(1+level)/2, n−1}; `null` when n = 1 (no t distribution with 0 df). */
  readonly criticalValue: number | null;
  /**
   * `true` when the interval is a genuine confidence interval (n ≥ 2). `false` when n = 1: a single
   * replication says nothing about spread, so the "interval" is collapsed to the point
   * `lower = upper = mean` with `standardDeviation = standardError = 0` only so that it can be
   * displayed; it must not be read as certainty.
   */
  readonly defined: boolean;
}

/**
 * Two-sided Student t confidence interval for the mean of a sample, e.g. of one outcome over the
 * seeded replications of a scenario.
 *
 * Why: with the handful of replications a simulation study can afford, the normal 1.96 understates
 * the uncertainty; the t interval is exact for normal data and robust for means of simulation
 * outputs (central limit theorem).
 *
 * Formula: x̄ ± t_{(1+level)/2, n−1} · s/√n, with x̄ = Σxᵢ/n and s² = Σ(xᵢ − x̄)²/(n − 1)
 * (simple-statistics `mean` and `sampleStandardDeviation`; t from {@link studentTQuantile}, with the
 * degrees of freedom capped at 10⁷, where t and normal quantiles agree to < 3·10⁻⁷).
 *
 * Degenerate cases (never NaN or ±Infinity):
 * - n = 1: `defined: false`, `standardDeviation = standardError = halfWidth = 0`,
 *   `lower = upper = mean`, `degreesOfFreedom = 0`, `criticalValue = null`.
 * - zero variance (all values identical, n ≥ 2): `defined: true`, `mean` is exactly that value,
 *   `standardDeviation = standardError = halfWidth = 0` and `lower = upper = mean` — the sample
 *   genuinely shows no spread (e.g. an outcome that a policy lever fixes deterministically).
 *
 * Reference: Student (1908), The probable error of a mean, Biometrika 6(1):1–25; Law (2015),
 * Simulation Modeling and Analysis, 5th ed., §9.4.1 (replication/deletion intervals).
 *
 * Units: those of `values` for every location and spread field; `level` is a probability.
 *
 * @param values the sample, finite numbers, at least one.
 * @param level two-sided coverage probability, strictly between 0 and 1 (default 0.95).
 * @returns the interval and its ingredients, see {@link MeanConfidenceInterval}.
 * @throws {RangeError} if `values` is empty or contains a non-finite number, if `level` is not in
 *   (0, 1), or if the values are so large (|x| ≳ 10¹⁵⁴) that their mean or variance overflows.
 * @example
 * // n = 5, x̄ = 3, s = √2.5 = 1.5811388, se = 0.7071068, t(0.975, 4) = 2.7764451 (R: qt(0.975, 4))
 * meanConfidenceInterval([1, 2, 3, 4, 5]);
 * // => { mean: 3, lower: 1.0367568, upper: 4.9632432, halfWidth: 1.9632432, defined: true, … }
 */
export function meanConfidenceInterval(values: readonly number[], level = 0.95): MeanConfidenceInterval {
  assertFiniteSample(values, 'values');
  assertConfidenceLevel(level);
  const n = values.length;
  const first = values[0];
  const allIdentical = values.every((value) => value === first);
  // For identical values report that value exactly (a floating-point mean could be off by an ulp).
  const sampleMean = allIdentical ? first : mean(values);
  if (n === 1) {
    return {
      mean: sampleMean,
      standardDeviation: 0,
      standardError: 0,
      lower: sampleMean,
      upper: sampleMean,
      halfWidth: 0,
      n,
      level,
      degreesOfFreedom: 0,
      criticalValue: null,
      defined: false,
    };
  }
  const standardDeviation = allIdentical ? 0 : sampleStandardDeviation(values);
  const standardError = standardDeviation / Math.sqrt(n);
  const degreesOfFreedom = n - 1;
  // Beyond 10⁷ df the t quantile equals the normal one to < 3·10⁻⁷ relative; cap to stay in range.
  const criticalValue = studentTQuantile(
    (1 + level) / 2,
    Math.min(degreesOfFreedom, MAXIMUM_STUDENT_T_DEGREES_OF_FREEDOM),
  );
  const halfWidth = criticalValue * standardError;
  const lower = sampleMean - halfWidth;
  const upper = sampleMean + halfWidth;
  if (![sampleMean, standardDeviation, lower, upper].every(Number.isFinite)) {
    throw new RangeError(
      'meanConfidenceInterval: values are too large in magnitude; their mean or variance overflows double precision',
    );
  }
  return {
    mean: sampleMean,
    standardDeviation,
    standardError,
    lower,
    upper,
    halfWidth,
    n,
    level,
    degreesOfFreedom,
    criticalValue,
    defined: true,
  };
}
