/**
 * One task: simulate a model input with a seed and keep what its {@link Recording} asks for, as typed
 * arrays ready to be stored (the BLOBs of the run store are these arrays' bytes). What the worker
 * threads compute; a pure function of (input, seed, recording), whichever thread runs it.
 *
 * Why typed arrays: they cross from a worker to the main thread as one memory copy each (structured
 * clone; never transferred, see taskWorkerEntry.ts) and are bound to SQLite as they are, so storing
 * a Henan-size task costs the main thread one INSERT, not 76,000.
 */
import type { ModelInput } from '../model/modelInput.ts';
import type { ModelState } from '../model/modelState.ts';
import { simulateModel } from '../model/simulateModel.ts';
import { rememberRecording } from '../outcomes/collectReporters.ts';
import {
  createReporterContext,
  prepareReporterContext,
  reporterByName,
  type IndustryReporter,
  type ProvinceReporter,
  type ReporterContext,
  type ZoneReporter,
} from '../outcomes/reporters.ts';
import type { Recording } from './recording.ts';

/** Columns of {@link TaskRecord.industryAttributes}, in order (per industry). */
export const INDUSTRY_ATTRIBUTE_COLUMNS = [
  'chain',
  'growth_per_year',
  'land_ha_per_mcny',
  'jobs_per_mcny',
  'capital_output_ratio',
  'pollution_t_per_mcny',
  'credit_dependence',
] as const;

/** Columns of {@link TaskRecord.zoneLayout}, in order (per zone). */
export const ZONE_LAYOUT_COLUMNS = ['x_km', 'y_km', 'planned_ha'] as const;

/**
 * What one task produced (layouts of the value arrays: see src/runner/recording.ts). Arrays of what
 * the recording does not ask for are empty.
 */
export interface TaskRecord {
  /** Recorded steps (completed steps; 0 = initial state) and their calendar years (startYear + step / stepsPerYear). */
  readonly steps: Int32Array;
  readonly years: Float64Array;
  readonly zoneCount: number;
  readonly industryCount: number;
  /** Province series, S × P. */
  readonly province: Float64Array;
  /** Zone values, S_z × M × Z. */
  readonly zone: Float64Array;
  /** Industry values, S_i × M × K. */
  readonly industry: Float64Array;
  /** One value per outcome. */
  readonly outcomes: Float64Array;
  /** Per zone: x_km, y_km, planned_ha (Z × 3). */
  readonly zoneLayout: Float64Array;
  /** Per zone and industry: 1 when the industry is a leading industry of the zone (Z × K). */
  readonly zoneLeading: Uint8Array;
  /** Per industry: the {@link INDUSTRY_ATTRIBUTE_COLUMNS} (K × 7). */
  readonly industryAttributes: Float64Array;
  /** Industry names (empty without layout). */
  readonly industryNames: readonly string[];
  /** Values stored as NaN because a reporter returned NaN or ±Infinity (a model defect worth reporting). */
  readonly nonFiniteCount: number;
}

