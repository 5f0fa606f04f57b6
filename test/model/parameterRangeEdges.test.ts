/**
 * Every value the parameter table allows must be a value the model can run (issue 11, D5:
 * `projects.sizeMinimum` at 1e-165 passed validation and then made the Ellison–Glaeser reporter throw
 * on a NaN plant Herfindahl). For every numeric parameter the edges of its range — the minimum (or
 * the smallest double above an exclusive minimum), the next double, subnormal and tiny values when the
 * range reaches down to them, the largest double below the maximum and the maximum — are run briefly
 * (2 years, 100 firms, 150 projects a year), alone and (a seeded fast-check property) several at once,
 * and every reporter the run records must be a finite number.
 *
 * Left out: `projects.perYear` and `firms.initialCount` at their maxima (1e7 projects a year, a
 * million firms). They run, but take minutes and gigabytes: bounding the work of a run is the
 * resource-limit part of issue 11, not a range error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters, listParameterLeaves, type Parameters } from '../../src/model/parameterSpecification.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';
import { checkParameterConsistency, checkParameterValues } from '../../src/scenario/validateScenario.ts';

/** Parameters whose maximum is a question of run time and memory, not of numbers (see the module comment). */
const WORK_SIZE_MAXIMA_LEFT_OUT = new Set(['projects.perYear', 'firms.initialCount']);

/** The next double above `x` (Math.nextUp of Java). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += x > 0 ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}

const nextDown = (x: number): number => -nextUp(-x);

type RangedLeaf = { kind: 'number' | 'integer'; minimum: number; maximum: number; exclusiveMinimum?: boolean };

const rangedLeaves = listParameterLeaves().filter(([, leaf]) => leaf.kind === 'number' || leaf.kind === 'integer') as Array<[string, RangedLeaf]>;

/** The edge values of a range that the validator accepts, in increasing order. */
function edgeValues(path: string, leaf: RangedLeaf): number[] {
  const lowest = leaf.exclusiveMinimum === true ? nextUp(leaf.minimum) : leaf.minimum;
  const candidates = [lowest, leaf.maximum];
  if (leaf.kind === 'number') {
    candidates.push(nextUp(lowest), nextDown(leaf.maximum));
    // Subnormal and tiny values, where the range reaches down to them.
    for (const tiny of [Number.MIN_VALUE, 1e-320, 2.2250738585072014e-308, 1e-300, 1e-165, 1e-100]) {
      if (tiny > lowest && tiny < leaf.maximum) candidates.push(tiny);
    }
  } else if (leaf.minimum + 1 <= leaf.maximum) {
    candidates.push(leaf.minimum + 1);
  }
  const parameters = defaultParameters();
  return [...new Set(candidates)]
    .filter((value) => !(WORK_SIZE_MAXIMA_LEFT_OUT.has(path) && value > 1000))
    .filter((value) => {
      setParameter(parameters, path, value);
      try {
        checkParameterValues(parameters, [path], null);
        return true;
      } catch {
        return false;
      }
    })
    .sort((a, b) => a - b);
}

