/**
 * The page's run as tidy long CSV, one row per value
 * (`scenario,replication,seed,step,year,zone,industry,metric,value`), so a class can open what it
 * saw in a spreadsheet and compare it with `zonesim run` (whose results.csv has the same province
 * values, one column per outcome, rounded to 9 significant digits; this file writes shortest
 * round-trip doubles, equal bit for bit to the command line's run.sqlite). Pure module.
 */
import type { RecordedValue } from '../outcomes/collectReporters.ts';

/** The header line of the long format (src/runner/tidyCsv.ts). */
export const RESULTS_CSV_HEADER = 'scenario,replication,seed,step,year,zone,industry,metric,value';

/** One recorded step (a subset of the worker's frame). */
export interface RecordedFrame {
  readonly step: number;
  readonly year: number;
  readonly values: readonly RecordedValue[];
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Years at monthly steps are not exact in binary; rounded to 6 decimals like the command line. */
function formatYear(year: number): string {
  return String(Math.round(year * 1e6) / 1e6);
}

/**
 * The CSV text (header included) of one replication's recorded frames.
 *
 * @example resultsCsv('my-policy', 0, 123, frames).split('\n')[0] // RESULTS_CSV_HEADER
 */
export function resultsCsv(scenario: string, replication: number, seed: number, frames: readonly RecordedFrame[]): string {
  const lines = [RESULTS_CSV_HEADER];
  for (const frame of frames) {
    const prefix = `${csvField(scenario)},${replication},${seed},${frame.step},${formatYear(frame.year)},`;
    for (const v of frame.values) {
      lines.push(`${prefix}${v.zone === null ? '' : v.zone},${v.industry === null ? '' : v.industry},${v.metric},${v.value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
