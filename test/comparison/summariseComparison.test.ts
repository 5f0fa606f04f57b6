/**
 * summariseComparison against numbers worked out by hand on a tiny hand-made run store: two scenarios
 * ('policy' listed first, 'baseline' second), three replications, steps 0 and 12.
 *
 * Hand-made values (step 12 = the end state):
 *   firms      baseline [10, 12, 14]   policy [11, 15, 16]   (step 0: 5, 5, 5 in both)
 *   output     baseline [100, 100, 100] policy [100, 100, 100]
 *   largestZoneFirmShare baseline [0.4, 0.45, 0.5]  policy [0.5, —, 0.7] (undefined in replication 1)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateComparison } from '../../src/comparison/comparisonSpec.ts';
import { chooseBaseline, flattenOverrides, summariseComparison, UnknownBaselineError } from '../../src/comparison/summariseComparison.ts';
import type { ReportInput, ReportManifest } from '../../src/report/reportInput.ts';
import type { RunStore } from '../../src/runner/runStore.ts';
import { handComparison, handRecord, removeScratchDirs, type HandRow as Row } from '../runner/runnerHelpers.ts';

const firms = { baseline: [10, 12, 14], policy: [11, 15, 16] };
const share: Record<string, (number | null)[]> = { baseline: [0.4, 0.45, 0.5], policy: [0.5, null, 0.7] };

function rowsFor(scenario: 'baseline' | 'policy', r: number): Row[] {
  const rows: Row[] = [
    [0, 'firms', -1, -1, 5],
    [0, 'output', -1, -1, 0],
    [0, 'zoneFirms', 0, -1, 1],
    [0, 'zoneFirms', 1, -1, 1],
    [12, 'firms', -1, -1, firms[scenario][r]],
    [12, 'output', -1, -1, 100],
  ];
  const s = share[scenario][r];
  if (s !== null) rows.push([12, 'largestZoneFirmShare', -1, -1, s]);
  rows.push(
    [12, 'zoneFirms', 0, -1, 3 + r],
    [12, 'zoneFirms', 1, -1, 0],
    [12, 'zoneOutput', 0, -1, 30],
    [12, 'zoneOutput', 1, -1, 0],
    [12, 'zoneTopIndustry', 0, -1, 1],
    [12, 'industryFirms', -1, 0, 7],
  );
  return rows;
}

const manifest: ReportManifest = {
  zonesimVersion: 'test',
  gitCommit: null,
  command: 'test',
  nodeVersion: process.version,
  baseSeed: 1,
  replications: 3,
  workers: 1,
  startedAt: '2024-01-01T00:00:00.000Z',
  wallTimeSeconds: 0,
};

afterAll(removeScratchDirs);

const scenarioOf = (name: 'policy' | 'baseline') => ({
  name,
  overrides: name === 'policy' ? { zones: { count: 2 }, choice: { relatedness: { coefficient: 2 } } } : {},
  records: [0, 1, 2].map((r) => handRecord(rowsFor(name, r))),
});

describe('summariseComparison on a hand-made store', () => {
  let store: RunStore;
  let input: ReportInput;
  let summarise: (baseline: string | null, replications?: number) => ReportInput;

  beforeAll(() => {
    // Commit out of order: the summary must not depend on it.
    const hand = handComparison([scenarioOf('policy'), scenarioOf('baseline')], { order: [2, 0, 1] });
    store = hand.store;
    summarise = (baseline, replications = 3) => summariseComparison(store, locateComparison(store, { ...hand.spec, baseline, replications }), { manifest });
    input = summarise('baseline');
  });
  afterAll(() => store.close());

  it('picks the scenario named baseline even when it is not first', () => {
    expect(input.baseline).toBe('baseline');
    expect(input.scenarios.map((s) => s.name)).toEqual(['policy', 'baseline']);
    expect(input.metrics.map((m) => m.name)).toEqual(['firms', 'output', 'largestZoneFirmShare']);
  });

  it('gives per-step means with 95% t-intervals', () => {
    const baselineFirms = input.series.find((s) => s.scenario === 'baseline' && s.metric === 'firms');
    expect(baselineFirms?.points).toHaveLength(2);
    const [start, end] = baselineFirms!.points;
    // Step 0: 5, 5, 5 → mean 5, sd 0, interval [5, 5].
    expect(start).toEqual({ step: 0, year: 2009, n: 3, mean: 5, standardDeviation: 0, lower: 5, upper: 5 });
    // Step 12: 10, 12, 14 → mean 12, s = 2, se = 2/√3 = 1.1547005, t(0.975, 2) = 4.3026527,
    // half-width 4.9682754 → [7.0317246, 16.9682754].
    expect(end.n).toBe(3);
    expect(end.mean).toBe(12);
    expect(end.standardDeviation).toBeCloseTo(2, 12);
    expect(end.lower).toBeCloseTo(7.0317246, 6);
    expect(end.upper).toBeCloseTo(16.9682754, 6);
    // Policy share at step 12: defined in 2 replications, 0.5 and 0.7 → mean 0.6, s = 0.1414214,
    // se = 0.1, t(0.975, 1) = 12.7062047 → [−0.6706205, 1.8706205].
    const policyShare = input.series.find((s) => s.scenario === 'policy' && s.metric === 'largestZoneFirmShare');
    expect(policyShare?.points).toHaveLength(1);
    expect(policyShare!.points[0].n).toBe(2);
    expect(policyShare!.points[0].mean).toBeCloseTo(0.6, 12);
    expect(policyShare!.points[0].lower).toBeCloseTo(-0.6706205, 6);
    expect(policyShare!.points[0].upper).toBeCloseTo(1.8706205, 6);
  });

  it('gives end-state quantiles (R type 7)', () => {
    const e = input.endStates.find((s) => s.scenario === 'baseline' && s.metric === 'firms');
    // 10, 12, 14: q05 = 10 + 0.1·2 = 10.2, q25 = 11, median 12, q75 = 13, q95 = 12 + 0.9·2 = 13.8.
    expect(e).toMatchObject({ n: 3, mean: 12, min: 10, q25: 11, median: 12, q75: 13, max: 14 });
    expect(e!.q05).toBeCloseTo(10.2, 12);
    expect(e!.q95).toBeCloseTo(13.8, 12);
    expect(e!.lower).toBeCloseTo(7.0317246, 6);
  });

  it('gives paired differences against the baseline over the same replications', () => {
    const f = input.paired.find((p) => p.metric === 'firms');
    // d = [1, 3, 2]: mean 2, s_d = 1, se = 0.5773503, half-width 4.3026527 · 0.5773503 = 2.4841377
    // → [−0.4841377, 4.4841377]: unsettled; t = 3.4641016 on 2 df, p = 1 − t/√(t² + 2) = 0.0741799;
    // d_z = 2 / 1 = 2.
    expect(f).toMatchObject({ scenario: 'policy', baseline: 'baseline', n: 3, meanDifference: 2, direction: 'unsettled' });
    expect(f!.lower).toBeCloseTo(-0.4841377, 6);
    expect(f!.upper).toBeCloseTo(4.4841377, 6);
    expect(f!.pValue).toBeCloseTo(0.0741799, 6);
    expect(f!.effectSize).toBeCloseTo(2, 12);
    // Output equal in every replication: no difference, p = 1, d_z = 0.
    expect(input.paired.find((p) => p.metric === 'output')).toMatchObject({ n: 3, meanDifference: 0, lower: 0, upper: 0, effectSize: 0, pValue: 1, direction: 'no-difference' });
    // Share: pairs only where both are defined (replications 0 and 2): d = [0.1, 0.2], mean 0.15,
    // s_d = 0.0707107, se = 0.05, t = 3 on 1 df, p = 1 − 2·atan(3)/π = 0.2048328, d_z = 2.1213203.
    const s = input.paired.find((p) => p.metric === 'largestZoneFirmShare');
    expect(s!.n).toBe(2);
    expect(s!.meanDifference).toBeCloseTo(0.15, 12);
    expect(s!.pValue).toBeCloseTo(0.2048328, 6);
    expect(s!.effectSize).toBeCloseTo(2.1213203, 6);
    expect(s!.direction).toBe('unsettled');
    expect(input.paired.every((p) => p.scenario === 'policy')).toBe(true);
  });

  it('maps replication 0 at the last step and flattens the levers', () => {
    const map = input.maps.find((m) => m.scenario === 'policy');
    expect(map).toEqual({
      scenario: 'policy',
      replication: 0,
      regionSizeKm: 100,
      zones: [
        { zone: 0, xKm: 10, yKm: 20, output: 30, firms: 3, topIndustry: 1, topIndustryName: 'B1' },
        { zone: 1, xKm: 90, yKm: 80, output: 0, firms: 0, topIndustry: null, topIndustryName: null },
      ],
    });
    expect(input.scenarios[0].overrides).toEqual({ 'zones.count': 2, 'choice.relatedness.coefficient': 2 });
    expect(input.scenarios[1].overrides).toEqual({});
    expect(input.industryNames).toEqual(['A1', 'B1']);
  });

  it('honours another baseline, and refuses a comparison whose replications are not all stored', () => {
    const other = summarise('policy');
    expect(other.baseline).toBe('policy');
    expect(other.paired.find((p) => p.metric === 'firms')?.meanDifference).toBe(-2);
    expect(() => summarise('baseline', 4)).toThrow(/scenario "policy" has no stored result for replication\(s\) 3/);
  });
});

describe('chooseBaseline and flattenOverrides', () => {
  it('chooses "baseline", else the first; none for a single scenario', () => {
    expect(chooseBaseline(['a', 'baseline'])).toBe('baseline');
    expect(chooseBaseline(['a', 'b'])).toBe('a');
    expect(chooseBaseline(['a'])).toBeNull();
    expect(chooseBaseline(['a', 'b'], 'b')).toBe('b');
    expect(() => chooseBaseline(['a', 'b'], 'c')).toThrow('expected one of the scenarios run (a, b), found "c"');
    expect(() => chooseBaseline(['a', 'b'], 'c')).toThrow(UnknownBaselineError);
  });

  it('flattens nested overrides to dotted paths, arrays as values', () => {
    expect(flattenOverrides({ projects: { industryWeights: [1, 2], perYear: 5 }, zones: { count: 0 } })).toEqual({
      'projects.industryWeights': [1, 2],
      'projects.perYear': 5,
      'zones.count': 0,
    });
  });
});

describe('paired comparisons only at the same date', () => {
  it('leaves out a scenario whose last recorded year differs from the baseline’s (no paired rows)', () => {
    const short = {
      name: 'short',
      // The same rows as 'policy', recorded at 2009 and 2009.5 instead of 2010: it ends a year earlier.
      records: [0, 1, 2].map((r) => {
        const record = handRecord(rowsFor('policy', r));
        record.years[1] = 2009.5;
        return record;
      }),
    };
    const { store, spec } = handComparison([scenarioOf('baseline'), { ...scenarioOf('policy'), name: 'policy' }, short]);
    const result = summariseComparison(store, locateComparison(store, spec), { manifest });
    store.close();
    expect(result.paired.some((p) => p.scenario === 'policy')).toBe(true);
    expect(result.paired.some((p) => p.scenario === 'short')).toBe(false);
    // Its own end-state summaries are still reported.
    expect(result.endStates.some((e) => e.scenario === 'short')).toBe(true);
  });
});

describe('floating-point residue, relative effects and scale groups', () => {
  /** One unit in the last place of 100: 2^−46 = 1.4210854715202004e-14. */
  const ULP_100 = 2 ** -46;
  /** Baseline rows with output 100 + k·ulp at the end: residue a t-test calls "increase". */
  const residue = {
    name: 'residue',
    records: [2, 2, 3].map((k, r) => handRecord(rowsFor('baseline', r).map((row): Row => (row[0] === 12 && row[1] === 'output' ? [12, 'output', -1, -1, 100 + k * ULP_100] : row)))),
  };
  const limiting = { ...scenarioOf('policy'), name: 'urn', parameters: { industries: { count: 1 }, zones: { regionSizeKm: 100 } } };
  const big = { ...scenarioOf('baseline'), name: 'big', parameters: { firms: { initialCount: 18000 }, zones: { regionSizeKm: 100 } } };
  const bigPolicy = { ...scenarioOf('policy'), name: 'big-policy', parameters: { firms: { initialCount: 18000 }, zones: { regionSizeKm: 100 } } };
  let result: ReportInput;
  beforeAll(() => {
    const { store, spec } = handComparison([scenarioOf('baseline'), scenarioOf('policy'), residue, limiting, big, bigPolicy]);
    result = summariseComparison(store, locateComparison(store, spec), { manifest });
    store.close();
  });

  it('calls floating-point residue "no difference", whatever the t-test says', () => {
    // d = [2, 2, 3] ulp: mean 2.33 ulp, s_d 0.577 ulp, t = 7 on 2 df → 95% CI [0.90, 3.77] ulp, above
    // 0, p = 0.0198: the t-test alone would report an "increase" of 3.3e-14.
    const output = result.paired.find((p) => p.scenario === 'residue' && p.metric === 'output');
    expect(output?.meanDifference).toBeGreaterThan(0);
    expect(output?.lower).toBeGreaterThan(0);
    expect(output).toMatchObject({ direction: 'no-difference', effectSize: 0, pValue: null, baseline: 'baseline' });
  });

  it('gives the reference mean and the difference in % of it', () => {
    // Firms: baseline [10, 12, 14] → mean 12; policy − baseline = 2 → 100 · 2 / 12 = 16.667 %.
    const firms = result.paired.find((p) => p.scenario === 'policy' && p.metric === 'firms');
    expect(firms?.referenceMean).toBe(12);
    expect(firms?.percentOfReference).toBeCloseTo(16.6666667, 6);
  });

  it('compares each scenario within its scale group only and says why the others are not compared', () => {
    const byName = new Map(result.scenarios.map((s) => [s.name, s]));
    expect(byName.get('policy')).toMatchObject({ scaleGroup: 'teaching', reference: 'baseline', notCompared: null, endYear: 2010 });
    expect(byName.get('big')).toMatchObject({ scaleGroup: 'province', reference: null, notCompared: null });
    expect(byName.get('big-policy')).toMatchObject({ scaleGroup: 'province', reference: 'big' });
    expect(byName.get('urn')).toMatchObject({ scaleGroup: 'limiting', reference: null });
    expect(byName.get('urn')?.notCompared).toMatch(/^urn is a limiting case/);
    expect(new Set(result.paired.map((p) => `${p.scenario}−${p.baseline}`))).toEqual(new Set(['policy−baseline', 'residue−baseline', 'big-policy−big']));
  });
});

