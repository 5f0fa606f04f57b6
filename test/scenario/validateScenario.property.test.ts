import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultParameters,
  isParameterLeaf,
  listParameterLeaves,
  parameterSpecification,
  type ParameterLeaf,
  type Parameters,
} from '../../src/model/parameterSpecification.ts';
import { stringify } from 'yaml';
import { parseScenarioYaml } from '../../src/scenario/parseScenarioYaml.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { validateScenario } from '../../src/scenario/validateScenario.ts';
import { replicationWork, replicationWorkProblem } from '../../src/scenario/replicationWork.ts';

type Tree = Record<string, unknown>;

/** An arbitrary valid value for one leaf, straight from the table. */
function validValue(leaf: ParameterLeaf): fc.Arbitrary<unknown> {
  switch (leaf.kind) {
    case 'number':
      return fc.double({ min: leaf.minimum, max: leaf.maximum, noNaN: true, minExcluded: leaf.exclusiveMinimum === true });
    case 'integer':
      return fc.integer({ min: leaf.minimum, max: leaf.maximum });
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...leaf.choices);
    case 'numberList':
      return fc.array(fc.double({ min: leaf.minimum, max: leaf.maximum, noNaN: true }), { maxLength: 5 });
    case 'path':
      return fc.option(fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''), { nil: null });
  }
}

/** An arbitrary override object: any subset of every group, built from the specification tree. */
function overridesOf(node: Tree): fc.Arbitrary<Tree> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(node)) {
    model[key] = isParameterLeaf(child) ? validValue(child) : overridesOf(child as Tree);
  }
  return fc.record(model, { requiredKeys: [] });
}

function getIn(root: Tree, keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], root);
}

function setIn(root: Tree, keys: string[], value: unknown): void {
  let node = root;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Tree;
  }
  node[keys[keys.length - 1]] = value;
}

function merge(overrides: Tree): Parameters {
  const parameters = defaultParameters() as unknown as Tree;
  for (const [leafPath] of listParameterLeaves()) {
    const keys = leafPath.split('.');
    const value = getIn(overrides, keys);
    // The validator stores -0 as 0, like the defaults.
    if (value !== undefined) setIn(parameters, keys, Object.is(value, -0) ? 0 : value);
  }
  return parameters as unknown as Parameters;
}

/**
 * Repair random overrides so they also satisfy the cross-field rules of checkParameterConsistency
 * (the only place this test names parameters, mirroring the only rules that do), the bound on a
 * replication's work included.
 */
function makeConsistent(overrides: Tree): Tree {
  const effective = merge(overrides);
  const count = effective.industries.count;
  if (effective.industries.supplyChains > count) setIn(overrides, ['industries', 'supplyChains'], count);
  if (effective.zones.leadingIndustriesPerZone > count) setIn(overrides, ['zones', 'leadingIndustriesPerZone'], count);
  if (effective.zones.count === 0 && !effective.choice.outside.enabled) setIn(overrides, ['choice', 'outside', 'enabled'], true);
  if (effective.projects.sizeMaximum < effective.projects.sizeMinimum) {
    setIn(overrides, ['projects', 'sizeMaximum'], effective.projects.sizeMinimum);
  }
  if (effective.projects.industryMix === 'weights') {
    setIn(overrides, ['projects', 'industryWeights'], Array.from({ length: count }, (_, index) => index + 1));
  } else if (effective.projects.industryWeights.length > 0) {
    setIn(overrides, ['projects', 'industryWeights'], []);
  }
  // The bound on one replication's work (src/scenario/replicationWork.ts): shrink the sizes that set it.
  const repairs: [string[], (value: number) => number][] = [
    [['projects', 'growthPerYear'], (v) => Math.min(v, 0)],
    [['projects', 'perYear'], (v) => Math.min(v, 1000)],
    [['firms', 'initialCount'], (v) => Math.min(v, 10_000)],
    [['time', 'stepsPerYear'], (v) => Math.min(v, 12)],
    [['time', 'years'], (v) => Math.min(v, 30)],
  ];
  for (const [keys, shrink] of repairs) {
    if (replicationWorkProblem(replicationWork(merge(overrides))) === null) break;
    setIn(overrides, keys, shrink(getIn(merge(overrides) as unknown as Tree, keys) as number));
  }
  return overrides;
}

const validOverrides = overridesOf(parameterSpecification as unknown as Tree).map(makeConsistent);

const numericLeaves = listParameterLeaves().filter(
  (entry): entry is [string, Extract<ParameterLeaf, { kind: 'number' | 'integer' }>] =>
    entry[1].kind === 'number' || entry[1].kind === 'integer',
);

/** A value outside the range of a numeric leaf (the minimum itself when it is excluded). */
function outOfRange(leaf: Extract<ParameterLeaf, { kind: 'number' | 'integer' }>): fc.Arbitrary<number> {
  if (leaf.kind === 'integer') {
    return fc.oneof(
      fc.integer({ min: leaf.maximum + 1, max: leaf.maximum + 1e9 }),
      fc.integer({ min: leaf.minimum - 1e9, max: leaf.minimum - 1 }),
    );
  }
  const exclusive = leaf.exclusiveMinimum === true;
  const below = fc
    .double({ min: -1e300, max: leaf.minimum, noNaN: true, maxExcluded: !exclusive })
    .filter((value) => value < leaf.minimum || (exclusive && value === leaf.minimum)); // -0 equals 0
  const above = fc.double({ min: leaf.maximum, max: 1e300, noNaN: true, minExcluded: true });
  return fc.oneof(below, above);
}

describe('validateScenario properties', () => {
  it('accepts every override object built from the table and applies it over the defaults', () => {
    fc.assert(
      fc.property(validOverrides, (overrides) => {
        const raw = { name: 'random', description: 'Random overrides', ...overrides };
        const result = validateScenario(raw, 'random.yaml');
        expect(result.parameters).toEqual(merge(overrides));
        // The same overrides written as a YAML file and read back give the same parameters.
        const { value, locate } = parseScenarioYaml(stringify(raw), 'random.yaml');
        expect(validateScenario(value, 'random.yaml', { locate }).parameters).toEqual(result.parameters);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any out-of-range numeric value with a ScenarioError naming its path', () => {
    const arbitrary = fc
      .constantFrom(...numericLeaves)
      .chain(([leafPath, leaf]) => fc.tuple(fc.constant(leafPath), outOfRange(leaf)));
    fc.assert(
      fc.property(arbitrary, ([leafPath, value]) => {
        const raw: Tree = { name: 'random', description: 'Out of range' };
        setIn(raw, leafPath.split('.'), value);
        let caught: unknown;
        try {
          validateScenario(raw, 'random.yaml');
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(ScenarioError);
        const error = caught as ScenarioError;
        expect(error.fieldPath).toBe(leafPath);
        expect(error.message).toContain(`random.yaml: ${leafPath}: expected `);
        expect(error.message).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 300 },
    );
  });
});
