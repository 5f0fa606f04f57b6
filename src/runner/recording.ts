/**
 * What a task records: a declarative {@link Recording} (which reporters of src/outcomes/reporters.ts,
 * at which steps, reduced how), its canonical JSON and hash (part of a task's identity in the run
 * store), and the layout of the values a task returns (see {@link TaskRecord} in recordTask.ts).
 *
 * Why a recording is part of the task: a comparison wants every province series plus the zones and
 * industries at the end; an experiment with 10⁵ runs wants three numbers per run; a calibration wants
 * its summary statistics. One task kind with a recording covers all of them, and the store holds only
 * what was asked for.
 *
 * Value layouts (all little-endian IEEE 754 doubles, NaN where a reporter is undefined):
 * - province: `S × P`, index `s × P + p` (S recorded steps, P province reporters of the recording);
 * - zone: `S_z × M × Z`, index `(s × M + m) × Z + z` (S_z = 1 for 'final', the last recorded step;
 *   S_z = S for 'every'; M zone reporters; Z zones);
 * - industry: `S_i × M × K`, index `(s × M + m) × K + j`;
 * - outcomes: one value per outcome, in outcome order.
 */
import { createHash } from 'node:crypto';
import { reporterByName, reportersOfScope } from '../outcomes/reporters.ts';

/** At which recorded steps zone or industry reporters are kept: the last one only, or every one. */
export type RecordedSteps = 'final' | 'every';

/** How an outcome reduces a province reporter's recorded values to one number per task. */
export type OutcomeReduction = 'final' | 'mean';

/** Zone or industry reporters to record, and at which steps. */
export interface ScopeRecording {
  /** Reporter names of that scope, in the order they are stored. */
  readonly reporters: readonly string[];
  readonly steps: RecordedSteps;
}

/**
 * What one task records. Plain JSON data (it crosses to worker threads and is stored as JSON).
 *
 * @example comparisonRecording({ zoneSeries: false, industrySeries: false }).zone?.steps // 'final'
 */
export interface Recording {
  /** Province reporters recorded at every recorded step (a series each), in stored order. */
  readonly province: readonly string[];
  /** Zone reporters (null: none). */
  readonly zone: ScopeRecording | null;
  /** Industry reporters (null: none). */
  readonly industry: ScopeRecording | null;
  /**
   * One number per outcome: a province reporter's value at the last recorded step ('final', NaN when
   * undefined there) or its mean over the recorded steps where it is defined ('mean').
   */
  readonly outcomes: readonly { readonly reporter: string; readonly statistic: OutcomeReduction }[];
  /** Record the final zone layout (location, planned area, leading industries) and the industry attributes. */
  readonly layout: boolean;
}

/** Which zone and industry series a comparison keeps (`--record`). */
export interface RecordOption {
  /** Zone reporters at every recorded step (else at the last recorded step only). */
  readonly zoneSeries: boolean;
  /** Industry reporters at every recorded step (else at the last recorded step only). */
  readonly industrySeries: boolean;
}

/** The default `--record`: zone and industry values at the last recorded step only. */
export const DEFAULT_RECORD_OPTION: RecordOption = { zoneSeries: false, industrySeries: false };

/**
 * Parse `--record`: `final` (the default: zone and industry values at the last recorded step only),
 * `zones`, `industries`, `zones,industries` or `all` (their series at every recorded step).
 *
 * @returns the option, or null when the text is none of these.
 * @example parseRecordOption('zones') // { zoneSeries: true, industrySeries: false }
 */
export function parseRecordOption(text: string): RecordOption | null {
  const words = text.split(',').map((w) => w.trim().toLowerCase());
  if (words.length === 1 && words[0] === 'final') return DEFAULT_RECORD_OPTION;
  if (words.length === 1 && words[0] === 'all') return { zoneSeries: true, industrySeries: true };
  if (words.length === 0 || words.some((w) => w !== 'zones' && w !== 'industries')) return null;
  return { zoneSeries: words.includes('zones'), industrySeries: words.includes('industries') };
}

