/**
 * From the run store to the report's data ({@link ReportInput}): per-step means with 95% t-intervals,
 * end-state distributions, paired differences against the baseline, zone maps and the levers table.
 * Every statistic is computed by src/statistics (meanConfidenceInterval, summariseEndState,
 * pairedDifference); this file only gathers the values, in replication order, so the result is the
 * same however the replications were computed (worker count, completion order, interruptions).
 */
import { meanConfidenceInterval, pairedDifference, summariseEndState } from '../statistics/index.ts';
import { reporters } from '../outcomes/reporters.ts';
import type {
  EndStateSummary,
  MapZone,
  PairedComparison,
  ReportInput,
  ReportManifest,
  ReportMetric,
  ReportScenario,
  ScenarioMap,
  ScenarioSeries,
  SeriesPoint,
} from '../report/reportInput.ts';
import type { RunStore, StoredReplication, StoredScenario } from './runStore.ts';

/** Options of {@link summariseRun}. */
export interface SummariseRunOptions {
  /** Scenario names in display order (the order of the command line). */
  readonly scenarios: readonly string[];
  /** Replications 0 … replications − 1 of each scenario are summarised (all must be stored). */
  readonly replications: number;
  /** Baseline scenario name; null or undefined picks one with {@link chooseBaseline}. */
  readonly baseline?: string | null;
  readonly manifest: ReportManifest;
  /** Report title; a default naming the scenario and replication counts otherwise. */
  readonly title?: string;
}

/** A requested baseline is not among the run's scenarios. */
export class UnknownBaselineError extends Error {
  constructor(requested: string, names: readonly string[]) {
    super(`--baseline: expected one of the scenarios run (${names.join(', ')}), found "${requested}"`);
    this.name = 'UnknownBaselineError';
  }
}

/**
 * The scenario the others are compared with: `requested` when given (it must be one of `names`),
 * else the scenario named `baseline`, else the first one. Null when there are fewer than two
 * scenarios (nothing to compare).
 *
 * @throws {UnknownBaselineError} when `requested` is not one of `names`.
 * @example chooseBaseline(['no-zones', 'baseline']) // 'baseline'
 */
export function chooseBaseline(names: readonly string[], requested?: string | null): string | null {
  if (requested !== undefined && requested !== null) {
    if (!names.includes(requested)) throw new UnknownBaselineError(requested, names);
    return names.length >= 2 ? requested : null;
  }
  if (names.length < 2) return null;
  return names.includes('baseline') ? 'baseline' : names[0];
}

/**
 * Flatten a scenario's overrides to dotted paths (the levers table): `{ zones: { count: 12 } }` →
 * `{ 'zones.count': 12 }`. Arrays are values, not branches. Key order follows the scenario file.
 *
 * @example flattenOverrides({ choice: { relatedness: { coefficient: 1.5 } } }) // { 'choice.relatedness.coefficient': 1.5 }
 */
export function flattenOverrides(overrides: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return out;
  for (const [key, value] of Object.entries(overrides)) {
    const dotted = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(out, flattenOverrides(value, dotted));
    else out[dotted] = value;
  }
  return out;
}

/** Province-scope reporters with their metric ids (index in `reporters`), in declaration order. */
function provinceMetrics(): { id: number; metric: ReportMetric }[] {
  const out: { id: number; metric: ReportMetric }[] = [];
  reporters.forEach((r, id) => {
    if (r.scope !== 'province') return;
    out.push({ id, metric: { name: r.name, label: r.label, unit: r.unit, rules: [...r.rules], description: r.description, scope: r.scope } });
  });
  return out;
}

/** The province values of one scenario: metric id → step → value per replication (undefined = not defined). */
interface ScenarioValues {
  readonly scenario: StoredScenario;
  readonly steps: readonly { step: number; year: number }[];
  readonly finalStep: number;
  /** metric id → (step → values indexed by replication). */
  readonly byMetric: Map<number, Map<number, (number | undefined)[]>>;
  readonly replications: readonly StoredReplication[];
}

