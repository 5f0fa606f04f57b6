/**
 * Validation of a parsed calibration file (the plain object YAML gives) into a
 * {@link CalibrationDefinition}, with the one-line messages of scenario and experiment files:
 * `<file>: line N: <field path>: expected <what>, found <what> (did you mean …?)`.
 *
 * Keys, defaults, ranges and the words of messages come from calibrationFileFields.ts (the same
 * declaration the JSON Schema is generated from); parameters from the parameter specification
 * table; reporters from src/outcomes/reporters.ts. Dates are checked against the scenario's
 * recorded instants separately (checkCalibrationDates.ts), because that needs the scenario file.
 * Pure module (no Node imports).
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { listParameterLeaves, type ParameterLeaf } from '../model/parameterSpecification.ts';
import { reporters } from '../outcomes/reporters.ts';
import { describeNumericExpectation, formatChoiceList, type RangedParameterLeaf } from '../scenario/parameterText.ts';
import { describeFoundValue, formatNumber, ScenarioError } from '../scenario/scenarioError.ts';
import { checkKnownKeys, didYouMeanHint, locatedFieldError } from '../scenario/locatedFieldError.ts';
import { isPlainMapping, SCENARIO_NAME_PATTERN, type FieldLocator, type FieldPathSegment } from '../scenario/validateScenario.ts';
import type { CalibrationPrior } from './calibrationPrior.ts';
import {
  CONTRAST_KINDS,
  simulationsPerCandidate,
  THRESHOLD_AGGREGATES,
  UNIT_AGGREGATES,
  type CalibrationDate,
  type CalibrationDefinition,
  type CalibrationMethod,
  type CalibrationParameter,
  type CalibrationPredictions,
  type CalibrationTarget,
  type ContrastKind,
  type MeasurementTime,
  type PeriodStatistic,
  type TargetStatistic,
  type UnitAggregate,
  type UnitSelection,
} from './calibrationDefinition.ts';
import {
  CALIBRATION_TOP_FIELDS,
  CALIBRATION_TOP_KEYS,
  defaultCalibrationMethod,
  METHOD_FIELDS,
  PREDICTION_FIELDS,
  PRIOR_FIELDS,
  STATISTIC_FIELDS,
  TARGET_FIELDS,
  TARGET_KEYS,
  TIME_KEYS,
} from './calibrationFileFields.ts';
import { DISCREPANCY_SCALES, TARGET_KINDS, type DiscrepancyScale, type TargetKind } from './targetDistance.ts';

/** Target names: a letter, then letters, digits, `_`, `.` or `-`. */
export const TARGET_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Parameter groups a calibration may not free: they define the run's dates. */
export const FIXED_PARAMETER_GROUPS = ['time', 'output'] as const;

/** Options of {@link validateCalibration}. */
export interface ValidateCalibrationOptions {
  /** Adds `line N` to messages (see parseScenarioYaml). */
  readonly locate?: FieldLocator;
}

/** Where messages point: the file and its line locator. */
export interface CalibrationContext {
  readonly file: string | null;
  readonly locate: FieldLocator | undefined;
}

/**
 * A {@link ScenarioError} at a field of the calibration file, with the line of the deepest part of
 * the path that the file contains.
 *
 * @example throw calibrationError(context, ['targets', 2, 'figure'], 'a finite number', '"abc"')
 */
export const calibrationError: (context: CalibrationContext, path: readonly FieldPathSegment[], expected: string, found: string, hint?: string | null) => ScenarioError = locatedFieldError;

const didYouMean = didYouMeanHint;

const checkKeys = checkKnownKeys;

function quotedNumberHint(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? 'write the number without quotes' : null;
}

function checkNumber(context: CalibrationContext, value: unknown, path: readonly FieldPathSegment[], expected: string, accept: (n: number) => boolean = () => true): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !accept(value)) throw calibrationError(context, path, expected, describeFoundValue(value), quotedNumberHint(value));
  return value === 0 ? 0 : value;
}

function checkOneLine(context: CalibrationContext, value: unknown, path: readonly FieldPathSegment[], expected: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw calibrationError(context, path, expected, describeFoundValue(value));
  const text = value.trim();
  if (/[\r\n]/.test(text)) throw calibrationError(context, path, expected, `a text of ${text.split(/\r?\n|\r/).length} lines`, 'put details in a YAML comment');
  return text;
}

function checkChoice<T extends string>(context: CalibrationContext, value: unknown, path: readonly FieldPathSegment[], choices: readonly T[], what: string): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw calibrationError(context, path, `${what}: one of ${formatChoiceList(choices)}`, describeFoundValue(value), typeof value === 'string' ? didYouMean(value, choices) : null);
}

