/**
 * From what one replication recorded to the model's counterpart of every target: a pure function of
 * the targets and the recorded steps (the `RecordedStep`s of src/outcomes/collectReporters.ts, as
 * `simulateModel(input, seed, observe)` hands them out), plus the reference scenario's records for
 * contrasts. Pure module.
 */
import { medianSorted } from 'simple-statistics';
import type { RecordedStep } from '../outcomes/collectReporters.ts';
import { log } from '../model/deterministicMath.ts';
import type { CalibrationTarget, ContrastKind, ReporterMeasurement, TargetStatistic, UnitSelection } from './calibrationDefinition.ts';
import { measurementsOf } from './calibrationDefinition.ts';
import { recordedStepOf, recordedStepsBetween, type RecordedTimeGrid } from './recordedTimeGrid.ts';

/** One reporter at one step: its province value, or its value per zone (industry) index. */
export interface RecordedReporter {
  province: number;
  readonly units: Map<number, number>;
}

/** A replication's records indexed by step and reporter. */
export type IndexedRecords = ReadonlyMap<number, ReadonlyMap<string, RecordedReporter>>;

/**
 * Index recorded steps by step and reporter (values left out by the collector — undefined
 * reporters — are simply absent).
 *
 * @example const indexed = indexRecords(steps); indexed.get(48)?.get('firms')?.province
 */
export function indexRecords(records: readonly RecordedStep[]): IndexedRecords {
  const index = new Map<number, Map<string, RecordedReporter>>();
  for (const record of records) {
    const byReporter = new Map<string, RecordedReporter>();
    for (const value of record.values) {
      let entry = byReporter.get(value.metric);
      if (entry === undefined) {
        entry = { province: Number.NaN, units: new Map() };
        byReporter.set(value.metric, entry);
      }
      const unit = value.zone ?? value.industry;
      if (unit === null) entry.province = value.value;
      else entry.units.set(unit, value.value);
    }
    index.set(record.step, byReporter);
  }
  return index;
}

function median(sorted: number[]): number {
  return sorted.length === 0 ? Number.NaN : medianSorted(sorted);
}

/**
 * A zone or industry reporter reduced to one number (see UNIT_AGGREGATE_TEXT): over the units with a
 * defined value; the sum and count of no units are 0, the other aggregates of no units NaN.
 *
 * @example aggregateUnits([3, 1, 2], { kind: 'aggregate', aggregate: 'maxOverMedian', threshold: null }) // 1.5
 */
export function aggregateUnits(values: readonly number[], selection: Extract<UnitSelection, { kind: 'aggregate' }>): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  switch (selection.aggregate) {
    case 'sum':
      return sorted.reduce((s, v) => s + v, 0);
    case 'mean':
      return n > 0 ? sorted.reduce((s, v) => s + v, 0) / n : Number.NaN;
    case 'median':
      return median(sorted);
    case 'min':
      return n > 0 ? sorted[0] : Number.NaN;
    case 'max':
      return n > 0 ? sorted[n - 1] : Number.NaN;
    case 'maxOverMedian': {
      const m = median(sorted);
      return m > 0 ? sorted[n - 1] / m : Number.NaN;
    }
    case 'countAbove':
      return sorted.filter((v) => v > selection.threshold!).length;
    case 'shareAbove':
      return n > 0 ? sorted.filter((v) => v > selection.threshold!).length / n : Number.NaN;
  }
}

function measurementAt(records: IndexedRecords, measurement: ReporterMeasurement, step: number): number {
  const entry = records.get(step)?.get(measurement.reporter);
  const selection = measurement.selection;
  if (selection === null) return entry?.province ?? Number.NaN;
  if (selection.kind === 'unit') return entry?.units.get(selection.index) ?? Number.NaN;
  return aggregateUnits(entry === undefined ? [] : [...entry.units.values()], selection);
}

function stepOf(date: Parameters<typeof recordedStepOf>[0], grid: RecordedTimeGrid): number {
  const step = recordedStepOf(date, grid);
  if (step === null) throw new RangeError(`evaluateTargetStatistics: ${JSON.stringify(date)} is not a recorded instant (the calibration file was not checked against its scenario)`);
  return step;
}

/**
 * The value of one statistic in one replication (NaN where a reporter is undefined).
 *
 * Formulas: at an instant, the (reduced) reporter; `change` v(to) − v(from); `sum` Σ v over the
 * records after `from` up to `to`; `mean` that sum over their count; `ratio` a / b; `difference`
 * a − b.
 *
 * @example evaluateStatistic(target.statistic, indexRecords(steps), timeGridOf(parameters))
 */
