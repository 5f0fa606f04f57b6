import type { ModelInput } from '../../../src/model/modelInput.ts';
import type { ModelState } from '../../../src/model/modelState.ts';
import { replicationSeed } from '../../../src/model/randomStreams.ts';
import { simulateModel } from '../../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../../src/outcomes/collectReporters.ts';
import { tidyCsvLines } from '../../../src/runner/tidyCsv.ts';
import { pairedDifference, type PairedDifference } from '../../../src/statistics/pairedDifference.ts';
import { studentTQuantile } from '../../../src/statistics/studentTQuantile.ts';
import { inputWith } from '../../support/modelInputs.ts';

/**
 * Shared machinery of the lever tests (R7–R16): scenario overrides, paired replications with common
 * random numbers, outcome extractors and the tidy-CSV fingerprint of a run.
 */

/** A nested partial parameter object, as written in a scenario file. */
export type Overrides = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merge override objects left to right (later wins); the inputs are not modified. */
export function mergeOverrides(...layers: Overrides[]): Overrides {
  const out: Overrides = {};
  const into = (target: Record<string, unknown>, source: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(source)) {
      if (isPlainObject(value)) {
        if (!isPlainObject(target[key])) target[key] = {};
        into(target[key] as Record<string, unknown>, value);
      } else {
        target[key] = Array.isArray(value) ? [...value] : value;
      }
    }
  };
  for (const layer of layers) into(out, layer);
  return out;
}

/** Model input: defaults, then each layer of overrides in turn. */
export function leverInput(...layers: Overrides[]): ModelInput {
  return inputWith(mergeOverrides(...layers));
}

/**
 * The small, fast scenario of the comparative statics: 7 years (monthly steps, recorded every year),
 * 7 zones, 450 projects a year, 200 initial firms, at the default (Henan) project sizes. Zones service
 * 150 ha a year within a quota of 3,000 ha, so that land does not bind in every zone from the first
 * years (450 projects of about 5 ha would fill 7 zones at the default 60 ha a year, and a full zone
 * hides every utility lever behind its land).
 */
export const leverBase: Overrides = {
  time: { years: 7 },
  zones: { count: 7, servicingPaceHaPerYear: 150 },
  projects: { perYear: 450 },
  firms: { initialCount: 200 },
  land: { quotaHaPerYear: 3000 },
};

/** Province reporters recorded at one recording step. */
export interface RecordedProvince {
  readonly step: number;
  readonly values: ReadonlyMap<string, number>;
}

/** One replication: province reporters at every recording step, and the final state. */
export interface LeverRun {
  readonly records: readonly RecordedProvince[];
  readonly final: ModelState;
}

/** Run one replication and keep its province-level reporters. */
export function runOnce(input: ModelInput, seed: number): LeverRun {
  const collect = createReporterCollector({ zones: false, industries: false });
  const records: RecordedProvince[] = [];
  const final = simulateModel(input, seed, (state) => {
    const recorded = collect(state);
    records.push({ step: recorded.step, values: new Map(recorded.values.map((v) => [v.metric, v.value])) });
  });
  return { records, final };
}

/** A scalar outcome of one replication. */
export type Outcome = (run: LeverRun) => number;

function valueOf(record: RecordedProvince, name: string): number {
  const v = record.values.get(name);
  if (v === undefined) throw new Error(`reporter ${name} is undefined at step ${record.step}`);
  return v;
}

/** The reporter's value at the last recording. */
export const finalValue = (name: string): Outcome => (run) => valueOf(run.records[run.records.length - 1], name);

/** The reporter's value at the recording after `step` completed steps. */
export const valueAtStep = (name: string, step: number): Outcome => (run) => {
  const record = run.records.find((r) => r.step === step);
  if (!record) throw new Error(`no recording at step ${step}`);
  return valueOf(record, name);
};

/** Sum of a per-period reporter (entries, exits, …) over every recording: its total over the run. */
export const totalOverRun = (name: string): Outcome => (run) =>
  run.records.reduce((sum, record) => sum + (record.values.get(name) ?? 0), 0);

/** Mean of a reporter over the recordings after step 0 (its time average). */
export const meanOverRun = (name: string): Outcome => (run) => {
  const later = run.records.filter((r) => r.step > 0);
  return later.reduce((sum, r) => sum + valueOf(r, name), 0) / later.length;
};

