import { addToMean } from 'simple-statistics';

/**
 * Plain-data snapshot of a {@link WelfordAccumulator}, e.g. to send partial results from a worker
 * thread and merge them in the parent. `mean` and `sumOfSquaredDeviations` are in the unit of the
 * values and its square respectively.
 */
export interface WelfordAccumulatorState {
  /** Number of values added. */
  readonly count: number;
  /** Running mean (0 while `count` is 0). */
  readonly mean: number;
  /** M₂ = Σ(xᵢ − x̄)², the sum of squared deviations from the running mean (0 while count ≤ 1). */
  readonly sumOfSquaredDeviations: number;
}

/**
 * Streaming (one-pass) mean and variance accumulator.
 *
 * Why: per-step outcomes (e.g. the number of firms in each zone at every step) are aggregated
 * across hundreds of replications; holding every run's trajectory to call simple-statistics'
 * `mean`/`sampleVariance` at the end would cost memory proportional to replications × steps. This
 * accumulator keeps three numbers per series, is numerically stable (no Σx² − (Σx)²/n cancellation),
 * and accumulators filled in parallel (per worker, per seed batch) can be merged exactly.
 *
 * Formulas:
 * - add x (Welford 1962): n ← n + 1; δ = x − x̄; x̄ ← x̄ + δ/n (simple-statistics `addToMean`);
 *   M₂ ← M₂ + δ·(x − x̄_new).
 * - merge A and B (Chan, Golub & LeVeque 1979): n = n_A + n_B; δ = x̄_B − x̄_A;
 *   x̄ = x̄_A + δ·n_B/n; M₂ = M₂_A + M₂_B + δ²·n_A·n_B/n. (This is the numerically stable form of
 *   simple-statistics' `combineMeans`/`combineVariances`, which use the weighted-sum form
 *   (n_A·x̄_A + n_B·x̄_B)/n and population variances, and divide by zero for empty parts.)
 * - sample variance s² = M₂/(n − 1).
 *
 * Degenerate cases (never NaN or ±Infinity): `mean` throws a RangeError while `count` is 0, and
 * `sampleVariance`/`sampleStandardDeviation` throw a RangeError while `count` < 2 (matching
 * simple-statistics' `sampleVariance`); identical values give a variance of exactly 0.
 *
 * Reference: Welford, B. P. (1962), Note on a method for calculating corrected sums of squares and
 * products, Technometrics 4(3):419–420; Chan, T. F., Golub, G. H. & LeVeque, R. J. (1979), Updating
 * formulae and a pairwise algorithm for computing sample variances, Stanford CS report STAN-CS-79-773;
 * Knuth, TAOCP vol. 2, 3rd ed., §4.2.2.
 *
 * Units: `mean` and `sampleStandardDeviation` in the unit of the values, `sampleVariance` in its
 * square.
 *
 * @example
 * const accumulator = new WelfordAccumulator();
 * for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) accumulator.add(x);
 * accumulator.count; // => 8
 * accumulator.mean; // => 5
 * accumulator.sampleVariance; // => 4.571428571428571 (32/7, = simple-statistics sampleVariance)
 */
export class WelfordAccumulator {
  #count = 0;
  #mean = 0;
  #sumOfSquaredDeviations = 0;

  /**
   * Rebuild an accumulator from a {@link WelfordAccumulatorState} snapshot (see {@link toState}).
   *
   * @param state snapshot; `count` a non-negative integer, `mean` and `sumOfSquaredDeviations`
   *   finite, M₂ ≥ 0, and both 0 when `count` is 0 (M₂ also 0 when `count` is 1).
   * @returns a new accumulator holding that state.
   * @throws {RangeError} if the snapshot is inconsistent as described.
   * @example
   * WelfordAccumulator.fromState({ count: 2, mean: 3, sumOfSquaredDeviations: 2 }).sampleVariance; // => 2
   */
  static fromState(state: WelfordAccumulatorState): WelfordAccumulator {
    const { count, mean, sumOfSquaredDeviations } = state;
    const valid =
      Number.isSafeInteger(count) &&
      count >= 0 &&
      Number.isFinite(mean) &&
      Number.isFinite(sumOfSquaredDeviations) &&
      sumOfSquaredDeviations >= 0 &&
      (count > 0 || mean === 0) &&
      (count > 1 || sumOfSquaredDeviations === 0);
    if (!valid) {
      throw new RangeError(`WelfordAccumulator.fromState: inconsistent state ${JSON.stringify(state)}`);
    }
    const accumulator = new WelfordAccumulator();
    accumulator.#count = count;
    accumulator.#mean = mean;
    accumulator.#sumOfSquaredDeviations = sumOfSquaredDeviations;
    return accumulator;
  }

  /** Number of values added so far (including those merged in). */
  get count(): number {
    return this.#count;
  }