function setParameter(parameters: Parameters, dotted: string, value: number): void {
  const keys = dotted.split('.');
  let node = parameters as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/** A short, small run as the base of every case. */
function briefParameters(): Parameters {
  const parameters = defaultParameters();
  parameters.time.years = 2;
  parameters.firms.initialCount = 100;
  parameters.projects.perYear = 150;
  return parameters;
}

/**
 * Make the cross-field rules hold after some values were set at their edges, changing only the
 * fields the rules compare them with: supply chains and leading industries at most the industries,
 * the largest project at least the smallest, the outside option open when there are no zones.
 */
function satisfyCrossFieldRules(parameters: Parameters, setPaths: ReadonlySet<string>): void {
  const { industries, zones, projects } = parameters;
  if (industries.supplyChains > industries.count) {
    if (setPaths.has('industries.supplyChains') && !setPaths.has('industries.count')) industries.count = industries.supplyChains;
    else industries.supplyChains = industries.count;
  }
  if (zones.leadingIndustriesPerZone > industries.count) {
    if (setPaths.has('zones.leadingIndustriesPerZone') && !setPaths.has('industries.count')) industries.count = zones.leadingIndustriesPerZone;
    else zones.leadingIndustriesPerZone = industries.count;
  }
  if (projects.sizeMaximum < projects.sizeMinimum) {
    if (setPaths.has('projects.sizeMaximum')) projects.sizeMinimum = projects.sizeMaximum;
    else projects.sizeMaximum = projects.sizeMinimum;
  }
  if (zones.count === 0) parameters.choice.outside.enabled = true;
}

/** Run briefly and return the first problem: a throw or a non-finite recorded value; null when none. */
function firstProblem(parameters: Parameters): string | null {
  const collect = createReporterCollector();
  let problem: string | null = null;
  try {
    simulateModel({ parameters, relatedness: null }, 7, (state) => {
      if (problem !== null) return;
      for (const value of collect(state).values) {
        if (!Number.isFinite(value.value)) {
          problem = `${value.metric}${value.zone !== null ? ` (zone ${value.zone})` : ''}${value.industry !== null ? ` (industry ${value.industry})` : ''} = ${value.value} at step ${state.step}`;
          return;
        }
      }
    });
  } catch (error) {
    problem = `throws ${(error as Error).message}`;
  }
  return problem;
}

describe('every edge of every parameter range runs with finite reporters', () => {
  for (const [path, leaf] of rangedLeaves) {
    it(path, () => {
      const problems: string[] = [];
      for (const value of edgeValues(path, leaf)) {
        const parameters = briefParameters();
        setParameter(parameters, path, value);
        satisfyCrossFieldRules(parameters, new Set([path]));
        checkParameterConsistency(parameters, null);
        const problem = firstProblem(parameters);
        if (problem !== null) problems.push(`${path} = ${value}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('the tiny values of issue 11 are refused by the table', () => {
    // 1e-165 and smaller made the reporters throw; the ranges now start at 0.001 (exclusive).
    const parameters = defaultParameters();
    for (const path of ['projects.sizeMinimum', 'projects.sizeMaximum', 'industries.labourIntensityMean', 'industries.capitalIntensityMean', 'choice.outside.landPrice']) {
      setParameter(parameters, path, 1e-165);
      expect(() => checkParameterValues(parameters, [path], null), path).toThrow(/expected a number in \(0\.001, /);
      setParameter(parameters, path, 0.0011);
      expect(() => checkParameterValues(parameters, [path], null), path).not.toThrow();
    }
  });
});

describe('several parameters at their edges at once (seeded property)', () => {
  const edges = new Map(rangedLeaves.map(([path, leaf]) => [path, edgeValues(path, leaf)] as const));
  // Work-size parameters at their maxima make a case slow without testing more numbers.
  const heavy = new Set(['time.years', 'time.stepsPerYear', 'zones.count', 'industries.count', 'projects.patienceSteps']);
  const paths = [...edges.keys()];
  it('every reporter stays finite', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.nat()), { minLength: 2, maxLength: 10 }), (picks) => {
        const parameters = briefParameters();
        const setPaths = new Set<string>();
        for (const [path, index] of picks) {
          const values = edges.get(path)!.filter((v) => !heavy.has(path) || v <= 40);
          if (values.length === 0) continue;
          setParameter(parameters, path, values[index % values.length]);
          setPaths.add(path);
        }
        satisfyCrossFieldRules(parameters, setPaths);
        checkParameterConsistency(parameters, null);
        const problem = firstProblem(parameters);
        if (problem !== null) throw new Error(`${problem} with ${[...setPaths].map((p) => `${p}`).join(', ')}`);
      }),
      { numRuns: 60, seed: 20091 },
    );
  });
});
