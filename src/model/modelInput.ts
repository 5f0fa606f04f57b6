import type { Parameters } from './parameterSpecification.ts';

/**
 * A proximity (relatedness) matrix supplied as data, e.g. read from a CSV derived from an input–output
 * table or the product space (Hidalgo et al. 2007). Values are row-major, K×K, symmetric, in [0, 1].
 * The scenario loader checks all of that before the model sees it.
 */
export interface RelatednessMatrixInput {
  /** Industry names from the CSV header, or null when the file has no header. */
  readonly industryNames: readonly string[] | null;
  /** Row-major K×K proximities. */
  readonly values: readonly number[];
}

/**
 * Everything the model needs besides the seed: validated parameters plus any data files already read
 * and checked by the scenario loader. Plain data (structured-clone safe), so it can cross to a worker.
 */
export interface ModelInput {
  readonly parameters: Parameters;
  readonly relatedness: RelatednessMatrixInput | null;
}
