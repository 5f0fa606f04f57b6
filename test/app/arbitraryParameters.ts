/**
 * fast-check arbitraries of complete, valid page parameters: random values for a random subset of the
 * parameter leaves (straight from the specification table), repaired to satisfy the cross-field rules
 * of checkParameterConsistency (the bound on a replication's work included). Data-file parameters stay unset (the page cannot read files).
 */
import fc from 'fast-check';
import { defaultParameters, listParameterLeaves, type ParameterLeaf, type Parameters } from '../../src/model/parameterSpecification.ts';
import { setValueAtPath, valueAtPath } from '../../src/app/scenarioSettings.ts';
import { replicationWork, replicationWorkProblem } from '../../src/scenario/replicationWork.ts';

function validValue(leaf: ParameterLeaf): fc.Arbitrary<unknown> {
  switch (leaf.kind) {
    case 'number':
      return fc.oneof(
        fc.double({ min: leaf.minimum, max: leaf.maximum, noNaN: true, noDefaultInfinity: true, minExcluded: leaf.exclusiveMinimum === true }),
        fc.constantFrom(leaf.maximum, leaf.default),
      );
    case 'integer':
      return fc.integer({ min: leaf.minimum, max: leaf.maximum });
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...leaf.choices);
    case 'numberList':
      return fc.array(fc.double({ min: leaf.minimum, max: leaf.maximum, noNaN: true }), { maxLength: 5 });
    case 'path':
      return fc.constant(null);
  }
}

/** Make parameters satisfy the cross-field rules (mirrors checkParameterConsistency). */
export function makeConsistent(parameters: Parameters): Parameters {
  const count = parameters.industries.count;
  if (parameters.industries.supplyChains > count) parameters.industries.supplyChains = count;
  if (parameters.zones.leadingIndustriesPerZone > count) parameters.zones.leadingIndustriesPerZone = count;
  if (parameters.zones.count === 0) parameters.choice.outside.enabled = true;
  if (parameters.projects.sizeMaximum < parameters.projects.sizeMinimum) parameters.projects.sizeMaximum = parameters.projects.sizeMinimum;
  if (parameters.projects.industryMix === 'weights') {
    const weights = Array.from({ length: count }, (_, i) => parameters.projects.industryWeights[i] ?? 1);
    if (!(weights.reduce((a, b) => a + b, 0) > 0)) weights[0] = 1;
    parameters.projects.industryWeights = weights;
  } else {
    parameters.projects.industryWeights = [];
  }
  // The bound on one replication's work (src/scenario/replicationWork.ts): shrink the sizes that set it.
  const shrink: ((p: Parameters) => void)[] = [
    (p) => (p.projects.growthPerYear = Math.min(p.projects.growthPerYear, 0)),
    (p) => (p.projects.perYear = Math.min(p.projects.perYear, 1000)),
    (p) => (p.firms.initialCount = Math.min(p.firms.initialCount, 10_000)),
    (p) => (p.time.stepsPerYear = Math.min(p.time.stepsPerYear, 12)),
    (p) => (p.time.years = Math.min(p.time.years, 30)),
  ];
  for (const step of shrink) {
    if (replicationWorkProblem(replicationWork(parameters)) === null) break;
    step(parameters);
  }
  return parameters;
}

/** Random valid parameters: each leaf keeps its default or takes a random valid value. */
export const arbitraryParameters: fc.Arbitrary<Parameters> = fc
  .tuple(...listParameterLeaves().map(([, leaf]) => fc.option(validValue(leaf), { nil: undefined, freq: 3 })))
  .map((values) => {
    const parameters = defaultParameters();
    listParameterLeaves().forEach(([path], i) => {
      const value = values[i];
      if (value !== undefined) setValueAtPath(parameters as unknown as Record<string, unknown>, path, Object.is(value, -0) ? 0 : value);
    });
    return makeConsistent(parameters);
  });

/** Every leaf's value equal (−0 = 0), with a readable failure. */
export function expectSameParameters(actual: Parameters, expected: Parameters): void {
  for (const [path] of listParameterLeaves()) {
    const a = valueAtPath(actual, path);
    const b = valueAtPath(expected, path);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${path}: ${JSON.stringify(a)} !== ${JSON.stringify(b)}`);
  }
}
