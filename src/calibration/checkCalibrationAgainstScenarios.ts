/**
 * The checks of a calibration file that need its scenarios: every date is an instant the run records
 * (in the reference scenario too, for contrasts), periods run forwards, zone and industry indices
 * exist, and every combination of the priors' extreme values is a valid scenario (the rules that tie
 * parameters together, e.g. supplyChains ≤ industries.count). Pure module.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import type { Parameters } from '../model/parameterSpecification.ts';
import { withFactorValues } from '../experiment/evaluateExperimentTask.ts';
import { formatNumber, ScenarioError } from '../scenario/scenarioError.ts';
import { checkParameterConsistency, type FieldPathSegment } from '../scenario/validateScenario.ts';
import { measurementsOf, type CalibrationDate, type CalibrationDefinition, type TargetStatistic } from './calibrationDefinition.ts';
import { dateLabel, describeRecordedDates, recordedStepOf, timeGridOf } from './recordedTimeGrid.ts';
import { calibrationError, type CalibrationContext } from './validateCalibration.ts';

/** A scenario as these checks need it: its file (for messages) and its validated parameters. */
export interface ScenarioForChecks {
  readonly file: string;
  readonly parameters: Parameters;
  /** Free parameters the file sets itself, which candidates leave alone (a reference scenario's own settings). */
  readonly fixedPaths: ReadonlySet<string>;
}

/** Most combinations of extreme prior values checked against the scenario rules. */
export const MAXIMUM_CORNER_CHECKS = 4096;

function checkDate(
  context: CalibrationContext,
  date: CalibrationDate,
  path: readonly FieldPathSegment[],
  scenarios: readonly ScenarioForChecks[],
): number {
  const key = 'end' in date ? 'end' : 'year';
  let step = -1;
  for (const scenario of scenarios) {
    const grid = timeGridOf(scenario.parameters);
    const found = recordedStepOf(date, grid);
    if (found === null) {
      throw calibrationError(
        context,
        [...path, key],
        `a recorded instant of ${scenario.file}: ${describeRecordedDates(grid)}`,
        `${key}: ${formatNumber('end' in date ? date.end : date.year)}`,
      );
    }
    if (step < 0) step = found;
  }
  return step;
}

function checkStatistic(
  context: CalibrationContext,
  statistic: TargetStatistic,
  path: readonly FieldPathSegment[],
  scenarios: readonly ScenarioForChecks[],
): void {
  if (statistic.type !== 'reporter') {
    statistic.operands.forEach((operand, j) => checkStatistic(context, operand, [...path, statistic.type, j], scenarios));
    return;
  }
  const time = statistic.time;
  if (time.kind === 'at') {
    checkDate(context, time.date, path, scenarios);
  } else {
    const from = checkDate(context, time.from, [...path, time.kind, 'from'], scenarios);
    const to = checkDate(context, time.to, [...path, time.kind, 'to'], scenarios);
    if (!(to > from)) {
      throw calibrationError(context, [...path, time.kind, 'to'], 'an instant after from (a period runs forwards)', `an instant ${to === from ? 'equal to' : 'before'} from`);
    }
  }
  const selection = statistic.selection;
  for (const scenario of scenarios) {
    const count = statistic.scope === 'zone' ? scenario.parameters.zones.count : scenario.parameters.industries.count;
    const plural = statistic.scope === 'zone' ? 'zones' : 'industries';
    if (selection?.kind === 'unit' && selection.index >= count) {
      throw calibrationError(context, [...path, statistic.scope], `an index below ${count} (${scenario.file} has ${count} ${plural})`, formatNumber(selection.index));
    }
    if (selection?.kind === 'aggregate' && count === 0 && selection.aggregate !== 'sum' && selection.aggregate !== 'countAbove') {
      throw calibrationError(
        context,
        [...path, 'aggregate'],
        `an aggregate defined without ${plural} (sum or countAbove: ${scenario.file} has none)`,
        selection.aggregate,
      );
    }
  }
}

/**
 * The record label of the latest instant any target reads (a period's `to`).
 *
 * @example latestTargetLabel(definition) // 2014 for a target at end: 2013
 */
