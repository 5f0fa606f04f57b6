/**
 * Validation of a parsed experiment file (the plain object YAML gives) into an
 * {@link ExperimentDefinition}, with the one-line messages of scenario files:
 * `<file>: line N: <field path>: expected <what>, found <what> (did you mean …?)`.
 *
 * Everything about parameters comes from the parameter specification table (paths, kinds, ranges,
 * units) and everything about outcomes from src/outcomes/reporters.ts, so a parameter or reporter
 * added there can be varied or recorded without touching this file. Reuses the scenario validator's
 * error class, wording and suggestions. Pure module (no Node imports).
 */
import type { FactorDistribution, FactorValue } from '../analysis/designs/factorDistributions.ts';
import { MAXIMUM_SOBOL_DIMENSION } from '../analysis/designs/sobolSequence.ts';
import type { ThresholdComparison } from '../analysis/thresholdOutcome.ts';
import { listParameterLeaves, type ParameterLeaf } from '../model/parameterSpecification.ts';
import { reporters } from '../outcomes/reporters.ts';
import { describeNumericExpectation, formatChoiceList, type RangedParameterLeaf } from '../scenario/parameterText.ts';
import { describeFoundValue, formatNumber, ScenarioError } from '../scenario/scenarioError.ts';
import { checkKnownKeys, didYouMeanHint, locatedFieldError } from '../scenario/locatedFieldError.ts';
import { MAXIMUM_NAME_LENGTH, nameHint, nameProblem, type FieldLocator, type FieldPathSegment } from '../scenario/validateScenario.ts';
import {
  DEFAULT_EXPERIMENT_SEED,
  DEFAULT_MINIMUM_SUPPORT,
  DEFAULT_MORRIS_LEVELS,
  DEFAULT_PEELING_ALPHA,
  DEFAULT_REPLICATIONS_PER_POINT,
  defaultOutcomeName,
  designPointCount,
  EXPERIMENT_DESIGN_TYPES,
  MAXIMUM_DESIGN_POINTS,
  MAXIMUM_TASKS,
  type ExperimentDefinition,
  type ExperimentDesign,
  type ExperimentDesignType,
  type ExperimentFactor,
  type ExperimentOutcome,
  type FactorRole,
  type OutcomeStatistic,
  type ScenarioDiscovery,
  type VariableParameterKind,
} from './experimentDefinition.ts';

/** Top-level keys of an experiment file, in the order they are documented and checked. */
export const EXPERIMENT_KEYS = [
  'name',
  'description',
  'scenario',
  'levers',
  'uncertainties',
  'outcomes',
  'design',
  'samples',
  'replicationsPerPoint',
  'seed',
  'scenarioDiscovery',
] as const;

/** Distribution keys of a factor and the fields each takes (required first, then optional). */
export const DISTRIBUTION_FIELDS = {
  uniform: { required: ['min', 'max'], optional: [] },
  normal: { required: ['mean', 'sd'], optional: ['min', 'max'] },
  triangular: { required: ['min', 'mode', 'max'], optional: [] },
  integer: { required: ['min', 'max'], optional: [] },
  choice: { required: ['values'], optional: [] },
} as const;

/** The distribution keys, in documentation order. */
export const DISTRIBUTION_KINDS = Object.keys(DISTRIBUTION_FIELDS) as (keyof typeof DISTRIBUTION_FIELDS)[];

/** Keys each design type accepts besides `type`. */
export const DESIGN_FIELDS: Readonly<Record<ExperimentDesignType, readonly string[]>> = {
  'full-factorial': ['levels'],
  'monte-carlo': [],
  'latin-hypercube': [],
  morris: ['trajectories', 'levels', 'candidates'],
  sobol: ['baseSamples'],
  csv: ['file'],
};

/** The comparisons of scenario discovery. */
export const DISCOVERY_DIRECTIONS: readonly ThresholdComparison[] = ['below', 'atOrBelow', 'above', 'atOrAbove'];

/** Keys of `scenarioDiscovery`. */
export const DISCOVERY_KEYS = ['outcome', 'threshold', 'direction', 'peelingAlpha', 'minimumSupport', 'minimumDensity'] as const;

/** Column names an outcome may not take (experiment.csv's fixed columns). */
const RESERVED_COLUMNS = ['point', 'replication', 'seed', 'replications'];