function loadScenarioValues(store: RunStore, name: string, replications: number): ScenarioValues {
  const scenario = store.scenarioByName(name);
  if (!scenario) throw new Error(`scenario "${name}" is not in the run store`);
  const stored = store.replicationsOf(scenario.id).filter((r) => r.replication < replications);
  if (stored.length !== replications) {
    const have = new Set(stored.map((r) => r.replication));
    const missing = Array.from({ length: replications }, (_, r) => r).filter((r) => !have.has(r));
    throw new Error(`scenario "${name}" has no stored result for replication(s) ${missing.slice(0, 10).join(', ')}`);
  }
  const steps = store.recordedSteps(scenario.id);
  const finalStep = steps.length > 0 ? steps[steps.length - 1].step : 0;
  const byMetric = new Map<number, Map<number, (number | undefined)[]>>();
  for (const rep of stored) {
    for (const [step, , , metricId, value] of store.valuesOf(rep, 'province')) {
      let perStep = byMetric.get(metricId);
      if (!perStep) byMetric.set(metricId, (perStep = new Map()));
      let values = perStep.get(step);
      if (!values) perStep.set(step, (values = new Array<number | undefined>(replications)));
      values[rep.replication] = value;
    }
  }
  return { scenario, steps, finalStep, byMetric, replications: stored };
}

/** The defined values of a per-replication array, in replication order. */
function defined(values: readonly (number | undefined)[] | undefined): number[] {
  const out: number[] = [];
  if (values) for (const v of values) if (v !== undefined) out.push(v);
  return out;
}

/**
 * Build the report's data from the run store.
 *
 * - series: for every scenario × province metric × recorded step with at least one defined value:
 *   n, mean, sd and the 95% t-interval over replications (meanConfidenceInterval);
 * - endStates: the same at the last recorded step, plus min, max and the 5/25/50/75/95% quantiles
 *   (summariseEndState);
 * - paired: for every scenario other than the baseline and every province metric, the paired
 *   difference scenario − baseline of the end state over the replications where both are defined
 *   (pairedDifference: interval, Cohen's d_z, p-value, direction); scenarios whose last recorded
 *   year differs from the baseline's are not compared (their end states are at different dates);
 * - maps: each scenario's zones in replication 0 — location, final output, firms and top industry;
 * - levers: the overrides of each scenario flattened to dotted paths.
 * Entries without any defined value (n = 0) are left out.
 *
 * @throws Error when a scenario or one of its replications 0 … replications − 1 is not stored.
 * @throws {UnknownBaselineError} when `options.baseline` names no scenario of the run.
 */
