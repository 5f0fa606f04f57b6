/**
 * Argument checks shared by the designs and sensitivity methods of `src/analysis/`. The integer-range
 * check is the common one of `src/validation/numericArguments.ts`, re-exported here.
 *
 * Each check is a comparison in the normal path; the message is only assembled on failure. They
 * throw `RangeError` (a value outside the domain) or `TypeError` (a value of the wrong kind).
 */

// Shared with the metrics of `src/outcomes/metrics/`; re-exported so the callers in `src/analysis/`
// keep importing every check from this module.
export { assertIntegerInRange } from '../validation/numericArguments.ts';

/**
 * Throw a `RangeError` unless `value` is a finite number strictly between `lower` and `upper`
 * (open interval), or in the closed interval when `closed` is true.
 *
 * @param value the number to check.
 * @param lower lower end.
 * @param upper upper end.
 * @param functionName the caller, for the message.
 * @param what the argument's name, for the message.
 * @param closed whether the ends are allowed (default false).
 * @throws {RangeError} when `value` lies outside.
 * @example
 * assertNumberInInterval(0.05, 0, 0.5, 'primScenarioDiscovery', 'peelingAlpha'); // ok
 */
export function assertNumberInInterval(
  value: number,
  lower: number,
  upper: number,
  functionName: string,
  what: string,
  closed = false,
): void {
  const inside = closed ? value >= lower && value <= upper : value > lower && value < upper;
  if (typeof value !== 'number' || !inside) {
    const interval = closed ? `[${lower}, ${upper}]` : `(${lower}, ${upper})`;
    throw new RangeError(`${functionName}: ${what} must be a number in ${interval}, got ${String(value)}`);
  }
}

/**
 * Throw a `RangeError` unless every one of the first `length` entries of `values` is a finite number.
 *
 * Why: one failed model run (NaN) or an overflow (±Infinity) would turn every index estimate into
 * NaN; the message names the offending run so it can be re-run or investigated.
 *
 * @param values the outputs to check.
 * @param functionName the caller, for the message.
 * @param what the argument's name, for the message.
 * @throws {RangeError} naming the first non-finite entry.
 * @example
 * assertFiniteValues([1, 2], 'sobolSensitivityIndices', 'outputs'); // ok
 */
export function assertFiniteValues(values: ArrayLike<number>, functionName: string, what: string): void {
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(
        `${functionName}: ${what}[${index}] is ${String(value)}; every value must be a finite number`,
      );
    }
  }
}
