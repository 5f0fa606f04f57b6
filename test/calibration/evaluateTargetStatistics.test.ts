/**
 * Target statistics of one replication: each aggregate and period by hand on made-up records, and on
 * a real run against quantities the reporters compute independently (Σ zone output / output is the
 * zoneOutputShare reporter; `end: Y` and `year: Y + 1` are the same record).
 */
import { describe, expect, it } from 'vitest';
import type { CalibrationTarget, TargetStatistic, UnitSelection, UnitAggregate } from '../../src/calibration/calibrationDefinition.ts';
import { aggregateUnits, computeTargetStatistics, contrastValues, requiredRecordSteps } from '../../src/calibration/evaluateTargetStatistics.ts';
import { timeGridOf } from '../../src/calibration/recordedTimeGrid.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector, type RecordedStep } from '../../src/outcomes/collectReporters.ts';
import { inputWith } from '../support/modelInputs.ts';

const grid = { startYear: 2009, stepsPerYear: 12, totalSteps: 36, recordEvery: 12 };

/** Records at steps 0, 12, 24, 36 (labels 2009–2012): firms 10k, exits k, zoneOutput per zone. */
const records: RecordedStep[] = [0, 1, 2, 3].map((k) => ({
  step: 12 * k,
  year: 2009 + k,
  values: [
    { metric: 'firms', zone: null, industry: null, value: 10 * (k + 1) },
    { metric: 'exits', zone: null, industry: null, value: k },
    { metric: 'output', zone: null, industry: null, value: 100 },
    { metric: 'zoneOutput', zone: 0, industry: null, value: 10 * k },
    { metric: 'zoneOutput', zone: 1, industry: null, value: 20 },
    { metric: 'zoneOutput', zone: 2, industry: null, value: 30 },
  ],
}));

function target(statistic: TargetStatistic, contrast: CalibrationTarget['contrast'] = null): CalibrationTarget {
  return { name: 't', figure: 1, kind: 'point', scale: 'log', tolerance: 1, weight: 1, holdOut: false, source: null, statistic, contrast };
}
const at = (reporter: string, date: { end: number } | { year: number }, scope: 'province' | 'zone' = 'province', selection: UnitSelection | null = null): TargetStatistic => ({
  type: 'reporter',
  reporter,
  scope,
  selection,
  time: { kind: 'at', date },
});

describe('target statistics', () => {
  it('aggregates over zones: sum, mean, median, min, max, max/median, count and share above', () => {
    const values = [3, 1, 2, 10];
    const agg = (aggregate: UnitAggregate, threshold: number | null = null) => aggregateUnits(values, { kind: 'aggregate', aggregate, threshold });
    expect([agg('sum'), agg('mean'), agg('median'), agg('min'), agg('max')]).toEqual([16, 4, 2.5, 1, 10]);
    expect(agg('maxOverMedian')).toBe(4);
    expect(agg('countAbove', 2)).toBe(2);
    expect(agg('shareAbove', 2)).toBe(0.5);
    // No zones: the sum and count are 0, the rest undefined.
    expect(aggregateUnits([], { kind: 'aggregate', aggregate: 'sum', threshold: null })).toBe(0);
    expect(aggregateUnits([], { kind: 'aggregate', aggregate: 'mean', threshold: null })).toBeNaN();
  });

  it('instants, periods, combinations and contrasts on made-up records', () => {
    const period = (kind: 'change' | 'sum' | 'mean', reporter = 'exits'): TargetStatistic =>
      ({ type: 'reporter', reporter, scope: 'province', selection: null, time: { kind, from: { year: 2009 }, to: { end: 2011 } } });
    const targets = [
      target(at('firms', { end: 2010 })), // record labelled 2011, k = 2: 30
      target(at('firms', { year: 2011 })), // the same record
      target(period('change', 'firms')), // 40 − 10
      target(period('sum')), // exits at k = 1, 2, 3: 6
      target(period('mean')), // 2
      target(at('zoneOutput', { end: 2011 }, 'zone', { kind: 'aggregate', aggregate: 'sum', threshold: null })), // 30 + 20 + 30
      target(at('zoneOutput', { end: 2011 }, 'zone', { kind: 'unit', index: 1 })), // 20
      target(at('zoneOutput', { end: 2011 }, 'zone', { kind: 'unit', index: 7 })), // no such zone: NaN
      target({ type: 'ratio', operands: [at('zoneOutput', { end: 2011 }, 'zone', { kind: 'aggregate', aggregate: 'sum', threshold: null }), at('output', { end: 2011 })] }), // 0.8
      target({ type: 'difference', operands: [at('firms', { end: 2011 }), at('firms', { year: 2009 })] }), // 30
      target(at('firms', { end: 2011 }), 'logRatio'), // ln(40/20) against a reference with half the firms
      target(at('firms', { end: 2011 }), 'difference'), // 40 − 20
    ];
    const reference = records.map((r) => ({ ...r, values: r.values.map((v) => (v.metric === 'firms' ? { ...v, value: v.value / 2 } : v)) }));
    const values = Array.from(computeTargetStatistics(targets, records, grid, reference));
    expect(values.slice(0, 7)).toEqual([30, 30, 30, 6, 2, 80, 20]);
    expect(values[7]).toBeNaN();
    expect(values[8]).toBeCloseTo(0.8, 15);
    expect(values[9]).toBe(30);
    expect(values[10]).toBeCloseTo(Math.log(2), 15);
    expect(values[11]).toBe(20);
    expect(contrastValues(-1, 2, 'logRatio')).toBeNaN();
    expect(() => computeTargetStatistics([target(at('firms', { end: 2011 }), 'ratio')], records, grid, null)).toThrow(/no reference records/);
    expect(requiredRecordSteps(targets, grid).steps).toEqual(new Set([24, 36, 0, 12]));
  });

  it('on a real run: Σ zoneOutput / output equals the zoneOutputShare reporter, and periods add up the flows', () => {
    const input = inputWith({ time: { years: 3 }, zones: { count: 5 }, projects: { perYear: 150 }, firms: { initialCount: 60 } });
    const steps: RecordedStep[] = [];
    const collect = createReporterCollector();
    simulateModel(input, 99, (state) => steps.push(collect(state)));
    const province = (step: RecordedStep, metric: string) => step.values.find((v) => v.metric === metric && v.zone === null && v.industry === null)!.value;
    const targets = [
      target({ type: 'ratio', operands: [at('zoneOutput', { end: 2011 }, 'zone', { kind: 'aggregate', aggregate: 'sum', threshold: null }), at('output', { end: 2011 })] }),
      target(at('zoneOutputShare', { end: 2011 })),
      target({ type: 'reporter', reporter: 'exits', scope: 'province', selection: null, time: { kind: 'sum', from: { year: 2009 }, to: { end: 2011 } } }),
      target({ type: 'reporter', reporter: 'firms', scope: 'province', selection: null, time: { kind: 'change', from: { end: 2009 }, to: { year: 2012 } } }),
    ];
    const values = computeTargetStatistics(targets, steps, timeGridOf(input.parameters), null);
    expect(values[0]).toBeCloseTo(values[1], 14);
    expect(values[1]).toBe(province(steps[3], 'zoneOutputShare'));
    expect(values[2]).toBe(province(steps[1], 'exits') + province(steps[2], 'exits') + province(steps[3], 'exits'));
    expect(values[3]).toBe(province(steps[3], 'firms') - province(steps[1], 'firms'));
  });
});