/** Outcome names: a letter, then letters, digits, `_`, `.` or `-`. */
export const OUTCOME_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Words for the expected parts of messages that the JSON Schema repeats. */
export const EXPERIMENT_FIELD_TEXT = {
  name: `a kebab-case experiment name of at most ${MAXIMUM_NAME_LENGTH} characters (lower-case letters, digits and single hyphens)`,
  description: 'a non-empty one-line description (the question the experiment answers)',
  scenario: 'the path of a base scenario file, relative to the experiment file',
  factors: 'a mapping from dotted parameter paths to distributions',
  outcomes: 'a non-empty list of province reporters (a name, or a mapping with reporter, statistic and name)',
  design: `a design: one of ${EXPERIMENT_DESIGN_TYPES.map((t) => JSON.stringify(t)).join(', ')}, or a mapping with type and its settings`,
} as const;

/** Options of {@link validateExperiment}. */
export interface ValidateExperimentOptions {
  /** Adds `line N` to messages (see parseScenarioYaml). */
  readonly locate?: FieldLocator;
}

interface Context {
  readonly file: string | null;
  readonly locate: FieldLocator | undefined;
}

const fail = locatedFieldError;

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

const didYouMean = didYouMeanHint;

const checkKeys = checkKnownKeys;

function quotedNumberHint(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? 'write the number without quotes' : null;
}

function checkFiniteNumber(context: Context, value: unknown, path: readonly FieldPathSegment[], expected = 'a finite number'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw fail(context, path, expected, describeFoundValue(value), quotedNumberHint(value));
  }
  return value === 0 ? 0 : value;
}

function checkInteger(context: Context, value: unknown, path: readonly FieldPathSegment[], minimum: number, maximum: number, extra = ''): number {
  const expected = `an integer in [${formatNumber(minimum)}, ${formatNumber(maximum)}]${extra}`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw fail(context, path, expected, describeFoundValue(value), quotedNumberHint(value));
  }
  return value;
}

