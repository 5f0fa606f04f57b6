/**
 * Helpers for the runner tests: small, fast scenario files in a scratch folder, and the run folder's
 * exports read back for byte-for-byte comparison (without the manifest's timing and session fields).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';
import { removeScratchDirs, scratchDir as sharedScratchDir } from '../support/scratchDirs.ts';
import { reporters } from '../../src/outcomes/reporters.ts';
import type { ReplicationRecord } from '../../src/runner/recordReplication.ts';
import { MANIFEST_SESSION_FIELDS } from '../../src/runner/runExperiment.ts';

/** A new empty scratch folder (removed by {@link removeScratchDirs}). */
export function scratchDir(prefix = 'zonesim-runner-'): string {
  return sharedScratchDir(prefix);
}

export { removeScratchDirs };

/** Text of a small scenario (3 years, few zones and projects: ~10 ms a replication). */
export function smallScenarioText(name: string, zones: number, perYear = 150, years = 3): string {
  return [
    `name: ${name}`,
    `description: Small test scenario ${name}.`,
    'time:',
    `  years: ${years}`,
    'zones:',
    `  count: ${zones}`,
    'projects:',
    `  perYear: ${perYear}`,
    'firms:',
    '  initialCount: 60',
    '',
  ].join('\n');
}

/**
 * Write small scenario files into `dir`: `baseline` (5 zones), `more-zones` (8 zones) and, when
 * asked, `no-zones` (0 zones). Returns their paths in that order.
 */
export function writeSmallScenarios(dir: string, options: { third?: boolean; perYear?: number; years?: number } = {}): string[] {
  const files: [string, string][] = [
    ['baseline.yaml', smallScenarioText('baseline', 5, options.perYear, options.years)],
    ['more-zones.yaml', smallScenarioText('more-zones', 8, options.perYear, options.years)],
  ];
  if (options.third) files.push(['no-zones.yaml', smallScenarioText('no-zones', 0, options.perYear, options.years)]);
  return files.map(([file, text]) => {
    const full = path.join(dir, file);
    writeFileSync(full, text);
    return full;
  });
}

/** The exported files compared byte for byte across runs. */
export const COMPARED_FILES = ['results.csv', 'summary.csv', 'paired.csv', 'end-state.csv', 'zones.csv', 'industries.csv'] as const;

/**
 * The run folder's compared exports: the CSV files verbatim, and report-data.json with the
 * manifest's session fields (command, workers, times) removed.
 */
export function readExports(outDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of COMPARED_FILES) out[file] = readFileSync(path.join(outDir, file), 'utf8');
  const data = JSON.parse(readFileSync(path.join(outDir, 'report-data.json'), 'utf8')) as { manifest: Record<string, unknown> };
  for (const field of MANIFEST_SESSION_FIELDS) delete data.manifest[field];
  out['report-data.json'] = JSON.stringify(data);
  return out;
}

/**
 * Compare two sets of exports file by file; on a difference, fail with the file name and the first
 * differing line (a diff of whole files would be megabytes long).
 */
export function expectSameExports(actual: Record<string, string>, expected: Record<string, string>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const file of Object.keys(expected)) {
    if (actual[file] === expected[file]) continue;
    const a = actual[file].split('\n');
    const b = expected[file].split('\n');
    let i = 0;
    while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
    const clip = (s: string | undefined) => (s === undefined ? '(end of file)' : s.length > 300 ? `${s.slice(0, 300)}…` : s);
    expect.fail(`${file} differs at line ${i + 1} (of ${a.length} vs ${b.length}):\n  actual:   ${clip(a[i])}\n  expected: ${clip(b[i])}`);
  }
}

/** Rows of a CSV text (without the header) whose first field is one of `scenarios`. */
export function rowsOf(csv: string, scenarios: readonly string[]): string[] {
  return csv
    .split('\n')
    .slice(1)
    .filter((line) => scenarios.includes(line.split(',')[0]));
}

/** Provenance for runExperiment calls in tests. */
export const testProvenance = { zonesimVersion: 'test', gitCommit: null, command: 'vitest' };

const metricId = (name: string): number => reporters.findIndex((r) => r.name === name);

/** A hand-made value row: [step, metric name, zone (−1 none), industry (−1 none), value]. */
export type HandRow = [number, string, number, number, number];

/** A hand-made replication record: 2 zones, 2 industries (A1, B1), steps 0 and 12. */
export function handRecord(rows: HandRow[]): ReplicationRecord {
  return {
    recordedSteps: Int32Array.from([0, 12]),
    recordedYears: Float64Array.from([2009, 2010]),
    rowCount: rows.length,
    steps: Int32Array.from(rows.map((r) => r[0])),
    metrics: Int32Array.from(rows.map((r) => metricId(r[1]))),
    zones: Int32Array.from(rows.map((r) => r[2])),
    industries: Int32Array.from(rows.map((r) => r[3])),
    values: Float64Array.from(rows.map((r) => r[4])),
    nonFiniteCount: 0,
    layout: { count: 2, xKm: Float64Array.from([10, 90]), yKm: Float64Array.from([20, 80]), plannedHa: Float64Array.from([100, 200]), leadingIndustries: ['A1', 'B1'] },
    industryAttributes: {
      count: 2,
      names: ['A1', 'B1'],
      chain: Int32Array.from([0, 1]),
      growthPerYear: Float64Array.from([0.05, 0.07]),
      landHaPerMcny: Float64Array.from([0.03, 0.02]),
      jobsPerMcny: Float64Array.from([2, 3]),
      capitalOutputRatio: Float64Array.from([0.8, 0.9]),
      pollutionTPerMcny: Float64Array.from([0.5, 0.4]),
      creditDependence: Float64Array.from([0.5, 0.6]),
    },
  };
}

