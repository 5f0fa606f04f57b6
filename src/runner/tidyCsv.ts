import type { RecordedStep } from '../outcomes/collectReporters.ts';

/**
 * CSV text helpers, and the long format of recorded values: one row per value, empty `zone` /
 * `industry` meaning "province-wide" / "not an industry value" — the classroom page's download and the
 * model tests' golden text. (A comparison's results.csv is wide: src/comparison/exportComparison.ts.)
 * Numbers are written in JavaScript's shortest round-trip form, so the CSV reproduces every double
 * bit for bit.
 */
export const TIDY_CSV_HEADER = 'scenario,replication,seed,step,year,zone,industry,metric,value';

/** Quote a CSV field when it needs it (RFC 4180). */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
