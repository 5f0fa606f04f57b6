/**
 * The perturbation kernel of ABC-SMC: how a particle of the previous population is moved to a new
 * candidate, and the kernel's density, which the importance weights divide by. Pure module.
 *
 * Continuous parameters move together under a multivariate normal in the unconstrained coordinates
 * of unconstrainedTransform.ts, with covariance twice the weighted covariance of the previous
 * population (Beaumont, Cornuet, Marin & Robert 2009, "Adaptive approximate Bayesian computation",
 * Biometrika 96(4):983–990, §3: the choice that minimises the Kullback–Leibler divergence between
 * the proposal and the target for a normal target). Integer parameters move independently by a
 * normal step of standard deviation max(½, √(2 × weighted variance)) rounded to the nearest integer
 * and truncated to the prior's range (the truncation is renormalised exactly, so weights stay
 * right at the bounds). Choice parameters keep their value with probability 0.7 and otherwise take
 * one of the other values, each equally likely (Toni et al. 2009's kernel for model indices).
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { standardNormalCumulativeDistribution } from '../analysis/designs/standardNormalCumulativeDistribution.ts';
import { log } from '../model/deterministicMath.ts';
import { standardNormal, type UniformGenerator } from '../model/randomStreams.ts';
import { isContinuousPrior, type CalibrationPrior, type ContinuousPrior } from './calibrationPrior.ts';
import {
  choleskyNormal,
  multivariateNormalLogDensity,
  sampleMultivariateNormal,
  weightedCovariance,
  type CholeskyNormal,
} from './multivariateNormal.ts';
import { isInsideSupport, unconstrainedFromValue, valueFromUnconstrained } from './unconstrainedTransform.ts';
import { weightedStandardDeviation } from './weightedSample.ts';

/** One calibrated parameter: its name (a dotted parameter path in zonesim) and its prior. */
export interface AbcParameter {
  readonly name: string;
  readonly prior: CalibrationPrior;
}

/** Probability that the choice kernel keeps a choice parameter's value. */
export const CHOICE_STAY_PROBABILITY = 0.7;
/** Smallest standard deviation of the integer kernel's step (a step of ±1 then has probability ≈ 0.3). */
export const MINIMUM_INTEGER_STEP_SD = 0.5;
/**
 * Beaumont et al. (2009): the kernel covariance is this multiple of the population's weighted
 * covariance — the default of the method setting `kernelScale`.
 */
export const KERNEL_COVARIANCE_MULTIPLE = 2;

/** A kernel built from one population. */
export interface PerturbationKernel {
  /** Indices (into the parameter list) of the continuous parameters, in order. */
  readonly continuous: readonly number[];
  readonly integer: readonly number[];
  readonly choice: readonly number[];
  /** Normal step of the continuous parameters in unconstrained coordinates (null when there are none). */
  readonly normal: CholeskyNormal | null;
  /** Standard deviation of each integer parameter's step, in the order of `integer`. */
  readonly integerStepSd: readonly number[];
}

/**
 * The unconstrained coordinates (unconstrainedTransform.ts) of a particle's continuous parameters,
 * in the order of `kernel.continuous`: where the multivariate normal step acts.
 *
 * @example continuousCoordinates(parameters, kernel, [0.5, 3, 'log']) // Float64Array [0] for a uniform [0, 1] first parameter
 */
export function continuousCoordinates(parameters: readonly AbcParameter[], kernel: PerturbationKernel, values: readonly FactorValue[]): Float64Array {
  const u = new Float64Array(kernel.continuous.length);
  kernel.continuous.forEach((p, a) => {
    u[a] = unconstrainedFromValue(parameters[p].prior as ContinuousPrior, values[p] as number);
  });
  return u;
}

/**
 * Build the kernel from a weighted population.
 *
 * @param parameters the calibrated parameters.
 * @param values each particle's values (parameter order).
 * @param weights normalised weights.
 * @param covarianceMultiple the kernel covariance as a multiple of the population's (default 2,
 *   Beaumont et al. 2009; the run's `kernelScale`).
 * @example buildPerturbationKernel(parameters, population.map((p) => p.values), population.map((p) => p.weight))
 */
export function buildPerturbationKernel(
  parameters: readonly AbcParameter[],
  values: readonly (readonly FactorValue[])[],
  weights: readonly number[],
  covarianceMultiple: number = KERNEL_COVARIANCE_MULTIPLE,
): PerturbationKernel {
  const continuous: number[] = [];
  const integer: number[] = [];
  const choice: number[] = [];
  parameters.forEach((parameter, p) => {
    if (isContinuousPrior(parameter.prior)) continuous.push(p);
    else if (parameter.prior.kind === 'integer') integer.push(p);
    else choice.push(p);
  });
  const skeleton = { continuous, integer, choice, normal: null, integerStepSd: [] };
  let normal: CholeskyNormal | null = null;
  if (continuous.length > 0) {
    const points = values.map((v) => Array.from(continuousCoordinates(parameters, skeleton, v)));
    const { covariance } = weightedCovariance(points, weights);
    for (let i = 0; i < covariance.length; i++) covariance[i] *= covarianceMultiple;
    normal = choleskyNormal(covariance, continuous.length);
  }
  const integerStepSd = integer.map((p) => {
    const column = values.map((v) => v[p] as number);
    const sd = weightedStandardDeviation(column, weights) * Math.sqrt(covarianceMultiple);
    return Math.max(MINIMUM_INTEGER_STEP_SD, sd);
  });
  return { continuous, integer, choice, normal, integerStepSd };
}

