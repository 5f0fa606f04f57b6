import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ReportInput } from './reportInput.ts';

/**
 * File name of the report's data in a run folder: the `ReportInput` as JSON, gzip-compressed (a
 * quarter of the size: the bundled run's 5.1 MB of JSON take 1.2 MB). Read it with
 * `jsonlite::fromJSON(gzfile(…))` in R, `json.load(gzip.open(…))` in Python, `gunzip -c … | jq` in a
 * shell.
 */
export const REPORT_DATA_FILE = 'report-data.json.gz';

/** The uncompressed file earlier zonesim versions wrote (still read by {@link readReportData}). */
export const LEGACY_REPORT_DATA_FILE = 'report-data.json';

/**
 * The bytes of a report-data file: `input` as compact JSON (one line and a newline), gzip-compressed
 * (zlib's default level 6: within 1 % of level 9's size in half the time; the same input gives the same bytes).
 *
 * @example gunzipSync(reportDataBytes(input)).toString() === `${JSON.stringify(input)}\n` // true
 */
export function reportDataBytes(input: ReportInput): Buffer {
  return gzipSync(`${JSON.stringify(input)}\n`, { level: 6 });
}

/**
 * Write `input` as `<runDir>/report-data.json.gz` ({@link reportDataBytes}, written to a temporary
 * file and renamed, so a reader never sees half a file). Returns the path. A report is re-rendered
 * from this file alone (scripts/renderReportFromData.ts).
 */
export async function writeReportData(input: ReportInput, runDir: string): Promise<string> {
  const file = path.join(runDir, REPORT_DATA_FILE);
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, reportDataBytes(input));
  await rename(temporary, file);
  return file;
}

/**
 * Read `<runDir>/report-data.json.gz` (or, in a folder of an earlier zonesim without it, the
 * uncompressed `report-data.json`), checking that it has the shape of a `ReportInput` (the top-level
 * fields and their types; the runner is trusted for the rest). Throws an Error naming the file and
 * the problem otherwise.
 */
export async function readReportData(runDir: string): Promise<ReportInput> {
  const compressed = path.join(runDir, REPORT_DATA_FILE);
  const legacy = path.join(runDir, LEGACY_REPORT_DATA_FILE);
  const file = !existsSync(compressed) && existsSync(legacy) ? legacy : compressed;
  const bytes = await readFile(file);
  let text: string;
  try {
    text = file === legacy ? bytes.toString('utf8') : gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw new Error(`${file} is not report data: not gzip-compressed (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not report data: not JSON (${(error as Error).message})`);
  }
  const problem = reportInputProblem(data);
  if (problem !== null) throw new Error(`${file} is not report data: ${problem}`);
  return data as ReportInput;
}

/** Why `data` is not a `ReportInput` (top-level shape only), or null when it looks like one. */
export function reportInputProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object';
  const record = data as Record<string, unknown>;
  if (typeof record.title !== 'string') return '"title" is not a string';
  if (typeof record.manifest !== 'object' || record.manifest === null) return '"manifest" is not an object';
  if (record.baseline !== null && typeof record.baseline !== 'string') return '"baseline" is neither a string nor null';
  for (const key of ['scenarios', 'metrics', 'series', 'endStates', 'paired', 'maps', 'industryNames']) {
    if (!Array.isArray(record[key])) return `"${key}" is not an array`;
  }
  return null;
}