describe('a constant shift', () => {
  const shiftedBy = (shift: number) => {
    // Output 100 in the baseline, 100 + shift + k·ulp in 'shifted': differences shift + residue, so the
    // SD of the differences is ~1e-14 and d_z would be ~1e13. It is undefined (null) instead.
    const ulp = 2 ** -46;
    const shifted = {
      name: 'shifted',
      records: [0, 1, 2].map((r) => handRecord(rowsFor('baseline', r).map((row): Row => (row[0] === 12 && row[1] === 'output' ? [12, 'output', -1, -1, 100 + shift + r * ulp] : row)))),
    };
    const { store, spec } = handComparison([scenarioOf('baseline'), shifted]);
    const result = summariseComparison(store, locateComparison(store, spec), { manifest });
    store.close();
    return result.paired.find((p) => p.metric === 'output');
  };

  it('has no standardised effect: d_z would be the mean divided by rounding residue', () => {
    const output = shiftedBy(10);
    expect(output?.meanDifference).toBeCloseTo(10, 10);
    // Interval [10, 10] excludes 0 and reaches beyond ± 5 % of 100 = ± 5 → increase.
    expect(output?.direction).toBe('increase');
    expect(output?.effectSize).toBeNull();
  });

  it('is no effect that matters when its interval lies inside ± 5 % of the reference mean (the page\'s threshold)', () => {
    const output = shiftedBy(0.1);
    expect(output?.meanDifference).toBeCloseTo(0.1, 10);
    // Interval [0.1, 0.1] ⊂ [−5, 5] (5 % of the baseline mean 100).
    expect(output?.direction).toBe('no-effect-that-matters');
    expect(output?.effectSize).toBeNull();
  });
});
