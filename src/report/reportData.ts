import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportInput } from './reportInput.ts';

/** File name of the report's data in a run folder: the `ReportInput` as JSON. */
export const REPORT_DATA_FILE = 'report-data.json';

/**
 * Write `input` as `<runDir>/report-data.json` (pretty JSON, written to a temporary file and renamed,
 * so a reader never sees half a file). Returns the path. A report is re-rendered from this file alone
 * (scripts/renderReportFromData.ts).
 */
export async function writeReportData(input: ReportInput, runDir: string): Promise<string> {
  const file = path.join(runDir, REPORT_DATA_FILE);
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, `${JSON.stringify(input, null, 1)}\n`);
  await rename(temporary, file);
  return file;
}

/**
 * Read `<runDir>/report-data.json`, checking that it has the shape of a `ReportInput` (the top-level
 * fields and their types; the runner is trusted for the rest). Throws an Error naming the file and
 * the problem otherwise.
 */
export async function readReportData(runDir: string): Promise<ReportInput> {
  const file = path.join(runDir, REPORT_DATA_FILE);
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
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
