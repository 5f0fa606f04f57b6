/**
 * Validation of a parsed claims file (the plain object YAML gives) into a {@link ClaimsDefinition},
 * with the one-line messages of scenario, experiment and calibration files:
 * `<file>: line N: <field path>: expected <what>, found <what> (did you mean …?)`.
 *
 * Checked here: keys, types, ids, rule ids, contrast kinds and their arms (a 2×2 needs four), reporter
 * names (province reporters of src/outcomes/reporters.ts), directions, smallest effects, window names
 * and year ranges, robustness forms (parameter paths and values in their allowed range or choices) and
 * ranges. The scenario files themselves, the windows against the runs' recorded years and the posterior
 * file are checked by loadClaimsFile.ts, which needs the file system. Pure module (no Node imports).
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { listParameterLeaves, type ParameterLeaf } from '../model/parameterSpecification.ts';
import { reporters } from '../outcomes/reporters.ts';
import { describeNumericExpectation, formatChoiceList } from '../scenario/parameterText.ts';
import { describeFoundValue, ScenarioError } from '../scenario/scenarioError.ts';
import { checkKnownKeys, didYouMeanHint, locatedFieldError } from '../scenario/locatedFieldError.ts';
import { isPlainMapping, SCENARIO_NAME_PATTERN, type FieldLocator, type FieldPathSegment } from '../scenario/validateScenario.ts';
import {
  CLAIM_DIRECTIONS,
  CONTRAST_ARMS,
  CONTRAST_KINDS,
  END_WINDOW,
  UNCERTAINTY_KINDS,
  type ClaimDefinition,
  type ClaimOutcome,
  type ClaimsDefinition,
  type ClaimWindow,
  type ContrastKind,
  type RobustnessForm,
  type RobustnessRange,
  type RobustnessSettings,
  type ScenarioGroup,
  type SmallestEffect,
} from './claimsDefinition.ts';

/** Keys of the top level of a claims file. */
export const CLAIMS_TOP_KEYS = ['name', 'description', 'windows', 'groups', 'robustness', 'claims'] as const;
/** Keys of a claim. */
export const CLAIM_KEYS = ['id', 'title', 'words', 'rules', 'contrast', 'factors', 'arms', 'outcomes', 'windows', 'robustness', 'note'] as const;
/** Keys of a claim's outcome. */
export const OUTCOME_KEYS = ['reporter', 'direction', 'smallestEffect', 'primary'] as const;
/** Keys of a named window. */
export const WINDOW_KEYS = ['label', 'from', 'to'] as const;
/** Keys of a group. */
export const GROUP_KEYS = ['name', 'label', 'reference', 'scenarios'] as const;
/** Keys of the file's robustness settings. */
export const ROBUSTNESS_KEYS = ['replications', 'draws', 'forms', 'ranges', 'posterior'] as const;
/** Keys of a claim's robustness. */
export const CLAIM_ROBUSTNESS_KEYS = ['forms', 'uncertainty'] as const;
/** Rule ids: R1 … R16 of shared/mission/speech-rules.md. */
export const RULE_ID_PATTERN = /^R(?:[1-9]|1[0-6])$/;
/** Most replications of a robustness variant (each variant of each arm runs this many). */
export const MAXIMUM_ROBUSTNESS_REPLICATIONS = 100;
/** Most parameter draws per claim. */
export const MAXIMUM_ROBUSTNESS_DRAWS = 1000;
/** Defaults of the file's robustness settings. */
export const DEFAULT_ROBUSTNESS = { replications: 5, draws: 12 } as const;
/** Years a window may name. */
export const WINDOW_YEAR_RANGE = { min: 1900, max: 2200 } as const;

/** Options of {@link validateClaimsFile}. */
export interface ValidateClaimsOptions {
  /** Adds `line N` to messages (see parseScenarioYaml). */
  readonly locate?: FieldLocator;
}

/** Where messages point. */
interface Context {
  readonly file: string | null;
  readonly locate: FieldLocator | undefined;
}

