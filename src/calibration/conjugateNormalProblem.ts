/**
 * A recovery problem with a known answer: the mean μ of normal data with known sd under a normal
 * prior, plus a nuisance parameter no data depend on. With the data summarised by their mean ȳ
 * (sufficient), ȳ ~ N(μ, σ²/n) and μ ~ N(m, s²) give the posterior N((m/s² + nȳ/σ²)/(1/s² + n/σ²),
 * 1/(1/s² + n/σ²)) (Gelman et al. 2013, Bayesian Data Analysis, §2.5). It serves the recovery tests and
 * `npm run calibrate:sbc -- --problem normal`, where the replication and common-random-number options
 * are measured against it. Pure module.
 */
import seedrandom from 'seedrandom';
import { standardNormal, type UniformGenerator } from '../model/randomStreams.ts';
import { KERNEL_COVARIANCE_MULTIPLE } from './perturbationKernel.ts';
import type { AbcSmcSettings } from './abcSmcState.ts';
import type { RecoveryProblem } from './simulationBasedCalibration.ts';

/** Options of {@link conjugateNormalProblem}. */
export interface ConjugateNormalOptions {
  /** sd of the data mean ȳ given μ (σ/√n); default 0.5 (four observations of sd 1). */
  readonly dataSd?: number;
  /** One distance of the replications' mean instead of one per replication (the `averageStatistics` option). */
  readonly averageReplications?: boolean;
  /** Settings replacing the defaults (N = 200, tolerance down to 0.05, one replication). */
  readonly settings?: Partial<AbcSmcSettings>;
}

/**
 * The problem μ ~ N(0, 1) (cut at ±10, which removes 10⁻²³ of the mass), ȳ | μ ~ N(μ, dataSd²), and a
 * nuisance parameter ~ U(0, 1). Posterior sd of μ: 1/√(1 + 1/dataSd²) (√0.2 = 0.447 for dataSd 0.5).
 *
 * @example await runRecoveryStudy(conjugateNormalProblem(), { datasets: 40, seed: 1 })
 */
export function conjugateNormalProblem(options: ConjugateNormalOptions = {}): RecoveryProblem {
  const sd = options.dataSd ?? 0.5;
  const draw = (values: readonly unknown[], seed: number): number =>
    (values[0] as number) + sd * standardNormal(seedrandom.alea(String(seed)) as unknown as UniformGenerator);
  return {
    parameters: [
      { name: 'mu', prior: { kind: 'normal', mean: 0, standardDeviation: 1, lower: -10, upper: 10 } },
      { name: 'nuisance', prior: { kind: 'uniform', lower: 0, upper: 1 } },
    ],
    settings: {
      populationSize: 200,
      maxGenerations: 30,
      maxCandidates: 1_000_000,
      toleranceQuantile: 0.5,
      minimumTolerance: 0.05,
      minimumAcceptanceRate: 0.005,
      replications: 1,
      commonRandomNumbers: false,
      kernelScale: KERNEL_COVARIANCE_MULTIPLE,
      seed: 0,
      ...options.settings,
    },
    simulate: (values, seed) => [draw(values, seed)],
    evaluator: (observed) => (batch) =>
      batch.map((candidate) => {
        const means = candidate.seeds.map((seed) => draw(candidate.values, seed));
        const distances = options.averageReplications
          ? [Math.abs(means.reduce((a, b) => a + b, 0) / means.length - observed[0])]
          : means.map((mean) => Math.abs(mean - observed[0]));
        return { generation: candidate.generation, index: candidate.index, distances };
      }),
  };
}
