/**
 * Argument checks shared by the metric functions in this folder. The integer-range check is the
 * common one of `src/validation/numericArguments.ts`, re-exported here.
 *
 * Every check is a plain comparison in the normal path; an `Error` (and its message string) is only
 * built when a check fails, so calling these from a metric keeps the metric allocation-free.
 * They throw `RangeError` because every failure is a value outside the domain the metric is defined
 * on (negative, non-finite, out-of-bounds index, wrong shape).
 */

/**
 * Throws a `RangeError` unless `value` is a finite number ≥ 0.
 *
 * Used for employment counts, totals, presence weights and proximities, none of which can be
 * negative, and for which NaN/±Infinity would propagate into a NaN result.
 *
 * @param value the number to check
 * @param functionName name of the calling metric, for the message
 * @param what name of the argument (e.g. `values`), for the message
 * @param index position of `value` inside the argument, or `-1` for a scalar argument; the message
 *   string is only assembled on failure, so passing an index keeps the caller allocation-free
 * @throws {RangeError} when `value` is negative, NaN or ±Infinity
 * @example
 * assertFiniteNonNegative(2, 'herfindahlIndex', 'values', 0); // ok
 * assertFiniteNonNegative(-1, 'herfindahlIndex', 'values', 0); // throws RangeError
 */
export function assertFiniteNonNegative(
  value: number,
  functionName: string,
  what: string,
  index = -1,
): void {
  // `!(value >= 0)` is also true for NaN.
  if (!(value >= 0) || value === Infinity) {
    const where = index >= 0 ? `${what}[${index}]` : what;
    throw new RangeError(`${functionName}: ${where} must be a finite number >= 0, got ${value}`);
  }
}

// Shared with the designs and sensitivity methods of `src/analysis/`; re-exported so the metrics
// keep importing every check from this module.
export { assertIntegerInRange } from '../../validation/numericArguments.ts';

/**
 * Throws a `RangeError` when a sum of finite non-negative numbers overflowed to `Infinity`.
 *
 * Shares `v / total` are only meaningful when the total is representable; a metric calls this after
 * accumulating a total so it never divides by `Infinity` (which would silently give 0 shares) or
 * returns a non-finite value.
 *
 * @param total the accumulated sum
 * @param functionName name of the calling metric, for the message
 * @param what description of the sum, for the message
 * @throws {RangeError} when `total` is not finite
 * @example
 * assertFiniteSum(1e6, 'herfindahlIndex', 'total'); // ok
 * assertFiniteSum(Infinity, 'herfindahlIndex', 'total'); // throws RangeError
 */
export function assertFiniteSum(total: number, functionName: string, what: string): void {
  if (!Number.isFinite(total)) {
    throw new RangeError(`${functionName}: ${what} overflowed (${total}); rescale the inputs`);
  }
}
