/**
 * A source of independent uniform random numbers on [0, 1), such as `seedrandom.alea('seed')`.
 *
 * Why a plain function type: every randomised design and every bootstrap in `src/analysis/` takes
 * its randomness as an argument instead of calling `Math.random`, so that a result is a pure,
 * reproducible function of its inputs and the generator's seed. Any generator with this shape
 * works (seedrandom's `alea`, `xor4096`, a counter-based stream of the model, a fixed list in tests).
 *
 * Units: a probability (dimensionless), 0 ≤ u < 1.
 *
 * @example
 * import seedrandom from 'seedrandom';
 * const uniform: UniformGenerator = seedrandom.alea('experiment-1');
 * uniform(); // => a number in [0, 1), the same for the same seed
 */
export type UniformGenerator = () => number;

/**
 * Draw one number from a {@link UniformGenerator} and check that it lies in [0, 1).
 *
 * Why: a generator returning 1, a negative number or NaN would silently produce a point outside
 * the unit hypercube, an out-of-range permutation index or a wrong bootstrap resample; checking
 * each draw costs one comparison.
 *
 * Formula: none — a guarded call. Units: a probability.
 *
 * @param uniform the generator.
 * @param functionName the caller, named in the error message.
 * @returns `u` with 0 ≤ u < 1.
 * @throws {RangeError} if the generator returns anything but a number in [0, 1).
 * @example
 * drawUniform(() => 0.25, 'latinHypercubeDesign'); // => 0.25
 * drawUniform(() => 1, 'latinHypercubeDesign'); // RangeError
 */
export function drawUniform(uniform: UniformGenerator, functionName: string): number {
  const value = uniform();
  if (!(value >= 0 && value < 1)) {
    throw new RangeError(
      `${functionName}: the uniform generator returned ${String(value)}; it must return numbers in [0, 1)`,
    );
  }
  return value;
}

/**
 * Draw a uniformly distributed integer in `{0, 1, …, count − 1}` from a {@link UniformGenerator}.
 *
 * Formula: `⌊u · count⌋` with `u` from {@link drawUniform}; exact (every integer has probability
 * 1/count up to the generator's resolution) because 0 ≤ u < 1.
 *
 * @param uniform the generator.
 * @param count number of possible values (a positive integer).
 * @param functionName the caller, named in the error message.
 * @returns an integer in `[0, count − 1]`.
 * @throws {RangeError} as {@link drawUniform}.
 * @example
 * drawUniformInteger(() => 0.5, 4, 'shuffle'); // => 2
 */
export function drawUniformInteger(uniform: UniformGenerator, count: number, functionName: string): number {
  return Math.floor(drawUniform(uniform, functionName) * count);
}
