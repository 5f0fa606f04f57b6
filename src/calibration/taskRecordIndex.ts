/**
 * A stored task's values as the target statistics read them: the {@link TaskRecord} of a run-store
 * task (src/runner/recordTask.ts), recorded with a {@link Recording} whose zone and industry reporters
 * are kept at every recorded step, indexed by step and reporter exactly as
 * `indexRecords(RecordedStep[])` indexes what the in-process collector hands out. Pure module.
 *
 * Why: a calibration's candidates run as ordinary tasks on the one worker pool into the one run
 * store; their statistics are computed from the stored records on the main thread, and must be the
 * ones the in-process evaluation (evaluateCalibrationCandidate.ts) computes, bit for bit. Undefined
 * values — NaN in a record, absent from the collector's output — are left out here too, so unit
 * aggregates run over the same zones (industries).
 */
import type { Recording } from '../runner/recording.ts';
import { scopeValueIndex } from '../runner/recording.ts';
import type { TaskRecord } from '../runner/recordTask.ts';
import type { IndexedRecords, RecordedReporter } from './evaluateTargetStatistics.ts';

function entryOf(byReporter: Map<string, RecordedReporter>, name: string): RecordedReporter {
  let entry = byReporter.get(name);
  if (entry === undefined) {
    entry = { province: Number.NaN, units: new Map() };
    byReporter.set(name, entry);
  }
  return entry;
}

/** Zone (industry) values of one scope at step index `s` into the index. */
function indexScope(
  byReporter: Map<string, RecordedReporter>,
  values: Float64Array,
  reporters: readonly string[],
  units: number,
  stepIndex: number,
): void {
  reporters.forEach((name, m) => {
    for (let unit = 0; unit < units; unit++) {
      const value = values[scopeValueIndex(stepIndex, m, unit, units, reporters.length)];
      if (!Number.isNaN(value)) entryOf(byReporter, name).units.set(unit, value);
    }
  });
}

/**
 * Index a stored task's record by step and reporter.
 *
 * @param record the task's values.
 * @param recording what the task recorded; zone and industry reporters must be kept at `every` step.
 * @returns step → reporter → { province value, values by zone (industry) index }; undefined values absent.
 * @throws {RangeError} when the recording keeps zone or industry reporters only at the final step.
 * @example statisticsOfIndexedRecords(targets, indexTaskRecord(store.task(id)!.record, recording), grid, null)
 */
export function indexTaskRecord(record: TaskRecord, recording: Recording): IndexedRecords {
  for (const scope of [recording.zone, recording.industry]) {
    if (scope !== null && scope.reporters.length > 0 && scope.steps !== 'every') {
      throw new RangeError('indexTaskRecord: zone and industry reporters must be recorded at every recorded step');
    }
  }
  const index = new Map<number, Map<string, RecordedReporter>>();
  const provinceCount = recording.province.length;
  for (let s = 0; s < record.steps.length; s++) {
    const byReporter = new Map<string, RecordedReporter>();
    recording.province.forEach((name, p) => {
      const value = record.province[s * provinceCount + p];
      if (!Number.isNaN(value)) entryOf(byReporter, name).province = value;
    });
    if (recording.zone !== null) indexScope(byReporter, record.zone, recording.zone.reporters, record.zoneCount, s);
    if (recording.industry !== null) indexScope(byReporter, record.industry, recording.industry.reporters, record.industryCount, s);
    index.set(record.steps[s], byReporter);
  }
  return index;
}
