/**
 * Helpers for the runner tests: small, fast scenario files in a scratch folder, and the run folder's
 * exports read back for byte-for-byte comparison (without the manifest's timing and session fields).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPORT_DATA_FILE } from '../../src/report/reportData.ts';
import { removeScratchDirs, scratchDir as sharedScratchDir } from '../support/scratchDirs.ts';
import { comparisonSeeds, comparisonSpecHash, comparisonSpecJson, type ComparisonSpec } from '../../src/comparison/comparisonSpec.ts';
import { MANIFEST_SESSION_FIELDS } from '../../src/comparison/runComparison.ts';
import { chooseBaseline } from '../../src/comparison/summariseComparison.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';
import { parameterSetHash } from '../../src/runner/parameterSets.ts';
import { RunStore } from '../../src/runner/runStore.ts';
import { recordingHash, recordingJson } from '../../src/runner/recording.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION, type Recording } from '../../src/runner/recording.ts';
import type { TaskRecord } from '../../src/runner/recordTask.ts';

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

/** The series files written with `--record all`. */
export const SERIES_FILES = ['zone-series.csv', 'industry-series.csv'] as const;

/**
 * The run folder's compared exports: the CSV files verbatim, and the report data (report-data.json.gz,
 * uncompressed) with the manifest's session fields (command, workers, times) removed.
 */
export function readExports(outDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of COMPARED_FILES) out[file] = readFileSync(path.join(outDir, file), 'utf8');
  for (const file of SERIES_FILES) if (existsSync(path.join(outDir, file))) out[file] = readFileSync(path.join(outDir, file), 'utf8');
  const data = JSON.parse(gunzipSync(readFileSync(path.join(outDir, REPORT_DATA_FILE))).toString('utf8')) as { manifest: Record<string, unknown> };
  for (const field of MANIFEST_SESSION_FIELDS) delete data.manifest[field];
  out[REPORT_DATA_FILE] = JSON.stringify(data);
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

/** Provenance for runComparison calls in tests. */
export const testProvenance = { zonesimVersion: 'test', gitCommit: null, command: 'vitest' };

/** The recording of a comparison with the default `--record` (what the hand-made records are laid out for). */
export const HAND_RECORDING: Recording = comparisonRecording(DEFAULT_RECORD_OPTION);

/** A hand-made value row: [step, reporter name, zone (−1 none), industry (−1 none), value]. */
export type HandRow = [number, string, number, number, number];

/**
 * A hand-made task record laid out for {@link HAND_RECORDING}: 2 zones, 2 industries (A1, B1),
 * recorded steps 0 and 12 (years 2009 and 2010). Province rows fill the series; zone and industry
 * rows count at step 12 only (the recording keeps them at the last recorded step); every value not
 * given is undefined (NaN).
 */
export function handRecord(rows: HandRow[]): TaskRecord {
  const steps = [0, 12];
  const P = HAND_RECORDING.province.length;
  const zoneReporters = HAND_RECORDING.zone?.reporters ?? [];
  const industryReporters = HAND_RECORDING.industry?.reporters ?? [];
  const province = new Float64Array(steps.length * P).fill(Number.NaN);
  const zone = new Float64Array(zoneReporters.length * 2).fill(Number.NaN);
  const industry = new Float64Array(industryReporters.length * 2).fill(Number.NaN);
  for (const [step, name, z, j, value] of rows) {
    const s = steps.indexOf(step);
    if (s < 0) throw new Error(`hand rows are at steps 0 and 12, found ${step}`);
    if (z < 0 && j < 0) province[s * P + HAND_RECORDING.province.indexOf(name)] = value;
    else if (step === 12 && z >= 0) zone[zoneReporters.indexOf(name) * 2 + z] = value;
    else if (step === 12) industry[industryReporters.indexOf(name) * 2 + j] = value;
  }
  return {
    steps: Int32Array.from(steps),
    years: Float64Array.from([2009, 2010]),
    zoneCount: 2,
    industryCount: 2,
    province,
    zone,
    industry,
    outcomes: new Float64Array(0),
    zoneLayout: Float64Array.from([10, 20, 100, 90, 80, 200]),
    zoneLeading: Uint8Array.from([1, 0, 0, 1]),
    industryAttributes: Float64Array.from([0, 0.05, 0.03, 2, 0.8, 0.5, 0.5, 1, 0.07, 0.02, 3, 0.9, 0.4, 0.6]),
    industryNames: ['A1', 'B1'],
    nonFiniteCount: 0,
  };
}

/** A scenario of a hand-made comparison store. */
export interface HandScenario {
  readonly name: string;
  readonly overrides?: unknown;
  readonly parameters?: unknown;
  /** Record of replication r (committed in `order`, default 0, 1, …). */
  readonly records: readonly TaskRecord[];
}

/**
 * A run store holding a hand-made comparison (base seed 1): each scenario's records committed as the
 * tasks of its replications, in `order` (to check that nothing depends on the commit order).
 */
export function handComparison(
  scenarios: readonly HandScenario[],
  options: { baseline?: string | null; order?: readonly number[] } = {},
): { store: RunStore; spec: ComparisonSpec } {
  const store = RunStore.openFolder(scratchDir());
  const replications = scenarios[0].records.length;
  const recording = { hash: recordingHash(HAND_RECORDING), json: recordingJson(HAND_RECORDING) };
  const psHashes = scenarios.map((s) => parameterSetHash(`model-${s.name}`, []));
  const spec: ComparisonSpec = {
    scenarios: scenarios.map((s, i) => ({ name: s.name, parameterSetHash: psHashes[i] })),
    replications,
    baseSeed: 1,
    baseline: options.baseline === undefined ? chooseBaseline(scenarios.map((s) => s.name)) : options.baseline,
    record: DEFAULT_RECORD_OPTION,
    recordingHash: recording.hash,
  };
  store.beginRun({ zonesimVersion: 'test', codeFingerprint: 'f', analysis: 'comparison', analysisHash: comparisonSpecHash(spec), analysisJson: comparisonSpecJson(spec), shard: null });
  const recordingId = store.registerRecording(recording.hash, recording.json);
  const seeds = comparisonSeeds(1, replications);
  scenarios.forEach((s, i) => {
    const parameters = (s.parameters ?? { zones: { regionSizeKm: 100 } }) as ModelInput['parameters'];
    const modelId = store.registerModel(`model-${s.name}`, { parameters, relatedness: null });
    const parameterSetId = store.registerParameterSet(psHashes[i], modelId, '[]');
    store.putScenario({ name: s.name, parameterSetId, file: `${s.name}.yaml`, description: `the ${s.name}`, contentHash: `hash-${s.name}`, sourceText: `name: ${s.name}\n`, overridesJson: JSON.stringify(s.overrides ?? {}) });
    for (const r of options.order ?? s.records.map((_, k) => k)) store.commitTask({ parameterSetId, replication: r, seed: seeds[r], recordingId }, 1, s.records[r]);
  });
  return { store, spec };
}
