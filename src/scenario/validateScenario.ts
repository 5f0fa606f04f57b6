/**
 * Validation of a parsed scenario file against the parameter specification table.
 *
 * A scenario file is a mapping with a `name` (kebab-case), a one-line `description`, and any subset of
 * the parameter groups of `parameterSpecification` as overrides on the defaults. Everything here is
 * driven by the table: a parameter added to the table is accepted, checked and documented without
 * touching this file. Only the cross-field rules of {@link checkParameterConsistency} name parameters.
 *
 * Pure module (no Node imports): the browser page validates scenarios with it too. Parsing YAML and
 * reading files is done by `parseScenarioYaml.ts` and `loadScenarioFile.ts`.
 */
import { replicationWork, replicationWorkProblem } from './replicationWork.ts';
import type { ModelInput } from '../model/modelInput.ts';
import {
  defaultParameters,
  isParameterLeaf,
  listParameterLeaves,
  parameterSpecification,
  type ParameterLeaf,
  type Parameters,
} from '../model/parameterSpecification.ts';
import { describeFoundValue, formatNumber, ScenarioError } from './scenarioError.ts';
import {
  describeLeafExpectation,
  describeNumericExpectation,
  formatChoiceList,
  type RangedParameterLeaf,
} from './parameterText.ts';
import { suggestSimilar } from './suggest.ts';

/** One step of a path into a scenario: a mapping key or a list index. */
export type FieldPathSegment = string | number;

/**
 * Finds the 1-based line of a key (or list item) in the source file, or null when it is not there.
 * Supplied by the YAML front end (see `parseScenarioYaml`); the validator itself knows no lines.
 */
export type FieldLocator = (path: readonly FieldPathSegment[]) => number | null;

/** Options of {@link validateScenario} and {@link checkParameterConsistency}. */
export interface ValidateScenarioOptions {
  /** Adds `line N` to error messages when given. */
  readonly locate?: FieldLocator;
}

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** The parameters a scenario sets explicitly, with the same nesting as {@link Parameters}. */
export type ParameterOverrides = DeepPartial<Parameters>;

/** A scenario that passed validation. */
export interface ValidatedScenario {
  /** Kebab-case name, unique among the scenarios of a run. */
  readonly name: string;
  /** One line, shown by `zonesim list`. */
  readonly description: string;
  /** Every parameter: the defaults with the overrides applied. */
  readonly parameters: Parameters;
  /** Only the parameters the file sets (validated copies). */
  readonly overrides: ParameterOverrides;
}

/** Scenario names: lower-case letters and digits in words joined by single hyphens. */
export const SCENARIO_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest scenario (and experiment) name: names become file and folder names. */
export const MAXIMUM_NAME_LENGTH = 64;

/** Names Windows reserves for devices: a file `con.yaml` or a folder `nul` cannot be made there. */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * Why a scenario or experiment name cannot be used, or null when it can: it must be kebab-case (see
 * {@link SCENARIO_NAME_PATTERN}), at most {@link MAXIMUM_NAME_LENGTH} characters, and not a Windows
 * device name, because run folders, copied scenario files and report files are named after it
 * (issue 11, D6: a 250-character name computed everything and then could not write its file).
 *
 * @returns null, `'kebab-case'`, `'length'` or `'device'`.
 * @example nameProblem('baseline') // null
 * @example nameProblem('nul') // 'device'
 */
export function nameProblem(name: string): 'kebab-case' | 'length' | 'device' | null {
  if (!SCENARIO_NAME_PATTERN.test(name)) return 'kebab-case';
  if (name.length > MAXIMUM_NAME_LENGTH) return 'length';
  if (WINDOWS_DEVICE_NAME.test(name)) return 'device';
  return null;
}

/**
 * The hint of a name error: the kebab-case spelling of a name that is not kebab-case ("did you mean
 * …?"), the length of a name that is too long, or why a device name is refused; null when none helps.
 *
 * @example nameHint('Baseline 2009') // 'did you mean "baseline-2009"?'
 */
export function nameHint(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const problem = nameProblem(value);
  if (problem === 'length') return `this one has ${value.length}`;
  if (problem === 'device') return 'a device name on Windows, which cannot be a file name there';
  const suggestion = toKebabCase(value);
  return suggestion !== '' && nameProblem(suggestion) === null ? `did you mean ${JSON.stringify(suggestion)}?` : null;
}