/**
 * A {@link ScenarioError} at a field of a claims file, with the line of the deepest part of the path
 * that the file contains.
 *
 * @example throw claimsError({ file: 'c.yaml', locate }, ['claims', 0, 'contrast'], 'pair or interaction', '"triple"')
 */
export const claimsError: (context: { readonly file: string | null; readonly locate?: FieldLocator }, path: readonly FieldPathSegment[], expected: string, found: string, hint?: string | null) => ScenarioError = locatedFieldError;

const didYouMean = didYouMeanHint;

const checkKeys = checkKnownKeys;

function mapping(context: Context, value: unknown, path: readonly FieldPathSegment[], expected: string): Record<string, unknown> {
  if (!isPlainMapping(value)) throw claimsError(context, path, expected, describeFoundValue(value));
  return value;
}

function list(context: Context, value: unknown, path: readonly FieldPathSegment[], expected: string, minimum = 1): unknown[] {
  if (!Array.isArray(value) || value.length < minimum) throw claimsError(context, path, expected, describeFoundValue(value));
  return value;
}

function required(context: Context, owner: Record<string, unknown>, key: string, path: readonly FieldPathSegment[], expected: string): unknown {
  if (!Object.hasOwn(owner, key)) throw claimsError(context, [...path, key], expected, 'nothing (the key is missing)');
  return owner[key];
}

function quotedNumberHint(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? 'write the number without quotes' : null;
}

function checkNumber(context: Context, value: unknown, path: readonly FieldPathSegment[], expected: string, accept: (n: number) => boolean = () => true): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !accept(value)) throw claimsError(context, path, expected, describeFoundValue(value), quotedNumberHint(value));
  return value === 0 ? 0 : value;
}

function checkInteger(context: Context, value: unknown, path: readonly FieldPathSegment[], min: number, max: number): number {
  return checkNumber(context, value, path, `an integer in [${min}, ${max}]`, (n) => Number.isInteger(n) && n >= min && n <= max);
}

function checkText(context: Context, value: unknown, path: readonly FieldPathSegment[], expected: string, oneLine = true): string {
  if (typeof value !== 'string' || value.trim() === '') throw claimsError(context, path, expected, describeFoundValue(value));
  const text = value.trim();
  if (oneLine && /[\r\n]/.test(text)) throw claimsError(context, path, expected, `a text of ${text.split(/\r?\n|\r/).length} lines`, 'write it on one line (YAML folds `>` blocks into one)');
  return text;
}

function checkName(context: Context, value: unknown, path: readonly FieldPathSegment[], what: string): string {
  if (typeof value !== 'string' || !SCENARIO_NAME_PATTERN.test(value) || value.length > 64) {
    throw claimsError(context, path, `${what}: lower-case letters and digits in words joined by "-" (at most 64 characters)`, describeFoundValue(value));
  }
  return value;
}

function checkChoice<T extends string>(context: Context, value: unknown, path: readonly FieldPathSegment[], choices: readonly T[], what: string): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw claimsError(context, path, `${what}: one of ${formatChoiceList(choices)}`, describeFoundValue(value), typeof value === 'string' ? didYouMean(value, choices) : null);
}

function checkScenarioPath(context: Context, value: unknown, path: readonly FieldPathSegment[]): string {
  const expected = 'a scenario file (.yaml or .yml, relative to the claims file)';
  const text = checkText(context, value, path, expected);
  if (!/\.ya?ml$/i.test(text)) throw claimsError(context, path, expected, describeFoundValue(value));
  return text;
}

// ---------------------------------------------------------------------------------------------------
// Windows