function required(context: CalibrationContext, mapping: Record<string, unknown>, key: string, path: readonly FieldPathSegment[], expected: string): unknown {
  if (!Object.hasOwn(mapping, key)) throw calibrationError(context, [...path, key], expected, 'nothing (the key is missing)');
  return mapping[key];
}

// ---------------------------------------------------------------------------------------------------
// Parameters and priors

let leafIndex: Map<string, ParameterLeaf> | null = null;
function leaves(): Map<string, ParameterLeaf> {
  leafIndex ??= new Map(listParameterLeaves());
  return leafIndex;
}

/**
 * The dotted paths of every parameter a calibration may free: numbers, integers, switches and
 * choices outside the `time` and `output` groups, in table order.
 *
 * @example calibratableParameterPaths().includes('firms.exitHazard') // true
 */
export function calibratableParameterPaths(): string[] {
  return [...leaves()]
    .filter(([path, leaf]) => isCalibratable(path, leaf))
    .map(([path]) => path);
}

function isCalibratable(path: string, leaf: ParameterLeaf): boolean {
  const group = path.split('.')[0];
  if ((FIXED_PARAMETER_GROUPS as readonly string[]).includes(group)) return false;
  return leaf.kind === 'number' || leaf.kind === 'integer' || leaf.kind === 'boolean' || leaf.kind === 'choice';
}

function unknownParameter(context: CalibrationContext, path: readonly FieldPathSegment[], key: string): ScenarioError {
  const paths = [...leaves().keys()];
  const group = paths.filter((p) => p.startsWith(`${key}.`));
  let hint = group.length > 0 ? `write the dotted path of one parameter, e.g. ${JSON.stringify(group[0])}` : didYouMean(key, paths);
  if (hint === null) {
    const last = key.split('.').pop()?.toLowerCase() ?? '';
    const elsewhere = paths.filter((p) => p.split('.').pop()?.toLowerCase() === last);
    if (elsewhere.length > 0) hint = `did you mean ${elsewhere.map((p) => JSON.stringify(p)).join(' or ')}?`;
  }
  return calibrationError(context, path, 'the dotted path of a model parameter (see docs/parameters.md)', `unknown parameter ${JSON.stringify(key)}`, hint ?? 'see docs/parameters.md');
}

function rangeText(leaf: RangedParameterLeaf, parameter: string, integer: boolean): string {
  const base = describeNumericExpectation(leaf);
  return `${integer && leaf.kind === 'number' ? base.replace(/^a number/, 'an integer') : base} (the allowed range of ${parameter})`;
}

/** A bound inside the parameter's closed range (an excluded minimum may be a prior's bound: priors never reach their bounds). */
function checkBound(context: CalibrationContext, leaf: RangedParameterLeaf, parameter: string, value: unknown, path: readonly FieldPathSegment[], integer = false): number {
  const expected = rangeText(leaf, parameter, integer);
  return checkNumber(context, value, path, expected, (n) => n >= leaf.minimum && n <= leaf.maximum && (!integer || Number.isInteger(n)));
}

function checkChoiceValue(context: CalibrationContext, leaf: ParameterLeaf, parameter: string, value: unknown, path: readonly FieldPathSegment[]): FactorValue {
  if (leaf.kind === 'number' || leaf.kind === 'integer') return checkBound(context, leaf, parameter, value, path, leaf.kind === 'integer');
  if (leaf.kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    throw calibrationError(context, path, `true or false (${parameter} is a switch)`, describeFoundValue(value));
  }
  if (leaf.kind === 'choice') return checkChoice(context, value, path, leaf.choices, `a choice of ${parameter}`);
  throw new Error(`checkChoiceValue: ${parameter} cannot be calibrated`);
}

