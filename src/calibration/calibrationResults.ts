/**
 * What a finished calibration says, from its final population: how the posterior's simulations
 * compare with every target (the fit of fitted rows, the out-of-sample error of held-out rows), the
 * parameters' posterior against their priors (which the data pin down), and the point estimate the
 * calibrated scenario is written with. Pure module.
 *
 * A particle's statistic is its candidate's statistic averaged over its replications, so a target's
 * quantiles here are those of the accepted simulations — for a held-out row, a draw from the ABC
 * posterior predictive of the held-out figure given the fitted ones (Wilkinson 2013).
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import type { AbcPopulation } from './abcSmcState.ts';
import type { CalibrationTarget } from './calibrationDefinition.ts';
import { describeCalibrationPrior } from './calibrationPrior.ts';
import type { AbcParameter } from './perturbationKernel.ts';
import { IDENTIFICATION_SPREAD_RATIO, summarisePosterior, type ParameterPosterior } from './posteriorSummary.ts';
import { discrepancy, scaledDiscrepancy } from './targetDistance.ts';
import { weightedQuantile } from './weightedSample.ts';

/** How the posterior's simulations compare with one target. */
export interface TargetFit {
  readonly name: string;
  readonly figure: number;
  readonly kind: CalibrationTarget['kind'];
  readonly scale: CalibrationTarget['scale'];
  readonly tolerance: number;
  readonly weight: number;
  readonly holdOut: boolean;
  /** In the distance: not held out, weight above 0. */
  readonly fitted: boolean;
  readonly source: string | null;
  /** Weighted 5 %, 50 % and 95 % quantiles of the particles' statistic (NaN when none is defined). */
  readonly lower: number;
  readonly median: number;
  readonly upper: number;
  /** The median's discrepancy from the figure on the target's scale (log points, share, or unit). */
  readonly error: number;
  /** That discrepancy in tolerances, with the bound rules of the distance (a satisfied bound is 0). */
  readonly z: number;
  /** The figure lies in the 90 % interval [lower, upper] (a bound: the interval is on its right side). */
  readonly figureInInterval: boolean;
  /** Posterior probability (weight) of particles within the target's tolerance (|z| ≤ 1). */
  readonly withinTolerance: number;
}

/**
 * The fit of every target.
 *
 * @example targetFits(plan.model.targets, state.population!).filter((t) => t.holdOut)
 */
export function targetFits(targets: readonly CalibrationTarget[], population: AbcPopulation): TargetFit[] {
  const weights = population.particles.map((p) => p.weight);
  return targets.map((target, t) => {
    const values: number[] = [];
    const kept: number[] = [];
    let within = 0;
    population.particles.forEach((particle, i) => {
      const value = particle.statistics?.[t] ?? Number.NaN;
      if (Math.abs(scaledDiscrepancy(value, target)) <= 1) within += weights[i];
      if (Number.isNaN(value)) return;
      values.push(value);
      kept.push(weights[i]);
    });
    const total = kept.reduce((s, w) => s + w, 0);
    const quantile = (p: number): number => (values.length === 0 || !(total > 0) ? Number.NaN : weightedQuantile(values, kept.map((w) => w / total), p));
    const lower = quantile(0.05);
    const median = quantile(0.5);
    const upper = quantile(0.95);
    const inside =
      target.kind === 'lowerBound' ? target.figure <= upper : target.kind === 'upperBound' ? target.figure >= lower : lower <= target.figure && target.figure <= upper;
    return {
      name: target.name,
      figure: target.figure,
      kind: target.kind,
      scale: target.scale,
      tolerance: target.tolerance,
      weight: target.weight,
      holdOut: target.holdOut,
      fitted: !target.holdOut && target.weight > 0,
      source: target.source,
      lower,
      median,
      upper,
      error: discrepancy(median, target.figure, target.scale),
      z: scaledDiscrepancy(median, target),
      figureInInterval: inside,
      withinTolerance: within,
    };
  });
}

/** A parameter's posterior against its prior. */
export interface ParameterResult extends ParameterPosterior {
  /** The prior in words, e.g. `uniform [0, 1]`. */
  readonly prior: string;
  /** The value the calibrated scenario gets (see {@link pointEstimate}). */
  readonly estimate: FactorValue;
}

/**
 * How the calibrated scenario's value of each parameter is chosen: the posterior mean of a continuous
 * parameter, rounded to the nearest integer for an integer parameter, and the most probable value of
 * a choice.
 */
export const POINT_ESTIMATE_TEXT =
  'the posterior mean (weighted mean of the final population) of each continuous parameter, the posterior mean rounded to the nearest integer for integer parameters, the most probable value (posterior mode) for choices';

/**
 * The point estimate of one parameter (see {@link POINT_ESTIMATE_TEXT}).
 *
 * @example pointEstimate({ kind: 'integer', … }, summary) // Math.round(summary.mean)
 */
export function pointEstimate(parameter: AbcParameter, posterior: ParameterPosterior): FactorValue {
  if (parameter.prior.kind === 'choice') {
    let best: FactorValue = parameter.prior.values[0];
    let bestProbability = -1;
    for (const value of parameter.prior.values) {
      const probability = posterior.choiceProbabilities?.get(value) ?? 0;
      if (probability > bestProbability) {
        best = value;
        bestProbability = probability;
      }
    }
    return best;
  }
  return parameter.prior.kind === 'integer' ? Math.round(posterior.mean) : posterior.mean;
}

/**
 * Every parameter's posterior summary, prior in words and point estimate.
 *
 * @example parameterResults(state.parameters, state.population!).filter((p) => !p.identified)
 */
export function parameterResults(parameters: readonly AbcParameter[], population: AbcPopulation): ParameterResult[] {
  return summarisePosterior(parameters, population).map((summary, p) => ({
    ...summary,
    prior: describeCalibrationPrior(parameters[p].prior),
    estimate: pointEstimate(parameters[p], summary),
  }));
}

/** The identification criterion in words (for reports and docs). */
export const IDENTIFICATION_TEXT = `identified when the posterior sd is at most ${IDENTIFICATION_SPREAD_RATIO} of the prior sd (in ln θ for a log-uniform prior; for a choice, the ratio of Gini–Simpson impurities); above it the posterior ≈ the prior: the targets do not pin the parameter down`;