function checkOneLine(context: Context, value: unknown, path: readonly FieldPathSegment[], expected: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw fail(context, path, expected, describeFoundValue(value));
  const text = value.trim();
  if (/[\r\n]/.test(text)) {
    throw fail(context, path, expected, `a text of ${text.split(/\r?\n|\r/).length} lines`, 'put details in a YAML comment');
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------
// Factors

let leafIndex: Map<string, ParameterLeaf> | null = null;
/** Every parameter leaf by dotted path (declaration order). */
function leaves(): Map<string, ParameterLeaf> {
  leafIndex ??= new Map(listParameterLeaves());
  return leafIndex;
}

/** The dotted paths of every parameter an experiment may vary (number, integer, boolean, choice), in table order. */
export function variableParameterPaths(): string[] {
  return [...leaves()].filter(([, leaf]) => isVariableKind(leaf.kind)).map(([leafPath]) => leafPath);
}

function isVariableKind(kind: ParameterLeaf['kind']): kind is VariableParameterKind {
  return kind === 'number' || kind === 'integer' || kind === 'boolean' || kind === 'choice';
}

function unknownParameterError(context: Context, path: readonly FieldPathSegment[], key: string, mapping: unknown): ScenarioError {
  const paths = [...leaves().keys()];
  let hint: string | null = null;
  const group = paths.filter((p) => p.startsWith(`${key}.`));
  if (group.length > 0) {
    // A group written as nested keys (guarantees: { feeRate: … }).
    const nested = isPlainMapping(mapping) ? Object.keys(mapping)[0] : undefined;
    const example = nested !== undefined && group.includes(`${key}.${nested}`) ? `${key}.${nested}` : group[0];
    hint = `write the dotted path of one parameter, e.g. ${JSON.stringify(example)}`;
  }
  hint ??= didYouMean(key, paths);
  if (hint === null) {
    const last = key.split('.').pop()?.toLowerCase() ?? '';
    const elsewhere = paths.filter((p) => p.split('.').pop()?.toLowerCase() === last);
    if (elsewhere.length > 0) hint = `did you mean ${elsewhere.map((p) => JSON.stringify(p)).join(' or ')}?`;
  }
  return fail(
    context,
    path,
    'the dotted path of a model parameter (see docs/parameters.md)',
    `unknown parameter ${JSON.stringify(key)}`,
    hint ?? 'see docs/parameters.md for every parameter path',
  );
}

/** "a number in [1, 15] (the allowed range of guarantees.leverageMultiple)". */
function rangeText(leaf: RangedParameterLeaf, parameter: string, integer = false): string {
  const base = describeNumericExpectation(leaf);
  const text = integer && leaf.kind === 'number' ? base.replace(/^a number/, 'an integer') : base;
  return `${text} (the allowed range of ${parameter})`;
}

function inRange(leaf: RangedParameterLeaf, value: number): boolean {
  const exclusive = leaf.kind === 'number' && leaf.exclusiveMinimum === true;
  return (exclusive ? value > leaf.minimum : value >= leaf.minimum) && value <= leaf.maximum;
}

/** A bound of a numeric distribution: finite, inside the parameter's range, integer when required. */
function checkBound(
  context: Context,
  leaf: RangedParameterLeaf,
  parameter: string,
  value: unknown,
  path: readonly FieldPathSegment[],
  integer: boolean,
): number {
  const expected = rangeText(leaf, parameter, integer);
  const number = checkFiniteNumber(context, value, path, expected);
  if ((integer && !Number.isInteger(number)) || !inRange(leaf, number)) throw fail(context, path, expected, formatNumber(number));
  return number;
}

function checkChoiceValue(
  context: Context,
  leaf: ParameterLeaf,
  parameter: string,
  value: unknown,
  path: readonly FieldPathSegment[],
): FactorValue {
  switch (leaf.kind) {
    case 'number':
    case 'integer':
      return checkBound(context, leaf, parameter, value, path, leaf.kind === 'integer');
    case 'boolean':
      if (typeof value !== 'boolean') {
        const hint = typeof value === 'string' && /^(true|false)$/i.test(value.trim()) ? 'write true or false without quotes' : null;
        throw fail(context, path, `true or false (${parameter} is a switch)`, describeFoundValue(value), hint);
      }
      return value;
    case 'choice':
      if (typeof value === 'string' && leaf.choices.includes(value)) return value;
      throw fail(
        context,
        path,
        `one of ${formatChoiceList(leaf.choices)} (the choices of ${parameter})`,
        describeFoundValue(value),
        typeof value === 'string' ? didYouMean(value, leaf.choices) : null,
      );
    default:
      throw new Error(`checkChoiceValue: parameter kind ${leaf.kind} cannot be varied`);
  }
}

/** Validate one factor's distribution mapping against its parameter. */
function checkDistribution(
  context: Context,
  parameter: string,
  leaf: ParameterLeaf,
  raw: unknown,
  path: readonly FieldPathSegment[],
): FactorDistribution {
  const kinds = DISTRIBUTION_KINDS as readonly string[];
  const expectedKinds = `a mapping with one distribution: ${DISTRIBUTION_KINDS.join(', ')} (e.g. uniform: { min: 1, max: 2 })`;
  if (!isPlainMapping(raw)) throw fail(context, path, expectedKinds, describeFoundValue(raw));
  const keys = Object.keys(raw);
  for (const key of keys) {
    if (!kinds.includes(key)) {
      throw fail(context, [...path, key], `a distribution: ${DISTRIBUTION_KINDS.join(', ')}`, `unknown distribution ${JSON.stringify(key)}`, didYouMean(key, kinds));
    }
  }
  if (keys.length !== 1) {
    throw fail(context, path, expectedKinds, keys.length === 0 ? 'an empty mapping' : `${keys.length} distributions (${keys.join(', ')})`);
  }
  const kind = keys[0] as keyof typeof DISTRIBUTION_FIELDS;
  const here = [...path, kind];
  const body = raw[kind];
  const fields = DISTRIBUTION_FIELDS[kind];
  const fieldList = [...fields.required, ...fields.optional];
  if (!isPlainMapping(body)) {
    const hint = kind === 'choice' && Array.isArray(body) ? 'write choice: { values: [...] }' : null;
    throw fail(context, here, `a mapping with ${fieldList.join(', ')}`, describeFoundValue(body), hint);
  }
  checkKeys(context, body, fieldList, here, `a ${kind} distribution`);
  for (const field of fields.required) {
    if (!Object.hasOwn(body, field)) throw fail(context, [...here, field], `the ${field} of the ${kind} distribution`, 'nothing (the key is missing)');
  }

  // Which distributions suit which parameters.
  const numeric = leaf.kind === 'number' || leaf.kind === 'integer';
  if (kind !== 'choice' && !numeric) {
    throw fail(
      context,
      here,
      `choice: { values: [...] } (${parameter} is ${leaf.kind === 'boolean' ? 'a switch' : 'a choice'})`,
      `a ${kind} distribution`,
      leaf.kind === 'boolean' ? 'write choice: { values: [true, false] }' : `write choice: { values: [${(leaf as { choices: readonly string[] }).choices.slice(0, 2).map((c) => JSON.stringify(c)).join(', ')}] }`,
    );
  }
  if (leaf.kind === 'integer' && (kind === 'uniform' || kind === 'normal' || kind === 'triangular')) {
    throw fail(context, here, `integer: { min, max } or choice: { values } (${parameter} is an integer parameter)`, `a ${kind} distribution`, 'write integer: { min: …, max: … }');
  }

  switch (kind) {
    case 'uniform':
    case 'integer': {
      const ranged = leaf as RangedParameterLeaf;
      const integer = kind === 'integer';
      const lower = checkBound(context, ranged, parameter, body.min, [...here, 'min'], integer);
      const upper = checkBound(context, ranged, parameter, body.max, [...here, 'max'], integer);
      if (!(lower < upper)) {
        throw fail(context, [...here, 'max'], `a number greater than min (${formatNumber(lower)})`, formatNumber(upper), 'a fixed value belongs in the base scenario');
      }
      return { kind, lower, upper };
    }
    case 'triangular': {
      const ranged = leaf as RangedParameterLeaf;
      const lower = checkBound(context, ranged, parameter, body.min, [...here, 'min'], false);
      const upper = checkBound(context, ranged, parameter, body.max, [...here, 'max'], false);
      if (!(lower < upper)) throw fail(context, [...here, 'max'], `a number greater than min (${formatNumber(lower)})`, formatNumber(upper));
      const mode = checkFiniteNumber(context, body.mode, [...here, 'mode'], `a number in [min, max] = [${formatNumber(lower)}, ${formatNumber(upper)}]`);
      if (mode < lower || mode > upper) {
        throw fail(context, [...here, 'mode'], `a number in [min, max] = [${formatNumber(lower)}, ${formatNumber(upper)}]`, formatNumber(mode));
      }
      return { kind, lower, mode, upper };
    }
    case 'normal': {
      const ranged = leaf as RangedParameterLeaf;
      const mean = checkBound(context, ranged, parameter, body.mean, [...here, 'mean'], false);
      const sd = checkFiniteNumber(context, body.sd, [...here, 'sd'], 'a number greater than 0');
      if (!(sd > 0)) throw fail(context, [...here, 'sd'], 'a number greater than 0', formatNumber(sd));
      const exclusive = ranged.kind === 'number' && ranged.exclusiveMinimum === true;
      let lower: number;
      if (Object.hasOwn(body, 'min')) lower = checkBound(context, ranged, parameter, body.min, [...here, 'min'], false);
      else if (exclusive) {
        throw fail(
          context,
          [...here, 'min'],
          `a lower bound greater than ${formatNumber(ranged.minimum)} (${parameter} excludes its minimum, so the normal cannot be cut there)`,
          'nothing (the key is missing)',
        );
      } else lower = ranged.minimum;
      const upper = Object.hasOwn(body, 'max') ? checkBound(context, ranged, parameter, body.max, [...here, 'max'], false) : ranged.maximum;
      if (!(lower < upper)) throw fail(context, [...here, 'max'], `a number greater than min (${formatNumber(lower)})`, formatNumber(upper));
      return { kind, mean, standardDeviation: sd, lower, upper };
    }
    case 'choice': {
      const values = body.values;
      if (!Array.isArray(values) || values.length < 2) {
        throw fail(context, [...here, 'values'], 'a list of at least 2 values', describeFoundValue(values), 'a fixed value belongs in the base scenario');
      }
      const checked = values.map((value: unknown, index) => checkChoiceValue(context, leaf, parameter, value, [...here, 'values', index]));
      const seen = new Set<FactorValue>();
      checked.forEach((value, index) => {
        if (seen.has(value)) throw fail(context, [...here, 'values', index], 'each value once', `${describeFoundValue(value)} again`);
        seen.add(value);
      });
      return { kind, values: checked };
    }
  }
}

function checkFactors(
  context: Context,
  role: FactorRole,
  section: 'levers' | 'uncertainties',
  raw: unknown,
  seen: Map<string, FactorRole>,
): ExperimentFactor[] {
  if (raw === undefined || raw === null) return [];
  if (!isPlainMapping(raw)) {
    const hint = Array.isArray(raw) ? `write ${section}: { guarantees.leverageMultiple: { uniform: { min: 1, max: 15 } } }` : null;
    throw fail(context, [section], EXPERIMENT_FIELD_TEXT.factors, describeFoundValue(raw), hint);
  }
  const factors: ExperimentFactor[] = [];
  for (const key of Object.keys(raw)) {
    const path = [section, key];
    const leaf = leaves().get(key);
    if (leaf === undefined) throw unknownParameterError(context, path, key, raw[key]);
    if (!isVariableKind(leaf.kind)) {
      throw fail(
        context,
        path,
        'a parameter that takes a number, an integer, true/false or a choice',
        `${key}, a ${leaf.kind === 'numberList' ? 'list of numbers' : 'file path'}`,
        'set it in the base scenario instead',
      );
    }
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw fail(context, path, 'a parameter varied only once', `${key} again`, `it is already ${previous === 'lever' ? 'a lever' : 'an uncertainty'}`);
    }
    seen.set(key, role);
    const distribution = checkDistribution(context, key, leaf, raw[key], path);
    factors.push({ name: key, role, distribution, parameterKind: leaf.kind, unit: leaf.unit });
  }
  return factors;
}

// ---------------------------------------------------------------------------------------------------
// Outcomes

/** Names of the province reporters, in declaration order (the outcomes an experiment may record). */
export function provinceReporterNames(): string[] {
  return reporters.filter((r) => r.scope === 'province').map((r) => r.name);
}

function checkReporter(context: Context, value: unknown, path: readonly FieldPathSegment[]): string {
  const province = provinceReporterNames();
  if (typeof value === 'string' && province.includes(value)) return value;
  const other = typeof value === 'string' ? reporters.find((r) => r.name === value) : undefined;
  if (other !== undefined) {
    throw fail(context, path, 'a province reporter (one number per run)', `${JSON.stringify(value)}, a ${other.scope} reporter (one number per ${other.scope})`, null);
  }
  throw fail(
    context,
    path,
    'the name of a province reporter of src/outcomes/reporters.ts',
    typeof value === 'string' ? `unknown reporter ${JSON.stringify(value)}` : describeFoundValue(value),
    typeof value === 'string' ? didYouMean(value, province) : null,
  );
}

function checkOutcomes(context: Context, raw: unknown, factorNames: ReadonlySet<string>): ExperimentOutcome[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    const hint = typeof raw === 'string' ? `write a list: outcomes: [${raw}]` : isPlainMapping(raw) ? 'write a list of reporters, each on a line starting with "- "' : null;
    throw fail(context, ['outcomes'], EXPERIMENT_FIELD_TEXT.outcomes, describeFoundValue(raw), hint);
  }
  const outcomes: ExperimentOutcome[] = [];
  const names = new Map<string, number>();
  raw.forEach((item: unknown, index) => {
    const path = ['outcomes', index];
    let reporter: string;
    let statistic: OutcomeStatistic = 'final';
    let name: string | null = null;
    if (typeof item === 'string') {
      reporter = checkReporter(context, item, path);
    } else if (isPlainMapping(item)) {
      checkKeys(context, item, ['reporter', 'statistic', 'name'], path, 'an outcome');
      reporter = checkReporter(context, item.reporter, [...path, 'reporter']);
      if (Object.hasOwn(item, 'statistic')) {
        const value = item.statistic;
        if (value !== 'final' && value !== 'mean') {
          throw fail(context, [...path, 'statistic'], '"final" or "mean"', describeFoundValue(value), typeof value === 'string' ? didYouMean(value, ['final', 'mean']) : null);
        }
        statistic = value;
      }
      if (Object.hasOwn(item, 'name')) {
        const value = item.name;
        if (typeof value !== 'string' || !OUTCOME_NAME_PATTERN.test(value)) {
          throw fail(context, [...path, 'name'], 'a column name (a letter, then letters, digits, _, . or -)', describeFoundValue(value));
        }
        name = value;
      }
    } else {
      throw fail(context, path, 'a reporter name, or a mapping with reporter, statistic and name', describeFoundValue(item));
    }
    const column = name ?? defaultOutcomeName(reporter, statistic);
    const namePath = name === null ? path : [...path, 'name'];
    if (RESERVED_COLUMNS.includes(column) || factorNames.has(column)) {
      throw fail(context, namePath, 'an outcome name that is not a column of experiment.csv already', JSON.stringify(column), 'give the outcome a name');
    }
    const previous = names.get(column);
    if (previous !== undefined) {
      throw fail(context, namePath, 'an outcome name used once', `${JSON.stringify(column)} again (also outcomes[${previous}])`, 'give one of them a name');
    }
    names.set(column, index);
    outcomes.push({ name: column, reporter, statistic });
  });
  return outcomes;
}