/**
 * Any text in kebab case: camelCase split, lower case, every run of other characters one hyphen, no
 * hyphen at either end; cut at a word boundary to {@link MAXIMUM_NAME_LENGTH} characters. May be
 * empty, and may still be a Windows device name (see {@link nameProblem}).
 *
 * @example toKebabCase('My Policy 2') // 'my-policy-2'
 */
export function toKebabCase(text: string): string {
  let name = text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name.length > MAXIMUM_NAME_LENGTH) {
    const cut = name.slice(0, MAXIMUM_NAME_LENGTH + 1);
    const boundary = cut.lastIndexOf('-');
    name = (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAXIMUM_NAME_LENGTH)).replace(/-+$/, '');
  }
  return name;
}

/** Top-level keys of a scenario file that are not parameter groups. */
export const SCENARIO_METADATA_KEYS = ['name', 'description'] as const;

/** Words for the `expected` part of name and description errors (also used by the JSON Schema). */
export const SCENARIO_METADATA_TEXT = {
  name: `a kebab-case scenario name of at most ${MAXIMUM_NAME_LENGTH} characters (lower-case letters, digits and single hyphens, e.g. "baseline-2009")`,
  description: 'a non-empty one-line description',
} as const;

/**
 * Render a path as written in messages: keys joined by dots, list indices in brackets.
 *
 * Why: the same spelling in every message, matching the dotted paths of docs/parameters.md.
 * Never throws.
 *
 * @example
 * formatFieldPath(['projects', 'industryWeights', 2]) // 'projects.industryWeights[2]'
 */
export function formatFieldPath(path: readonly FieldPathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** Context threaded through the recursive checks. */
interface Context {
  readonly file: string | null;
  readonly locate: FieldLocator | undefined;
}

interface FailureDetails {
  readonly expected: string;
  readonly found: string;
  readonly hint?: string | null;
  /** Paths tried in order for the line number; defaults to the failing path itself. */
  readonly linePaths?: ReadonlyArray<readonly FieldPathSegment[]>;
}

function fail(context: Context, path: readonly FieldPathSegment[], details: FailureDetails): ScenarioError {
  let line: number | null = null;
  if (context.locate) {
    for (const candidate of details.linePaths ?? [path]) {
      line = context.locate(candidate);
      if (line !== null) break;
    }
  }
  return new ScenarioError({
    file: context.file,
    fieldPath: path.length > 0 ? formatFieldPath(path) : null,
    expected: details.expected,
    found: details.found,
    hint: details.hint ?? null,
    line,
  });
}

/**
 * True for a mapping parsed from YAML or JSON (not a list, not null, not a class instance). Shared by
 * the validators of scenario, experiment and calibration files.
 *
 * @example isPlainMapping({ a: 1 }) // true; isPlainMapping([1]) // false
 */
export function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Hint for a string that holds a number or a boolean: the quotes are the mistake. */
function quotedScalarHint(value: unknown, wanted: 'number' | 'boolean'): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (wanted === 'number' && text !== '' && Number.isFinite(Number(text.replace(/_/g, '')))) {
    return text.includes('_') ? 'write the number without underscores or quotes' : 'write the number without quotes';
  }
  if (wanted === 'boolean') {
    if (/^(true|false)$/i.test(text)) return 'write true or false without quotes';
    if (/^(yes|no|on|off|y|n)$/i.test(text)) return 'YAML 1.2 reads yes/no/on/off as text; write true or false';
  }
  return null;
}

function checkNumber(
  context: Context,
  leaf: RangedParameterLeaf,
  value: unknown,
  path: readonly FieldPathSegment[],
): number {
  const integer = leaf.kind === 'integer';
  if (typeof value !== 'number') {
    throw fail(context, path, {
      expected: describeNumericExpectation(leaf),
      found: describeFoundValue(value),
      hint: quotedScalarHint(value, 'number'),
    });
  }
  if (!Number.isFinite(value)) {
    throw fail(context, path, { expected: describeNumericExpectation(leaf, true), found: formatNumber(value) });
  }
  if (integer && !Number.isInteger(value)) {
    throw fail(context, path, { expected: describeNumericExpectation(leaf), found: formatNumber(value) });
  }
  const exclusive = leaf.kind === 'number' && leaf.exclusiveMinimum === true;
  const belowMinimum = exclusive ? value <= leaf.minimum : value < leaf.minimum;
  if (belowMinimum || value > leaf.maximum) {
    throw fail(context, path, { expected: describeNumericExpectation(leaf), found: formatNumber(value) });
  }
  // Normalise -0 so that parameters compare and serialise like the defaults.
  return value === 0 ? 0 : value;
}

