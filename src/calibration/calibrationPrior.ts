/**
 * Prior distributions of calibrated parameters: the factor distributions of experiment files
 * (src/analysis/designs/factorDistributions.ts: uniform, normal, triangular, integer, choice) plus the
 * two priors calibration needs and experiments do not — log-uniform (a scale parameter known only to
 * an order of magnitude) and beta (a share or rate) — with what ABC-SMC needs of each: a quantile (to
 * draw the first generation), a log density (for importance weights), the support and the prior's
 * spread (to tell whether the data moved a parameter at all). Pure module.
 */
import {
  assertValidFactorDistribution,
  quantileOfValidDistribution,
  type ChoiceFactorDistribution,
  type FactorValue,
  type IntegerFactorDistribution,
  type NormalFactorDistribution,
  type TriangularFactorDistribution,
  type UniformFactorDistribution,
} from '../analysis/designs/factorDistributions.ts';
import { standardNormalCumulativeDistribution } from '../analysis/designs/standardNormalCumulativeDistribution.ts';
import { describeDistribution } from '../experiment/experimentDefinition.ts';
import { exp, log } from '../model/deterministicMath.ts';
import { logBetaFunction } from '../statistics/logBetaFunction.ts';
import { regularizedIncompleteBeta } from '../statistics/regularizedIncompleteBeta.ts';

/** Log-uniform on [lower, upper] (0 < lower < upper): ln θ is uniform on [ln lower, ln upper]. */
export interface LogUniformPrior {
  readonly kind: 'logUniform';
  readonly lower: number;
  readonly upper: number;
}

/** Beta(alpha, beta) stretched to [lower, upper] (default [0, 1]): θ = lower + (upper − lower) Y, Y ~ Beta. */
export interface BetaPrior {
  readonly kind: 'beta';
  readonly alpha: number;
  readonly beta: number;
  readonly lower: number;
  readonly upper: number;
}

/** A normal prior always carries both bounds: the parameter's allowed range cuts it when the file does not. */
export interface BoundedNormalPrior extends NormalFactorDistribution {
  readonly lower: number;
  readonly upper: number;
}

/** The prior of one calibrated parameter. */
export type CalibrationPrior =
  | UniformFactorDistribution
  | BoundedNormalPrior
  | TriangularFactorDistribution
  | LogUniformPrior
  | BetaPrior
  | IntegerFactorDistribution
  | ChoiceFactorDistribution;

/** Priors on an interval of real numbers (perturbed by the multivariate normal kernel). */
export type ContinuousPrior = Exclude<CalibrationPrior, IntegerFactorDistribution | ChoiceFactorDistribution>;

/** Every prior kind, in the order the documentation lists them. */
export const CALIBRATION_PRIOR_KINDS = ['uniform', 'logUniform', 'normal', 'triangular', 'beta', 'integer', 'choice'] as const;

/**
 * True for the priors on an interval of reals (uniform, log-uniform, normal, triangular, beta).
 *
 * @example isContinuousPrior({ kind: 'integer', lower: 1, upper: 5 }) // false
 */
export function isContinuousPrior(prior: CalibrationPrior): prior is ContinuousPrior {
  return prior.kind !== 'integer' && prior.kind !== 'choice';
}

/**
 * Check that a prior is well formed and has a finite support of positive width.
 *
 * Why: a reversed range, an unbounded normal or a beta with a zero shape would otherwise show up as
 * NaN weights several generations into a calibration.
 *
 * @param prior the prior.
 * @param name the parameter, named in messages.
 * @throws {RangeError} naming the parameter and the problem.
 * @example assertValidCalibrationPrior({ kind: 'logUniform', lower: 0.01, upper: 1 }, 'firms.exitHazard'); // ok
 */