function checkPrior(context: CalibrationContext, parameter: string, leaf: ParameterLeaf, raw: unknown, path: readonly FieldPathSegment[]): CalibrationPrior {
  const kinds = Object.keys(PRIOR_FIELDS);
  const expectedKinds = `a mapping with one prior: ${kinds.join(', ')} (e.g. uniform: { min: 0, max: 2 })`;
  if (!isPlainMapping(raw)) throw calibrationError(context, path, expectedKinds, describeFoundValue(raw));
  for (const key of Object.keys(raw)) {
    if (!kinds.includes(key)) throw calibrationError(context, [...path, key], `a prior: ${kinds.join(', ')}`, `unknown prior ${JSON.stringify(key)}`, didYouMean(key, kinds));
  }
  if (Object.keys(raw).length !== 1) throw calibrationError(context, path, expectedKinds, Object.keys(raw).length === 0 ? 'an empty mapping' : `${Object.keys(raw).length} priors`);
  const kind = Object.keys(raw)[0] as keyof typeof PRIOR_FIELDS;
  const here = [...path, kind];
  const body = raw[kind];
  const fields = PRIOR_FIELDS[kind];
  if (!isPlainMapping(body)) throw calibrationError(context, here, `a mapping with ${[...fields.required, ...fields.optional].join(', ')}`, describeFoundValue(body));
  checkKeys(context, body, [...fields.required, ...fields.optional], here, `a ${kind} prior`);
  for (const field of fields.required) required(context, body, field, here, `the ${field} of the ${kind} prior`);

  const numeric = leaf.kind === 'number' || leaf.kind === 'integer';
  if (kind !== 'choice' && !numeric) {
    throw calibrationError(context, here, `choice: { values: [...] } (${parameter} is ${leaf.kind === 'boolean' ? 'a switch' : 'a choice'})`, `a ${kind} prior`);
  }
  if (leaf.kind === 'integer' && kind !== 'integer' && kind !== 'choice') {
    throw calibrationError(context, here, `integer: { min, max } or choice: { values } (${parameter} is an integer parameter)`, `a ${kind} prior`);
  }
  if (leaf.kind === 'number' && kind === 'integer') {
    throw calibrationError(context, here, `a continuous prior or choice: { values } (${parameter} takes any number)`, 'an integer prior', 'write uniform: { min, max }');
  }
  const ranged = leaf as RangedParameterLeaf;
  const greaterThan = (lower: number, value: unknown, field: string): number => {
    const upper = checkBound(context, ranged, parameter, value, [...here, field], kind === 'integer');
    if (!(upper > lower)) throw calibrationError(context, [...here, field], `a number greater than min (${formatNumber(lower)})`, formatNumber(upper), 'a fixed value belongs in the scenario');
    return upper;
  };
  switch (kind) {
    case 'uniform':
    case 'integer': {
      const lower = checkBound(context, ranged, parameter, body.min, [...here, 'min'], kind === 'integer');
      return { kind, lower, upper: greaterThan(lower, body.max, 'max') };
    }
    case 'logUniform': {
      const lower = checkBound(context, ranged, parameter, body.min, [...here, 'min']);
      if (!(lower > 0)) throw calibrationError(context, [...here, 'min'], 'a number greater than 0 (a log-uniform prior lives on positive numbers)', formatNumber(lower));
      return { kind, lower, upper: greaterThan(lower, body.max, 'max') };
    }
    case 'triangular': {
      const lower = checkBound(context, ranged, parameter, body.min, [...here, 'min']);
      const upper = greaterThan(lower, body.max, 'max');
      const mode = checkNumber(context, body.mode, [...here, 'mode'], `a number in [min, max] = [${formatNumber(lower)}, ${formatNumber(upper)}]`, (n) => n >= lower && n <= upper);
      return { kind, lower, mode, upper };
    }
    case 'normal': {
      const mean = checkBound(context, ranged, parameter, body.mean, [...here, 'mean']);
      const standardDeviation = checkNumber(context, body.sd, [...here, 'sd'], 'a number greater than 0', (n) => n > 0);
      const lower = Object.hasOwn(body, 'min') ? checkBound(context, ranged, parameter, body.min, [...here, 'min']) : ranged.minimum;
      const upper = Object.hasOwn(body, 'max') ? greaterThan(lower, body.max, 'max') : ranged.maximum;
      if (!(upper > lower)) throw calibrationError(context, [...here, 'min'], `a number below max (${formatNumber(upper)})`, formatNumber(lower));
      return { kind, mean, standardDeviation, lower, upper };
    }
    case 'beta': {
      const alpha = checkNumber(context, body.alpha, [...here, 'alpha'], 'a number greater than 0', (n) => n > 0);
      const beta = checkNumber(context, body.beta, [...here, 'beta'], 'a number greater than 0', (n) => n > 0);
      const lower = Object.hasOwn(body, 'min') ? checkBound(context, ranged, parameter, body.min, [...here, 'min']) : 0;
      const upper = Object.hasOwn(body, 'max') ? greaterThan(lower, body.max, 'max') : 1;
      if (!Object.hasOwn(body, 'min') || !Object.hasOwn(body, 'max')) {
        // The default [0, 1] must lie in the parameter's range.
        checkBound(context, ranged, parameter, lower, [...here, Object.hasOwn(body, 'min') ? 'max' : 'min']);
        checkBound(context, ranged, parameter, upper, [...here, Object.hasOwn(body, 'max') ? 'min' : 'max']);
      }
      return { kind, alpha, beta, lower, upper };
    }
    case 'choice': {
      const values = body.values;
      if (!Array.isArray(values) || values.length < 2) {
        throw calibrationError(context, [...here, 'values'], 'a list of at least 2 values', describeFoundValue(values), 'a fixed value belongs in the scenario');
      }
      const checked = values.map((value: unknown, index) => checkChoiceValue(context, leaf, parameter, value, [...here, 'values', index]));
      checked.forEach((value, index) => {
        if (checked.indexOf(value) !== index) throw calibrationError(context, [...here, 'values', index], 'each value once', `${describeFoundValue(value)} again`);
      });
      return { kind, values: checked };
    }
  }
}

