// Input guards shared by the estimators in src/statistics/: they turn inputs that would otherwise
// produce NaN or ±Infinity into RangeErrors with a message that names the offending value.

/**
 * Check that a sample is a non-empty array of finite numbers, and throw a `RangeError` naming the
 * first offending entry otherwise.
 *
 * Why: every estimator in `src/statistics/` promises never to return `NaN` or `±Infinity`. A single
 * `NaN` (a failed replication) or `Infinity` (an overflowed outcome) in the input would silently
 * propagate through simple-statistics' `mean`/`sampleVariance` into a report, so inputs are checked
 * once, up front, with a message that says which value was wrong.
 *
 * Formula: none — a guard. Reference: none. Units: unchanged (the values are not transformed).
 *
 * @param values sample to check, in whatever unit the caller uses.
 * @param name how the sample is called in error messages, e.g. `'treatment'`.
 * @throws {RangeError} if `values` is empty or any entry is `NaN`, `Infinity` or `-Infinity`
 *   (or not a number at all).
 * @example
 * assertFiniteSample([1, 2, 3], 'values'); // passes
 * assertFiniteSample([1, NaN], 'values'); // RangeError: values[1] is NaN; every value must be a finite number
 */
export function assertFiniteSample(values: readonly number[], name: string): void {
  if (values.length === 0) {
    throw new RangeError(`${name} is empty; at least one value is required`);
  }
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`${name}[${index}] is ${String(value)}; every value must be a finite number`);
    }
  }
}

/**
 * Check that a confidence level lies strictly between 0 and 1.
 *
 * Why: a level of 0 or 1 would need the 50% or the 100% quantile of Student's t (0 and +∞), and a
 * level given as a percentage (95 instead of 0.95) is a common slip worth a clear message.
 *
 * Formula: none — a guard. Units: a probability (dimensionless).
 *
 * @param level the two-sided coverage probability, e.g. `0.95`.
 * @throws {RangeError} unless `0 < level < 1`.
 * @example
 * assertConfidenceLevel(0.95); // passes
 * assertConfidenceLevel(95); // RangeError
 */
export function assertConfidenceLevel(level: number): void {
  if (typeof level !== 'number' || !Number.isFinite(level) || level <= 0 || level >= 1) {
    throw new RangeError(
      `confidence level must be a probability strictly between 0 and 1 (e.g. 0.95), got ${String(level)}`,
    );
  }
}

/**
 * Largest degrees of freedom accepted by the Student t CDF and quantile: 10⁷.
 *
 * Why: their continued fraction needs ~√ν terms, and accuracy was verified (against mpmath) up to
 * this value. Beyond it t(ν) is the standard normal for any practical purpose: the 97.5% quantiles
 * differ by less than 3·10⁻⁷. Units: degrees of freedom.
 */
export const MAXIMUM_STUDENT_T_DEGREES_OF_FREEDOM = 1e7;

/**
 * Check the degrees of freedom of a Student t distribution.
 *
 * Why: ν ≤ 0, NaN or ∞ would make the t functions return NaN; real (non-integer) ν > 0 is allowed
 * because Welch-type approximations produce fractional degrees of freedom.
 *
 * Formula: none — a guard. Units: degrees of freedom (dimensionless).
 *
 * @param degreesOfFreedom ν.
 * @param functionName caller's name, used in the message.
 * @param maximum largest ν accepted (default: any finite ν).
 * @throws {RangeError} unless `degreesOfFreedom` is a finite number with 0 < ν ≤ `maximum`.
 * @example
 * assertDegreesOfFreedom(9, 'studentTQuantile'); // passes
 * assertDegreesOfFreedom(0, 'studentTQuantile'); // RangeError
 */
export function assertDegreesOfFreedom(
  degreesOfFreedom: number,
  functionName: string,
  maximum: number = Number.MAX_VALUE,
): void {
  if (typeof degreesOfFreedom !== 'number' || !Number.isFinite(degreesOfFreedom) || degreesOfFreedom <= 0) {
    throw new RangeError(
      `${functionName} needs finite degrees of freedom > 0, got ${String(degreesOfFreedom)}`,
    );
  }
  if (degreesOfFreedom > maximum) {
    throw new RangeError(
      `${functionName} accepts at most ${maximum} degrees of freedom, got ${degreesOfFreedom}; ` +
        'use the standard normal distribution instead',
    );
  }
}