export function assertValidCalibrationPrior(prior: CalibrationPrior, name: string): void {
  const finite = (value: number): boolean => typeof value === 'number' && Number.isFinite(value);
  switch (prior.kind) {
    case 'logUniform':
      if (!(finite(prior.lower) && finite(prior.upper) && prior.lower > 0 && prior.lower < prior.upper)) {
        throw new RangeError(`prior of '${name}': logUniform needs 0 < lower < upper, got lower ${prior.lower}, upper ${prior.upper}`);
      }
      return;
    case 'beta':
      if (!(finite(prior.alpha) && finite(prior.beta) && prior.alpha > 0 && prior.beta > 0)) {
        throw new RangeError(`prior of '${name}': beta needs alpha > 0 and beta > 0, got ${prior.alpha}, ${prior.beta}`);
      }
      if (!(finite(prior.lower) && finite(prior.upper) && prior.lower < prior.upper)) {
        throw new RangeError(`prior of '${name}': beta needs lower < upper, got ${prior.lower}, ${prior.upper}`);
      }
      return;
    case 'normal':
      assertValidFactorDistribution(prior, name);
      if (!(finite(prior.lower) && finite(prior.upper))) {
        throw new RangeError(`prior of '${name}': a calibration normal prior needs finite lower and upper bounds`);
      }
      return;
    default:
      assertValidFactorDistribution(prior, name);
      if ((prior.kind === 'uniform' || prior.kind === 'triangular') && !(prior.lower < prior.upper)) {
        throw new RangeError(`prior of '${name}': ${prior.kind} needs lower < upper, got ${prior.lower}, ${prior.upper}`);
      }
      if (prior.kind === 'choice' && prior.values.length < 2) throw new RangeError(`prior of '${name}': choice needs at least 2 values`);
  }
}

/**
 * The interval a continuous prior lives on.
 *
 * @example priorSupport({ kind: 'uniform', lower: 0, upper: 2 }) // [0, 2]
 */
export function priorSupport(prior: ContinuousPrior): readonly [number, number] {
  return [prior.lower, prior.upper];
}

/** Quantile of Beta(a, b) by bisection on the regularized incomplete beta function (60 halvings: < 1e-17). */
function betaQuantile(probability: number, a: number, b: number): number {
  if (probability <= 0) return 0;
  if (probability >= 1) return 1;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 60; i++) {
    const middle = 0.5 * (low + high);
    if (regularizedIncompleteBeta(middle, a, b) < probability) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

/**
 * The prior's quantile: the parameter value a uniform number `u` stands for (inverse transform).
 *
 * Formula: factor distributions as in `factorDistributionQuantile`; log-uniform
 * `exp(ln a + u (ln b − ln a))`; beta `lower + (upper − lower) I⁻¹_u(α, β)` (bisection).
 *
 * @param prior a valid prior (see {@link assertValidCalibrationPrior}).
 * @param probability `u` in [0, 1].
 * @param name the parameter, named in messages.
 * @returns a value in the prior's support.
 * @throws {RangeError} when `u` is outside [0, 1].
 * @example priorQuantile({ kind: 'logUniform', lower: 0.01, upper: 1 }, 0.5) // 0.1
 */
export function priorQuantile(prior: CalibrationPrior, probability: number, name = 'parameter'): FactorValue {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`prior of '${name}': probability must be in [0, 1], got ${probability}`);
  switch (prior.kind) {
    case 'logUniform': {
      if (probability === 1) return prior.upper;
      const value = exp(log(prior.lower) + probability * (log(prior.upper) - log(prior.lower)));
      return Math.min(Math.max(value, prior.lower), prior.upper);
    }
    case 'beta':
      return prior.lower + (prior.upper - prior.lower) * betaQuantile(probability, prior.alpha, prior.beta);
    default:
      return quantileOfValidDistribution(prior, probability, name);
  }
}

const LOG_SQRT_TWO_PI = 0.9189385332046728;

/**
 * Log density of a continuous prior at `value` (log probability for integer and choice priors);
 * −Infinity outside the support.
 *
 * Formulas: uniform −ln(b − a); normal truncated to [l, h]
 * `−z²/2 − ln σ − ln √(2π) − ln(Φ(β) − Φ(α))`, z = (x − μ)/σ; triangular
 * `ln(2(x − a)/((b − a)(c − a)))` left of the mode, `ln(2(b − x)/((b − a)(b − c)))` right of it;
 * log-uniform `−ln x − ln(ln b − ln a)`; beta `(α−1) ln y + (β−1) ln(1−y) − ln B(α, β) − ln(h − l)`,
 * y = (x − l)/(h − l); integer −ln(h − l + 1); choice −ln m.
 *
 * @example priorLogDensity({ kind: 'uniform', lower: 0, upper: 4 }, 1) // −ln 4 = −1.3862943611198906
 */