export function latestTargetLabel(definition: CalibrationDefinition): number {
  let latest = -Infinity;
  for (const target of definition.targets) {
    for (const measurement of measurementsOf(target.statistic)) {
      const time = measurement.time;
      latest = Math.max(latest, dateLabel(time.kind === 'at' ? time.date : time.to));
    }
  }
  return latest;
}

/** predictions.until: a recorded instant of the scenario (and the reference), not before any target's date. */
function checkPredictionsUntil(context: CalibrationContext, definition: CalibrationDefinition, scenarios: readonly ScenarioForChecks[]): void {
  const until = definition.predictions.until;
  if (until === null) return;
  for (const scenario of scenarios) {
    const grid = timeGridOf(scenario.parameters);
    if (recordedStepOf({ end: until }, grid) === null) {
      throw calibrationError(context, ['predictions', 'until'], `a year whose end is a recorded instant of ${scenario.file}: ${describeRecordedDates(grid)}`, formatNumber(until));
    }
  }
  const latest = latestTargetLabel(definition);
  if (until + 1 < latest) {
    throw calibrationError(context, ['predictions', 'until'], `a year at or after the last target date (end: ${formatNumber(latest - 1)})`, formatNumber(until));
  }
}

/** Every combination of each parameter's extreme values (bounds, or every choice), up to the cap. */
function priorCorners(definition: CalibrationDefinition): FactorValue[][] | null {
  const extremes = definition.parameters.map((parameter): FactorValue[] => {
    const prior = parameter.prior;
    return prior.kind === 'choice' ? [...prior.values] : [prior.lower, prior.upper];
  });
  const count = extremes.reduce((product, values) => product * values.length, 1);
  if (count > MAXIMUM_CORNER_CHECKS) return null;
  let corners: FactorValue[][] = [[]];
  for (const values of extremes) corners = corners.flatMap((corner) => values.map((value) => [...corner, value]));
  return corners;
}

/**
 * Check a validated calibration against its scenario (and reference scenario).
 *
 * Why the corners: the scenario rules are inequalities between two parameters (a ≤ b) or
 * conditions on one, so if every combination of the priors' bounds passes, every value inside the
 * bounds does too. (More than 4096 combinations are not checked here; a candidate breaking a rule
 * then gets an infinite distance, which truncates the prior.)
 *
 * @param definition the validated calibration file.
 * @param scenario the scenario to calibrate.
 * @param reference the reference scenario, or null.
 * @param context file and locator of the calibration file.
 * @throws {ScenarioError} naming the calibration file, line and field.
 * @example checkCalibrationAgainstScenarios(definition, { file, parameters }, null, { file: 'c.yaml', locate })
 */
export function checkCalibrationAgainstScenarios(
  definition: CalibrationDefinition,
  scenario: ScenarioForChecks,
  reference: ScenarioForChecks | null,
  context: CalibrationContext,
): void {
  definition.targets.forEach((target, i) => {
    const scenarios = target.contrast !== null && reference !== null ? [scenario, reference] : [scenario];
    checkStatistic(context, target.statistic, ['targets', i, 'model'], scenarios);
  });
  checkPredictionsUntil(context, definition, reference === null ? [scenario] : [scenario, reference]);
  const corners = priorCorners(definition);
  if (corners === null) return;
  for (const checked of reference === null ? [scenario] : [scenario, reference]) {
    const applied = definition.parameters.map((p, j) => ({ path: p.name, j })).filter(({ path }) => !checked.fixedPaths.has(path));
    const paths = applied.map((a) => a.path);
    for (const corner of corners) {
      try {
        checkParameterConsistency(withFactorValues(checked.parameters, paths, applied.map((a) => corner[a.j])), null);
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        const setting = definition.parameters.map((p, j) => `${p.name} = ${String(corner[j])}`).join(', ');
        throw calibrationError(
          context,
          ['parameters'],
          `priors whose every combination is a valid scenario with ${checked.file}`,
          `${setting}, where ${error.fieldPath ?? 'the scenario'}: expected ${error.expected}, found ${error.found}`,
          'narrow the priors',
        );
      }
    }
  }
}