  /**
   * Mean x̄ of the values added so far, in their unit.
   * @throws {RangeError} if no value has been added (the mean of nothing is undefined).
   */
  get mean(): number {
    if (this.#count === 0) {
      throw new RangeError('WelfordAccumulator.mean is undefined: no values have been added');
    }
    return this.#mean;
  }

  /** Sum of squared deviations from the mean, M₂ = Σ(xᵢ − x̄)² (0 for fewer than two values). */
  get sumOfSquaredDeviations(): number {
    return this.#sumOfSquaredDeviations;
  }

  /**
   * Bessel-corrected sample variance s² = M₂/(n − 1), in the squared unit of the values.
   * @throws {RangeError} if fewer than two values have been added.
   */
  get sampleVariance(): number {
    if (this.#count < 2) {
      throw new RangeError(
        `WelfordAccumulator.sampleVariance needs at least two values, has ${this.#count}`,
      );
    }
    return this.#sumOfSquaredDeviations / (this.#count - 1);
  }

  /**
   * Sample standard deviation s = √(M₂/(n − 1)), in the unit of the values.
   * @throws {RangeError} if fewer than two values have been added.
   */
  get sampleStandardDeviation(): number {
    return Math.sqrt(this.sampleVariance);
  }

  /**
   * Add one value (Welford's update). Returns `this` so calls can be chained.
   *
   * @param value a finite number in the unit of the series.
   * @returns this accumulator.
   * @throws {RangeError} if `value` is not finite, or if adding it would overflow the running
   *   sums (the accumulator is then left unchanged).
   * @example
   * new WelfordAccumulator().add(1).add(3).mean; // => 2
   */
  add(value: number): this {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`WelfordAccumulator.add needs a finite number, got ${String(value)}`);
    }
    const deviationBefore = value - this.#mean;
    const nextMean = addToMean(this.#mean, this.#count, value);
    const nextSum = this.#sumOfSquaredDeviations + deviationBefore * (value - nextMean);
    if (!Number.isFinite(nextMean) || !Number.isFinite(nextSum)) {
      throw new RangeError(`WelfordAccumulator.add(${value}) overflows the running mean or variance`);
    }
    this.#count += 1;
    this.#mean = nextMean;
    this.#sumOfSquaredDeviations = nextSum;
    return this;
  }

  /**
   * Fold another accumulator's values into this one (Chan et al.'s parallel formula); the result is
   * what adding all of `other`'s values one by one would have given (up to rounding). `other` is not
   * modified; merging an accumulator with itself doubles its sample. Returns `this`.
   *
   * @param other accumulator (or state snapshot) of the same quantity, in the same unit.
   * @returns this accumulator.
   * @throws {RangeError} if the merged sums overflow (this accumulator is then left unchanged) or a
   *   snapshot passed as `other` is inconsistent.
   * @example
   * const a = new WelfordAccumulator().add(1).add(2);
   * const b = new WelfordAccumulator().add(3).add(4);
   * a.merge(b).sampleVariance; // => 1.6666666666666667 (= sampleVariance([1, 2, 3, 4]))
   */
  merge(other: WelfordAccumulator | WelfordAccumulatorState): this {
    const otherState = other instanceof WelfordAccumulator ? other.toState() : WelfordAccumulator.fromState(other).toState();
    if (otherState.count === 0) return this;
    if (this.#count === 0) {
      this.#count = otherState.count;
      this.#mean = otherState.mean;
      this.#sumOfSquaredDeviations = otherState.sumOfSquaredDeviations;
      return this;
    }
    const count = this.#count + otherState.count;
    const delta = otherState.mean - this.#mean;
    const mergedMean = this.#mean + delta * (otherState.count / count);
    const mergedSum =
      this.#sumOfSquaredDeviations +
      otherState.sumOfSquaredDeviations +
      delta * delta * ((this.#count * otherState.count) / count);
    if (!Number.isFinite(mergedMean) || !Number.isFinite(mergedSum)) {
      throw new RangeError('WelfordAccumulator.merge overflows the running mean or variance');
    }
    this.#count = count;
    this.#mean = mergedMean;
    this.#sumOfSquaredDeviations = mergedSum;
    return this;
  }

  /**
   * Plain-data snapshot of the current state (safe to `JSON.stringify` or `postMessage`).
   *
   * @returns `{ count, mean, sumOfSquaredDeviations }`; `mean` is 0 while `count` is 0.
   * @example
   * new WelfordAccumulator().add(5).toState(); // => { count: 1, mean: 5, sumOfSquaredDeviations: 0 }
   */
  toState(): WelfordAccumulatorState {
    return {
      count: this.#count,
      mean: this.#mean,
      sumOfSquaredDeviations: this.#sumOfSquaredDeviations,
    };
  }
}