export function summariseRun(store: RunStore, options: SummariseRunOptions): ReportInput {
  const names = options.scenarios;
  const baseline = chooseBaseline(names, options.baseline);
  const metrics = provinceMetrics();
  const data = names.map((name) => loadScenarioValues(store, name, options.replications));

  const series: ScenarioSeries[] = [];
  const endStates: EndStateSummary[] = [];
  const usedMetrics = new Set<number>();
  for (const d of data) {
    for (const { id, metric } of metrics) {
      const perStep = d.byMetric.get(id);
      if (!perStep) continue;
      usedMetrics.add(id);
      const points: SeriesPoint[] = [];
      for (const { step, year } of d.steps) {
        const values = defined(perStep.get(step));
        if (values.length === 0) continue;
        const ci = meanConfidenceInterval(values);
        points.push({ step, year, n: ci.n, mean: ci.mean, standardDeviation: ci.standardDeviation, lower: ci.lower, upper: ci.upper });
      }
      if (points.length > 0) series.push({ scenario: d.scenario.name, metric: metric.name, points });
      const finals = defined(perStep.get(d.finalStep));
      if (finals.length > 0) {
        const ci = meanConfidenceInterval(finals);
        const q = summariseEndState(finals);
        endStates.push({
          scenario: d.scenario.name,
          metric: metric.name,
          n: ci.n,
          mean: ci.mean,
          standardDeviation: ci.standardDeviation,
          lower: ci.lower,
          upper: ci.upper,
          min: q.min,
          q05: q.p05,
          q25: q.p25,
          median: q.p50,
          q75: q.p75,
          q95: q.p95,
          max: q.max,
        });
      }
    }
  }

  const paired: PairedComparison[] = [];
  const base = data.find((d) => d.scenario.name === baseline);
  if (base) {
    const finalYear = (d: (typeof data)[number]): number | undefined => d.steps.find((s) => s.step === d.finalStep)?.year;
    for (const d of data) {
      if (d === base) continue;
      // End states are compared at the same date only: a scenario with another horizon (e.g. the
      // limiting cases, which end in 2029) has no paired comparison with the baseline.
      if (finalYear(d) !== finalYear(base)) continue;
      for (const { id, metric } of metrics) {
        const treatmentValues = d.byMetric.get(id)?.get(d.finalStep);
        const controlValues = base.byMetric.get(id)?.get(base.finalStep);
        if (!treatmentValues || !controlValues) continue;
        const treatment: number[] = [];
        const control: number[] = [];
        for (let r = 0; r < options.replications; r++) {
          const t = treatmentValues[r];
          const c = controlValues[r];
          if (t !== undefined && c !== undefined) {
            treatment.push(t);
            control.push(c);
          }
        }
        if (treatment.length === 0) continue;
        const p = pairedDifference(treatment, control);
        paired.push({
          scenario: d.scenario.name,
          baseline: base.scenario.name,
          metric: metric.name,
          n: p.n,
          meanDifference: p.meanDifference,
          lower: p.lower,
          upper: p.upper,
          effectSize: p.cohensDz,
          pValue: p.pValue,
          direction: p.direction,
        });
      }
    }
  }

  const scenarios: ReportScenario[] = data.map(({ scenario }) => ({
    name: scenario.name,
    description: scenario.description,
    file: scenario.file,
    contentHash: scenario.contentHash,
    sourceText: scenario.sourceText,
    overrides: flattenOverrides(JSON.parse(scenario.overridesJson)),
  }));

  const first = data[0];
  const industryNames = first ? store.industriesOf(first.scenario.id, 0).map((row) => row.name) : [];
  const maps = data.map((d) => scenarioMap(store, d));

  return {
    title: options.title ?? defaultTitle(names.length, options.replications),
    manifest: options.manifest,
    scenarios,
    baseline: base ? base.scenario.name : null,
    metrics: metrics.filter((m) => usedMetrics.has(m.id)).map((m) => m.metric),
    series,
    endStates,
    paired,
    maps,
    industryNames,
  };
}

function defaultTitle(scenarios: number, replications: number): string {
  return `zonesim: ${scenarios} scenario${scenarios === 1 ? '' : 's'} × ${replications} replication${replications === 1 ? '' : 's'}`;
}

const METRIC_ID = new Map(reporters.map((r, i) => [r.name, i]));

/** Zones of replication 0 at the last recorded step: location, output, firms, top industry. */
function scenarioMap(store: RunStore, d: ScenarioValues): ScenarioMap {
  const parameters = JSON.parse(d.scenario.parametersJson) as { zones?: { regionSizeKm?: number } };
  const regionSizeKm = parameters.zones?.regionSizeKm ?? 0;
  const rep0 = d.replications.find((r) => r.replication === 0);
  if (!rep0) return { scenario: d.scenario.name, replication: 0, regionSizeKm, zones: [] };
  const outputId = METRIC_ID.get('zoneOutput');
  const firmsId = METRIC_ID.get('zoneFirms');
  const topId = METRIC_ID.get('zoneTopIndustry');
  const output = new Map<number, number>();
  const firms = new Map<number, number>();
  const top = new Map<number, number>();
  for (const [step, zone, , metricId, value] of store.valuesOf(rep0)) {
    if (step !== d.finalStep || zone === null) continue;
    if (metricId === outputId) output.set(zone, value);
    else if (metricId === firmsId) firms.set(zone, value);
    else if (metricId === topId) top.set(zone, value);
  }
  const names = store.industriesOf(d.scenario.id, 0).map((row) => row.name);
  const zones: MapZone[] = store.zonesOf(d.scenario.id, 0).map((row) => {
    const topIndustry = top.get(row.zone) ?? null;
    return {
      zone: row.zone,
      xKm: row.x_km,
      yKm: row.y_km,
      output: output.get(row.zone) ?? 0,
      firms: firms.get(row.zone) ?? 0,
      topIndustry,
      topIndustryName: topIndustry === null ? null : (names[topIndustry] ?? null),
    };
  });
  return { scenario: d.scenario.name, replication: 0, regionSizeKm, zones };
}
