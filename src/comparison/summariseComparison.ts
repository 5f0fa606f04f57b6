/**
 * The comparison's statistics, from its tasks in the run store to the report's data
 * ({@link ReportInput}): per-step means with 95% t-intervals, end-state distributions, paired
 * differences against the baseline, zone maps and the levers table. Every statistic is computed by
 * src/statistics (meanConfidenceInterval, summariseEndState, pairedDifference); this file only gathers
 * the values, in replication order, so the result is the same however the tasks were computed (worker
 * count, completion order, interruptions, shards).
 */
import { pairedDifference, summariseEndState } from '../statistics/index.ts';
import { reporterByName } from '../outcomes/reporters.ts';
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
import { scopeValueIndex, type Recording } from '../runner/recording.ts';
import type { RunStore } from '../runner/runStore.ts';
import type { LocatedComparison, LocatedScenario } from './comparisonSpec.ts';
import { countMeanInterval } from './countMeanInterval.ts';
import { differenceVerdict } from '../statistics/differenceVerdict.ts';
import { pairsAreFloatingPointResidue } from '../statistics/floatingPointResidue.ts';
import { chooseGroupReferences } from './groupReferences.ts';
import { scaleFactsOf, scenarioScaleGroup } from './scenarioScaleGroup.ts';

/** Options of {@link summariseComparison}. */
export interface SummariseComparisonOptions {
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

/** The report's description of a province reporter. */
function reportMetric(name: string): ReportMetric {
  const r = reporterByName(name);
  return { name: r.name, label: r.label, unit: r.unit, rules: [...r.rules], description: r.description, scope: r.scope };
}

/** The province values of one scenario: per reporter (recording order), per recorded step, the value of each replication (NaN = undefined). */
interface ScenarioValues {
  readonly scenario: LocatedScenario;
  readonly steps: readonly { step: number; year: number }[];
  /** values[p][s][r]: reporter p, step index s, replication r. */
  readonly values: readonly (readonly Float64Array[])[];
}

function loadScenarioValues(store: RunStore, scenario: LocatedScenario, reporterCount: number): ScenarioValues {
  const R = scenario.taskIds.length;
  let steps: { step: number; year: number }[] = [];
  let values: Float64Array[][] = [];
  scenario.taskIds.forEach((id, r) => {
    const record = store.taskProvince(id);
    if (record === null) throw new Error(`task ${id} of scenario "${scenario.stored.name}" is not in the run store`);
    if (r === 0) {
      steps = Array.from(record.steps, (step, i) => ({ step, year: record.years[i] }));
      values = Array.from({ length: reporterCount }, () => Array.from({ length: steps.length }, () => new Float64Array(R).fill(Number.NaN)));
    }
    const S = Math.min(steps.length, record.steps.length);
    for (let s = 0; s < S; s++) for (let p = 0; p < reporterCount; p++) values[p][s][r] = record.province[s * reporterCount + p];
  });
  return { scenario, steps, values };
}

/** The defined (non-NaN) values of a per-replication array, in replication order. */
function defined(values: Float64Array | undefined): number[] {
  const out: number[] = [];
  if (values) for (const v of values) if (!Number.isNaN(v)) out.push(v);
  return out;
}

/**
 * Build the report's data from the located comparison.
 *
 * - series: for every scenario × province metric × recorded step with at least one defined value:
 *   n, mean, sd and the 95% interval over replications (countMeanInterval: Student t, or the
 *   percentile bootstrap for counts whose t interval would reach below 0);
 * - endStates: the same at the last recorded step, plus min, max and the 5/25/50/75/95% quantiles
 *   (summariseEndState);
 * - scenarios: each with its scale group (scenarioScaleGroup, from its parameters), its end year,
 *   its reference and, when it is not compared, why (chooseGroupReferences);
 * - paired: for every compared scenario and every province metric, the paired difference
 *   scenario − reference of the end state over the replications where both are defined
 *   (pairedDifference: interval, Cohen's d_z, p-value, direction), the reference's mean over those
 *   replications and the difference in % of it; when every pair is equal within floating-point
 *   tolerance the direction is 'no-difference' (effect size 0, no p-value), whatever the t-test says,
 *   and when every difference equals their mean within that tolerance (a constant shift) the effect
 *   size d_z is undefined (null) rather than mean ÷ rounding residue;
 * - maps: each scenario's zones in replication 0 — location, final output, firms and top industry;
 * - levers: the overrides of each scenario flattened to dotted paths.
 * Entries without any defined value (n = 0) are left out; metrics without any defined value too.
 *
 * @throws Error when a task of the comparison cannot be read.
 */
export function summariseComparison(store: RunStore, comparison: LocatedComparison, options: SummariseComparisonOptions): ReportInput {
  const names = comparison.spec.scenarios.map((s) => s.name);
  const baseline = comparison.spec.baseline;
  const replications = comparison.spec.replications;
  const metricNames = comparison.recording.province;
  const P = metricNames.length;
  const data = comparison.scenarios.map((scenario) => loadScenarioValues(store, scenario, P));

  const series: ScenarioSeries[] = [];
  const endStates: EndStateSummary[] = [];
  const usedMetrics = new Set<number>();
  for (const d of data) {
    const last = d.steps.length - 1;
    for (let p = 0; p < P; p++) {
      const perStep = d.values[p];
      if (perStep === undefined || !perStep.some((values) => values.some((v) => !Number.isNaN(v)))) continue;
      usedMetrics.add(p);
      const points: SeriesPoint[] = [];
      d.steps.forEach(({ step, year }, i) => {
        const values = defined(perStep[i]);
        if (values.length === 0) return;
        const ci = countMeanInterval(values);
        points.push({
          step,
          year,
          n: ci.n,
          mean: ci.mean,
          standardDeviation: ci.standardDeviation,
          lower: ci.lower,
          upper: ci.upper,
          ...(ci.method === 't' ? {} : { intervalMethod: ci.method }),
        });
      });
      const metric = metricNames[p];
      if (points.length > 0) series.push({ scenario: d.scenario.stored.name, metric, points });
      const finals = defined(perStep[last]);
      if (finals.length > 0) {
        const ci = countMeanInterval(finals);
        const q = summariseEndState(finals);
        endStates.push({
          scenario: d.scenario.stored.name,
          metric,
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
          ...(ci.method === 't' ? {} : { intervalMethod: ci.method }),
        });
      }
    }
  }

  const finalYear = (d: ScenarioValues): number | null => d.steps[d.steps.length - 1]?.year ?? null;
  const groups = new Map(
    data.map((d) => [d.scenario.stored.name, scenarioScaleGroup(scaleFactsOf(d.scenario.parameters as Record<string, unknown>))]),
  );
  const base = data.find((d) => d.scenario.stored.name === baseline);
  const roles = chooseGroupReferences(
    data.map((d) => ({
      name: d.scenario.stored.name,
      group: groups.get(d.scenario.stored.name) ?? 'teaching',
      endYear: finalYear(d),
      parameters: flattenOverrides(d.scenario.parameters),
    })),
    base ? base.scenario.stored.name : null,
  );
  const byName = new Map(data.map((d) => [d.scenario.stored.name, d]));
  const paired: PairedComparison[] = [];
  for (const d of data) {
    const referenceName = roles.get(d.scenario.stored.name)?.reference ?? null;
    const reference = referenceName === null ? undefined : byName.get(referenceName);
    // Compared only within a scale group and at the same end date (chooseGroupReferences).
    if (reference === undefined) continue;
    for (let p = 0; p < P; p++) {
      const treatmentValues = d.values[p]?.[d.steps.length - 1];
      const controlValues = reference.values[p]?.[reference.steps.length - 1];
      if (!treatmentValues || !controlValues) continue;
      const treatment: number[] = [];
      const control: number[] = [];
      for (let r = 0; r < replications; r++) {
        const t = treatmentValues[r];
        const c = controlValues[r];
        if (!Number.isNaN(t) && !Number.isNaN(c)) {
          treatment.push(t);
          control.push(c);
        }
      }
      if (treatment.length === 0) continue;
      const result = pairedDifference(treatment, control);
      const referenceMean = control.reduce((sum, v) => sum + v, 0) / control.length;
      // The page's verdict, with its thresholds (floating-point residue; ± 5 % of the reference mean).
      const verdict = differenceVerdict(treatment, control).verdict;
      const residue = result.direction !== 'no-difference' && verdict === 'no difference';
      // A constant shift (every difference equal to the mean within floating-point tolerance) has no
      // standard deviation, only residue: d_z = mean / residue would be ~1e15, so it is undefined.
      const constantShift =
        !residue && result.direction !== 'no-difference' && pairsAreFloatingPointResidue(result.differences, result.differences.map(() => result.meanDifference));
      paired.push({
        scenario: d.scenario.stored.name,
        baseline: reference.scenario.stored.name,
        metric: metricNames[p],
        n: result.n,
        meanDifference: result.meanDifference,
        lower: result.lower,
        upper: result.upper,
        effectSize: residue ? 0 : constantShift ? null : result.cohensDz,
        pValue: residue ? null : result.pValue,
        direction: residue ? 'no-difference' : verdict === 'no effect that matters' ? 'no-effect-that-matters' : result.direction,
        referenceMean,
        percentOfReference: referenceMean === 0 ? null : (100 * result.meanDifference) / Math.abs(referenceMean),
      });
    }
  }

  const scenarios: ReportScenario[] = data.map(({ scenario: { stored } }, i) => {
    const role = roles.get(stored.name);
    return {
      name: stored.name,
      description: stored.description,
      file: stored.file,
      contentHash: stored.contentHash,
      sourceText: stored.sourceText,
      overrides: flattenOverrides(JSON.parse(stored.overridesJson)),
      scaleGroup: groups.get(stored.name) ?? 'teaching',
      endYear: finalYear(data[i]),
      reference: role?.reference ?? null,
      notCompared: role?.notCompared ?? null,
    };
  });

  const first = comparison.scenarios[0];
  const firstTask = first ? store.task(first.taskIds[0]) : null;
  const industryNames = firstTask ? [...firstTask.record.industryNames] : [];
  const maps = comparison.scenarios.map((scenario) => scenarioMap(store, comparison.recording, scenario));

  return {
    title: options.title ?? defaultTitle(names.length, replications),
    manifest: options.manifest,
    scenarios,
    baseline: base ? base.scenario.stored.name : null,
    metrics: metricNames.filter((_, p) => usedMetrics.has(p)).map(reportMetric),
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

/** Zones of replication 0 at the last recorded step: location, output, firms, top industry. */
function scenarioMap(store: RunStore, recording: Recording, scenario: LocatedScenario): ScenarioMap {
  const name = scenario.stored.name;
  const regionSizeKm = scenario.parameters.zones?.regionSizeKm ?? 0;
  const task = scenario.taskIds.length > 0 ? store.task(scenario.taskIds[0]) : null;
  if (task === null || recording.zone === null) return { scenario: name, replication: 0, regionSizeKm, zones: [] };
  const { record } = task;
  const Z = record.zoneCount;
  const M = recording.zone.reporters.length;
  const lastStep = record.zone.length / (M * Z) - 1;
  const valueOf = (reporter: string, z: number): number | null => {
    const m = recording.zone?.reporters.indexOf(reporter) ?? -1;
    if (m < 0 || Z === 0) return null;
    const v = record.zone[scopeValueIndex(lastStep, m, z, Z, M)];
    return Number.isNaN(v) ? null : v;
  };
  const zones: MapZone[] = [];
  for (let z = 0; z < Z; z++) {
    const topIndustry = valueOf('zoneTopIndustry', z);
    zones.push({
      zone: z,
      xKm: record.zoneLayout[z * 3],
      yKm: record.zoneLayout[z * 3 + 1],
      output: valueOf('zoneOutput', z) ?? 0,
      firms: valueOf('zoneFirms', z) ?? 0,
      topIndustry,
      topIndustryName: topIndustry === null ? null : (record.industryNames[topIndustry] ?? null),
    });
  }
  return { scenario: name, replication: 0, regionSizeKm, zones };
}
