/**
 * What a calibration found about each parameter: the weighted posterior's mean, standard deviation
 * and 90 % interval, next to the prior's spread, and whether the data moved the parameter at all.
 * Pure module.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { naturalCoordinate, priorSpread } from './calibrationPrior.ts';
import type { AbcPopulation } from './abcSmcState.ts';
import type { AbcParameter } from './perturbationKernel.ts';
import { weightedMean, weightedQuantile, weightedStandardDeviation } from './weightedSample.ts';

/**
 * A parameter counts as identified when its posterior spread is at most this share of its prior
 * spread (posterior sd / prior sd ≤ 0.8, in the natural coordinate: ln θ for log-uniform priors;
 * Gini–Simpson impurity for choices). Above it the posterior is reported as ≈ the prior.
 */
export const IDENTIFICATION_SPREAD_RATIO = 0.8;

/** The probabilities of the central posterior interval reported (a nominal 90 % interval). */
export const INTERVAL_PROBABILITIES = [0.05, 0.95] as const;

/** Summary of one parameter's posterior. */
export interface ParameterPosterior {
  readonly name: string;
  /** Weighted mean (NaN for a choice parameter). */
  readonly mean: number;
  readonly standardDeviation: number;
  readonly median: number;
  /** 5 % and 95 % weighted quantiles (NaN for a choice parameter). */
  readonly lower: number;
  readonly upper: number;
  /** For a choice parameter: each value's posterior probability; else null. */
  readonly choiceProbabilities: ReadonlyMap<FactorValue, number> | null;
  /** Posterior spread / prior spread, in the natural coordinate. */
  readonly spreadRatio: number;
  /** spreadRatio ≤ {@link IDENTIFICATION_SPREAD_RATIO}. */
  readonly identified: boolean;
}

/**
 * Summarise a population, parameter by parameter.
 *
 * @param parameters the calibrated parameters (with priors).
 * @param population the final population.
 * @returns one summary per parameter, in parameter order.
 * @example summarisePosterior(state.parameters, state.population!)[0].identified
 */
export function summarisePosterior(parameters: readonly AbcParameter[], population: AbcPopulation): ParameterPosterior[] {
  const weights = population.particles.map((p) => p.weight);
  return parameters.map((parameter, p) => {
    const prior = parameter.prior;
    const column = population.particles.map((particle) => particle.values[p]);
    const spread = priorSpread(prior);
    if (prior.kind === 'choice') {
      const probabilities = new Map<FactorValue, number>(prior.values.map((v) => [v, 0]));
      column.forEach((value, i) => probabilities.set(value, (probabilities.get(value) ?? 0) + weights[i]));
      let sumSquares = 0;
      for (const probability of probabilities.values()) sumSquares += probability * probability;
      const spreadRatio = Math.sqrt(Math.max(0, 1 - sumSquares)) / spread.standardDeviation;
      return {
        name: parameter.name,
        mean: Number.NaN,
        standardDeviation: Number.NaN,
        median: Number.NaN,
        lower: Number.NaN,
        upper: Number.NaN,
        choiceProbabilities: probabilities,
        spreadRatio,
        identified: spreadRatio <= IDENTIFICATION_SPREAD_RATIO,
      };
    }
    const values = column as number[];
    const natural = values.map((v) => naturalCoordinate(prior, v));
    const spreadRatio = weightedStandardDeviation(natural, weights) / spread.standardDeviation;
    return {
      name: parameter.name,
      mean: weightedMean(values, weights),
      standardDeviation: weightedStandardDeviation(values, weights),
      median: weightedQuantile(values, weights, 0.5),
      lower: weightedQuantile(values, weights, INTERVAL_PROBABILITIES[0]),
      upper: weightedQuantile(values, weights, INTERVAL_PROBABILITIES[1]),
      choiceProbabilities: null,
      spreadRatio,
      identified: spreadRatio <= IDENTIFICATION_SPREAD_RATIO,
    };
  });
}
