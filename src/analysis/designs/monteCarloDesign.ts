import { assertIntegerInRange } from '../analysisArgumentChecks.ts';
import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';
import { drawUniform, type UniformGenerator } from '../uniformGenerator.ts';

/**
 * Monte Carlo design: independent uniform points in the unit hypercube [0, 1)^k.
 *
 * What and why: the reference design — unbiased for any expectation, with error O(N^−½) whatever
 * the number of factors, and the right input for resampling methods that assume independent
 * points. Latin hypercube or Sobol designs cover the space more evenly for the same size.
 *
 * Formula: `x_ij = u`, with the `u` drawn from `uniform` in row-major order (point 0 factor 0,
 * point 0 factor 1, …), so the design is a pure function of the generator's seed.
 *
 * Reference: Metropolis & Ulam (1949), The Monte Carlo method, *JASA* 44(247):335–341.
 *
 * Units: unit hypercube coordinates; map them with {@link mapUnitDesignToFactors}.
 *
 * @param sampleCount number of points, an integer ≥ 1.
 * @param factorCount number of factors, an integer ≥ 1.
 * @param uniform the random numbers, e.g. `seedrandom.alea('seed')`.
 * @returns a {@link DesignMatrix} of `sampleCount × factorCount` values in [0, 1).
 * @throws {RangeError} if a count is not a positive integer or the generator leaves [0, 1).
 * @example
 * monteCarloDesign(100, 3, seedrandom.alea('mc')).rowCount; // => 100
 */
export function monteCarloDesign(sampleCount: number, factorCount: number, uniform: UniformGenerator): DesignMatrix {
  const name = 'monteCarloDesign';
  assertIntegerInRange(sampleCount, 1, 0x7fffffff, name, 'sampleCount');
  assertIntegerInRange(factorCount, 1, 0x7fffffff, name, 'factorCount');
  const design = createDesignMatrix(sampleCount, factorCount);
  const values = design.values;
  for (let index = 0; index < values.length; index++) values[index] = drawUniform(uniform, name);
  return design;
}