/**
 * `--record` in words for manifests and messages: `final`, `zones`, `industries` or `all`.
 *
 * @example formatRecordOption({ zoneSeries: true, industrySeries: true }) // 'all'
 */
export function formatRecordOption(option: RecordOption): string {
  if (option.zoneSeries && option.industrySeries) return 'all';
  if (option.zoneSeries) return 'zones';
  if (option.industrySeries) return 'industries';
  return 'final';
}

/**
 * The recording of a comparison: every province reporter's series, every zone and industry reporter
 * at the last recorded step (or at every step, per `option`), and the final layout.
 */
export function comparisonRecording(option: RecordOption): Recording {
  const names = (scope: 'province' | 'zone' | 'industry'): string[] => reportersOfScope(scope).map((r) => r.name);
  return {
    province: names('province'),
    zone: { reporters: names('zone'), steps: option.zoneSeries ? 'every' : 'final' },
    industry: { reporters: names('industry'), steps: option.industrySeries ? 'every' : 'final' },
    outcomes: [],
    layout: true,
  };
}

/**
 * The recording of an experiment (or any analysis that needs a few numbers per run): only the
 * outcomes, nothing else.
 *
 * @throws Error when an outcome names no province reporter.
 */
export function outcomeRecording(outcomes: readonly { readonly reporter: string; readonly statistic: OutcomeReduction }[]): Recording {
  for (const o of outcomes) {
    if (reporterByName(o.reporter).scope !== 'province') throw new Error(`outcome reporter "${o.reporter}" is not a province reporter`);
  }
  return { province: [], zone: null, industry: null, outcomes: outcomes.map((o) => ({ reporter: o.reporter, statistic: o.statistic })), layout: false };
}

/**
 * The recording of a run that needs only some province series (a claim's robustness variants: the
 * claims' outcomes at every recorded step): those reporters, no zone or industry values, no layout.
 * A task of it stores a few hundred bytes where a comparison's stores ~12–40 kB.
 *
 * @param reporters province reporter names, in stored order (duplicates are an error).
 * @throws Error when a name is not a province reporter or is listed twice.
 * @example provinceSeriesRecording(['output', 'firms']).zone // null
 */
export function provinceSeriesRecording(reporters: readonly string[]): Recording {
  const seen = new Set<string>();
  for (const name of reporters) {
    if (reporterByName(name).scope !== 'province') throw new Error(`province series reporter "${name}" is not a province reporter`);
    if (seen.has(name)) throw new Error(`province series reporter "${name}" is listed twice`);
    seen.add(name);
  }
  return { province: [...reporters], zone: null, industry: null, outcomes: [], layout: false };
}

/** The canonical JSON of a recording (fixed key order): what is stored and hashed. */
export function recordingJson(recording: Recording): string {
  const scope = (s: ScopeRecording | null) => (s === null ? null : { reporters: [...s.reporters], steps: s.steps });
  return JSON.stringify({
    province: [...recording.province],
    zone: scope(recording.zone),
    industry: scope(recording.industry),
    outcomes: recording.outcomes.map((o) => ({ reporter: o.reporter, statistic: o.statistic })),
    layout: recording.layout,
  });
}

/**
 * SHA-256 (hex) of a recording's canonical JSON.
 *
 * @example recordingHash(comparisonRecording(DEFAULT_RECORD_OPTION)).length // 64
 */
export function recordingHash(recording: Recording): string {
  return createHash('sha256').update('zonesim-recording\0').update(recordingJson(recording)).digest('hex');
}

/**
 * Index of value (step s, reporter m, zone or industry i) in a zone or industry array of `units`
 * zones or industries and `reporterCount` reporters.
 *
 * @example scopeValueIndex(0, 2, 5, 180, 15) // (0 × 15 + 2) × 180 + 5 = 365
 */
export function scopeValueIndex(stepIndex: number, reporter: number, unit: number, units: number, reporterCount: number): number {
  return (stepIndex * reporterCount + reporter) * units + unit;
}