function checkParameters(context: CalibrationContext, raw: unknown): CalibrationParameter[] {
  const path = ['parameters'];
  if (!isPlainMapping(raw) || Object.keys(raw).length === 0) {
    throw calibrationError(context, path, CALIBRATION_TOP_FIELDS.parameters.text, describeFoundValue(raw), Array.isArray(raw) ? 'write a mapping, not a list' : null);
  }
  return Object.keys(raw).map((key) => {
    const here = ['parameters', key];
    const leaf = leaves().get(key);
    if (leaf === undefined) throw unknownParameter(context, here, key);
    if (!isCalibratable(key, leaf)) {
      const group = key.split('.')[0];
      throw calibrationError(
        context,
        here,
        'a parameter that takes a number, an integer, true/false or a choice, outside the time and output groups',
        (FIXED_PARAMETER_GROUPS as readonly string[]).includes(group) ? `${key}, which sets the run’s dates` : `${key}, a ${leaf.kind === 'numberList' ? 'list of numbers' : 'file path'}`,
        'set it in the scenario instead',
      );
    }
    return { name: key, prior: checkPrior(context, key, leaf, raw[key], here), unit: leaf.unit };
  });
}

// ---------------------------------------------------------------------------------------------------
// Statistics

function checkDate(context: CalibrationContext, raw: unknown, path: readonly FieldPathSegment[]): CalibrationDate {
  const expected = 'an instant: { end: <year> } (the end of that calendar year) or { year: <label> } (the record labelled so in results.csv)';
  if (!isPlainMapping(raw)) throw calibrationError(context, path, expected, describeFoundValue(raw), typeof raw === 'number' ? `write { end: ${raw} } or { year: ${raw} }` : null);
  checkKeys(context, raw, ['end', 'year'], path, 'an instant');
  if (Object.keys(raw).length !== 1) throw calibrationError(context, path, expected, Object.keys(raw).length === 0 ? 'an empty mapping' : 'both end and year');
  return 'end' in raw
    ? { end: checkNumber(context, raw.end, [...path, 'end'], 'a calendar year (an integer)', Number.isInteger) }
    : { year: checkNumber(context, raw.year, [...path, 'year'], 'a record label (a year, possibly fractional)') };
}

function checkTime(context: CalibrationContext, mapping: Record<string, unknown>, path: readonly FieldPathSegment[], reporter: string): MeasurementTime {
  const present = TIME_KEYS.filter((key) => Object.hasOwn(mapping, key));
  if (present.length !== 1) {
    throw calibrationError(
      context,
      present.length === 0 ? path : [...path, present[1]],
      `exactly one of ${TIME_KEYS.join(', ')} saying when ${reporter} is read (e.g. end: 2012)`,
      present.length === 0 ? 'none' : present.join(' and '),
    );
  }
  const key = present[0];
  if (key === 'end' || key === 'year') return { kind: 'at', date: checkDate(context, { [key]: mapping[key] }, path) };
  const period = mapping[key];
  const here = [...path, key];
  if (!isPlainMapping(period)) throw calibrationError(context, here, STATISTIC_FIELDS[key], describeFoundValue(period));
  checkKeys(context, period, ['from', 'to'], here, `a ${key} period`);
  const from = checkDate(context, required(context, period, 'from', here, 'the instant the period starts after'), [...here, 'from']);
  const to = checkDate(context, required(context, period, 'to', here, 'the instant the period ends at'), [...here, 'to']);
  return { kind: key as PeriodStatistic, from, to };
}