/** Check one parameter value against its leaf; returns the validated (copied) value. */
function checkLeaf(context: Context, leaf: ParameterLeaf, value: unknown, path: readonly FieldPathSegment[]): unknown {
  switch (leaf.kind) {
    case 'number':
    case 'integer':
      return checkNumber(context, leaf, value, path);
    case 'boolean':
      if (typeof value !== 'boolean') {
        throw fail(context, path, {
          expected: describeLeafExpectation(leaf),
          found: describeFoundValue(value),
          hint: quotedScalarHint(value, 'boolean'),
        });
      }
      return value;
    case 'choice': {
      if (typeof value === 'string' && leaf.choices.includes(value)) return value;
      const suggestion = typeof value === 'string' ? suggestSimilar(value, leaf.choices) : null;
      throw fail(context, path, {
        expected: `one of ${formatChoiceList(leaf.choices)}`,
        found: describeFoundValue(value),
        hint: suggestion !== null ? `did you mean ${JSON.stringify(suggestion)}?` : null,
      });
    }
    case 'numberList': {
      if (!Array.isArray(value)) {
        throw fail(context, path, {
          expected: describeLeafExpectation(leaf),
          found: describeFoundValue(value),
          hint: typeof value === 'number' ? 'write a list, e.g. [1, 2, 3]' : null,
        });
      }
      return value.map((element: unknown, index) => checkNumber(context, leaf, element, [...path, index]));
    }
    case 'path':
      if (value === null) return null;
      if (typeof value !== 'string' || value.trim() === '') {
        throw fail(context, path, { expected: describeLeafExpectation(leaf), found: describeFoundValue(value) });
      }
      return value;
    default: {
      const unknownLeaf: never = leaf;
      throw new Error(`validateScenario: unsupported parameter kind ${String((unknownLeaf as { kind?: unknown }).kind)}`);
    }
  }
}

/** Every leaf path, to suggest `projects.anchorSize` when `anchorSize` is written under another group. */
let leafPathsCache: string[] | null = null;
function allLeafPaths(): string[] {
  leafPathsCache ??= listParameterLeaves().map(([leafPath]) => leafPath);
  return leafPathsCache;
}

/** Each leaf path with its leaf and its keys, for {@link checkParameterValues}. */
let leafByPathCache: Map<string, { readonly leaf: ParameterLeaf; readonly segments: readonly string[] }> | null = null;

/**
 * Check the values at some dotted paths of complete parameters against the table (type, integer,
 * finite, range with exclusive minima, choice), exactly as a scenario file's values are checked.
 *
 * Why: an experiment writes its factor values into the base scenario's parameters; each design point
 * must be a scenario the validator would accept, whatever design produced it. Pure.
 *
 * @param parameters Complete parameters (the other values are not looked at).
 * @param paths Dotted leaf paths, e.g. `['industries.count']`.
 * @param file File label for messages (null when the parameters do not come from a file).
 * @throws {ScenarioError} `<file>: <path>: expected <range>, found <value>`; an Error for a path that is
 *   not a parameter (a programming error).
 * @example
 * checkParameterValues(parameters, ['guarantees.leverageMultiple'], null);
 */
export function checkParameterValues(
  parameters: Parameters,
  paths: readonly string[],
  file: string | null,
  options: ValidateScenarioOptions = {},
): void {
  leafByPathCache ??= new Map(listParameterLeaves().map(([leafPath, leaf]) => [leafPath, { leaf, segments: leafPath.split('.') }]));
  const context: Context = { file, locate: options.locate };
  for (const dotted of paths) {
    const entry = leafByPathCache.get(dotted);
    if (entry === undefined) throw new Error(`checkParameterValues: ${dotted} is not a parameter`);
    let value: unknown = parameters;
    for (const key of entry.segments) value = (value as Record<string, unknown>)[key];
    checkLeaf(context, entry.leaf, value, entry.segments);
  }
}

