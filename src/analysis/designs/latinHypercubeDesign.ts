import { assertIntegerInRange } from '../analysisArgumentChecks.ts';
import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';
import { drawUniform, drawUniformInteger, type UniformGenerator } from '../uniformGenerator.ts';

/**
 * Where a Latin hypercube point sits inside its stratum: `'random'` (uniformly inside, McKay et al.
 * 1979) or `'centred'` (at the stratum's midpoint, "lattice sampling", Patterson 1954).
 */
export type LatinHypercubePlacement = 'random' | 'centred';

/**
 * Latin hypercube design on the unit hypercube.
 *
 * What and why: each factor's range [0, 1) is cut into `n` equal strata and every stratum of every
 * factor holds exactly one of the `n` points, so each one-dimensional projection is perfectly
 * even — an estimate of a mean is never worse than with `n` Monte Carlo points and usually much
 * better for outputs dominated by main effects (McKay et al. 1979, Theorem 1), which is why it is
 * the default exploratory design of EMA Workbench.
 *
 * Formula: for each factor `j` independently draw a uniform random permutation `π_j` of
 * `{0, …, n − 1}` (Fisher–Yates) and set
 *
 *     x_ij = (π_j(i) + u_ij) / n      ('random', u_ij ~ U[0, 1))
 *     x_ij = (π_j(i) + ½) / n         ('centred')
 *
 * Draw order (for reproducibility): factor by factor; within a factor the Fisher–Yates swaps
 * (i = n − 1 down to 1) and then, for 'random', the `n` within-stratum offsets in point order.
 *
 * Reference: McKay, Beckman & Conover (1979), A comparison of three methods for selecting values of
 * input variables in the analysis of output from a computer code, *Technometrics* 21(2):239–245;
 * Fisher & Yates (1938); Durstenfeld (1964), Algorithm 235, *CACM* 7(7):420.
 *
 * Units: unit hypercube coordinates; map them with {@link mapUnitDesignToFactors}.
 *
 * @param sampleCount number of points `n` (and of strata per factor), an integer ≥ 1.
 * @param factorCount number of factors `k`, an integer ≥ 1.
 * @param uniform the random numbers, e.g. `seedrandom.alea('seed')`.
 * @param placement 'random' (default) or 'centred'.
 * @returns a {@link DesignMatrix} of `n × k` values in [0, 1).
 * @throws {RangeError} if a count is not a positive integer, `placement` is unknown, or the
 *   generator leaves [0, 1).
 * @example
 * const design = latinHypercubeDesign(10, 2, seedrandom.alea('lhs'));
 * // each column holds exactly one value in [0, 0.1), one in [0.1, 0.2), …, one in [0.9, 1)
 */
export function latinHypercubeDesign(
  sampleCount: number,
  factorCount: number,
  uniform: UniformGenerator,
  placement: LatinHypercubePlacement = 'random',
): DesignMatrix {
  const name = 'latinHypercubeDesign';
  assertIntegerInRange(sampleCount, 1, 0x7fffffff, name, 'sampleCount');
  assertIntegerInRange(factorCount, 1, 0x7fffffff, name, 'factorCount');
  if (placement !== 'random' && placement !== 'centred') {
    throw new RangeError(`${name}: placement must be 'random' or 'centred', got ${String(placement)}`);
  }
  const design = createDesignMatrix(sampleCount, factorCount);
  const values = design.values;
  const permutation = new Int32Array(sampleCount);
  for (let j = 0; j < factorCount; j++) {
    for (let i = 0; i < sampleCount; i++) permutation[i] = i;
    for (let i = sampleCount - 1; i > 0; i--) {
      const other = drawUniformInteger(uniform, i + 1, name);
      const held = permutation[i];
      permutation[i] = permutation[other];
      permutation[other] = held;
    }
    for (let i = 0; i < sampleCount; i++) {
      const offset = placement === 'random' ? drawUniform(uniform, name) : 0.5;
      // (π + u)/n < 1 for u < 1 in exact arithmetic; the min guards the last rounding step.
      values[i * factorCount + j] = Math.min((permutation[i] + offset) / sampleCount, 1 - Number.EPSILON / 2);
    }
  }
  return design;
}
