import { assertIntegerInRange } from '../analysisArgumentChecks.ts';
import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';
import { drawUniform, type UniformGenerator } from '../uniformGenerator.ts';
import { MAXIMUM_SOBOL_DIMENSION, sobolSequence } from './sobolSequence.ts';

/**
 * A Saltelli design: the points to run for Sobol' indices, with the block layout the estimator
 * ({@link sobolSensitivityIndices}) reads.
 *
 * Layout of `points` (`N(k + 2)` rows, `k` columns, `N = baseSampleCount`):
 * - rows `[0, N)`: matrix **A**;
 * - rows `[N, 2N)`: matrix **B**;
 * - rows `[(2 + i)N, (3 + i)N)` for `i = 0 … k − 1`: matrix **A_B^(i)**, equal to **A** except
 *   column `i`, which is taken from **B**.
 * Row `j` of every block belongs to base sample `j`, which is what the bootstrap resamples.
 */
export interface SaltelliDesign {
  /** All `N(k + 2)` points to evaluate, in the block layout above; unit hypercube coordinates. */
  readonly points: DesignMatrix;
  /** `N`, the number of rows of each block. */
  readonly baseSampleCount: number;
  /** `k`, the number of factors. */
  readonly factorCount: number;
  /** How A and B were drawn. */
  readonly sequence: SaltelliBaseSequence;
}

/** How the base matrices A and B are drawn: `'sobol'` (quasi-random, preferred) or `'monte-carlo'`. */
export type SaltelliBaseSequence = 'sobol' | 'monte-carlo';

/** Options of {@link saltelliDesign}. */
export interface SaltelliDesignOptions {
  /** `'sobol'` (default) or `'monte-carlo'`. */
  readonly sequence?: SaltelliBaseSequence;
  /** Required for `'monte-carlo'`; ignored for `'sobol'`. */
  readonly uniform?: UniformGenerator;
  /**
   * Sobol' points skipped before the first one used (default 1: the origin, whose zero coordinates
   * would map to −∞ under a normal distribution). Ignored for `'monte-carlo'`.
   */
  readonly skip?: number;
}

/**
 * Saltelli's sampling scheme for first-order and total Sobol' indices: base matrices A and B and
 * the `k` "radial" matrices A_B^(i).
 *
 * What and why: variance-based indices need, for each factor `i`, pairs of points that share all
 * coordinates but `i` (for the total index) or only coordinate `i` (for the first-order index).
 * Saltelli's scheme gets both for all `k` factors from `N(k + 2)` model runs, the cheapest known
 * design for the pair (S_i, S_Ti).
 *
 * Formula: draw an `N × 2k` matrix — the Sobol' sequence in `2k` dimensions (points `skip` …
 * `skip + N − 1`) or Monte Carlo uniforms in row-major order — and take its first `k` columns as
 * **A**, its last `k` as **B**; then **A_B^(i)** = **A** with column `i` replaced by **B**'s
 * column `i` (Saltelli et al. 2010, §3). Use a power of two for `N` with the Sobol' sequence.
 *
 * Reference: Saltelli, A. (2002), Making best use of model evaluations to compute sensitivity
 * indices, *Comput. Phys. Commun.* 145(2):280–297; Saltelli, Annoni, Azzini, Campolongo, Ratto &
 * Tarantola (2010), Variance based sensitivity analysis of model output. Design and estimator for
 * the total sensitivity index, *Comput. Phys. Commun.* 181(2):259–270.
 *
 * Units: unit hypercube coordinates; map them with {@link mapUnitDesignToFactors}.
 *
 * @param baseSampleCount `N`, an integer ≥ 2 (a power of two for the Sobol' sequence).
 * @param factorCount `k`, an integer ≥ 1 (≤ 32 with the Sobol' sequence, which needs `2k` ≤ 64
 *   dimensions).
 * @param options sequence, generator and skip, see {@link SaltelliDesignOptions}.
 * @returns the {@link SaltelliDesign}; evaluate the model on every row of `points`.
 * @throws {RangeError} if a count is out of range, `sequence` is unknown, or `'monte-carlo'` is
 *   asked without a `uniform` generator.
 * @example
 * const design = saltelliDesign(1024, 3); // Sobol' base matrices
 * design.points.rowCount; // => 5120 = 1024 × (3 + 2)
 */
export function saltelliDesign(
  baseSampleCount: number,
  factorCount: number,
  options: SaltelliDesignOptions = {},
): SaltelliDesign {
  const name = 'saltelliDesign';
  const sequence = options.sequence ?? 'sobol';
  if (sequence !== 'sobol' && sequence !== 'monte-carlo') {
    throw new RangeError(`${name}: sequence must be 'sobol' or 'monte-carlo', got ${String(sequence)}`);
  }
  const maximumFactors = sequence === 'sobol' ? Math.floor(MAXIMUM_SOBOL_DIMENSION / 2) : 0x7fffffff;
  assertIntegerInRange(factorCount, 1, maximumFactors, name, 'factorCount');
  assertIntegerInRange(baseSampleCount, 2, Math.floor(0x7fffffff / (factorCount * (factorCount + 2))), name, 'baseSampleCount');
  const k = factorCount;
  const n = baseSampleCount;

  let base: Float64Array; // N × 2k, row-major
  if (sequence === 'sobol') {
    base = sobolSequence(n, 2 * k, options.skip ?? 1).values;
  } else {
    const uniform = options.uniform;
    if (typeof uniform !== 'function') {
      throw new RangeError(`${name}: sequence 'monte-carlo' needs options.uniform, a generator of numbers in [0, 1)`);
    }
    base = new Float64Array(n * 2 * k);
    for (let index = 0; index < base.length; index++) base[index] = drawUniform(uniform, name);
  }

  const points = createDesignMatrix(n * (k + 2), k);
  const values = points.values;
  const blockSize = n * k;
  for (let j = 0; j < n; j++) {
    const source = j * 2 * k;
    const rowA = j * k;
    const rowB = blockSize + j * k;
    for (let c = 0; c < k; c++) {
      values[rowA + c] = base[source + c];
      values[rowB + c] = base[source + k + c];
    }
    for (let i = 0; i < k; i++) {
      const row = (2 + i) * blockSize + j * k;
      for (let c = 0; c < k; c++) values[row + c] = base[source + c];
      values[row + i] = base[source + k + i];
    }
  }
  return { points, baseSampleCount: n, factorCount: k, sequence };
}
