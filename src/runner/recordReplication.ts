/**
 * One replication, recorded compactly: what a worker thread computes and posts back to the runner.
 *
 * Why typed arrays: a Henan-size replication records ~76,000 values (180 zones × 15 zone reporters ×
 * 23 recordings, plus province and industry values). As columns of typed arrays they are posted
 * between threads without per-value objects (the buffers are transferred, not copied), and the main
 * thread can bind them straight into its batched SQLite inserts.
 */
import type { ModelInput } from '../model/modelInput.ts';
import type { ModelState } from '../model/modelState.ts';
import { simulateModel } from '../model/simulateModel.ts';
import { createReporterCollector } from '../outcomes/collectReporters.ts';
import { reporters } from '../outcomes/reporters.ts';

/** Index of every reporter in `reporters` (declaration order): the metric ids of the run store. */
const METRIC_INDEX: ReadonlyMap<string, number> = new Map(reporters.map((r, i) => [r.name, i]));

/** Final zone layout of a replication (the zones, not the outside option). */
export interface RecordedZoneLayout {
  readonly count: number;
  readonly xKm: Float64Array;
  readonly yKm: Float64Array;
  readonly plannedHa: Float64Array;
  /** Names of each zone's leading industries, joined by ';' (as in zones.csv). */
  readonly leadingIndustries: readonly string[];
}

/** Attributes of the industries of a replication (as in industries.csv). */
export interface RecordedIndustries {
  readonly count: number;
  readonly names: readonly string[];
  readonly chain: Int32Array;
  readonly growthPerYear: Float64Array;
  readonly landHaPerMcny: Float64Array;
  readonly jobsPerMcny: Float64Array;
  readonly capitalOutputRatio: Float64Array;
  readonly pollutionTPerMcny: Float64Array;
  readonly creditDependence: Float64Array;
}

/**
 * Everything one replication produced, as parallel columns. Row i is the value `values[i]` of metric
 * `metrics[i]` (an index into `reporters`) at recorded step `steps[i]`, for zone `zones[i]` and
 * industry `industries[i]` (−1 = not a zone / not an industry value). Rows are in recording order:
 * by step, then metric declaration order, then zone, then industry — the order of results.csv.
 */
export interface ReplicationRecord {
  /** Recorded steps in order, and their calendar years (startYear + step / stepsPerYear). */
  readonly recordedSteps: Int32Array;
  readonly recordedYears: Float64Array;
  readonly rowCount: number;
  readonly steps: Int32Array;
  readonly metrics: Int32Array;
  readonly zones: Int32Array;
  readonly industries: Int32Array;
  readonly values: Float64Array;
  /** Values left out because a reporter returned NaN or ±Infinity (a model defect worth reporting). */
  readonly nonFiniteCount: number;
  readonly layout: RecordedZoneLayout;
  readonly industryAttributes: RecordedIndustries;
}

/** Growable column buffers (doubling), trimmed at the end. */
class Columns {
  count = 0;
  steps = new Int32Array(1024);
  metrics = new Int32Array(1024);
  zones = new Int32Array(1024);
  industries = new Int32Array(1024);
  values = new Float64Array(1024);

  push(step: number, metric: number, zone: number, industry: number, value: number): void {
    if (this.count === this.values.length) this.grow();
    const i = this.count++;
    this.steps[i] = step;
    this.metrics[i] = metric;
    this.zones[i] = zone;
    this.industries[i] = industry;
    this.values[i] = value;
  }

  private grow(): void {
    const size = this.values.length * 2;
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.steps = grown(this.steps, (n) => new Int32Array(n));
    this.metrics = grown(this.metrics, (n) => new Int32Array(n));
    this.zones = grown(this.zones, (n) => new Int32Array(n));
    this.industries = grown(this.industries, (n) => new Int32Array(n));
    this.values = grown(this.values, (n) => new Float64Array(n));
  }
}

/**
 * Run one replication of a scenario with every reporter recorded at every recording step, and return
 * it as a {@link ReplicationRecord}. Deterministic: a function of (input, seed) only, whichever thread
 * runs it.
 *
 * @example const record = recordReplication(scenario.modelInput, replicationSeed(2009, 0));
 */
export function recordReplication(input: ModelInput, seed: number): ReplicationRecord {
  const collect = createReporterCollector();
  const columns = new Columns();
  const recordedSteps: number[] = [];
  const recordedYears: number[] = [];
  let nonFiniteCount = 0;
  const finalState = simulateModel(input, seed, (state) => {
    const recorded = collect(state);
    recordedSteps.push(recorded.step);
    recordedYears.push(recorded.year);
    for (const v of recorded.values) {
      if (!Number.isFinite(v.value)) {
        nonFiniteCount++;
        continue;
      }
      const metric = METRIC_INDEX.get(v.metric);
      if (metric === undefined) throw new Error(`reporter "${v.metric}" is not in the reporters list`);
      columns.push(recorded.step, metric, v.zone ?? -1, v.industry ?? -1, v.value);
    }
  });
  const n = columns.count;
  return {
    recordedSteps: Int32Array.from(recordedSteps),
    recordedYears: Float64Array.from(recordedYears),
    rowCount: n,
    steps: columns.steps.slice(0, n),
    metrics: columns.metrics.slice(0, n),
    zones: columns.zones.slice(0, n),
    industries: columns.industries.slice(0, n),
    values: columns.values.slice(0, n),
    nonFiniteCount,
    layout: zoneLayout(finalState),
    industryAttributes: industryAttributes(finalState),
  };
}

function zoneLayout(state: ModelState): RecordedZoneLayout {
  const zones = state.zones;
  const k = state.industries.count;
  const leadingIndustries: string[] = [];
  for (let z = 0; z < zones.count; z++) {
    const names: string[] = [];
    for (let j = 0; j < k; j++) if (zones.leading[z * k + j] === 1) names.push(state.industries.names[j]);
    leadingIndustries.push(names.join(';'));
  }
  return {
    count: zones.count,
    xKm: zones.x.slice(0, zones.count),
    yKm: zones.y.slice(0, zones.count),
    plannedHa: zones.plannedHa.slice(0, zones.count),
    leadingIndustries,
  };
}

function industryAttributes(state: ModelState): RecordedIndustries {
  const ind = state.industries;
  return {
    count: ind.count,
    names: [...ind.names],
    chain: ind.chain.slice(),
    growthPerYear: ind.growth.slice(),
    landHaPerMcny: ind.landIntensity.slice(),
    jobsPerMcny: ind.labourIntensity.slice(),
    capitalOutputRatio: ind.capitalIntensity.slice(),
    pollutionTPerMcny: ind.pollutionIntensity.slice(),
    creditDependence: ind.creditDependence.slice(),
  };
}

/**
 * The ArrayBuffers of a record, for `postMessage`'s transfer list (so ~1 MB per Henan replication
 * moves between threads without a copy).
 */
export function recordTransferList(record: ReplicationRecord): ArrayBuffer[] {
  const arrays = [
    record.recordedSteps,
    record.recordedYears,
    record.steps,
    record.metrics,
    record.zones,
    record.industries,
    record.values,
    record.layout.xKm,
    record.layout.yKm,
    record.layout.plannedHa,
    record.industryAttributes.chain,
    record.industryAttributes.growthPerYear,
    record.industryAttributes.landHaPerMcny,
    record.industryAttributes.jobsPerMcny,
    record.industryAttributes.capitalOutputRatio,
    record.industryAttributes.pollutionTPerMcny,
    record.industryAttributes.creditDependence,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
