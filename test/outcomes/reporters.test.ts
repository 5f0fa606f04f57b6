import { describe, expect, it } from 'vitest';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';
import { reporterByName, reporters } from '../../src/outcomes/reporters.ts';
import { inputWith } from '../support/modelInputs.ts';

describe('reporters (declared outcomes)', () => {
  it('have unique names, a unit, a rule id and a description', () => {
    const names = reporters.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of reporters) {
      expect(r.unit.length).toBeGreaterThan(0);
      expect(r.rules.length).toBeGreaterThan(0);
      expect(r.description.length).toBeGreaterThan(10);
    }
    expect(() => reporterByName('firmz')).toThrow(/unknown reporter "firmz"/);
  });

  it('report what the state says, by hand on a tiny run', () => {
    const input = inputWith({ time: { years: 3 }, zones: { count: 3 }, projects: { perYear: 120 }, firms: { initialCount: 40 } });
    const collect = createReporterCollector();
    let last = collect(simulateModel(input, 4, () => undefined));
    const final = simulateModel(input, 4, (s) => {
      last = collect(s);
    });
    const value = (metric: string, zone: number | null = null) => last.values.find((v) => v.metric === metric && v.zone === zone)?.value;
    expect(value('firms')).toBe(final.firms.count);
    let inZones = 0;
    for (let z = 0; z < 3; z++) {
      expect(value('zoneFirms', z)).toBe(final.zones.firms[z]);
      inZones += final.zones.firms[z];
    }
    expect(value('zoneFirmShare')).toBeCloseTo(inZones / final.firms.count, 12);
    expect(last.step).toBe(36);
    expect(last.year).toBe(2012);
  });

  it('records every reporter of every scope for a run with zones, and nothing undefined appears as NaN', () => {
    const collect = createReporterCollector();
    const seen = new Set<string>();
    simulateModel(inputWith({ time: { years: 3 } }), 2, (s) => {
      for (const v of collect(s).values) {
        expect(Number.isFinite(v.value)).toBe(true);
        seen.add(v.metric);
      }
    });
    for (const r of reporters) expect(seen.has(r.name), r.name).toBe(true);
  });
});