function checkWindows(context: Context, raw: unknown): ClaimWindow[] {
  if (raw === undefined || raw === null) return [];
  const path = ['windows'];
  const body = mapping(context, raw, path, 'a mapping of window names to { from, to, label } (e.g. crisis: { from: 2010, to: 2012 })');
  const windows: ClaimWindow[] = [];
  for (const [name, value] of Object.entries(body)) {
    const here = [...path, name];
    if (name === END_WINDOW) throw claimsError(context, here, `a window name other than "${END_WINDOW}" (every claim is judged at the end state)`, `"${END_WINDOW}"`);
    checkName(context, name, here, 'a window name');
    const w = mapping(context, value, here, 'a mapping { from, to, label } of recorded years');
    checkKeys(context, w, WINDOW_KEYS, here, 'a window');
    const yearText = `a year in [${WINDOW_YEAR_RANGE.min}, ${WINDOW_YEAR_RANGE.max}] (the year column of results.csv: 2010 is the state on 1 January 2010)`;
    const inRange = (n: number): boolean => n >= WINDOW_YEAR_RANGE.min && n <= WINDOW_YEAR_RANGE.max;
    const from = checkNumber(context, required(context, w, 'from', here, yearText), [...here, 'from'], yearText, inRange);
    const to = checkNumber(context, required(context, w, 'to', here, yearText), [...here, 'to'], `${yearText}, at least from (${from})`, (n) => inRange(n) && n >= from);
    const label = w.label === undefined ? `${name} ${from}–${to}` : checkText(context, w.label, [...here, 'label'], 'a one-line label');
    windows.push({ name, label, from, to });
  }
  return windows;
}

// ---------------------------------------------------------------------------------------------------
// Groups

function checkGroups(context: Context, raw: unknown): ScenarioGroup[] {
  if (raw === undefined || raw === null) return [];
  const items = list(context, raw, ['groups'], 'a list of groups, each { name, label, reference, scenarios }');
  const names = new Set<string>();
  return items.map((item, i) => {
    const here = ['groups', i];
    const g = mapping(context, item, here, 'a group { name, label, reference, scenarios }');
    checkKeys(context, g, GROUP_KEYS, here, 'a group');
    const name = checkName(context, required(context, g, 'name', here, 'a group name'), [...here, 'name'], 'a group name');
    if (names.has(name)) throw claimsError(context, [...here, 'name'], 'a group name no other group uses', JSON.stringify(name));
    names.add(name);
    const label = g.label === undefined ? name : checkText(context, g.label, [...here, 'label'], 'a one-line label');
    const reference = checkScenarioPath(context, required(context, g, 'reference', here, 'a scenario file'), [...here, 'reference']);
    const listed = list(context, required(context, g, 'scenarios', here, 'a list of scenario files'), [...here, 'scenarios'], 'a list of scenario files').map((s, j) =>
      checkScenarioPath(context, s, [...here, 'scenarios', j]),
    );
    return { name, label, reference, scenarios: listed };
  });
}

// ---------------------------------------------------------------------------------------------------
// Robustness

let leafIndex: Map<string, ParameterLeaf> | null = null;
function leaves(): Map<string, ParameterLeaf> {
  leafIndex ??= new Map(listParameterLeaves());
  return leafIndex;
}

function parameterLeaf(context: Context, name: string, path: readonly FieldPathSegment[]): ParameterLeaf {
  const leaf = leaves().get(name);
  const group = name.split('.')[0];
  if (leaf === undefined || group === 'time' || group === 'output') {
    const paths = [...leaves().keys()].filter((p) => !p.startsWith('time.') && !p.startsWith('output.'));
    throw claimsError(context, path, 'the dotted path of a model parameter outside time and output (see docs/parameters.md)', `unknown parameter ${JSON.stringify(name)}`, didYouMean(name, paths));
  }
  return leaf;
}

function checkParameterValue(context: Context, name: string, leaf: ParameterLeaf, value: unknown, path: readonly FieldPathSegment[]): FactorValue {
  if (leaf.kind === 'number' || leaf.kind === 'integer') {
    const expected = `${describeNumericExpectation(leaf)} (the allowed range of ${name})`;
    return checkNumber(context, value, path, expected, (n) => n >= leaf.minimum && n <= leaf.maximum && (leaf.kind !== 'integer' || Number.isInteger(n)) && !(leaf.kind === 'number' && leaf.exclusiveMinimum === true && n === leaf.minimum));
  }
  if (leaf.kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    throw claimsError(context, path, `true or false (${name} is a switch)`, describeFoundValue(value));
  }
  if (leaf.kind === 'choice') return checkChoice(context, value, path, leaf.choices, `a choice of ${name}`);
  throw claimsError(context, path, 'a number, switch or choice parameter', `${name}, a ${leaf.kind} parameter`);
}