/** Growable list of doubles. */
class DoubleList {
  values = new Float64Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  trimmed(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

/**
 * Run one task: simulate `input` with `seed` and record what `recording` asks for. Province reporters
 * are measured at every recorded step (flow reporters count since the previous recording), zone and
 * industry reporters only at the steps they are kept at (the last recorded step by default), outcome
 * reporters at every step for their reduction.
 *
 * @example const record = recordTask(scenario.modelInput, replicationSeed(2009, 0), comparisonRecording(DEFAULT_RECORD_OPTION));
 */
export function recordTask(input: ModelInput, seed: number, recording: Recording): TaskRecord {
  const province = recording.province.map((name) => reporterByName(name) as ProvinceReporter);
  const zone = (recording.zone?.reporters ?? []).map((name) => reporterByName(name) as ZoneReporter);
  const industry = (recording.industry?.reporters ?? []).map((name) => reporterByName(name) as IndustryReporter);
  const outcomeReporters = recording.outcomes.map((o) => reporterByName(o.reporter) as ProvinceReporter);
  const zoneEvery = recording.zone?.steps === 'every';
  const industryEvery = recording.industry?.steps === 'every';

  const steps: number[] = [];
  const years: number[] = [];
  const provinceValues = new DoubleList();
  const zoneValues = new DoubleList();
  const industryValues = new DoubleList();
  const outcomeFinal = new Float64Array(outcomeReporters.length).fill(Number.NaN);
  const outcomeSum = new Float64Array(outcomeReporters.length);
  const outcomeDefined = new Int32Array(outcomeReporters.length);
  let nonFiniteCount = 0;
  let context: ReporterContext | null = null;

  const value = (v: number | null): number => {
    if (v === null) return Number.NaN;
    if (!Number.isFinite(v)) {
      nonFiniteCount++;
      return Number.NaN;
    }
    return v;
  };

  const finalState = simulateModel(input, seed, (state: ModelState) => {
    context ??= createReporterContext(state.zones.count, state.industries.count);
    prepareReporterContext(state, context);
    const last = state.step === state.constants.totalSteps;
    const time = state.parameters.time;
    steps.push(state.step);
    years.push(time.startYear + state.step / time.stepsPerYear);
    for (const r of province) provinceValues.push(value(r.compute(state, context)));
    if (zoneEvery || (last && zone.length > 0)) {
      for (const r of zone) for (let z = 0; z < state.zones.count; z++) zoneValues.push(value(r.compute(state, z, context)));
    }
    if (industryEvery || (last && industry.length > 0)) {
      for (const r of industry) for (let j = 0; j < state.industries.count; j++) industryValues.push(value(r.compute(state, j, context)));
    }
    for (let o = 0; o < outcomeReporters.length; o++) {
      const v = value(outcomeReporters[o].compute(state, context));
      outcomeFinal[o] = v;
      if (!Number.isNaN(v)) {
        outcomeSum[o] += v;
        outcomeDefined[o]++;
      }
    }
    rememberRecording(state, context);
  });

  const outcomes = new Float64Array(outcomeReporters.length);
  recording.outcomes.forEach((o, i) => {
    outcomes[i] = o.statistic === 'final' ? outcomeFinal[i] : outcomeDefined[i] > 0 ? outcomeSum[i] / outcomeDefined[i] : Number.NaN;
  });
  const layout = recording.layout ? recordLayout(finalState) : null;
  return {
    steps: Int32Array.from(steps),
    years: Float64Array.from(years),
    zoneCount: finalState.zones.count,
    industryCount: finalState.industries.count,
    province: provinceValues.trimmed(),
    zone: zoneValues.trimmed(),
    industry: industryValues.trimmed(),
    outcomes,
    zoneLayout: layout?.zoneLayout ?? new Float64Array(0),
    zoneLeading: layout?.zoneLeading ?? new Uint8Array(0),
    industryAttributes: layout?.industryAttributes ?? new Float64Array(0),
    industryNames: layout?.industryNames ?? [],
    nonFiniteCount,
  };
}

function recordLayout(state: ModelState): Pick<TaskRecord, 'zoneLayout' | 'zoneLeading' | 'industryAttributes' | 'industryNames'> {
  const zones = state.zones;
  const z = zones.count;
  const k = state.industries.count;
  const zoneLayout = new Float64Array(z * 3);
  for (let i = 0; i < z; i++) {
    zoneLayout[i * 3] = zones.x[i];
    zoneLayout[i * 3 + 1] = zones.y[i];
    zoneLayout[i * 3 + 2] = zones.plannedHa[i];
  }
  const ind = state.industries;
  const columns = [ind.chain, ind.growth, ind.landIntensity, ind.labourIntensity, ind.capitalIntensity, ind.pollutionIntensity, ind.creditDependence];
  const industryAttributes = new Float64Array(k * columns.length);
  for (let j = 0; j < k; j++) for (let c = 0; c < columns.length; c++) industryAttributes[j * columns.length + c] = columns[c][j];
  return { zoneLayout, zoneLeading: zones.leading.slice(0, z * k), industryAttributes, industryNames: [...ind.names] };
}
