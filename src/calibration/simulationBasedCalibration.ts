/**
 * Does the calibration recover the truth? Simulation-based calibration (Talts, Betancourt, Simpson,
 * Vehtari & Gelman 2018, arXiv:1804.06788): draw parameters from the prior, simulate data from them,
 * calibrate to those data with the same code as a real calibration, and check that the truth falls
 * inside the nominal 90 % posterior interval in about 90 % of the data sets (and that its rank among
 * the posterior draws is uniform). A parameter whose posterior spread stays near its prior's is
 * reported as not identified (posteriorSummary.ts), not as found. Pure apart from calling the
 * problem's callbacks.
 *
 * Every data set d has its own streams: the truth from the keyed stream `zonesim-sbc-truth:<seed>:<d>`, the synthetic
 * data from a seed hashed from `zonesim-sbc-data:<seed>:<d>` (never one of the calibration's seeds),
 * and the calibration from a seed hashed from `zonesim-sbc-abc:<seed>:<d>`.
 */
import { median } from 'simple-statistics';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { hashStringTo32Bits } from '../model/randomStreams.ts';
import { drawFromPriors } from './abcSmcCandidates.ts';
import { keyedStream } from './keyedStream.ts';
import { createAbcSmcState, type AbcSmcSettings, type AbcStop } from './abcSmcState.ts';
import type { AbcParameter } from './perturbationKernel.ts';
import { IDENTIFICATION_SPREAD_RATIO, summarisePosterior, type ParameterPosterior } from './posteriorSummary.ts';
import { runAbcSmc, type AbcEvaluator } from './runAbcSmc.ts';
import { weightedRank } from './weightedSample.ts';

/** A calibration problem the study can simulate data for. */
export interface RecoveryProblem {
  readonly parameters: readonly AbcParameter[];
  /** Settings of each data set's calibration (its seed is replaced per data set). */
  readonly settings: AbcSmcSettings;
  /** The synthetic data of a truth: the statistics of one replication with `seed`. */
  readonly simulate: (values: readonly FactorValue[], seed: number) => ArrayLike<number>;
  /** The evaluator of a calibration to `observed`. */
  readonly evaluator: (observed: readonly number[]) => AbcEvaluator;
}

/** What one data set gave. */
export interface DatasetRecovery {
  readonly dataset: number;
  readonly truth: readonly FactorValue[];
  readonly observed: readonly number[];
  readonly posterior: readonly ParameterPosterior[];
  /** Per parameter: truth inside [5 %, 95 %] quantiles (null for choice parameters). */
  readonly covered: readonly (boolean | null)[];
  /** Per parameter: the truth's weighted rank among the posterior particles, in [0, 1] (NaN for choices). */
  readonly ranks: readonly number[];
  readonly stop: AbcStop | null;
  readonly finalTolerance: number;
  readonly generations: number;
  readonly candidatesUsed: number;
}

/** The study's verdict on one parameter. */
export interface ParameterRecovery {
  readonly name: string;
  /** Share of data sets whose 90 % interval covers the truth (NaN for choice parameters). */
  readonly coverage: number;
  /** Share of data sets in which the parameter counts as identified. */
  readonly identifiedShare: number;
  /** Median posterior sd / prior sd over the data sets. */
  readonly medianSpreadRatio: number;
  /** identifiedShare ≥ ½: the targets pin the parameter down in most data sets. */
  readonly identified: boolean;
}

/** The whole study. */
export interface RecoveryStudy {
  readonly datasets: readonly DatasetRecovery[];
  readonly parameters: readonly ParameterRecovery[];
  /** Share of covered (data set, numeric parameter) pairs. */
  readonly coverage: number;
}

/** Options of {@link runRecoveryStudy}. */
export interface RecoveryStudyOptions {
  /** Number of synthetic data sets (≥ 1). */
  readonly datasets: number;
  /** Seed of the study. */
  readonly seed: number;
  /** Candidates per batch of each calibration. */
  readonly batchSize?: number;
  /** Called after each data set (progress). */
  readonly onDataset?: (result: DatasetRecovery) => void | Promise<void>;
  /** Data sets to run, when only some are wanted (e.g. one shard of the study); default all. */
  readonly only?: readonly number[];
}

