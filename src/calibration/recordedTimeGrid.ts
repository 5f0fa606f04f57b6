/**
 * Which instants a run records, and how a calibration file's dates map onto them. A record labelled
 * year Y (the runner's `year` column) is the state at the START of year Y — the end of year Y − 1 —
 * so `end: 2012` and `year: 2013` name the same record. Pure module.
 */
import { isRecordStep } from '../model/simulateModel.ts';
import type { Parameters } from '../model/parameterSpecification.ts';
import type { CalibrationDate } from './calibrationDefinition.ts';

/** The recording schedule of a run. */
export interface RecordedTimeGrid {
  readonly startYear: number;
  readonly stepsPerYear: number;
  /** years × stepsPerYear. */
  readonly totalSteps: number;
  readonly recordEvery: number;
}

/**
 * The recording schedule of a scenario's parameters.
 *
 * @example timeGridOf(defaultParameters()) // { startYear: 2009, stepsPerYear: 12, totalSteps: 264, recordEvery: 12 }
 */
export function timeGridOf(parameters: Parameters): RecordedTimeGrid {
  return {
    startYear: parameters.time.startYear,
    stepsPerYear: parameters.time.stepsPerYear,
    totalSteps: parameters.time.years * parameters.time.stepsPerYear,
    recordEvery: parameters.output.recordEvery,
  };
}

/**
 * The record label of a date: `end: Y` is Y + 1, `year: L` is L.
 *
 * @example dateLabel({ end: 2012 }) // 2013
 */
export function dateLabel(date: CalibrationDate): number {
  return 'end' in date ? date.end + 1 : date.year;
}

/**
 * The completed steps of the record a date names, or null when the run records no such instant
 * (before the start, after the end, or between two records).
 *
 * @example recordedStepOf({ end: 2012 }, { startYear: 2009, stepsPerYear: 12, totalSteps: 60, recordEvery: 12 }) // 48
 */
export function recordedStepOf(date: CalibrationDate, grid: RecordedTimeGrid): number | null {
  const exact = (dateLabel(date) - grid.startYear) * grid.stepsPerYear;
  const step = Math.round(exact);
  if (Math.abs(exact - step) > 1e-6 || step < 0 || step > grid.totalSteps) return null;
  return isRecordStep(step, grid.recordEvery, grid.totalSteps) ? step : null;
}

/**
 * The record label of a step: startYear + step / stepsPerYear.
 *
 * @example stepLabel(48, grid) // 2013
 */
export function stepLabel(step: number, grid: RecordedTimeGrid): number {
  return grid.startYear + step / grid.stepsPerYear;
}

/**
 * The recorded steps after `fromStep` up to and including `toStep`.
 *
 * @example recordedStepsBetween(0, 36, grid) // [12, 24, 36]
 */
export function recordedStepsBetween(fromStep: number, toStep: number, grid: RecordedTimeGrid): number[] {
  const steps: number[] = [];
  for (let step = fromStep + 1; step <= toStep; step++) if (isRecordStep(step, grid.recordEvery, grid.totalSteps)) steps.push(step);
  return steps;
}

function formatLabel(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/**
 * The recorded instants of a run in words, for messages:
 * `the records labelled 2009 to 2014, one a year (end: 2008 to 2013)`.
 *
 * @example describeRecordedDates({ startYear: 2009, stepsPerYear: 12, totalSteps: 60, recordEvery: 12 })
 */
export function describeRecordedDates(grid: RecordedTimeGrid): string {
  const first = stepLabel(0, grid);
  const last = stepLabel(grid.totalSteps, grid);
  const every = grid.recordEvery / grid.stepsPerYear;
  const cadence = every === 1 ? 'one a year' : `every ${formatLabel(every)} year${every === 1 ? '' : 's'}`;
  const endYears = Number.isInteger(first) && Number.isInteger(last) ? ` (end: ${formatLabel(first - 1)} to ${formatLabel(last - 1)})` : '';
  return `the records labelled ${formatLabel(first)} to ${formatLabel(last)}, ${cadence}${grid.totalSteps % grid.recordEvery === 0 ? '' : ', and the last step'}${endYears}`;
}
