import { assertConfidenceLevel, assertFiniteSample } from './inputValidation.ts';
import { meanConfidenceInterval } from './meanConfidenceInterval.ts';
import { studentTCumulativeDistribution } from './studentTCumulativeDistribution.ts';

/**
 * Verdict on the sign of a paired difference (treatment − control):
 * - `'increase'`: the confidence interval lies entirely above 0;
 * - `'decrease'`: it lies entirely below 0;
 * - `'unsettled'`: it contains 0 (or n = 1, so there is no interval) — the replications do not
 *   settle the sign;
 * - `'no-difference'`: every difference is exactly 0 (e.g. a lever that does not touch this
 *   outcome under common random numbers).
 */
export type PairedDifferenceDirection = 'increase' | 'decrease' | 'unsettled' | 'no-difference';

/**
 * Paired comparison of two scenarios over replications that share random numbers. Location and
 * spread fields are in the unit of the outcome; `tStatistic` and `cohensDz` are dimensionless.
 */
export interface PairedDifference {
  /** dᵣ = treatmentᵣ − controlᵣ, in replication order. */
  readonly differences: readonly number[];
  /** Number of pairs (replications). */
  readonly n: number;
  /** Two-sided coverage probability of the interval, e.g. 0.95. */
  readonly level: number;
  /** Mean difference d̄ (the estimated treatment effect). */
  readonly meanDifference: number;
  /** Sample standard deviation s_d of the differences; 0 when n = 1 (not an estimate). */
  readonly standardDeviation: number;
  /** Standard error s_d/√n; 0 when n = 1 (not an estimate). */
  readonly standardError: number;
  /** Lower end of the t interval d̄ − t·s_d/√n (= d̄ when n = 1). */
  readonly lower: number;
  /** Upper end of the t interval d̄ + t·s_d/√n (= d̄ when n = 1). */
  readonly upper: number;
  /** Half-width t·s_d/√n. */
  readonly halfWidth: number;
  /** n − 1. */
  readonly degreesOfFreedom: number;
  /** t_{(1+level)/2, n−1}; `null` when n = 1. */
  readonly criticalValue: number | null;
  /**
   * Paired t statistic d̄/(s_d/√n); `null` when it is undefined: n = 1, or zero variance of the
   * differences (0/0 when all are 0, ±∞ when they are all the same non-zero value).
   */
  readonly tStatistic: number | null;
  /**
   * Two-sided p-value 2·P(T_{n−1} ≤ −|t|) for H₀: mean difference = 0. `null` when n = 1. With
   * zero variance of the differences: 1 when all differences are 0 (no evidence of any effect), 0
   * when they all equal the same non-zero value (the limit as s_d → 0).
   */
  readonly pValue: number | null;
  /**
   * Cohen's d_z = d̄/s_d, the mean difference in units of the standard deviation of the differences
   * (not of the outcome itself). 0 when all differences are exactly 0; `null` when undefined:
   * n = 1 with a non-zero difference, or zero variance with a non-zero mean (it would be ±∞).
   */
  readonly cohensDz: number | null;
  /** `true` when the interval excludes 0 (lower > 0 or upper < 0); always `false` when n = 1. */
  readonly signSettled: boolean;
  /** See {@link PairedDifferenceDirection}. */
  readonly direction: PairedDifferenceDirection;
  /** `false` when n = 1: interval, t and p are then not available (see the fields). */
  readonly defined: boolean;
}

