import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameterSpecification.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector, type RecordedStep } from '../../src/outcomes/collectReporters.ts';
import { TIDY_CSV_HEADER, tidyCsvLines } from '../../src/runner/tidyCsv.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { formatValue, MAIN_CHART_METRICS, reporterByName } from '../../src/app/chartMetrics.ts';
import { industryPalette } from '../../src/app/industryColours.ts';
import { RESULTS_CSV_HEADER, resultsCsv } from '../../src/app/resultsCsv.ts';
import { defaultPageScenario, setValueAtPath, toScenarioName, validateEdits, valueAtPath } from '../../src/app/scenarioSettings.ts';
import { monthLabel } from '../../src/app/timeLabels.ts';
import { takeZoneSnapshot, topIndustryOfZone } from '../../src/app/zoneSnapshot.ts';

const smallInput = () => {
  const parameters = defaultParameters();
  parameters.time.years = 4;
  parameters.zones.count = 5;
  parameters.projects.perYear = 200;
  parameters.firms.initialCount = 60;
  return { parameters, relatedness: null };
};

describe('chart metrics', () => {
  it('are named province reporters of the command line', () => {
    for (const name of MAIN_CHART_METRICS) expect(reporterByName(name)?.scope, name).toBe('province');
  });
  it('format values for display', () => {
    expect(formatValue(0.6072, 'share')).toBe('60.7%');
    expect(formatValue(1574000, 'M¥/year')).toBe('1.57M');
    expect(formatValue(null)).toBe('–');
    expect(formatValue(12.3456)).toBe('12.35');
  });
});

describe('page settings', () => {
  it('validate edits with the command line messages (no file label)', () => {
    const base = defaultPageScenario();
    expect(validateEdits(base, new Map([['zones.count', 3]])).parameters.zones.count).toBe(3);
    expect(() => validateEdits(base, new Map([['zones.count', 6000]]))).toThrow(ScenarioError);
    expect(() => validateEdits(base, new Map([['zones.count', 6000]]))).toThrow(/^zones\.count: expected an integer in \[0, 5000\], found 6000$/);
    expect(() => validateEdits(base, new Map<string, unknown>([['industries.count', 3]]))).toThrow(
      /^industries\.supplyChains: expected at most industries\.count \(3\), found 5$/,
    );
  });
  it('get and set values by path without touching prototypes', () => {
    const tree: Record<string, unknown> = {};
    setValueAtPath(tree, 'a.b.c', 1);
    expect(valueAtPath(tree, 'a.b.c')).toBe(1);
    setValueAtPath(tree, '__proto__.x', 2);
    expect(Object.keys(tree)).toEqual(['a', '__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(valueAtPath(tree, 'a.toString')).toBeUndefined();
  });
  it('make scenario names', () => {
    expect(toScenarioName('My Policy 2')).toBe('my-policy-2');
    expect(toScenarioName('!!!')).toBe('my-policy');
    // Always a name the validator accepts: at most 64 characters, never a Windows device name (issue 11, D6).
    expect(toScenarioName(`${'Long title '.repeat(10)}`)).toBe('long-title-long-title-long-title-long-title-long-title-long');
    expect(toScenarioName('NUL')).toBe('my-policy');
  });
});

describe('results CSV', () => {
  it('has the command line’s header and lines', () => {
    expect(RESULTS_CSV_HEADER).toBe(TIDY_CSV_HEADER);
    const collect = createReporterCollector();
    const frames: RecordedStep[] = [];
    const seed = replicationSeed(2009, 0);
    simulateModel(smallInput(), seed, (state) => frames.push(collect(state)));
    const expected = TIDY_CSV_HEADER + '\n' + frames.map((frame) => tidyCsvLines('small', 0, seed, frame)).join('');
    expect(resultsCsv('small', 0, seed, frames)).toBe(expected);
  });
});

describe('zone snapshots', () => {
  it('copy zone outputs and firms and name each zone’s largest industry', () => {
    const seed = replicationSeed(1, 0);
    const final = simulateModel(smallInput(), seed);
    const snapshot = takeZoneSnapshot(final);
    expect(snapshot.output).toHaveLength(final.zones.count + 1);
    expect(Array.from(snapshot.firms)).toEqual(Array.from(final.zones.firms.slice(0, final.zones.count + 1)));
    expect(snapshot.output.buffer).not.toBe(final.zones.output.buffer);
    const k = final.industries.count;
    for (let z = 0; z < final.zones.count; z++) {
      const row = Array.from(final.zones.industryOutput.slice(z * k, z * k + k));
      const top = topIndustryOfZone(final, z);
      expect(snapshot.topIndustry[z]).toBe(top);
      if (Math.max(...row) > 0) expect(row[top]).toBe(Math.max(...row));
      else expect(top).toBe(-1);
      expect(snapshot.leading[z].length).toBe(final.parameters.zones.leadingIndustriesPerZone);
    }
  });
});

describe('labels and colours', () => {
  it('label calendar time by the month it ends', () => {
    expect(monthLabel(2009, 2009)).toBe('Jan 2009');
    expect(monthLabel(2009, 2009 + 1 / 12)).toBe('Jan 2009');
    expect(monthLabel(2009, 2015.5)).toBe('Jun 2015');
    expect(monthLabel(2009, 2031)).toBe('Dec 2030');
  });
  it('give industries of one chain one hue', () => {
    const palette = industryPalette(Int32Array.from([0, 1, 0, 1]));
    const hue = (c: string) => c.split(' ')[0];
    expect(hue(palette[0])).toBe(hue(palette[2]));
    expect(hue(palette[0])).not.toBe(hue(palette[1]));
    expect(palette[0]).not.toBe(palette[2]);
    expect(industryPalette(Int32Array.from([-1, -1]))).toHaveLength(2);
  });
});