/** Base seed of every comparative-statics experiment (the date of the speech). */
export const LEVER_BASE_SEED = 20090622;

/** The result of a paired experiment, with the significance threshold used. */
export interface LeverComparison extends PairedDifference {
  /** t_{0.995, n−1}: |t| above it means p < 0.01 two-sided. */
  readonly threshold: number;
  readonly control: readonly number[];
  readonly treatment: readonly number[];
}

/**
 * Run `replications` paired replications: replication r of both arms uses replicationSeed(base, r),
 * so the arms share every random stream (common random numbers) and differ only by the lever.
 */
export function compareArms(
  control: ModelInput,
  treatment: ModelInput,
  outcome: Outcome,
  replications = 24,
  baseSeed = LEVER_BASE_SEED,
): LeverComparison {
  const c: number[] = [];
  const t: number[] = [];
  for (let r = 0; r < replications; r++) {
    const seed = replicationSeed(baseSeed, r);
    c.push(outcome(runOnce(control, seed)));
    t.push(outcome(runOnce(treatment, seed)));
  }
  const result = pairedDifference(t, c, 0.99);
  return { ...result, threshold: studentTQuantile(0.995, replications - 1), control: c, treatment: t };
}

/** A one-line summary of a comparison for the test log. */
export function describeComparison(label: string, result: LeverComparison): string {
  const t =
    result.tStatistic !== null
      ? result.tStatistic.toFixed(2)
      : result.direction === 'no-difference'
        ? 'none (every difference is 0)'
        : 'infinite (every difference is the same)';
  return `${label}: mean paired difference ${result.meanDifference.toPrecision(4)}, t = ${t} (threshold ${result.threshold.toFixed(2)}, n = ${result.n})`;
}

/**
 * True when the paired difference is significant at p < 0.01 (two-sided) in the stated direction:
 * |t| > t_{0.995, n−1} with the sign of `direction`. All differences equal and non-zero (zero
 * variance) count as significant: the lever then moves the outcome by the same amount in every
 * replication, which is the strongest possible evidence.
 */
export function isSignificantInDirection(result: LeverComparison, direction: 'increase' | 'decrease'): boolean {
  const sign = direction === 'increase' ? 1 : -1;
  if (!(sign * result.meanDifference > 0)) return false;
  if (result.tStatistic === null) return result.standardDeviation === 0 && result.n >= 2;
  return sign * result.tStatistic > result.threshold;
}

/** The full tidy CSV (every reporter, zone and industry scopes included) of one replication. */
export function tidyCsvOfRun(input: ModelInput, seed: number): string {
  const collect = createReporterCollector();
  let text = '';
  simulateModel(input, seed, (state) => {
    text += tidyCsvLines('lever', 0, seed, collect(state));
  });
  return text;
}

/**
 * Run a paired experiment, log its summary under `label` (collected in `log`), and return it. The
 * caller asserts the direction with {@link isSignificantInDirection}.
 */
export function measureLever(
  log: string[],
  label: string,
  layers: { readonly base?: Overrides; readonly control: Overrides; readonly treatment: Overrides },
  outcome: Outcome,
  replications = 24,
): LeverComparison {
  const base = mergeOverrides(leverBase, layers.base ?? {});
  const result = compareArms(leverInput(base, layers.control), leverInput(base, layers.treatment), outcome, replications);
  log.push(describeComparison(label, result));
  return result;
}

/**
 * The metrics whose recorded values differ between two tidy CSV texts, matching rows by (step, zone,
 * industry, metric) — so a value present in one run and undefined (left out) in the other counts too.
 */
export function differingMetrics(a: string, b: string): string[] {
  const keyed = (text: string): Map<string, string> => {
    const rows = new Map<string, string>();
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const f = line.split(',');
      rows.set(`${f[3]},${f[5]},${f[6]},${f[7]}`, f[8]);
    }
    return rows;
  };
  const ra = keyed(a);
  const rb = keyed(b);
  const out = new Set<string>();
  for (const key of new Set([...ra.keys(), ...rb.keys()])) {
    if (ra.get(key) !== rb.get(key)) out.add(key.split(',')[3]);
  }
  return [...out].sort();
}