/** P(a < Z < b) for a standard normal Z, computed on the side where it does not cancel. */
function normalIntervalProbability(a: number, b: number): number {
  if (a > 0) return standardNormalCumulativeDistribution(-a) - standardNormalCumulativeDistribution(-b);
  return standardNormalCumulativeDistribution(b) - standardNormalCumulativeDistribution(a);
}

/** Largest number of draws of one perturbation before giving up (only reached by a broken kernel). */
const MAXIMUM_REDRAWS = 10_000;

/**
 * Move one particle: a new candidate's values, drawn from the kernel centred on `from`.
 *
 * @param parameters the calibrated parameters.
 * @param kernel the kernel of the previous population.
 * @param from the particle's values.
 * @param fromCoordinates the particle's unconstrained continuous coordinates.
 * @param draw uniform random numbers.
 * @returns the candidate's values, inside every prior's support.
 * @throws {Error} if no draw lands inside the support after 10,000 tries.
 * @example perturbParticle(parameters, kernel, particle.values, coordinates[j], keyedStream('…'))
 */
export function perturbParticle(
  parameters: readonly AbcParameter[],
  kernel: PerturbationKernel,
  from: readonly FactorValue[],
  fromCoordinates: Float64Array,
  draw: UniformGenerator,
): FactorValue[] {
  const values = [...from];
  if (kernel.normal !== null) {
    let inside = false;
    for (let attempt = 0; attempt < MAXIMUM_REDRAWS && !inside; attempt++) {
      const u = sampleMultivariateNormal(fromCoordinates, kernel.normal, draw);
      inside = true;
      kernel.continuous.forEach((p, a) => {
        const prior = parameters[p].prior as ContinuousPrior;
        const value = valueFromUnconstrained(prior, u[a]);
        if (!isInsideSupport(prior, value)) inside = false;
        values[p] = value;
      });
    }
    if (!inside) throw new Error('perturbParticle: the continuous kernel never proposed a value inside the priors’ support');
  }
  kernel.integer.forEach((p, k) => {
    const prior = parameters[p].prior as { lower: number; upper: number };
    const centre = from[p] as number;
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAXIMUM_REDRAWS) throw new Error(`perturbParticle: no integer step of ${parameters[p].name} stayed in range`);
      const proposal = Math.round(centre + kernel.integerStepSd[k] * standardNormal(draw));
      if (proposal >= prior.lower && proposal <= prior.upper) {
        values[p] = proposal;
        break;
      }
    }
  });
  for (const p of kernel.choice) {
    const choices = (parameters[p].prior as { values: readonly FactorValue[] }).values;
    if (draw() < CHOICE_STAY_PROBABILITY) continue;
    const others = choices.filter((c) => c !== from[p]);
    values[p] = others[Math.min(Math.floor(draw() * others.length), others.length - 1)];
  }
  return values;
}

/**
 * ln of the mass the integer steps from `from` keep inside each integer parameter's range (the
 * truncation normalisers of {@link kernelLogDensity}), in the order of `kernel.integer`. Depends on
 * the starting particle only, so callers evaluating many candidates against one particle compute it
 * once.
 *
 * @example integerLogNormalisers(parameters, kernel, particle.values) // Float64Array of ln(mass kept in range)
 */
export function integerLogNormalisers(parameters: readonly AbcParameter[], kernel: PerturbationKernel, from: readonly FactorValue[]): Float64Array {
  return Float64Array.from(kernel.integer, (p, k) => {
    const prior = parameters[p].prior as { lower: number; upper: number };
    const sd = kernel.integerStepSd[k];
    const centre = from[p] as number;
    return log(normalIntervalProbability((prior.lower - 0.5 - centre) / sd, (prior.upper + 0.5 - centre) / sd));
  });
}

/**
 * Log density of the kernel at `to` given `from`: the multivariate normal density of the continuous
 * coordinates (in unconstrained space) times the integer steps' truncated discretised-normal
 * probabilities times the choice kernel's probabilities.
 *
 * Formula, integer parameter with range [l, h], step sd σ, from k to k*:
 *   [Φ((k* + ½ − k)/σ) − Φ((k* − ½ − k)/σ)] / [Φ((h + ½ − k)/σ) − Φ((l − ½ − k)/σ)].
 *
 * @param fromNormalisers {@link integerLogNormalisers} of `from` (computed here when left out).
 * @returns ln K(to | from); −Infinity when `to` cannot be reached from `from`.
 * @example kernelLogDensity(parameters, kernel, candidate, candidateU, particle.values, particleU)
 */
export function kernelLogDensity(
  parameters: readonly AbcParameter[],
  kernel: PerturbationKernel,
  to: readonly FactorValue[],
  toCoordinates: Float64Array,
  from: readonly FactorValue[],
  fromCoordinates: Float64Array,
  fromNormalisers: Float64Array = integerLogNormalisers(parameters, kernel, from),
): number {
  let total = kernel.normal === null ? 0 : multivariateNormalLogDensity(toCoordinates, fromCoordinates, kernel.normal);
  kernel.integer.forEach((p, k) => {
    const sd = kernel.integerStepSd[k];
    const centre = from[p] as number;
    const target = to[p] as number;
    const cell = normalIntervalProbability((target - 0.5 - centre) / sd, (target + 0.5 - centre) / sd);
    total += cell > 0 ? log(cell) - fromNormalisers[k] : -Infinity;
  });
  for (const p of kernel.choice) {
    const count = (parameters[p].prior as { values: readonly FactorValue[] }).values.length;
    total += to[p] === from[p] ? log(CHOICE_STAY_PROBABILITY) : log((1 - CHOICE_STAY_PROBABILITY) / (count - 1));
  }
  return total;
}
