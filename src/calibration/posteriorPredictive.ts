/**
 * Posterior-predictive bands: every target's statistic over time and the predicted province reporters
 * at every recorded instant, from the posterior's particles continued to the prediction horizon
 * (calibrationTasks.ts, `particleUnits`). Each (particle, replication) run is one draw with weight
 * w_particle / R; a band is the draws' weighted 5 %, 25 %, 50 %, 75 % and 95 % quantiles where the
 * statistic is defined (undefined draws are left out and the share of weight defined is reported).
 * Pure module.
 *
 * Time axis: "end of year". A value at x = 2012 is the state at the end of calendar 2012 (the record
 * labelled 2013 in results.csv; `end: 2012` in a calibration file). A target's statistic over time is
 * the same statistic with every date moved by whole years (a period keeps its length), at every shift
 * whose instants the runs record, from the start of the run to the end of the horizon; it is drawn at
 * its last instant.
 */
import type { AbcPopulation } from './abcSmcState.ts';
import type { CalibrationDate, CalibrationTarget, MeasurementTime, TargetStatistic } from './calibrationDefinition.ts';
import { measurementsOf } from './calibrationDefinition.ts';
import type { CalibrationPlan } from './calibrationPlan.ts';
import type { CalibrationRun, TaskRecordReader } from './calibrationTasks.ts';
import { statisticsOfIndexedRecords } from './evaluateTargetStatistics.ts';
import { dateLabel, recordedStepOf, stepLabel, timeGridOf, type RecordedTimeGrid } from './recordedTimeGrid.ts';
import { weightedQuantile } from './weightedSample.ts';

/** The probabilities of a band's quantiles. */
export const BAND_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** One instant of a band. */
export interface BandPoint {
  /** End of year (2012 = the end of calendar 2012). */
  readonly x: number;
  /** Weighted quantiles at {@link BAND_PROBABILITIES} (NaN when no draw is defined). */
  readonly quantiles: readonly number[];
  /** Weighted mean of the defined draws. */
  readonly mean: number;
  /** Share of the weight whose draw is defined. */
  readonly defined: number;
}

/** A target's statistic over time. */
export interface TargetBand {
  readonly target: string;
  /** Where the figure is drawn (end of year of the target's last instant). */
  readonly figureX: number;
  readonly points: readonly BandPoint[];
}

/** A predicted reporter over time. */
export interface ReporterBand {
  readonly reporter: string;
  readonly points: readonly BandPoint[];
}

/** Every band of a calibration. */
export interface PosteriorPredictiveBands {
  /** Draws: (particle, replication) runs. */
  readonly draws: number;
  readonly targets: readonly TargetBand[];
  readonly reporters: readonly ReporterBand[];
}

function shiftDate(date: CalibrationDate, years: number): CalibrationDate {
  return 'end' in date ? { end: date.end + years } : { year: date.year + years };
}

function shiftTime(time: MeasurementTime, years: number): MeasurementTime {
  return time.kind === 'at' ? { kind: 'at', date: shiftDate(time.date, years) } : { kind: time.kind, from: shiftDate(time.from, years), to: shiftDate(time.to, years) };
}

/**
 * The statistic with every date moved by `years` whole years.
 *
 * @example shiftStatistic({ type: 'reporter', …, time: { kind: 'at', date: { end: 2012 } } }, 2).time // { kind: 'at', date: { end: 2014 } }
 */
export function shiftStatistic(statistic: TargetStatistic, years: number): TargetStatistic {
  if (statistic.type === 'reporter') return { ...statistic, time: shiftTime(statistic.time, years) };
  return { ...statistic, operands: [shiftStatistic(statistic.operands[0], years), shiftStatistic(statistic.operands[1], years)] };
}

/** Record labels of every instant a statistic reads. */
function instantLabels(statistic: TargetStatistic): number[] {
  return measurementsOf(statistic).flatMap((m) => (m.time.kind === 'at' ? [dateLabel(m.time.date)] : [dateLabel(m.time.from), dateLabel(m.time.to)]));
}

/**
 * Where a statistic is drawn on the end-of-year axis: its last instant's label − 1.
 *
 * @example statisticX(target.statistic) // 2012 for end: 2012
 */
export function statisticX(statistic: TargetStatistic): number {
  return Math.max(...instantLabels(statistic)) - 1;
}

/**
 * The whole-year shifts at which every instant of a statistic is recorded by runs on `grid` that end
 * at `lastLabel` (ascending; 0 included when the statistic itself is recorded).
 *
 * @example statisticShifts(target.statistic, grid, 2022) // [-3, …, 9] for end: 2012 from 2009 to 2021
 */