function checkSelection(context: CalibrationContext, mapping: Record<string, unknown>, path: readonly FieldPathSegment[], reporter: string, scope: string): UnitSelection | null {
  const unitKey = scope === 'zone' ? 'zone' : 'industry';
  const otherKey = scope === 'zone' ? 'industry' : 'zone';
  if (scope === 'province') {
    const extra = ['aggregate', 'zone', 'industry'].find((key) => Object.hasOwn(mapping, key));
    if (extra !== undefined) {
      throw calibrationError(context, [...path, extra], `no ${extra}: ${reporter} is a province reporter (one number per run)`, describeFoundValue(mapping[extra]), `remove ${extra}`);
    }
    return null;
  }
  if (Object.hasOwn(mapping, otherKey)) {
    throw calibrationError(context, [...path, otherKey], `no ${otherKey}: ${reporter} is a${scope === 'industry' ? 'n' : ''} ${scope} reporter`, describeFoundValue(mapping[otherKey]), `use ${unitKey}: or aggregate:`);
  }
  const hasAggregate = Object.hasOwn(mapping, 'aggregate');
  const hasUnit = Object.hasOwn(mapping, unitKey);
  const plural = scope === 'zone' ? 'zones' : 'industries';
  if (hasAggregate === hasUnit) {
    throw calibrationError(
      context,
      hasAggregate ? [...path, unitKey] : path,
      `either aggregate: (how ${reporter}, one number per ${scope}, becomes one number: ${UNIT_AGGREGATES.join(', ')}) or ${unitKey}: <index>`,
      hasAggregate ? 'both' : 'neither',
    );
  }
  if (hasUnit) {
    const index = checkNumber(context, mapping[unitKey], [...path, unitKey], `the index of a${scope === 'industry' ? 'n' : ''} ${scope}, an integer ≥ 0`, (n) => Number.isInteger(n) && n >= 0);
    return { kind: 'unit', index };
  }
  const raw = mapping.aggregate;
  const here = [...path, 'aggregate'];
  const plain = UNIT_AGGREGATES.filter((a) => !THRESHOLD_AGGREGATES.includes(a));
  if (typeof raw === 'string') {
    if ((THRESHOLD_AGGREGATES as readonly string[]).includes(raw)) {
      throw calibrationError(context, here, `{ ${raw}: <threshold> }`, describeFoundValue(raw), `write aggregate: { ${raw}: 10000 } (count of ${plural} above 10000)`);
    }
    return { kind: 'aggregate', aggregate: checkChoice(context, raw, here, plain, `an aggregate over ${plural}`), threshold: null };
  }
  if (isPlainMapping(raw) && Object.keys(raw).length === 1) {
    const key = Object.keys(raw)[0];
    const aggregate = checkChoice(context, key, [...here, key], THRESHOLD_AGGREGATES, 'an aggregate with a threshold') as UnitAggregate;
    const threshold = checkNumber(context, raw[key], [...here, key], 'a finite threshold');
    return { kind: 'aggregate', aggregate, threshold };
  }
  throw calibrationError(context, here, STATISTIC_FIELDS.aggregate, describeFoundValue(raw));
}

function checkStatistic(context: CalibrationContext, raw: unknown, path: readonly FieldPathSegment[]): TargetStatistic {
  if (!isPlainMapping(raw)) throw calibrationError(context, path, TARGET_FIELDS.model.text, describeFoundValue(raw));
  checkKeys(context, raw, Object.keys(STATISTIC_FIELDS), path, 'a model statistic');
  const combination = (['ratio', 'difference'] as const).find((key) => Object.hasOwn(raw, key));
  if (combination !== undefined) {
    const others = Object.keys(raw).filter((key) => key !== combination);
    if (others.length > 0) {
      throw calibrationError(context, [...path, others[0]], `nothing beside ${combination}: (put reporters and dates inside its two statistics)`, `the key ${JSON.stringify(others[0])}`);
    }
    const operands = raw[combination];
    if (!Array.isArray(operands) || operands.length !== 2) throw calibrationError(context, [...path, combination], STATISTIC_FIELDS[combination], describeFoundValue(operands));
    return {
      type: combination,
      operands: [checkStatistic(context, operands[0], [...path, combination, 0]), checkStatistic(context, operands[1], [...path, combination, 1])],
    };
  }
  const name = required(context, raw, 'reporter', path, `${STATISTIC_FIELDS.reporter} (or ratio:/difference: of two statistics)`);
  const reporter = reporters.find((r) => r.name === name);
  if (reporter === undefined) {
    const names = reporters.map((r) => r.name);
    throw calibrationError(context, [...path, 'reporter'], STATISTIC_FIELDS.reporter, typeof name === 'string' ? `unknown reporter ${JSON.stringify(name)}` : describeFoundValue(name), typeof name === 'string' ? didYouMean(name, names) : null);
  }
  const selection = checkSelection(context, raw, path, reporter.name, reporter.scope);
  const time = checkTime(context, raw, path, reporter.name);
  return { type: 'reporter', reporter: reporter.name, scope: reporter.scope, selection, time };
}