export function evaluateStatistic(statistic: TargetStatistic, records: IndexedRecords, grid: RecordedTimeGrid): number {
  if (statistic.type !== 'reporter') {
    const a = evaluateStatistic(statistic.operands[0], records, grid);
    const b = evaluateStatistic(statistic.operands[1], records, grid);
    return statistic.type === 'ratio' ? (b !== 0 ? a / b : Number.NaN) : a - b;
  }
  const time = statistic.time;
  if (time.kind === 'at') return measurementAt(records, statistic, stepOf(time.date, grid));
  const from = stepOf(time.from, grid);
  const to = stepOf(time.to, grid);
  if (time.kind === 'change') return measurementAt(records, statistic, to) - measurementAt(records, statistic, from);
  const steps = recordedStepsBetween(from, to, grid);
  let sum = 0;
  for (const step of steps) sum += measurementAt(records, statistic, step);
  return time.kind === 'sum' ? sum : sum / steps.length;
}

/**
 * A contrast of the scenario's value with the reference's: a / b, a − b or ln(a / b) (NaN when
 * undefined).
 *
 * @example contrastValues(1.2, 1, 'logRatio') // 0.1823215567939546
 */
export function contrastValues(scenario: number, reference: number, kind: ContrastKind): number {
  switch (kind) {
    case 'ratio':
      return reference !== 0 ? scenario / reference : Number.NaN;
    case 'difference':
      return scenario - reference;
    case 'logRatio':
      return scenario > 0 && reference > 0 ? log(scenario / reference) : Number.NaN;
  }
}

/**
 * The model statistic of every target in one replication.
 *
 * @param targets the calibration's targets.
 * @param records the scenario's recorded steps (at least those {@link requiredRecordSteps} names).
 * @param grid the scenario's recording schedule.
 * @param referenceRecords the reference scenario's recorded steps (same seed), or null.
 * @param referenceGrid the reference's schedule (default: the scenario's).
 * @returns one value per target (NaN = undefined).
 * @throws {RangeError} when a target has a contrast but no reference records are given.
 * @example computeTargetStatistics(definition.targets, steps, timeGridOf(parameters), null)
 */
export function computeTargetStatistics(
  targets: readonly CalibrationTarget[],
  records: readonly RecordedStep[],
  grid: RecordedTimeGrid,
  referenceRecords: readonly RecordedStep[] | null,
  referenceGrid: RecordedTimeGrid = grid,
): Float64Array {
  return statisticsOfIndexedRecords(targets, indexRecords(records), grid, referenceRecords === null ? null : indexRecords(referenceRecords), referenceGrid);
}

/**
 * {@link computeTargetStatistics} of records already indexed (by {@link indexRecords}, or from a
 * stored task by src/calibration/taskRecordIndex.ts).
 *
 * @example statisticsOfIndexedRecords(targets, indexTaskRecord(record, recording), grid, null)
 */
export function statisticsOfIndexedRecords(
  targets: readonly CalibrationTarget[],
  indexed: IndexedRecords,
  grid: RecordedTimeGrid,
  referenceIndexed: IndexedRecords | null,
  referenceGrid: RecordedTimeGrid = grid,
): Float64Array {
  return Float64Array.from(targets, (target) => {
    const value = evaluateStatistic(target.statistic, indexed, grid);
    if (target.contrast === null) return value;
    if (referenceIndexed === null) throw new RangeError(`computeTargetStatistics: target ${target.name} is a contrast but no reference records were given`);
    return contrastValues(value, evaluateStatistic(target.statistic, referenceIndexed, referenceGrid), target.contrast);
  });
}

/**
 * What a replication must record for these targets: the reporters, whether zone and industry
 * reporters are needed, and the steps (instants and every record inside periods).
 *
 * @param targets the targets (with `contrast` when only those for the reference are wanted).
 * @param grid the recording schedule.
 * @example requiredRecordSteps(targets, grid).steps // Set {36, 48}
 */
export function requiredRecordSteps(
  targets: readonly CalibrationTarget[],
  grid: RecordedTimeGrid,
): { readonly reporters: string[]; readonly zones: boolean; readonly industries: boolean; readonly steps: Set<number> } {
  const reporterNames = new Set<string>();
  const steps = new Set<number>();
  let zones = false;
  let industries = false;
  for (const target of targets) {
    for (const measurement of measurementsOf(target.statistic)) {
      reporterNames.add(measurement.reporter);
      zones ||= measurement.scope === 'zone';
      industries ||= measurement.scope === 'industry';
      const time = measurement.time;
      if (time.kind === 'at') {
        steps.add(stepOf(time.date, grid));
      } else {
        const from = stepOf(time.from, grid);
        const to = stepOf(time.to, grid);
        steps.add(from);
        for (const step of recordedStepsBetween(from, to, grid)) steps.add(step);
      }
    }
  }
  return { reporters: [...reporterNames], zones, industries, steps };
}
