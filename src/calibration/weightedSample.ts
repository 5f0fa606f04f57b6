/**
 * Statistics of a weighted sample (an importance-weighted ABC population): normalising log
 * weights, effective sample size, weighted mean, standard deviation and quantiles. Pure module.
 */
import { exp, log } from '../model/deterministicMath.ts';

/**
 * Normalise log weights to weights summing to 1 (log-sum-exp, so very small or large log weights
 * neither underflow nor overflow). Entries of −Infinity get weight 0.
 *
 * @throws {RangeError} when every log weight is −Infinity or one is NaN/+Infinity.
 * @example normaliseLogWeights([0, log(3)]) // [0.25, 0.75]
 */
export function normaliseLogWeights(logWeights: readonly number[]): number[] {
  let maximum = -Infinity;
  for (const value of logWeights) {
    if (Number.isNaN(value) || value === Infinity) throw new RangeError(`normaliseLogWeights: a log weight is ${value}`);
    if (value > maximum) maximum = value;
  }
  if (maximum === -Infinity) throw new RangeError('normaliseLogWeights: every weight is 0');
  const weights = logWeights.map((value) => exp(value - maximum));
  let total = 0;
  for (const w of weights) total += w;
  return weights.map((w) => w / total);
}

/**
 * ln Σ exp(values) computed stably; −Infinity for an empty list or all −Infinity.
 *
 * @example logSumExp([log(1), log(2)]) // ln 3
 */
export function logSumExp(values: ArrayLike<number>): number {
  let maximum = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > maximum) maximum = values[i];
  if (maximum === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += exp(values[i] - maximum);
  return maximum + log(sum);
}

/**
 * Kish's effective sample size 1 / Σ w² of normalised weights: how many unweighted draws the
 * weighted sample is worth (N for equal weights, 1 when one particle has all the weight).
 *
 * Reference: Kish (1965), Survey Sampling; Liu (2001), Monte Carlo Strategies, §2.5.3.
 * @example effectiveSampleSize([0.25, 0.25, 0.25, 0.25]) // 4
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  for (const w of weights) sum += w * w;
  return 1 / sum;
}

/**
 * Weighted mean Σ w x of normalised weights.
 *
 * @example weightedMean([1, 3], [0.75, 0.25]) // 1.5
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += weights[i] * values[i];
  return sum;
}

/**
 * Weighted standard deviation √(Σ w (x − x̄)²) of normalised weights (the plug-in estimate of the
 * weighted distribution's spread, without a small-sample correction).
 *
 * @example weightedStandardDeviation([0, 2], [0.5, 0.5]) // 1
 */
export function weightedStandardDeviation(values: readonly number[], weights: readonly number[]): number {
  const mean = weightedMean(values, weights);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += weights[i] * (values[i] - mean) * (values[i] - mean);
  return Math.sqrt(sum);
}

/**
 * Quantile of a weighted sample: the smallest value x with Σ_{x_i ≤ x} w_i ≥ p (the inverse of the
 * weighted empirical distribution function; with equal weights, R's `quantile(type = 1)`).
 *
 * @param values the sample.
 * @param weights normalised weights.
 * @param probability p in [0, 1].
 * @example weightedQuantile([1, 2, 3, 4], [0.25, 0.25, 0.25, 0.25], 0.5) // 2
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], probability: number): number {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`weightedQuantile: probability must be in [0, 1], got ${probability}`);
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let cumulative = 0;
  // Guard against the sum of weights falling short of 1 by rounding.
  const target = probability * (1 - 1e-12);
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= target && weights[i] > 0) return values[i];
  }
  return values[order[order.length - 1]];
}

/**
 * The weighted empirical distribution function at x: Σ_{x_i < x} w_i + ½ Σ_{x_i = x} w_i
 * (ties split, so the truth's rank among posterior draws is uniform under simulation-based
 * calibration also when draws repeat, as the particles of an ABC population do).
 *
 * Reference: Talts et al. (2018), "Validating Bayesian inference algorithms with simulation-based
 * calibration", arXiv:1804.06788 (rank statistic).
 * @example weightedRank([1, 2, 3], [0.2, 0.3, 0.5], 2) // 0.2 + 0.15 = 0.35
 */
export function weightedRank(values: readonly number[], weights: readonly number[], x: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < x) below += weights[i];
    else if (values[i] === x) equal += weights[i];
  }
  return below + equal / 2;
}
