import type { RecordedStep } from '../outcomes/collectReporters.ts';

/**
 * CSV text helpers, and the long format of recorded values: one row per value, empty `zone` /
 * `industry` meaning "province-wide" / "not an industry value" — the classroom page's download and the
 * model tests' golden text. (A comparison's results.csv is wide: src/comparison/exportComparison.ts.)
 * Numbers are written in JavaScript's shortest round-trip form, so the CSV reproduces every double
 * bit for bit.
 */
export const TIDY_CSV_HEADER = 'scenario,replication,seed,step,year,zone,industry,metric,value';

/** A text that is a plain decimal number ("-3", "+0.5", "-1e-7"): left alone, it cannot start a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell of a CSV file: prefixed with an apostrophe when a spreadsheet would read it as a
 * formula — text starting with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV
 * Injection": https://owasp.org/www-community/attacks/CSV_Injection; issue 11, D13: industry names
 * such as `=HYPERLINK(…)` went unchanged into industries.csv and zones.csv) — then quoted when it
 * needs it (RFC 4180: a comma, quote or line break). Text that is a plain number ("-3") is left
 * alone, and numbers are never passed here. Every text cell of every CSV file zonesim writes goes
 * through this function.
 *
 * @example csvField('=1+1') // "'=1+1"
 * @example csvField('a,b') // '"a,b"'
 * @example csvField('-3') // '-3'
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The CSV lines (each ending in a newline) of one recorded step of one replication.
 *
 * @example tidyCsvLines('baseline', 0, 123, recorded)
 */
export function tidyCsvLines(scenario: string, replication: number, seed: number, recorded: RecordedStep): string {
  const prefix = `${csvField(scenario)},${replication},${seed},${recorded.step},${formatYear(recorded.year)},`;
  let out = '';
  for (const v of recorded.values) {
    out += `${prefix}${v.zone === null ? '' : v.zone},${v.industry === null ? '' : v.industry},${v.metric},${v.value}\n`;
  }
  return out;
}

/** Years at monthly steps are not exact in binary; round to 6 decimals for display. */
export function formatYear(year: number): string {
  return String(Math.round(year * 1e6) / 1e6);
}