function unknownKeyError(
  context: Context,
  parentPath: readonly FieldPathSegment[],
  key: string,
  siblings: readonly string[],
): ScenarioError {
  const path = [...parentPath, key];
  const parentLabel = parentPath.length === 0 ? 'a scenario file' : formatFieldPath(parentPath);
  let hint: string | null = null;
  const sibling = suggestSimilar(key, siblings);
  const leafPaths = allLeafPaths();
  if (key.includes('.') && leafPaths.includes(formatFieldPath([...parentPath, ...key.split('.')]))) {
    hint = `write nested keys (${key.split('.').join(': ')}: …), not a dotted path`;
  } else if (sibling !== null) {
    hint = `did you mean ${JSON.stringify(sibling)}?`;
  } else {
    const lastSegment = key.toLowerCase();
    const elsewhere = leafPaths.filter((leafPath) => leafPath.split('.').pop()?.toLowerCase() === lastSegment);
    if (elsewhere.length > 0) {
      hint = `did you mean ${elsewhere.map((leafPath) => JSON.stringify(leafPath)).join(' or ')}?`;
    } else {
      hint = `known keys: ${siblings.join(', ')}`;
    }
  }
  return fail(context, path, {
    expected: `a known key of ${parentLabel}`,
    found: `unknown key ${JSON.stringify(key)}`,
    hint,
  });
}

/**
 * Validate a group mapping against its specification node and write the values into `target` (the
 * parameters) and `overrides`.
 */
function validateGroup(
  context: Context,
  specNode: Record<string, unknown>,
  raw: unknown,
  path: readonly FieldPathSegment[],
  target: Record<string, unknown>,
  overrides: Record<string, unknown>,
): void {
  const keys = Object.keys(specNode);
  if (!isPlainMapping(raw)) {
    throw fail(context, path, {
      expected: `a mapping of the parameters of ${formatFieldPath(path)} (${keys.join(', ')})`,
      found: describeFoundValue(raw),
    });
  }
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(specNode, key)) throw unknownKeyError(context, path, key, keys);
    const child = specNode[key];
    const childPath = [...path, key];
    if (isParameterLeaf(child)) {
      const value = checkLeaf(context, child, raw[key], childPath);
      target[key] = value;
      overrides[key] = Array.isArray(value) ? [...value] : value;
    } else {
      const childOverrides: Record<string, unknown> = {};
      overrides[key] = childOverrides;
      validateGroup(
        context,
        child as Record<string, unknown>,
        raw[key],
        childPath,
        target[key] as Record<string, unknown>,
        childOverrides,
      );
    }
  }
}

function checkName(context: Context, value: unknown): string {
  if (typeof value !== 'string' || nameProblem(value) !== null) {
    throw fail(context, ['name'], { expected: SCENARIO_METADATA_TEXT.name, found: describeFoundValue(value), hint: nameHint(value) });
  }
  return value;
}

function checkDescription(context: Context, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw fail(context, ['description'], {
      expected: SCENARIO_METADATA_TEXT.description,
      found: describeFoundValue(value),
    });
  }
  const text = value.trim();
  if (/[\r\n]/.test(text)) {
    const lines = text.split(/\r?\n|\r/).length;
    throw fail(context, ['description'], {
      expected: SCENARIO_METADATA_TEXT.description,
      found: `a text of ${lines} lines`,
      hint: 'put details in a YAML comment; the description is the line shown by zonesim list',
    });
  }
  return text;
}

/**
 * Validate a parsed scenario file (the plain object YAML gives) and apply its overrides to the
 * default parameters.
 *
 * Why: this is the single gate between user-written files and the model. It rejects, with a one-line
 * message naming file, field, expected and found: a non-mapping document; a missing or non-kebab-case
 * `name`; a missing or multi-line `description`; an unknown key at any level (with a "did you mean"
 * hint); a group given as a scalar; a value of the wrong type; a non-integer where an integer is
 * required; `.nan`/`.inf`; a value outside the range of the table (exclusive minima included); a choice
 * not in the list; a bad element of a number list; and the cross-field rules of
 * {@link checkParameterConsistency}. Pure: no file access, runs in a browser.
 *
 * @param raw The parsed document (`unknown`: anything YAML or JSON can produce).
 * @param file The file label used in messages, e.g. `scenarios/baseline.yaml`.
 * @param options `locate` adds line numbers to messages.
 * @returns Name, description, the full parameters, and the overrides actually given.
 * @throws {ScenarioError} On the first problem found: keys in file order, then a missing name or
 *   description, then the cross-field rules.
 *
 * @example
 * const scenario = validateScenario(
 *   { name: 'no-zones', description: 'Scattered counterfactual', zones: { count: 0 } },
 *   'scenarios/no-zones.yaml',
 * );
 * scenario.parameters.zones.count; // 0, every other parameter at its default
 */