// ---------------------------------------------------------------------------------------------------
// Targets

function checkTarget(context: CalibrationContext, raw: unknown, index: number, hasReference: boolean, names: Map<string, number>): CalibrationTarget {
  const path = ['targets', index];
  if (!isPlainMapping(raw)) throw calibrationError(context, path, 'a target: a mapping with name, figure, tolerance and model', describeFoundValue(raw));
  checkKeys(context, raw, TARGET_KEYS, path, 'a target');
  const name = required(context, raw, 'name', path, TARGET_FIELDS.name.text);
  if (typeof name !== 'string' || !TARGET_NAME_PATTERN.test(name)) throw calibrationError(context, [...path, 'name'], TARGET_FIELDS.name.text, describeFoundValue(name));
  const earlier = names.get(name);
  if (earlier !== undefined) throw calibrationError(context, [...path, 'name'], 'a target name used once', `${JSON.stringify(name)} again (also targets[${earlier}])`);
  names.set(name, index);
  const figure = checkNumber(context, required(context, raw, 'figure', path, TARGET_FIELDS.figure.text), [...path, 'figure'], TARGET_FIELDS.figure.text);
  const kind: TargetKind = Object.hasOwn(raw, 'kind')
    ? checkChoice(context, raw.kind, [...path, 'kind'], TARGET_KINDS, 'a target kind')
    : 'point';
  const scale: DiscrepancyScale = Object.hasOwn(raw, 'scale') ? checkChoice(context, raw.scale, [...path, 'scale'], DISCREPANCY_SCALES, 'a scale') : 'log';
  if (scale === 'log' && !(figure > 0)) {
    throw calibrationError(context, [...path, Object.hasOwn(raw, 'scale') ? 'scale' : 'figure'], 'a positive figure for the log scale (the default)', formatNumber(figure), 'write scale: absolute for figures that may be 0 or negative');
  }
  if (scale === 'relative' && figure === 0) throw calibrationError(context, [...path, 'scale'], 'a figure other than 0 for the relative scale', '0', 'write scale: absolute');
  const tolerance = checkNumber(context, required(context, raw, 'tolerance', path, TARGET_FIELDS.tolerance.text), [...path, 'tolerance'], 'a number greater than 0', (n) => n > 0);
  const weight = Object.hasOwn(raw, 'weight') ? checkNumber(context, raw.weight, [...path, 'weight'], 'a number ≥ 0', (n) => n >= 0) : 1;
  let holdOut = false;
  if (Object.hasOwn(raw, 'holdOut')) {
    if (typeof raw.holdOut !== 'boolean') throw calibrationError(context, [...path, 'holdOut'], 'true or false', describeFoundValue(raw.holdOut));
    holdOut = raw.holdOut;
  }
  const source = Object.hasOwn(raw, 'source') ? checkOneLine(context, raw.source, [...path, 'source'], TARGET_FIELDS.source.text) : null;
  const statistic = checkStatistic(context, required(context, raw, 'model', path, TARGET_FIELDS.model.text), [...path, 'model']);
  let contrast: ContrastKind | null = null;
  if (Object.hasOwn(raw, 'contrast')) {
    contrast = checkChoice(context, raw.contrast, [...path, 'contrast'], CONTRAST_KINDS, 'a contrast');
    if (!hasReference) {
      throw calibrationError(context, [...path, 'contrast'], 'a reference scenario for a contrast (reference: <file> at the top of the calibration file)', 'no reference');
    }
  }
  return { name, figure, kind, scale, tolerance, weight, holdOut, source, statistic, contrast };
}