/**
 * Recover one synthetic data set: draw the truth, simulate, calibrate, and compare.
 *
 * @example const result = await recoverDataset(problem, 2009, 0)
 */
export async function recoverDataset(problem: RecoveryProblem, seed: number, dataset: number, batchSize?: number): Promise<DatasetRecovery> {
  const truth = drawFromPriors(problem.parameters, keyedStream(`zonesim-sbc-truth:${seed}:${dataset}`));
  const observed = Array.from(problem.simulate(truth, hashStringTo32Bits(`zonesim-sbc-data:${seed}:${dataset}`)));
  const settings = { ...problem.settings, seed: hashStringTo32Bits(`zonesim-sbc-abc:${seed}:${dataset}`) };
  const state = await runAbcSmc(createAbcSmcState(problem.parameters, settings), problem.evaluator(observed), { batchSize });
  const population = state.population!;
  const posterior = summarisePosterior(problem.parameters, population);
  const weights = population.particles.map((p) => p.weight);
  const covered = posterior.map((p, j) => (p.choiceProbabilities !== null ? null : (truth[j] as number) >= p.lower && (truth[j] as number) <= p.upper));
  const ranks = problem.parameters.map((parameter, j) =>
    parameter.prior.kind === 'choice' ? Number.NaN : weightedRank(population.particles.map((p) => p.values[j] as number), weights, truth[j] as number),
  );
  return {
    dataset,
    truth,
    observed,
    posterior,
    covered,
    ranks,
    stop: state.stop,
    finalTolerance: population.tolerance,
    generations: state.history.length,
    candidatesUsed: state.candidatesUsed,
  };
}

/**
 * Summarise data-set results into the study's verdict per parameter.
 *
 * @example summariseRecovery(parameters, results).coverage
 */
export function summariseRecovery(parameters: readonly AbcParameter[], datasets: readonly DatasetRecovery[]): RecoveryStudy {
  let covered = 0;
  let intervals = 0;
  const perParameter = parameters.map((parameter, j) => {
    const flags = datasets.map((d) => d.covered[j]).filter((c): c is boolean => c !== null);
    covered += flags.filter(Boolean).length;
    intervals += flags.length;
    const identifiedShare = datasets.filter((d) => d.posterior[j].identified).length / datasets.length;
    return {
      name: parameter.name,
      coverage: flags.length > 0 ? flags.filter(Boolean).length / flags.length : Number.NaN,
      identifiedShare,
      medianSpreadRatio: datasets.length > 0 ? median(datasets.map((d) => d.posterior[j].spreadRatio)) : Number.NaN,
      identified: identifiedShare >= 0.5,
    };
  });
  return { datasets, parameters: perParameter, coverage: intervals > 0 ? covered / intervals : Number.NaN };
}

/**
 * Run the study: `datasets` synthetic data sets, each calibrated from scratch.
 *
 * @param problem the problem (priors, settings, simulator, evaluator).
 * @param options number of data sets, seed, batch size, progress callback.
 * @returns every data set's result and the verdict per parameter (see {@link IDENTIFICATION_SPREAD_RATIO}).
 * @example const study = await runRecoveryStudy(problem, { datasets: 20, seed: 2009 }); study.coverage
 */
export async function runRecoveryStudy(problem: RecoveryProblem, options: RecoveryStudyOptions): Promise<RecoveryStudy> {
  const results: DatasetRecovery[] = [];
  const indices = options.only ?? Array.from({ length: options.datasets }, (_, d) => d);
  for (const dataset of indices) {
    const result = await recoverDataset(problem, options.seed, dataset, options.batchSize);
    results.push(result);
    if (options.onDataset) await options.onDataset(result);
  }
  return summariseRecovery(problem.parameters, results);
}