export function priorLogDensity(prior: CalibrationPrior, value: FactorValue): number {
  if (prior.kind === 'choice') return prior.values.includes(value) ? -log(prior.values.length) : -Infinity;
  if (typeof value !== 'number' || Number.isNaN(value)) return -Infinity;
  if (value < prior.lower || value > prior.upper) return -Infinity;
  switch (prior.kind) {
    case 'integer':
      return Number.isInteger(value) ? -log(prior.upper - prior.lower + 1) : -Infinity;
    case 'uniform':
      return -log(prior.upper - prior.lower);
    case 'logUniform':
      return -log(value) - log(log(prior.upper) - log(prior.lower));
    case 'normal': {
      const sigma = prior.standardDeviation;
      const z = (value - prior.mean) / sigma;
      const mass =
        standardNormalCumulativeDistribution((prior.upper - prior.mean) / sigma) -
        standardNormalCumulativeDistribution((prior.lower - prior.mean) / sigma);
      return -0.5 * z * z - log(sigma) - LOG_SQRT_TWO_PI - log(mass);
    }
    case 'triangular': {
      const { lower: a, mode: c, upper: b } = prior;
      if (value < c) return log(2 * (value - a)) - log((b - a) * (c - a));
      if (value > c) return log(2 * (b - value)) - log((b - a) * (b - c));
      return log(2) - log(b - a);
    }
    case 'beta': {
      const width = prior.upper - prior.lower;
      const y = (value - prior.lower) / width;
      const logY = y > 0 ? log(y) : -Infinity;
      const logOneMinusY = y < 1 ? log(1 - y) : -Infinity;
      const left = prior.alpha === 1 ? 0 : (prior.alpha - 1) * logY;
      const right = prior.beta === 1 ? 0 : (prior.beta - 1) * logOneMinusY;
      return left + right - logBetaFunction(prior.alpha, prior.beta) - log(width);
    }
  }
}

/**
 * The coordinate in which a parameter's spread is judged: ln θ for a log-uniform prior (its
 * spread is in orders of magnitude), θ itself otherwise.
 *
 * @example naturalCoordinate({ kind: 'logUniform', lower: 0.01, upper: 1 }, 0.1) // ln 0.1
 */
export function naturalCoordinate(prior: CalibrationPrior, value: number): number {
  return prior.kind === 'logUniform' ? log(value) : value;
}

/** Points of the midpoint rule used for the prior's moments. */
const MOMENT_POINTS = 4096;

/**
 * Mean and standard deviation of a numeric prior in its natural coordinate (see
 * {@link naturalCoordinate}); for a choice prior, the spread is the Gini–Simpson impurity
 * `√(1 − Σ p²)` of its (uniform) probabilities and the mean is NaN.
 *
 * Why: "posterior ≈ prior" is judged by the ratio of the posterior's spread to this one.
 *
 * Formula: continuous priors by the midpoint rule on the quantile function with 4096 points
 * (E g(θ) ≈ (1/M) Σ g(Q((k + ½)/M)); relative error below 1e-4 for the priors here), integer priors
 * exactly: mean (l + h)/2, variance ((h − l + 1)² − 1)/12.
 *
 * @example priorSpread({ kind: 'uniform', lower: 0, upper: 1 }).standardDeviation // ≈ 1/√12 = 0.288675
 */
export function priorSpread(prior: CalibrationPrior): { readonly mean: number; readonly standardDeviation: number } {
  if (prior.kind === 'choice') {
    const m = prior.values.length;
    return { mean: Number.NaN, standardDeviation: Math.sqrt(1 - 1 / m) };
  }
  if (prior.kind === 'integer') {
    const n = prior.upper - prior.lower + 1;
    return { mean: (prior.lower + prior.upper) / 2, standardDeviation: Math.sqrt((n * n - 1) / 12) };
  }
  let sum = 0;
  let sumSquares = 0;
  for (let k = 0; k < MOMENT_POINTS; k++) {
    const value = naturalCoordinate(prior, priorQuantile(prior, (k + 0.5) / MOMENT_POINTS) as number);
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / MOMENT_POINTS;
  return { mean, standardDeviation: Math.sqrt(Math.max(0, sumSquares / MOMENT_POINTS - mean * mean)) };
}

/**
 * A prior in the words of a calibration file, for tables: the factor distributions as experiment
 * files describe them (`uniform [0, 1]`, `normal (mean 0.4, sd 0.3) on [0, 1]`, …), plus
 * `log-uniform [0.01, 0.2]` and `beta (2, 5) on [0, 1]`.
 *
 * @example describeCalibrationPrior({ kind: 'logUniform', lower: 0.01, upper: 0.2 }) // 'log-uniform [0.01, 0.2]'
 */
export function describeCalibrationPrior(prior: CalibrationPrior): string {
  switch (prior.kind) {
    case 'logUniform':
      return `log-uniform [${prior.lower}, ${prior.upper}]`;
    case 'beta':
      return `beta (${prior.alpha}, ${prior.beta}) on [${prior.lower}, ${prior.upper}]`;
    default:
      return describeDistribution(prior);
  }
}