// ---------------------------------------------------------------------------------------------------
// Design

function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value >= 2 && (value & (value - 1)) === 0;
}

function checkDesign(context: Context, raw: unknown, samples: unknown, hasSamples: boolean, factorCount: number): ExperimentDesign {
  const types = EXPERIMENT_DESIGN_TYPES as readonly string[];
  let mapping: Record<string, unknown>;
  let typePath: FieldPathSegment[] = ['design', 'type'];
  if (typeof raw === 'string') {
    mapping = { type: raw };
    typePath = ['design'];
  } else if (isPlainMapping(raw)) {
    mapping = raw;
  } else {
    throw fail(context, ['design'], EXPERIMENT_FIELD_TEXT.design, describeFoundValue(raw));
  }
  const type = mapping.type;
  if (typeof type !== 'string' || !types.includes(type)) {
    throw fail(
      context,
      typePath,
      `one of ${EXPERIMENT_DESIGN_TYPES.map((t) => JSON.stringify(t)).join(', ')}`,
      describeFoundValue(type),
      typeof type === 'string' ? didYouMean(type, types) : null,
    );
  }
  const designType = type as ExperimentDesignType;
  checkKeys(context, mapping, ['type', ...DESIGN_FIELDS[designType]], ['design'], `a ${designType} design`);
  const usesSamples = designType === 'monte-carlo' || designType === 'latin-hypercube';
  if (hasSamples && !usesSamples) {
    const size: Record<string, string> = {
      'full-factorial': 'the levels of every factor',
      morris: 'trajectories × (factors + 1)',
      sobol: 'baseSamples × (factors + 2)',
      csv: 'the rows of the file',
    };
    throw fail(context, ['samples'], `no samples for a ${designType} design (its size is ${size[designType]})`, describeFoundValue(samples), 'remove samples');
  }
  const field = (key: string): FieldPathSegment[] => ['design', key];
  switch (designType) {
    case 'full-factorial': {
      const levels = Object.hasOwn(mapping, 'levels') ? checkInteger(context, mapping.levels, field('levels'), 2, 1000) : 3;
      return { type: designType, levels };
    }
    case 'monte-carlo':
    case 'latin-hypercube': {
      if (!hasSamples) throw fail(context, ['samples'], `the number of design points of the ${designType} design, an integer ≥ 2`, 'nothing (the key is missing)');
      return { type: designType, samples: checkInteger(context, samples, ['samples'], 2, MAXIMUM_DESIGN_POINTS) };
    }
    case 'morris': {
      if (!Object.hasOwn(mapping, 'trajectories')) throw fail(context, field('trajectories'), 'the number of Morris trajectories, an integer ≥ 2', 'nothing (the key is missing)');
      const trajectories = checkInteger(context, mapping.trajectories, field('trajectories'), 2, 100_000);
      let levels = DEFAULT_MORRIS_LEVELS;
      if (Object.hasOwn(mapping, 'levels')) {
        levels = checkInteger(context, mapping.levels, field('levels'), 2, 1000, ', even');
        if (levels % 2 !== 0) throw fail(context, field('levels'), 'an even integer in [2, 1000] (the Morris jump is half the grid)', formatNumber(levels));
      }
      const candidates = Object.hasOwn(mapping, 'candidates')
        ? checkInteger(context, mapping.candidates, field('candidates'), trajectories, 10_000, ' (at least trajectories)')
        : null;
      return { type: designType, trajectories, levels, candidates };
    }
    case 'sobol': {
      if (!Object.hasOwn(mapping, 'baseSamples')) throw fail(context, field('baseSamples'), 'the Saltelli base sample size N, a power of two (runs: N × (factors + 2))', 'nothing (the key is missing)');
      const value = mapping.baseSamples;
      if (typeof value !== 'number' || !isPowerOfTwo(value) || value > 1 << 20) {
        const hint = typeof value === 'number' && value >= 2 ? `e.g. ${2 ** Math.round(Math.log2(value))}` : null;
        throw fail(context, field('baseSamples'), 'a power of two from 2 to 1048576 (the Sobol\u2019 sequence is balanced at powers of two)', describeFoundValue(value), hint);
      }
      const maximumFactors = Math.floor(MAXIMUM_SOBOL_DIMENSION / 2);
      if (factorCount > maximumFactors) {
        throw fail(context, ['design'], `at most ${maximumFactors} factors for a sobol design`, `${factorCount} factors`, 'screen them with a morris design first');
      }
      return { type: designType, baseSamples: value };
    }
    case 'csv': {
      const file = mapping.file;
      if (typeof file !== 'string' || file.trim() === '') {
        throw fail(context, field('file'), 'the path of a CSV design (header of factor names, one row per point), relative to the experiment file', describeFoundValue(file));
      }
      return { type: designType, file };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Scenario discovery

function checkShare(context: Context, value: unknown, path: FieldPathSegment[], lowerOpen: number, upper: number, upperOpen: boolean): number {
  const expected = `a number in (${lowerOpen}, ${upper}${upperOpen ? ')' : ']'}`;
  const number = checkFiniteNumber(context, value, path, expected);
  if (!(number > lowerOpen) || (upperOpen ? !(number < upper) : !(number <= upper))) throw fail(context, path, expected, formatNumber(number));
  return number;
}

function checkDiscovery(context: Context, raw: unknown, outcomes: readonly ExperimentOutcome[]): ScenarioDiscovery | null {
  if (raw === undefined || raw === null) return null;
  const path: FieldPathSegment[] = ['scenarioDiscovery'];
  if (!isPlainMapping(raw)) throw fail(context, path, 'a mapping with outcome, threshold and direction', describeFoundValue(raw));
  checkKeys(context, raw, DISCOVERY_KEYS, path, 'scenarioDiscovery');
  const names = outcomes.map((o) => o.name);
  const outcome = raw.outcome;
  if (typeof outcome !== 'string' || !names.includes(outcome)) {
    throw fail(
      context,
      [...path, 'outcome'],
      `the name of one of the experiment's outcomes (${names.join(', ')})`,
      describeFoundValue(outcome),
      typeof outcome === 'string' ? didYouMean(outcome, names) : null,
    );
  }
  if (!Object.hasOwn(raw, 'threshold')) throw fail(context, [...path, 'threshold'], 'the threshold a point’s mean outcome is compared with', 'nothing (the key is missing)');
  const threshold = checkFiniteNumber(context, raw.threshold, [...path, 'threshold']);
  const direction = raw.direction;
  const directions = DISCOVERY_DIRECTIONS as readonly string[];
  if (typeof direction !== 'string' || !directions.includes(direction)) {
    throw fail(
      context,
      [...path, 'direction'],
      `one of ${formatChoiceList(directions)} (a case of interest has its outcome below / at or below / above / at or above the threshold)`,
      describeFoundValue(direction),
      typeof direction === 'string' ? didYouMean(direction, directions) : null,
    );
  }
  const peelingAlpha = Object.hasOwn(raw, 'peelingAlpha') ? checkShare(context, raw.peelingAlpha, [...path, 'peelingAlpha'], 0, 0.5, true) : DEFAULT_PEELING_ALPHA;
  const minimumSupport = Object.hasOwn(raw, 'minimumSupport')
    ? checkShare(context, raw.minimumSupport, [...path, 'minimumSupport'], 0, 1, false)
    : DEFAULT_MINIMUM_SUPPORT;
  const minimumDensity = Object.hasOwn(raw, 'minimumDensity') ? checkShare(context, raw.minimumDensity, [...path, 'minimumDensity'], 0, 1, false) : null;
  return { outcome, threshold, direction: direction as ThresholdComparison, peelingAlpha, minimumSupport, minimumDensity };
}

// ---------------------------------------------------------------------------------------------------

/**
 * Validate a parsed experiment file.
 *
 * Why: the single gate between a user's experiment file and hours of computing. It rejects, with a
 * one-line message naming file, line, field path, what was expected and what was found (and a
 * did-you-mean hint where one helps): unknown keys at any level; a missing or malformed name,
 * description or scenario; a lever or uncertainty path that is not a parameter (or is a list or file
 * parameter, or is varied twice); an unknown or malformed distribution, one that does not suit the
 * parameter's kind, or bounds outside the parameter's allowed range; no factor at all; an unknown,
 * non-province or duplicated outcome; an unknown design or bad design settings (Morris levels odd,
 * Sobol' base samples not a power of two, `samples` missing or superfluous); replications or seed out
 * of range; and a scenario discovery that names no outcome. Pure: files (base scenario, CSV design)
 * are read by the loader.
 *
 * @param raw the parsed document.
 * @param file the file label used in messages.
 * @param options `locate` adds line numbers.
 * @returns the {@link ExperimentDefinition}.
 * @throws {ScenarioError} on the first problem (keys in documented order).
 * @example
 * validateExperiment(parseScenarioYaml(text, 'a.yaml').value, 'a.yaml').design.type // 'sobol'
 */
export function validateExperiment(raw: unknown, file: string, options: ValidateExperimentOptions = {}): ExperimentDefinition {
  const context: Context = { file, locate: options.locate };
  if (!isPlainMapping(raw)) {
    throw fail(
      context,
      [],
      'a YAML mapping with name, description, scenario, levers/uncertainties, outcomes and design',
      raw === null || raw === undefined ? 'an empty document' : describeFoundValue(raw),
    );
  }
  const known = EXPERIMENT_KEYS as readonly string[];
  for (const key of Object.keys(raw)) {
    if (known.includes(key)) continue;
    let hint = didYouMean(key, known);
    if (hint === null && leaves().has(key)) hint = 'put parameters under levers: or uncertainties: (with a distribution), or set them in the base scenario';
    throw fail(context, [key], 'a known key of an experiment file', `unknown key ${JSON.stringify(key)}`, hint ?? `known keys: ${known.join(', ')}`);
  }

  const nameValue = raw.name;
  if (typeof nameValue !== 'string' || nameProblem(nameValue) !== null) {
    throw fail(context, ['name'], EXPERIMENT_FIELD_TEXT.name, describeFoundValue(nameValue), nameHint(nameValue));
  }
  const description = checkOneLine(context, raw.description, ['description'], EXPERIMENT_FIELD_TEXT.description);
  const scenario = raw.scenario;
  if (typeof scenario !== 'string' || scenario.trim() === '') throw fail(context, ['scenario'], EXPERIMENT_FIELD_TEXT.scenario, describeFoundValue(scenario));

  const seen = new Map<string, FactorRole>();
  const factors = [
    ...checkFactors(context, 'lever', 'levers', raw.levers, seen),
    ...checkFactors(context, 'uncertainty', 'uncertainties', raw.uncertainties, seen),
  ];
  if (factors.length === 0) {
    throw fail(
      context,
      Object.hasOwn(raw, 'levers') ? ['levers'] : Object.hasOwn(raw, 'uncertainties') ? ['uncertainties'] : [],
      'at least one lever or uncertainty (levers: or uncertainties: with parameter paths and distributions)',
      'none',
    );
  }
  if (!Object.hasOwn(raw, 'outcomes')) throw fail(context, ['outcomes'], EXPERIMENT_FIELD_TEXT.outcomes, 'nothing (the key is missing)');
  const outcomes = checkOutcomes(context, raw.outcomes, new Set(factors.map((f) => f.name)));
  if (!Object.hasOwn(raw, 'design')) throw fail(context, ['design'], EXPERIMENT_FIELD_TEXT.design, 'nothing (the key is missing)');
  const design = checkDesign(context, raw.design, raw.samples, Object.hasOwn(raw, 'samples'), factors.length);
  const replicationsPerPoint = Object.hasOwn(raw, 'replicationsPerPoint')
    ? checkInteger(context, raw.replicationsPerPoint, ['replicationsPerPoint'], 1, 100_000)
    : DEFAULT_REPLICATIONS_PER_POINT;
  const seed = Object.hasOwn(raw, 'seed') ? checkInteger(context, raw.seed, ['seed'], 0, 4294967295) : DEFAULT_EXPERIMENT_SEED;

  if (design.type !== 'csv') {
    const points = designPointCount({ design, factors });
    const sizePath: FieldPathSegment[] = design.type === 'monte-carlo' || design.type === 'latin-hypercube' ? ['samples'] : ['design'];
    if (points > MAXIMUM_DESIGN_POINTS) {
      throw fail(context, sizePath, `a design of at most ${formatNumber(MAXIMUM_DESIGN_POINTS)} points`, `${formatNumber(points)} points`);
    }
    if (points * replicationsPerPoint > MAXIMUM_TASKS) {
      throw fail(context, ['replicationsPerPoint'], `at most ${formatNumber(MAXIMUM_TASKS)} runs (points × replications)`, `${formatNumber(points * replicationsPerPoint)} runs`);
    }
  }
  const scenarioDiscovery = checkDiscovery(context, raw.scenarioDiscovery, outcomes);
  return { name: nameValue, description, scenario, factors, outcomes, design, replicationsPerPoint, seed, scenarioDiscovery };
}