function checkRobustness(context: Context, raw: unknown): RobustnessSettings {
  const path = ['robustness'];
  if (raw === undefined || raw === null) return { ...DEFAULT_ROBUSTNESS, forms: [], ranges: [], posterior: null };
  const r = mapping(context, raw, path, 'a mapping { replications, draws, forms, ranges, posterior }');
  checkKeys(context, r, ROBUSTNESS_KEYS, path, 'robustness');
  const replications = r.replications === undefined ? DEFAULT_ROBUSTNESS.replications : checkInteger(context, r.replications, [...path, 'replications'], 2, MAXIMUM_ROBUSTNESS_REPLICATIONS);
  const draws = r.draws === undefined ? DEFAULT_ROBUSTNESS.draws : checkInteger(context, r.draws, [...path, 'draws'], 2, MAXIMUM_ROBUSTNESS_DRAWS);
  const forms: RobustnessForm[] = [];
  if (r.forms !== undefined && r.forms !== null) {
    const body = mapping(context, r.forms, [...path, 'forms'], 'a mapping of form names to parameter settings (e.g. agglomeration-linear: { choice.agglomeration.form: linear })');
    for (const [name, value] of Object.entries(body)) {
      const here = [...path, 'forms', name];
      checkName(context, name, here, 'a form name');
      const settings = mapping(context, value, here, 'a mapping of dotted parameter paths to values');
      if (Object.keys(settings).length === 0) throw claimsError(context, here, 'at least one parameter setting', 'an empty mapping');
      const overrides = Object.entries(settings).map(([parameter, v]): readonly [string, FactorValue] => {
        const leaf = parameterLeaf(context, parameter, [...here, parameter]);
        return [parameter, checkParameterValue(context, parameter, leaf, v, [...here, parameter])];
      });
      forms.push({ name, overrides });
    }
  }
  const ranges: RobustnessRange[] = [];
  if (r.ranges !== undefined && r.ranges !== null) {
    const body = mapping(context, r.ranges, [...path, 'ranges'], 'a mapping of dotted parameter paths to { min, max }');
    for (const [parameter, value] of Object.entries(body)) {
      const here = [...path, 'ranges', parameter];
      const leaf = parameterLeaf(context, parameter, here);
      if (leaf.kind !== 'number') throw claimsError(context, here, 'a real-valued parameter (a Latin hypercube range)', `${parameter}, a ${leaf.kind} parameter`);
      const range = mapping(context, value, here, 'a mapping { min, max }');
      checkKeys(context, range, ['min', 'max'], here, 'a range');
      const min = checkParameterValue(context, parameter, leaf, required(context, range, 'min', here, 'a number'), [...here, 'min']) as number;
      const max = checkParameterValue(context, parameter, leaf, required(context, range, 'max', here, 'a number'), [...here, 'max']) as number;
      if (!(max > min)) throw claimsError(context, [...here, 'max'], `a number greater than min (${min})`, describeFoundValue(max));
      ranges.push({ parameter, min, max });
    }
  }
  const posterior = r.posterior === undefined || r.posterior === null ? null : checkText(context, r.posterior, [...path, 'posterior'], 'a posterior sample CSV file (relative to the claims file)');
  if (posterior !== null && !/\.csv$/i.test(posterior)) throw claimsError(context, [...path, 'posterior'], 'a posterior sample CSV file (.csv, relative to the claims file)', describeFoundValue(posterior));
  return { replications, draws, forms, ranges, posterior };
}

// ---------------------------------------------------------------------------------------------------
// Claims

const provinceReporters = (): string[] => reporters.filter((r) => r.scope === 'province').map((r) => r.name);

