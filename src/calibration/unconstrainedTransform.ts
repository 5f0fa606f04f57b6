/**
 * The map between a bounded continuous parameter and an unconstrained real number, in which ABC-SMC
 * perturbs particles. Pure module.
 *
 * Why: the multivariate normal kernel of Beaumont et al. (2009) proposes values on the whole real
 * line. Rejecting proposals outside the prior's support (as most implementations do) truncates the
 * kernel by an amount that depends on the particle it starts from, which biases the importance
 * weights near the bounds unless that mass is computed. Perturbing u = logit(s), with s the
 * parameter's position in its support, never leaves the support, and the weights stay exact as long
 * as the prior is written in u with its Jacobian.
 *
 * Formula: with g(θ) = ln θ for a log-uniform prior and g(θ) = θ otherwise, and [l, h] the support,
 *   s = (g(θ) − g(l)) / (g(h) − g(l)),   u = ln(s / (1 − s)),
 *   θ = g⁻¹(g(l) + s (g(h) − g(l))),     s = 1 / (1 + e^(−u)),
 *   ln |dθ/du| = ln(g(h) − g(l)) + ln s + ln(1 − s) [+ ln θ for log-uniform],
 *   ln π_u(u) = ln π(θ(u)) + ln |dθ/du|.
 * For uniform and log-uniform priors π_u is the standard logistic density s(1 − s).
 *
 * Reference: Gelman et al. (2013), Bayesian Data Analysis, 3rd ed., §1.8 (change of variables);
 * the same transform Stan uses for bounded parameters (Stan Reference Manual, "Lower and upper
 * bounded scalar").
 */
import { exp, log } from '../model/deterministicMath.ts';
import { priorLogDensity, type ContinuousPrior } from './calibrationPrior.ts';

function usesLogScale(prior: ContinuousPrior): boolean {
  return prior.kind === 'logUniform';
}

/** ln(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + log(1 + exp(-x)) : log(1 + exp(x));
}

/**
 * The unconstrained coordinate of a value strictly inside the prior's support.
 *
 * @returns u (±Infinity at the bounds themselves).
 * @example unconstrainedFromValue({ kind: 'uniform', lower: 0, upper: 4 }, 1) // ln(1/3) = −1.0986122886681098
 */
export function unconstrainedFromValue(prior: ContinuousPrior, value: number): number {
  const logScale = usesLogScale(prior);
  const low = logScale ? log(prior.lower) : prior.lower;
  const high = logScale ? log(prior.upper) : prior.upper;
  const position = logScale ? log(value) : value;
  // ln(s/(1−s)) = ln(position − low) − ln(high − position): no cancellation near either bound.
  return log(position - low) - log(high - position);
}

/**
 * The parameter value of an unconstrained coordinate. Values that round onto a bound (|u| beyond
 * about 36) are returned as the bound itself: callers treat a bound as outside the support.
 *
 * @example valueFromUnconstrained({ kind: 'uniform', lower: 0, upper: 4 }, 0) // 2
 */
export function valueFromUnconstrained(prior: ContinuousPrior, unconstrained: number): number {
  const logScale = usesLogScale(prior);
  const low = logScale ? log(prior.lower) : prior.lower;
  const high = logScale ? log(prior.upper) : prior.upper;
  const width = high - low;
  // s and 1 − s each computed directly, and the position measured from the nearer bound.
  const position =
    unconstrained < 0 ? low + width / (1 + exp(-unconstrained)) : high - width / (1 + exp(unconstrained));
  const clamped = Math.min(Math.max(position, low), high);
  if (!logScale) return clamped;
  if (clamped === low) return prior.lower;
  if (clamped === high) return prior.upper;
  return Math.min(Math.max(exp(clamped), prior.lower), prior.upper);
}

/**
 * Whether a value lies strictly inside the prior's support (the transform's range).
 *
 * @example isInsideSupport({ kind: 'uniform', lower: 0, upper: 4 }, 4) // false
 */
export function isInsideSupport(prior: ContinuousPrior, value: number): boolean {
  return value > prior.lower && value < prior.upper;
}

/**
 * Log density of the prior written in the unconstrained coordinate: ln π(θ(u)) + ln |dθ/du|.
 * −Infinity when θ(u) rounds onto a bound.
 *
 * @example unconstrainedLogDensity({ kind: 'uniform', lower: 0, upper: 1 }, 0) // ln(1/4)
 */
export function unconstrainedLogDensity(prior: ContinuousPrior, unconstrained: number): number {
  const value = valueFromUnconstrained(prior, unconstrained);
  if (!isInsideSupport(prior, value)) return -Infinity;
  const logScale = usesLogScale(prior);
  const width = logScale ? log(prior.upper) - log(prior.lower) : prior.upper - prior.lower;
  // ln s + ln(1 − s) = −softplus(−u) − softplus(u).
  const logJacobian = log(width) - softplus(-unconstrained) - softplus(unconstrained) + (logScale ? log(value) : 0);
  return priorLogDensity(prior, value) + logJacobian;
}
