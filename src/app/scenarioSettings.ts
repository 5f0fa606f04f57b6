/**
 * The page's settings as a scenario: read and write parameters by dotted path, compute the overrides
 * against the defaults (what a scenario file has to say), and validate a set of edited values with the
 * scenario validator, so the page accepts exactly what `zonesim run` accepts and reports problems with
 * the same one-line messages.
 *
 * Pure module (no DOM).
 */
import {
  defaultParameters,
  listParameterLeaves,
  parameterSpecification,
  type ParameterLeaf,
  type Parameters,
} from '../model/parameterSpecification.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { nameProblem, toKebabCase, validateScenario, type ValidatedScenario } from '../scenario/validateScenario.ts';

/** Name, description and complete parameters: what the page runs and exports. */
export interface PageScenario {
  readonly name: string;
  readonly description: string;
  readonly parameters: Parameters;
}

/** A nested plain object of parameter values (a scenario file without name and description). */
export type OverrideTree = Record<string, unknown>;

/** Name used when settings have no name of their own. */
export const DEFAULT_SCENARIO_NAME = 'my-policy';

/** The parameter paths that name data files, which the page cannot read (command line only). */
export const PAGE_UNSUPPORTED_PATHS: readonly string[] = listParameterLeaves()
  .filter(([, leaf]) => leaf.kind === 'path')
  .map(([path]) => path);

/**
 * The value at a dotted path of a nested object, or undefined when a step is missing.
 *
 * @example valueAtPath(defaultParameters(), 'zones.count') // 12
 */
export function valueAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Set the value at a dotted path, creating (or replacing non-object) intermediate mappings.
 *
 * @example const tree = {}; setValueAtPath(tree, 'zones.count', 3); // tree = { zones: { count: 3 } }
 */
export function setValueAtPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = Object.hasOwn(node, keys[i]) ? node[keys[i]] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) defineOwn(node, keys[i], {});
    node = node[keys[i]] as Record<string, unknown>;
  }
  defineOwn(node, keys[keys.length - 1], value);
}

/** Assign an own enumerable property, also for keys such as `__proto__` (never touches a prototype). */
function defineOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A deep copy of plain parameter data. */
export function cloneParameters(parameters: Parameters): Parameters {
  return structuredClone(parameters);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  return Object.is(a, b) || (a === 0 && b === 0);
}

/**
 * The parameters that differ from the defaults, as `[path, value]` pairs in specification order.
 *
 * @example changedParameters(defaultParameters()) // []
 */
export function changedParameters(parameters: Parameters): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [path, leaf] of listParameterLeaves()) {
    const value = valueAtPath(parameters, path);
    if (!sameValue(value, leaf.default)) out.push([path, Array.isArray(value) ? [...value] : value]);
  }
  return out;
}

/**
 * The overrides against the defaults as a nested tree in specification order: what a scenario file
 * must contain to reproduce `parameters`.
 *
 * @example overrideTree({ ...defaults, zones: { ...defaults.zones, count: 3 } }) // { zones: { count: 3 } }
 */
export function overrideTree(parameters: Parameters): OverrideTree {
  const tree: OverrideTree = {};
  for (const [path, value] of changedParameters(parameters)) setValueAtPath(tree, path, value);
  return tree;
}

/** The specification leaf at a dotted path, or undefined. */
export function leafAt(path: string): ParameterLeaf | undefined {
  const node = valueAtPath(parameterSpecification, path);
  return typeof node === 'object' && node !== null && typeof (node as { kind?: unknown }).kind === 'string'
    ? (node as ParameterLeaf)
    : undefined;
}

/**
 * Validate settings edited on the page: the committed parameters with `edits` (dotted path → raw
 * value, possibly invalid, e.g. the text of a number box) applied, checked by `validateScenario` —
 * the same rules and messages as the command line. The file label is empty, so messages start at the
 * field (`zones.count: expected an integer in [0, 2000], found 5000`).
 *
 * @returns the validated scenario (parameters and overrides).
 * @throws {ScenarioError} the first problem, exactly as the command line would report it.
 */
export function validateEdits(
  base: PageScenario,
  edits: ReadonlyMap<string, unknown>,
  file = '',
): ValidatedScenario {
  const tree = overrideTree(base.parameters);
  for (const [path, value] of edits) setValueAtPath(tree, path, value);
  return validateScenario({ name: base.name, description: base.description, ...tree }, file);
}

/**
 * Reject a validated scenario that needs something only the command line has (a data file).
 *
 * @throws {ScenarioError} `<file>: industries.relatednessFile: expected no data file in the classroom page …`
 */
export function assertPageCanRun(scenario: ValidatedScenario, file: string): void {
  for (const path of PAGE_UNSUPPORTED_PATHS) {
    const value = valueAtPath(scenario.parameters, path);
    if (value !== null && value !== undefined) {
      throw new ScenarioError({
        file,
        fieldPath: path,
        expected: 'no data file in the classroom page (the page uses the generated matrix)',
        found: JSON.stringify(value),
        hint: 'run scenarios with data files through zonesim run',
      });
    }
  }
}

/** The default settings: every parameter at its default. */
export function defaultPageScenario(): PageScenario {
  return { name: DEFAULT_SCENARIO_NAME, description: 'Settings made in the zonesim classroom page.', parameters: defaultParameters() };
}

/**
 * Turn any text into a valid kebab-case scenario name: at most 64 characters, never a Windows device
 * name (falls back to `my-policy`).
 *
 * @example toScenarioName('My Policy 2') // 'my-policy-2'
 */
export function toScenarioName(text: string): string {
  const name = toKebabCase(text);
  return name === '' || nameProblem(name) !== null ? DEFAULT_SCENARIO_NAME : name;
}