function checkSmallestEffect(context: Context, raw: unknown, path: readonly FieldPathSegment[]): SmallestEffect {
  const expected = 'a mapping with one of relative (a share of the reference mean, e.g. 0.05) or absolute (in the outcome’s unit)';
  const s = mapping(context, raw, path, expected);
  checkKeys(context, s, ['relative', 'absolute'], path, 'a smallest effect');
  const keys = Object.keys(s);
  if (keys.length !== 1) throw claimsError(context, path, expected, keys.length === 0 ? 'an empty mapping' : 'both relative and absolute');
  if (keys[0] === 'relative') return { relative: checkNumber(context, s.relative, [...path, 'relative'], 'a number in [0, 10] (a share of the reference mean; 0.05 = 5 %)', (n) => n >= 0 && n <= 10) };
  return { absolute: checkNumber(context, s.absolute, [...path, 'absolute'], 'a number ≥ 0 (in the outcome’s unit)', (n) => n >= 0) };
}

function checkOutcome(context: Context, raw: unknown, path: readonly FieldPathSegment[]): ClaimOutcome {
  const o = mapping(context, raw, path, 'an outcome { reporter, direction, smallestEffect, primary }');
  checkKeys(context, o, OUTCOME_KEYS, path, 'an outcome');
  const names = provinceReporters();
  const reporter = required(context, o, 'reporter', path, 'a province reporter name');
  if (typeof reporter !== 'string' || !names.includes(reporter)) {
    const zoneOrIndustry = typeof reporter === 'string' && reporters.some((r) => r.name === reporter);
    throw claimsError(
      context,
      [...path, 'reporter'],
      'a province reporter of src/outcomes/reporters.ts (see docs/ODD.md section 8)',
      zoneOrIndustry ? `${JSON.stringify(reporter)}, a zone or industry reporter` : typeof reporter === 'string' ? `unknown reporter ${JSON.stringify(reporter)}` : describeFoundValue(reporter),
      typeof reporter === 'string' ? didYouMean(reporter, names) : null,
    );
  }
  const direction = checkChoice(context, required(context, o, 'direction', path, 'increase or decrease'), [...path, 'direction'], CLAIM_DIRECTIONS, 'the claimed direction');
  const smallestEffect = checkSmallestEffect(context, required(context, o, 'smallestEffect', path, 'a smallest effect that matters'), [...path, 'smallestEffect']);
  let primary = false;
  if (o.primary !== undefined) {
    if (typeof o.primary !== 'boolean') throw claimsError(context, [...path, 'primary'], 'true or false', describeFoundValue(o.primary));
    primary = o.primary;
  }
  return { reporter, direction, smallestEffect, primary };
}

function checkArms(context: Context, raw: unknown, contrast: ContrastKind, path: readonly FieldPathSegment[]): Record<string, string> {
  const keys = CONTRAST_ARMS[contrast];
  const what = contrast === 'pair' ? 'a pair' : 'a 2×2 interaction';
  const expected = `the ${keys.length} arms of ${what}: ${keys.join(', ')}`;
  const a = mapping(context, raw, path, `a mapping of ${expected}`);
  checkKeys(context, a, keys, path, `the arms of ${what}`);
  const missing = keys.filter((k) => !Object.hasOwn(a, k));
  if (missing.length > 0) {
    throw claimsError(context, path, expected, `${Object.keys(a).length} arm${Object.keys(a).length === 1 ? '' : 's'} (missing ${missing.join(', ')})`);
  }
  const arms: Record<string, string> = {};
  for (const k of keys) arms[k] = checkScenarioPath(context, a[k], [...path, k]);
  const files = keys.map((k) => arms[k]);
  const duplicate = files.findIndex((f, i) => files.indexOf(f) !== i);
  if (duplicate >= 0) throw claimsError(context, [...path, keys[duplicate]], 'a scenario file no other arm of this claim uses', JSON.stringify(files[duplicate]));
  return arms;
}

