/**
 * Argument checks on plain numbers that several layers need: the metrics of `src/outcomes/metrics/`
 * and the designs and sensitivity methods of `src/analysis/` (re-exported by their own argument-check
 * modules, so their callers import from one place).
 *
 * Each check is a comparison in the normal path; the message is only assembled on failure, so a
 * caller stays allocation-free. Pure module (no Node imports), safe in the browser.
 */

/**
 * Throw a `RangeError` unless `value` is an integer in `[minimum, maximum]` (both ends inclusive).
 *
 * Why: counts, levels and indices outside their range would otherwise surface later as an empty
 * loop, an out-of-bounds read (`undefined` → NaN) or a huge allocation; failing at the call names
 * the function and the argument.
 *
 * @param value the number to check.
 * @param minimum smallest allowed value (inclusive).
 * @param maximum largest allowed value (inclusive).
 * @param functionName the caller, for the message.
 * @param what the argument's name, for the message.
 * @throws {RangeError} when `value` is not an integer (NaN, ±Infinity, a fraction) or lies outside
 *   the range: `${functionName}: ${what} must be an integer in [${minimum}, ${maximum}], got ${value}`.
 * @example
 * assertIntegerInRange(4, 2, 100, 'morrisDesign', 'levelCount'); // ok
 * assertIntegerInRange(5, 0, 4, 'relatednessDensity', 'industryIndex');
 * // RangeError: relatednessDensity: industryIndex must be an integer in [0, 4], got 5
 */
export function assertIntegerInRange(
  value: number,
  minimum: number,
  maximum: number,
  functionName: string,
  what: string,
): void {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new RangeError(
      `${functionName}: ${what} must be an integer in [${minimum}, ${maximum}], got ${String(value)}`,
    );
  }
}
