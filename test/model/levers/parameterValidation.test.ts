import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listParameterLeaves, type ParameterLeaf } from '../../../src/model/parameterSpecification.ts';
import { formatNumber, ScenarioError } from '../../../src/scenario/scenarioError.ts';
import { validateScenario } from '../../../src/scenario/validateScenario.ts';

/**
 * Every parameter of the policy levers rejects a bad value with a one-line ScenarioError that names
 * the file, the dotted path, what was expected (the full range, for numbers) and what was found.
 * The leaves are taken from the parameter table, so a parameter added to one of these groups is
 * covered without touching this file.
 */

const file = 'scenarios/lever-check.yaml';

/** Groups of the policy levers (R6–R16), and the one new leaf of an older group. */
const leverGroups = [
  'land', 'positioning', 'planning', 'financing', 'credit', 'guarantees', 'guidanceFund', 'services', 'promotion', 'crisis',
  'innovation', 'circular', 'urbanisation',
];
const extraLeaves = ['firms.initialShareInZones'];

const leaves = listParameterLeaves().filter(([path]) => leverGroups.includes(path.split('.')[0]) || extraLeaves.includes(path));

/** A scenario document that sets one dotted path to `value`. */
function scenarioSetting(path: string, value: unknown): Record<string, unknown> {
  const doc: Record<string, unknown> = { name: 'lever-check', description: 'one bad value' };
  const keys = path.split('.');
  let node = doc;
  for (const key of keys.slice(0, -1)) {
    node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return doc;
}

/** The ScenarioError thrown for `value` at `path` (fails the test when nothing or something else is thrown). */
function rejection(path: string, value: unknown): ScenarioError {
  try {
    validateScenario(scenarioSetting(path, value), file);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`${path} = ${String(value)} was accepted`);
}

/** The allowed interval as the messages write it: [min, max], or (min, max] with an exclusive minimum. */
function interval(leaf: Extract<ParameterLeaf, { minimum: number }>): string {
  const exclusive = leaf.kind === 'number' && leaf.exclusiveMinimum === true;
  return `${exclusive ? '(' : '['}${formatNumber(leaf.minimum)}, ${formatNumber(leaf.maximum)}]`;
}

/** A bad value, what the message must say was expected, and how it must show the value found. */
interface BadValue {
  readonly label: string;
  readonly value: unknown;
  readonly expected: string;
  readonly found: string;
}

function badValues(leaf: ParameterLeaf): BadValue[] {
  switch (leaf.kind) {
    case 'number':
    case 'integer': {
      const noun = leaf.kind === 'integer' ? 'an integer' : 'a number';
      const range = interval(leaf);
      const below = leaf.kind === 'number' && leaf.exclusiveMinimum === true ? leaf.minimum : leaf.minimum - 1;
      const above = leaf.maximum + 1;
      const out: BadValue[] = [
        { label: 'below the minimum', value: below, expected: `${noun} in ${range}`, found: formatNumber(below) },
        { label: 'above the maximum', value: above, expected: `${noun} in ${range}`, found: formatNumber(above) },
        { label: 'a quoted number (wrong type)', value: String(leaf.default), expected: `${noun} in ${range}`, found: JSON.stringify(String(leaf.default)) },
        { label: 'a boolean (wrong type)', value: true, expected: `${noun} in ${range}`, found: 'true' },
        { label: 'a list (wrong type)', value: [leaf.default], expected: `${noun} in ${range}`, found: 'a list of 1 item' },
        { label: '.inf', value: Number.POSITIVE_INFINITY, expected: `in ${range}`, found: '.inf' },
        { label: '.nan', value: Number.NaN, expected: `in ${range}`, found: '.nan' },
      ];
      if (leaf.kind === 'integer') {
        const fraction = leaf.minimum + 0.5;
        out.push({ label: 'not an integer', value: fraction, expected: `an integer in ${range}`, found: formatNumber(fraction) });
      }
      return out;
    }
    case 'boolean':
      return [
        { label: 'a quoted boolean (wrong type)', value: 'true', expected: 'true or false', found: '"true"' },
        { label: 'yes (wrong type)', value: 'yes', expected: 'true or false', found: '"yes"' },
        { label: 'a number (wrong type)', value: 1, expected: 'true or false', found: '1' },
      ];
    case 'choice': {
      const list = leaf.choices.map((c) => JSON.stringify(c)).join(', ');
      return [
        { label: 'an unknown choice', value: 'bogus', expected: `one of ${list}`, found: '"bogus"' },
        { label: 'a number (wrong type)', value: 3, expected: `one of ${list}`, found: '3' },
      ];
    }
    default:
      throw new Error(`no bad values defined for kind ${leaf.kind}`);
  }
}

/** The message is one line: `<file>: <path>: expected <expected>, found <found>[ (<hint>)]`. */
function expectOneLineMessage(error: ScenarioError, path: string, bad: BadValue): void {
  const message = error.message;
  expect(message, 'one line').not.toMatch(/[\r\n\u2028\u2029]/);
  expect(message.startsWith(`${file}: `), message).toBe(true);
  expect(message, message).toContain(`: ${path}: expected `);
  expect(message, message).toContain(bad.expected);
  expect(message, message).toContain(`, found ${bad.found}`);
  expect(error.fieldPath).toBe(path);
  expect(error.found).toBe(bad.found);
}

describe('the lever parameters covered', () => {
  it('include every leaf of the lever groups and firms.initialShareInZones', () => {
    expect(leaves.length).toBeGreaterThan(70);
    for (const group of leverGroups) expect(leaves.some(([path]) => path.startsWith(`${group}.`)), group).toBe(true);
    expect(leaves.map(([path]) => path)).toContain('firms.initialShareInZones');
  });
});

describe.each(leaves)('%s', (path, leaf) => {
  it.each(badValues(leaf).map((bad) => [bad.label, bad] as const))('rejects %s with a one-line message', (_label, bad) => {
    expectOneLineMessage(rejection(path, bad.value), path, bad);
  });

  if (leaf.kind === 'number' || leaf.kind === 'integer') {
    it('accepts its default and both ends of its range (so the rejections above are not of everything)', () => {
      const lowest = leaf.kind === 'number' && leaf.exclusiveMinimum === true ? leaf.minimum + 1e-9 * Math.max(1, Math.abs(leaf.minimum)) : leaf.minimum;
      for (const value of [leaf.default, lowest, leaf.maximum]) {
        const parameters = validateScenario(scenarioSetting(path, value), file).parameters as unknown as Record<string, Record<string, unknown>>;
        const [group, key] = path.split('.');
        expect(parameters[group][key]).toBe(value);
      }
    });
  }
});

describe('random out-of-range values (property-based)', () => {
  const ranged = leaves.filter(
    (entry): entry is [string, Extract<ParameterLeaf, { minimum: number }>] => entry[1].kind === 'number' || entry[1].kind === 'integer',
  );
  it('every finite value outside a lever parameter’s range is rejected, naming the range and the value', () => {
    const outside = fc
      .tuple(fc.constantFrom(...ranged), fc.boolean(), fc.double({ min: 1e-6, max: 1e12, noNaN: true }))
      .map(([[path, leaf], high, distance]) => {
        const exclusive = leaf.kind === 'number' && leaf.exclusiveMinimum === true;
        const raw = high ? leaf.maximum + distance * Math.max(1, Math.abs(leaf.maximum)) : leaf.minimum - distance * Math.max(1, Math.abs(leaf.minimum));
        const value = leaf.kind === 'integer' ? (high ? Math.ceil(raw) : Math.floor(raw)) : raw;
        return { path, leaf, value: !high && exclusive && distance < 1e-3 ? leaf.minimum : value };
      })
      .filter(({ leaf, value }) => Number.isFinite(value) && (value > leaf.maximum || value < leaf.minimum || value === leaf.minimum));
    fc.assert(
      fc.property(outside, ({ path, leaf, value }) => {
        if (value === leaf.minimum && !(leaf.kind === 'number' && leaf.exclusiveMinimum === true)) return; // the minimum itself is valid
        const error = rejection(path, value);
        const noun = leaf.kind === 'integer' ? 'an integer' : 'a number';
        expectOneLineMessage(error, path, { label: 'random', value, expected: `${noun} in ${interval(leaf)}`, found: formatNumber(value) });
      }),
      { numRuns: 300, seed: 20090622 },
    );
  });
});