function checkClaim(context: Context, raw: unknown, index: number, windows: readonly ClaimWindow[], forms: readonly RobustnessForm[], hasRanges: boolean, hasPosterior: boolean): ClaimDefinition {
  const path = ['claims', index];
  const c = mapping(context, raw, path, 'a claim { id, title, words, rules, contrast, arms, outcomes, … }');
  checkKeys(context, c, CLAIM_KEYS, path, 'a claim');
  const id = checkName(context, required(context, c, 'id', path, 'a claim id'), [...path, 'id'], 'a claim id');
  const title = checkText(context, required(context, c, 'title', path, 'a one-line title'), [...path, 'title'], 'a one-line title');
  const words = mapping(context, required(context, c, 'words', path, 'the speech’s words { zh, en }'), [...path, 'words'], 'the speech’s words { zh, en }');
  checkKeys(context, words, ['zh', 'en'], [...path, 'words'], 'words');
  const zh = checkText(context, required(context, words, 'zh', [...path, 'words'], 'the Chinese words'), [...path, 'words', 'zh'], 'the Chinese words of the speech', false);
  const en = checkText(context, required(context, words, 'en', [...path, 'words'], 'the English words'), [...path, 'words', 'en'], 'an English rendering', false);
  const rules = list(context, required(context, c, 'rules', path, 'a list of rule ids (R1 … R16)'), [...path, 'rules'], 'a list of rule ids (R1 … R16)').map((r, j) => {
    if (typeof r !== 'string' || !RULE_ID_PATTERN.test(r)) throw claimsError(context, [...path, 'rules', j], 'a rule id R1 … R16 (shared/mission/speech-rules.md)', describeFoundValue(r));
    return r;
  });
  const contrast = checkChoice(context, required(context, c, 'contrast', path, 'pair or interaction'), [...path, 'contrast'], CONTRAST_KINDS, 'a contrast kind');
  const arms = checkArms(context, required(context, c, 'arms', path, `the arms of the contrast (${CONTRAST_ARMS[contrast].join(', ')})`), contrast, [...path, 'arms']);
  let factors: string[] = [];
  if (c.factors !== undefined) {
    if (contrast !== 'interaction') throw claimsError(context, [...path, 'factors'], 'no factors for a pair (factors name the two factors of an interaction)', describeFoundValue(c.factors));
    const items = list(context, c.factors, [...path, 'factors'], 'a list of the two factor names [first, second]');
    if (items.length !== 2) throw claimsError(context, [...path, 'factors'], 'a list of the two factor names [first, second]', describeFoundValue(items));
    factors = items.map((f, j) => checkText(context, f, [...path, 'factors', j], 'a factor name'));
  } else if (contrast === 'interaction') {
    factors = ['first', 'second'];
  }
  const outcomeItems = list(context, required(context, c, 'outcomes', path, 'a list of outcomes'), [...path, 'outcomes'], 'a list of at least one outcome');
  const outcomes = outcomeItems.map((o, j) => checkOutcome(context, o, [...path, 'outcomes', j]));
  const seen = new Set<string>();
  outcomes.forEach((o, j) => {
    if (seen.has(o.reporter)) throw claimsError(context, [...path, 'outcomes', j, 'reporter'], 'a reporter no other outcome of this claim names', JSON.stringify(o.reporter));
    seen.add(o.reporter);
  });
  const windowNames = windows.map((w) => w.name);
  const claimWindows: string[] = [END_WINDOW];
  if (c.windows !== undefined && c.windows !== null) {
    list(context, c.windows, [...path, 'windows'], 'a list of window names').forEach((w, j) => {
      if (w === END_WINDOW) return;
      if (typeof w !== 'string' || !windowNames.includes(w)) {
        throw claimsError(
          context,
          [...path, 'windows', j],
          windowNames.length === 0 ? `"${END_WINDOW}" (the file defines no windows)` : `"${END_WINDOW}" or a window of the file's windows (${windowNames.join(', ')})`,
          typeof w === 'string' ? `unknown window ${JSON.stringify(w)}` : describeFoundValue(w),
          typeof w === 'string' ? didYouMean(w, windowNames) : null,
        );
      }
      if (!claimWindows.includes(w)) claimWindows.push(w);
    });
  }
  let robustnessForms: string[] = [];
  let uncertainty: (typeof UNCERTAINTY_KINDS)[number] = hasRanges ? 'ranges' : 'none';
  if (c.robustness !== undefined && c.robustness !== null) {
    const here = [...path, 'robustness'];
    const r = mapping(context, c.robustness, here, 'a mapping { forms, uncertainty }');
    checkKeys(context, r, CLAIM_ROBUSTNESS_KEYS, here, 'a claim’s robustness');
    if (r.forms !== undefined && r.forms !== null) {
      const formNames = forms.map((f) => f.name);
      robustnessForms = list(context, r.forms, [...here, 'forms'], 'a list of form names', 0).map((f, j) => {
        if (typeof f !== 'string' || !formNames.includes(f)) {
          throw claimsError(
            context,
            [...here, 'forms', j],
            formNames.length === 0 ? 'no form (the file defines no robustness.forms)' : `a form of robustness.forms (${formNames.join(', ')})`,
            typeof f === 'string' ? `unknown form ${JSON.stringify(f)}` : describeFoundValue(f),
            typeof f === 'string' ? didYouMean(f, formNames) : null,
          );
        }
        return f;
      });
    }
    if (r.uncertainty !== undefined) {
      uncertainty = checkChoice(context, r.uncertainty, [...here, 'uncertainty'], UNCERTAINTY_KINDS, 'the parameter uncertainty');
      if (uncertainty === 'ranges' && !hasRanges) throw claimsError(context, [...here, 'uncertainty'], 'posterior or none (the file defines no robustness.ranges)', '"ranges"');
      if (uncertainty === 'posterior' && !hasPosterior) throw claimsError(context, [...here, 'uncertainty'], 'ranges or none (the file names no robustness.posterior)', '"posterior"');
    }
  }
  const note = c.note === undefined || c.note === null ? '' : checkText(context, c.note, [...path, 'note'], 'a note', false);
  return { id, title, words: { zh, en }, rules, contrast, factors, arms, outcomes, windows: claimWindows, robustness: { forms: robustnessForms, uncertainty }, note };
}