export function statisticShifts(statistic: TargetStatistic, grid: RecordedTimeGrid, lastLabel: number): number[] {
  const labels = instantLabels(statistic);
  const first = stepLabel(0, grid);
  const shifts: number[] = [];
  for (let k = Math.ceil(first - Math.min(...labels)); Math.max(...labels) + k <= lastLabel + 1e-9; k++) {
    const shifted = shiftStatistic(statistic, k);
    if (measurementsOf(shifted).every((m) => (m.time.kind === 'at' ? [m.time.date] : [m.time.from, m.time.to]).every((d) => recordedStepOf(d, grid) !== null))) shifts.push(k);
  }
  return shifts;
}

/**
 * A band point of weighted draws (NaN draws left out).
 *
 * @example bandPoint(2012, [1, 2, NaN], [0.5, 0.25, 0.25]).defined // 0.75
 */
export function bandPoint(x: number, values: readonly number[], weights: readonly number[]): BandPoint {
  const kept: number[] = [];
  const keptWeights: number[] = [];
  let total = 0;
  let defined = 0;
  values.forEach((v, i) => {
    total += weights[i];
    if (Number.isNaN(v)) return;
    kept.push(v);
    keptWeights.push(weights[i]);
    defined += weights[i];
  });
  if (kept.length === 0 || !(defined > 0)) return { x, quantiles: BAND_PROBABILITIES.map(() => Number.NaN), mean: Number.NaN, defined: 0 };
  const normalised = keptWeights.map((w) => w / defined);
  let mean = 0;
  kept.forEach((v, i) => (mean += normalised[i] * v));
  return { x, quantiles: BAND_PROBABILITIES.map((p) => weightedQuantile(kept, normalised, p)), mean, defined: total > 0 ? defined / total : 0 };
}

/**
 * The bands of every target and predicted reporter, from the posterior-predictive runs.
 *
 * @param plan the calibration.
 * @param population the posterior (the last complete generation).
 * @param run the prediction run of its particles (`calibrationRun(plan, particleUnits(…), plan.prediction, plan.referencePrediction)`).
 * @param read the runs' records.
 * @example posteriorPredictiveBands(plan, state.population!, run, storedTaskReader(store, registered))
 */
export function posteriorPredictiveBands(plan: CalibrationPlan, population: AbcPopulation, run: CalibrationRun, read: TaskRecordReader): PosteriorPredictiveBands {
  const base = plan.model.baseInput.parameters;
  const grid = timeGridOf(base);
  const referenceGrid = plan.model.referenceInput === null ? grid : timeGridOf(plan.model.referenceInput.parameters);
  const lastLabel = plan.untilYear + 1;
  const targets = plan.model.targets;
  // Every target at every shift, evaluated in one pass per draw.
  const shifted: { target: number; x: number; statistic: CalibrationTarget }[] = [];
  targets.forEach((target, t) => {
    const x0 = statisticX(target.statistic);
    for (const k of statisticShifts(target.statistic, grid, lastLabel)) shifted.push({ target: t, x: x0 + k, statistic: { ...target, statistic: shiftStatistic(target.statistic, k) } });
  });
  const shiftedTargets = shifted.map((s) => s.statistic);
  const reporters = plan.definition.predictions.reporters;
  const targetValues: number[][] = shifted.map(() => []);
  const reporterValues = new Map<string, Map<number, number[]>>(reporters.map((r) => [r, new Map()]));
  const weights: number[] = [];
  population.particles.forEach((particle, p) => {
    const tasks = run.units[p];
    if (tasks === null) return;
    for (const slot of tasks) {
      weights.push(particle.weight / tasks.length);
      const records = read(slot.base);
      const values = statisticsOfIndexedRecords(shiftedTargets, records, grid, slot.reference < 0 ? null : read(slot.reference), referenceGrid);
      values.forEach((v, i) => targetValues[i].push(v));
      for (const [name, byStep] of reporterValues) {
        for (const [step, byReporter] of records) {
          if (stepLabel(step, grid) > lastLabel + 1e-9) continue;
          let column = byStep.get(step);
          if (column === undefined) {
            column = [];
            byStep.set(step, column);
          }
          column[weights.length - 1] = byReporter.get(name)?.province ?? Number.NaN;
        }
      }
    }
  });
  const fill = (column: number[]): number[] => Array.from({ length: weights.length }, (_, i) => column[i] ?? Number.NaN);
  return {
    draws: weights.length,
    targets: targets.map((target, t) => ({
      target: target.name,
      figureX: statisticX(target.statistic),
      points: shifted.flatMap((s, i) => (s.target === t ? [bandPoint(s.x, targetValues[i], weights)] : [])),
    })),
    reporters: reporters.map((name) => ({
      reporter: name,
      points: [...(reporterValues.get(name) as Map<number, number[]>)]
        .sort((a, b) => a[0] - b[0])
        .map(([step, column]) => bandPoint(stepLabel(step, grid) - 1, fill(column), weights)),
    })),
  };
}