function checkTargets(context: CalibrationContext, raw: unknown, hasReference: boolean): CalibrationTarget[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw calibrationError(context, ['targets'], CALIBRATION_TOP_FIELDS.targets.text, describeFoundValue(raw), isPlainMapping(raw) ? 'write a list: each target on a line starting with "- "' : null);
  }
  const names = new Map<string, number>();
  const targets = raw.map((item: unknown, index) => checkTarget(context, item, index, hasReference, names));
  if (!targets.some((t) => !t.holdOut && t.weight > 0)) {
    throw calibrationError(context, ['targets'], 'at least one target that is fitted (holdOut false) with a weight above 0', 'none');
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------------
// Method

function checkMethod(context: CalibrationContext, raw: unknown, hasReference: boolean): CalibrationMethod {
  const defaults = defaultCalibrationMethod() as unknown as Record<string, unknown>;
  if (raw === undefined || raw === null) return defaultCalibrationMethod();
  const path = ['method'];
  if (!isPlainMapping(raw)) throw calibrationError(context, path, CALIBRATION_TOP_FIELDS.method.text, describeFoundValue(raw));
  const keys = Object.keys(METHOD_FIELDS);
  checkKeys(context, raw, keys, path, 'method');
  const method: Record<string, unknown> = { ...defaults };
  for (const key of keys) {
    if (!Object.hasOwn(raw, key)) continue;
    const field = METHOD_FIELDS[key as keyof CalibrationMethod];
    const value = raw[key];
    const here = [...path, key];
    switch (field.kind) {
      case 'integer':
        method[key] = checkNumber(context, value, here, `an integer in [${formatNumber(field.minimum)}, ${formatNumber(field.maximum)}]`, (n) => Number.isInteger(n) && n >= field.minimum && n <= field.maximum);
        break;
      case 'number': {
        const text = `a number in ${field.exclusiveMinimum ? '(' : '['}${formatNumber(field.minimum)}, ${formatNumber(field.maximum)}${field.exclusiveMaximum ? ')' : ']'}`;
        method[key] = checkNumber(context, value, here, text, (n) =>
          (field.exclusiveMinimum ? n > field.minimum : n >= field.minimum) && (field.exclusiveMaximum ? n < field.maximum : n <= field.maximum),
        );
        break;
      }
      case 'boolean':
        if (typeof value !== 'boolean') throw calibrationError(context, here, 'true or false', describeFoundValue(value));
        method[key] = value;
        break;
      case 'choice':
        method[key] = checkChoice(context, value, here, field.choices, `a setting of ${key}`);
        break;
    }
  }
  const checked = method as unknown as CalibrationMethod;
  const perCandidate = simulationsPerCandidate({ reference: hasReference ? '' : null, method: checked });
  const oneGeneration = checked.populationSize * perCandidate;
  if (checked.maxSimulations < oneGeneration) {
    throw calibrationError(
      context,
      Object.hasOwn(raw, 'maxSimulations') ? ['method', 'maxSimulations'] : ['method'],
      `at least one generation’s model runs: populationSize × replications${hasReference ? ' × 2 (scenario and reference)' : ''} = ${formatNumber(oneGeneration)}`,
      formatNumber(checked.maxSimulations),
    );
  }
  return checked;
}

// ---------------------------------------------------------------------------------------------------
// Predictions

function checkPredictions(context: CalibrationContext, raw: unknown): CalibrationPredictions {
  if (raw === undefined || raw === null) return { until: null, reporters: [] };
  const path = ['predictions'];
  if (!isPlainMapping(raw)) throw calibrationError(context, path, CALIBRATION_TOP_FIELDS.predictions.text, describeFoundValue(raw));
  checkKeys(context, raw, Object.keys(PREDICTION_FIELDS), path, 'predictions');
  const until = Object.hasOwn(raw, 'until') ? checkNumber(context, raw.until, [...path, 'until'], 'a calendar year (an integer)', Number.isInteger) : null;
  const names: string[] = [];
  if (Object.hasOwn(raw, 'reporters')) {
    const list = raw.reporters;
    if (!Array.isArray(list)) throw calibrationError(context, [...path, 'reporters'], PREDICTION_FIELDS.reporters, describeFoundValue(list), 'write a list: [firms, zoneOutputShare]');
    const known = reporters.map((r) => r.name);
    list.forEach((name: unknown, i) => {
      const here = [...path, 'reporters', i];
      const reporter = reporters.find((r) => r.name === name);
      if (reporter === undefined) {
        throw calibrationError(context, here, 'the name of a province reporter of src/outcomes/reporters.ts', typeof name === 'string' ? `unknown reporter ${JSON.stringify(name)}` : describeFoundValue(name), typeof name === 'string' ? didYouMean(name, known) : null);
      }
      if (reporter.scope !== 'province') {
        throw calibrationError(context, here, 'a province reporter (one number per run and instant)', `${reporter.name}, a ${reporter.scope} reporter`, 'predict a province total instead (e.g. zonesOutput for zoneOutput)');
      }
      if (names.includes(reporter.name)) throw calibrationError(context, here, 'each reporter once', `${reporter.name} again`);
      names.push(reporter.name);
    });
  }
  return { until, reporters: names };
}

// ---------------------------------------------------------------------------------------------------

/**
 * Validate a parsed calibration file.
 *
 * Why: the single gate between a user's calibration file and hours of computing. It rejects, with
 * one line naming file, line, field, what was expected and what was found (and a did-you-mean hint
 * where one helps): unknown keys at any level; a missing or malformed name, description, scenario
 * or reference; a parameter path that is not a parameter, that sets the run's dates, or that is a
 * list or a file; a prior that is unknown, malformed, unsuited to the parameter's kind or outside
 * its allowed range; a target without name, figure, tolerance or model, with a duplicated name, an
 * unknown kind or scale, a log scale on a figure ≤ 0, or a contrast without a reference scenario; a
 * model statistic with an unknown reporter, an impossible aggregate (an aggregate of a province
 * reporter, a zone reporter without one, a zone index on an industry reporter), no date or two
 * dates; no fitted target; method settings out of range or a budget below one generation; a
 * predictions block with a year that is not an integer or a reporter that is unknown, not a province
 * reporter or listed twice. Dates are
 * checked against the scenario by checkCalibrationDates.
 *
 * @param raw the parsed document.
 * @param file the file label used in messages.
 * @param options `locate` adds line numbers.
 * @returns the {@link CalibrationDefinition}.
 * @throws {ScenarioError} on the first problem (keys in documented order).
 * @example validateCalibration(parseScenarioYaml(text, 'c.yaml').value, 'c.yaml').targets.length
 */
export function validateCalibration(raw: unknown, file: string, options: ValidateCalibrationOptions = {}): CalibrationDefinition {
  const context: CalibrationContext = { file, locate: options.locate };
  if (!isPlainMapping(raw)) {
    throw calibrationError(context, [], 'a YAML mapping with name, description, scenario, parameters, targets and method', raw === null || raw === undefined ? 'an empty document' : describeFoundValue(raw));
  }
  for (const key of Object.keys(raw)) {
    if (!(CALIBRATION_TOP_KEYS as readonly string[]).includes(key)) {
      let hint = didYouMean(key, CALIBRATION_TOP_KEYS);
      if (hint === null && leaves().has(key)) hint = 'put free parameters under parameters: (with a prior), or set fixed ones in the scenario';
      throw calibrationError(context, [key], 'a known key of a calibration file', `unknown key ${JSON.stringify(key)}`, hint ?? `known keys: ${CALIBRATION_TOP_KEYS.join(', ')}`);
    }
  }
  const name = required(context, raw, 'name', [], CALIBRATION_TOP_FIELDS.name.text);
  if (typeof name !== 'string' || !SCENARIO_NAME_PATTERN.test(name)) throw calibrationError(context, ['name'], CALIBRATION_TOP_FIELDS.name.text, describeFoundValue(name));
  const description = checkOneLine(context, required(context, raw, 'description', [], CALIBRATION_TOP_FIELDS.description.text), ['description'], CALIBRATION_TOP_FIELDS.description.text);
  const scenario = required(context, raw, 'scenario', [], CALIBRATION_TOP_FIELDS.scenario.text);
  if (typeof scenario !== 'string' || scenario.trim() === '') throw calibrationError(context, ['scenario'], CALIBRATION_TOP_FIELDS.scenario.text, describeFoundValue(scenario));
  let reference: string | null = null;
  if (Object.hasOwn(raw, 'reference') && raw.reference !== null) {
    if (typeof raw.reference !== 'string' || raw.reference.trim() === '') throw calibrationError(context, ['reference'], CALIBRATION_TOP_FIELDS.reference.text, describeFoundValue(raw.reference));
    reference = raw.reference;
  }
  const parameters = checkParameters(context, required(context, raw, 'parameters', [], CALIBRATION_TOP_FIELDS.parameters.text));
  const targets = checkTargets(context, required(context, raw, 'targets', [], CALIBRATION_TOP_FIELDS.targets.text), reference !== null);
  if (reference !== null && !targets.some((t) => t.contrast !== null)) {
    throw calibrationError(context, ['reference'], 'a reference scenario only when a target has a contrast (it doubles the model runs)', JSON.stringify(reference), 'remove reference, or add contrast: to a target');
  }
  const method = checkMethod(context, raw.method, reference !== null);
  const predictions = checkPredictions(context, raw.predictions);
  return { name, description, scenario, reference, parameters, targets, method, predictions };
}