/**
 * Validate a parsed claims file.
 *
 * @param raw the YAML document as plain data.
 * @param file the file as the user named it (for messages).
 * @returns the {@link ClaimsDefinition}.
 * @throws {ScenarioError} one line naming the file, the line, the field, what was expected and what
 *   was found, e.g. `c.yaml: line 12: claims[0].arms: expected the 4 arms of a 2×2 interaction: both,
 *   first, second, neither, found 3 arms (missing neither)`.
 * @example validateClaimsFile(parseScenarioYaml(text, file).value, file)
 */
export function validateClaimsFile(raw: unknown, file: string | null, options: ValidateClaimsOptions = {}): ClaimsDefinition {
  const context: Context = { file, locate: options.locate };
  const top = mapping(context, raw, [], 'a claims file: a mapping with name, description, claims (see docs/claims.md)');
  checkKeys(context, top, CLAIMS_TOP_KEYS, [], 'a claims file');
  const name = checkName(context, required(context, top, 'name', [], 'a name'), ['name'], 'a name');
  const description = checkText(context, required(context, top, 'description', [], 'a one-line description'), ['description'], 'a one-line description');
  const windows = checkWindows(context, top.windows);
  const groups = checkGroups(context, top.groups);
  const robustness = checkRobustness(context, top.robustness);
  const items = list(context, required(context, top, 'claims', [], 'a list of claims'), ['claims'], 'a list of at least one claim');
  const claims = items.map((c, i) => checkClaim(context, c, i, windows, robustness.forms, robustness.ranges.length > 0, robustness.posterior !== null));
  const ids = new Set<string>();
  claims.forEach((c, i) => {
    if (ids.has(c.id)) throw claimsError(context, ['claims', i, 'id'], 'an id no other claim uses', JSON.stringify(c.id));
    ids.add(c.id);
  });
  return { name, description, windows, groups, robustness, claims };
}