export function validateScenario(raw: unknown, file: string, options: ValidateScenarioOptions = {}): ValidatedScenario {
  const context: Context = { file, locate: options.locate };
  const groupKeys = Object.keys(parameterSpecification);
  const topKeys = [...SCENARIO_METADATA_KEYS, ...groupKeys];
  if (!isPlainMapping(raw)) {
    throw fail(context, [], {
      expected: 'a YAML mapping with name, description and parameter groups',
      found: raw === null || raw === undefined ? 'an empty document' : describeFoundValue(raw),
    });
  }
  const parameters = defaultParameters();
  const overrides: Record<string, unknown> = {};
  let name: string | null = null;
  let description: string | null = null;
  for (const key of Object.keys(raw)) {
    if (key === 'name') {
      name = checkName(context, raw.name);
      continue;
    }
    if (key === 'description') {
      description = checkDescription(context, raw.description);
      continue;
    }
    if (!Object.hasOwn(parameterSpecification, key)) throw unknownKeyError(context, [], key, topKeys);
    const spec = (parameterSpecification as unknown as Record<string, unknown>)[key];
    if (isParameterLeaf(spec)) {
      // A parameter declared at the top level of the table rather than inside a group.
      const value = checkLeaf(context, spec, raw[key], [key]);
      (parameters as unknown as Record<string, unknown>)[key] = value;
      overrides[key] = Array.isArray(value) ? [...value] : value;
      continue;
    }
    const groupOverrides: Record<string, unknown> = {};
    overrides[key] = groupOverrides;
    validateGroup(
      context,
      spec as Record<string, unknown>,
      raw[key],
      [key],
      (parameters as unknown as Record<string, Record<string, unknown>>)[key],
      groupOverrides,
    );
  }
  name ??= checkName(context, undefined);
  description ??= checkDescription(context, undefined);
  checkParameterConsistency(parameters, file, options);
  return { name, description, parameters, overrides: overrides as ParameterOverrides };
}

/**
 * Check the rules that tie parameters together (each field alone is already in range):
 * - `industries.supplyChains` ≤ `industries.count`;
 * - `zones.leadingIndustriesPerZone` ≤ `industries.count`;
 * - `projects.sizeMaximum` ≥ `projects.sizeMinimum` (`anchorSize` may lie anywhere: a very large value
 *   simply means no anchor firms);
 * - when `projects.industryMix` is `weights`: `projects.industryWeights` has `industries.count`
 *   elements with a positive sum;
 * - otherwise `projects.industryWeights` is empty (non-empty weights would be silently ignored).
 *
 * Why a separate export: the browser page changes parameters with sliders and must re-check these
 * rules without a scenario file. Pure.
 *
 * @param parameters Complete parameters whose fields are individually valid.
 * @param file File label for messages (null when the parameters do not come from a file).
 * @param options `locate` adds line numbers to messages.
 * @throws {ScenarioError} Naming the field that breaks the rule and the field it is compared with.
 *
 * @example
 * const parameters = defaultParameters();
 * parameters.industries.supplyChains = 30;
 * checkParameterConsistency(parameters, 'a.yaml');
 * // throws: a.yaml: industries.supplyChains: expected at most industries.count (20), found 30
 */