/**
 * Paired (common-random-number) comparison of a treatment scenario with a control scenario:
 * replication r of both was run with the same seed, so the per-replication differences cancel
 * the shared noise and the mean difference is estimated far more precisely than by comparing the
 * two scenario means independently.
 *
 * Why: this is the estimator the scenario runner reports for "lever X changes outcome Y by …".
 *
 * Formula: dᵣ = treatmentᵣ − controlᵣ (r = 1…n); d̄ = Σdᵣ/n; s_d² = Σ(dᵣ − d̄)²/(n − 1);
 * se = s_d/√n; interval d̄ ± t_{(1+level)/2, n−1}·se (via {@link meanConfidenceInterval});
 * t = d̄/se; p = 2·F_{n−1}(−|t|) (via {@link studentTCumulativeDistribution});
 * Cohen's d_z = d̄/s_d = t/√n. (simple-statistics' `tTest` is not used: it divides by the
 * population standard deviation, divisor n, which gives t·√(n/(n − 1)) — 12% too large at n = 5.)
 *
 * Degenerate cases (never NaN or ±Infinity):
 * - n = 1: `defined: false`; lower = upper = d̄, se = s_d = 0; `tStatistic`, `pValue`,
 *   `criticalValue` are `null`; `cohensDz` is 0 if the difference is 0, else `null`;
 *   `signSettled: false`; direction `'no-difference'` if the difference is 0, else `'unsettled'`.
 * - all differences exactly 0 (n ≥ 2): interval [0, 0], `tStatistic: null`, `pValue: 1`,
 *   `cohensDz: 0`, `signSettled: false`, direction `'no-difference'`.
 * - all differences equal to the same c ≠ 0 (n ≥ 2): interval [c, c], `tStatistic: null`,
 *   `pValue: 0`, `cohensDz: null`, `signSettled: true`, direction by the sign of c.
 *
 * Reference: Law (2015), Simulation Modeling and Analysis, 5th ed., §10.2.1 (paired-t interval) and
 * §11.2 (common random numbers); Cohen (1988), Statistical Power Analysis for the Behavioral
 * Sciences, 2nd ed., §2.3.5 (d_z); Lakens (2013), Front. Psychol. 4:863.
 *
 * Units: differences, means, spreads and interval ends in the unit of the outcome; `tStatistic`,
 * `cohensDz` dimensionless; `pValue`, `level` probabilities.
 *
 * @param treatment outcome of the treatment scenario per replication (index = replication).
 * @param control outcome of the control scenario per replication, same order and length.
 * @param level two-sided coverage probability of the interval, in (0, 1) (default 0.95).
 * @returns see {@link PairedDifference}.
 * @throws {RangeError} if the arrays differ in length (replications would be mis-paired), are
 *   empty, contain non-finite numbers, if a difference overflows, or if `level` is not in (0, 1).
 * @example
 * // d = [1, 2, 3, 4, 5] − [0, 0, 0, 0, 0]: d̄ = 3, s_d = 1.5811388, t = 4.2426407 on 4 df,
 * // p = 0.01324 (R: t.test(c(1,2,3,4,5), c(0,0,0,0,0), paired = TRUE))
 * pairedDifference([1, 2, 3, 4, 5], [0, 0, 0, 0, 0]);
 * // => { meanDifference: 3, lower: 1.0367568, upper: 4.9632432, signSettled: true,
 * //      direction: 'increase', cohensDz: 1.8973666, … }
 */
export function pairedDifference(
  treatment: readonly number[],
  control: readonly number[],
  level = 0.95,
): PairedDifference {
  if (treatment.length !== control.length) {
    throw new RangeError(
      `pairedDifference needs one control value per treatment value (same replication index); ` +
        `got ${treatment.length} treatment and ${control.length} control values`,
    );
  }
  assertFiniteSample(treatment, 'treatment');
  assertFiniteSample(control, 'control');
  assertConfidenceLevel(level);
  const differences = treatment.map((value, index) => value - control[index]);
  assertFiniteSample(differences, 'differences (treatment − control)');

  const interval = meanConfidenceInterval(differences, level);
  const n = interval.n;
  const allZero = differences.every((difference) => difference === 0);
  // +0 turns a −0 mean (e.g. from 0 − 0 entries) into 0 for display.
  const meanDifference = interval.mean + 0;

  let tStatistic: number | null = null;
  let pValue: number | null = null;
  let cohensDz: number | null = null;
  if (allZero) {
    cohensDz = 0;
    pValue = n >= 2 ? 1 : null;
  } else if (n >= 2) {
    if (interval.standardError > 0) {
      tStatistic = meanDifference / interval.standardError;
      pValue = 2 * studentTCumulativeDistribution(-Math.abs(tStatistic), interval.degreesOfFreedom);
      cohensDz = meanDifference / interval.standardDeviation;
      if (!Number.isFinite(tStatistic) || !Number.isFinite(cohensDz)) {
        // Only reachable when s_d underflows relative to d̄; treat as zero variance.
        tStatistic = null;
        cohensDz = null;
        pValue = 0;
      }
    } else {
      pValue = 0; // all differences equal the same non-zero value: the limit s_d → 0
    }
  }

  const signSettled = interval.defined && !allZero && (interval.lower > 0 || interval.upper < 0);
  let direction: PairedDifferenceDirection;
  if (allZero) direction = 'no-difference';
  else if (!signSettled) direction = 'unsettled';
  else direction = meanDifference > 0 ? 'increase' : 'decrease';

  return {
    differences,
    n,
    level,
    meanDifference,
    standardDeviation: interval.standardDeviation,
    standardError: interval.standardError,
    lower: interval.lower + 0,
    upper: interval.upper + 0,
    halfWidth: interval.halfWidth,
    degreesOfFreedom: interval.degreesOfFreedom,
    criticalValue: interval.criticalValue,
    tStatistic,
    pValue,
    cohensDz,
    signSettled,
    direction,
    defined: interval.defined,
  };
}