export function checkParameterConsistency(
  parameters: Parameters,
  file: string | null,
  options: ValidateScenarioOptions = {},
): void {
  const context: Context = { file, locate: options.locate };
  const count = parameters.industries.count;
  const countPath = ['industries', 'count'];

  const atMostCount = (group: string, key: string, value: number): void => {
    if (value > count) {
      throw fail(context, [group, key], {
        expected: `at most industries.count (${count})`,
        found: formatNumber(value),
        linePaths: [[group, key], countPath],
      });
    }
  };
  atMostCount('industries', 'supplyChains', parameters.industries.supplyChains);
  atMostCount('zones', 'leadingIndustriesPerZone', parameters.zones.leadingIndustriesPerZone);

  const { sizeMinimum, sizeMaximum, industryMix, industryWeights } = parameters.projects;
  if (sizeMaximum < sizeMinimum) {
    throw fail(context, ['projects', 'sizeMaximum'], {
      expected: `at least projects.sizeMinimum (${formatNumber(sizeMinimum)})`,
      found: formatNumber(sizeMaximum),
      linePaths: [['projects', 'sizeMaximum'], ['projects', 'sizeMinimum']],
    });
  }

  const weightsPath = ['projects', 'industryWeights'];
  const weightsLines = [weightsPath, ['projects', 'industryMix'], countPath];
  if (industryMix === 'weights') {
    if (industryWeights.length !== count) {
      throw fail(context, weightsPath, {
        expected: `a list of industries.count (${count}) weights, because projects.industryMix is "weights"`,
        found: describeFoundValue(industryWeights),
        linePaths: weightsLines,
      });
    }
    const sum = industryWeights.reduce((total, weight) => total + weight, 0);
    if (!(sum > 0) || !Number.isFinite(sum)) {
      throw fail(context, weightsPath, {
        expected: 'weights with a positive sum',
        found: 'all weights 0',
        linePaths: weightsLines,
      });
    }
  } else if (industryWeights.length > 0) {
    throw fail(context, weightsPath, {
      expected: `an empty list, because projects.industryMix is ${JSON.stringify(industryMix)}`,
      found: describeFoundValue(industryWeights),
      hint: 'set industryMix: weights to use the weights, or remove industryWeights',
      linePaths: weightsLines,
    });
  }

  // A hard bound on the work of one replication (issue 11, item 4), so that no valid file can exhaust
  // the machine: src/scenario/replicationWork.ts.
  const tooLarge = replicationWorkProblem(replicationWork(parameters));
  if (tooLarge !== null) {
    throw fail(context, tooLarge.path, {
      expected: tooLarge.expected,
      found: tooLarge.found,
      hint: 'lower projects.perYear, projects.growthPerYear, firms.initialCount, zones.count or time.years, or split the region into several scenarios',
      linePaths: [tooLarge.path, ['projects', 'perYear'], ['firms', 'initialCount'], ['time', 'years']],
    });
  }

  if (parameters.zones.count === 0 && !parameters.choice.outside.enabled) {
    throw fail(context, ['choice', 'outside', 'enabled'], {
      expected: 'true when zones.count is 0 (projects need somewhere to locate)',
      found: 'false',
      linePaths: [['choice', 'outside', 'enabled'], ['zones', 'count']],
    });
  }
}

/** Options of {@link checkModelInputConsistency}. */
export interface CheckModelInputOptions extends ValidateScenarioOptions {
  /**
   * How to name the relatedness matrix in messages, e.g. `data/io.csv named by
   * industries.relatednessFile in base.yaml`; default `read from industries.relatednessFile`.
   */
  readonly relatednessSource?: string | null;
}

/**
 * Check everything that ties the parameters to each other and to the data files read with them:
 * the rules of {@link checkParameterConsistency}, and a relatedness matrix of exactly
 * `industries.count`² values (K×K, K = industries.count).
 *
 * Why: a scenario file gets these checks when it is loaded (the CSV is parsed against its own
 * industries.count), but an experiment may vary `industries.count` on top of a base scenario whose
 * matrix is fixed; the model would then read the first k² numbers of the K×K matrix in row order —
 * a wrong, asymmetric matrix (issue 11, D1). Every design point goes through this check. Pure.
 *
 * @param input Parameters (each value already valid) and the relatedness matrix or null.
 * @param file File label for messages (null when not from a file).
 * @param options `locate` adds line numbers; `relatednessSource` names the matrix's file.
 * @throws {ScenarioError} `industries.count: expected 3 (the size of the 3×3 relatedness matrix …), found 2`,
 *   or the error of {@link checkParameterConsistency}.
 * @example
 * checkModelInputConsistency({ parameters, relatedness: { industryNames: null, values: [1, 0.5, 0.5, 1] } }, null);
 * // throws unless parameters.industries.count is 2
 */
export function checkModelInputConsistency(input: ModelInput, file: string | null, options: CheckModelInputOptions = {}): void {
  checkParameterConsistency(input.parameters, file, options);
  if (input.relatedness === null) return;
  const count = input.parameters.industries.count;
  const cells = input.relatedness.values.length;
  const size = Math.round(Math.sqrt(cells));
  if (size * size === cells && size === count) return;
  const source = options.relatednessSource ?? 'read from industries.relatednessFile';
  const matrix = size * size === cells ? `the ${size}×${size} relatedness matrix` : `a relatedness matrix of ${cells} values`;
  throw fail({ file, locate: options.locate }, ['industries', 'count'], {
    expected: `${size * size === cells ? size : 'its size'} (the size of ${matrix} ${source})`,
    found: formatNumber(count),
    hint: 'a matrix read from a file fixes the number of industries; vary industries.count only with the generated matrix',
    linePaths: [['industries', 'count'], ['industries', 'relatednessFile']],
  });
}
