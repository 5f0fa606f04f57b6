/**
 * The national-scale scenario (scenarios/scale/china-national.yaml): China's 2018 catalogue of 2,543
 * development zones (552 national-level + 1,991 provincial-level) at Henan's per-zone flows, i.e.
 * every count henan.yaml sets multiplied by 2,543 / 180 and rounded, every other setting henan.yaml's.
 * Independent calculation: the factor applied here to henan.yaml's values.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_SCENARIO, NATIONAL_ZONE_COUNT } from '../../bench/nationalScale.ts';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { stepModel } from '../../src/model/stepModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

/** Paths of henan.yaml's counts that scale with the number of zones. */
const SCALED = [
  'firms.initialCount',
  'projects.perYear',
  'choice.outside.vacantLandHa',
  'land.quotaHaPerYear',
  'guarantees.initialCapital',
  'guarantees.annualInjection',
  'guidanceFund.budgetPerYear',
];

function valueAt(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

describe('national-scale scenario', () => {
  it('is henan.yaml with its counts scaled by 2,543 / 180', async () => {
    const national = await loadScenarioFile(NATIONAL_SCENARIO);
    const henan = await loadScenarioFile('scenarios/henan.yaml');
    expect(NATIONAL_ZONE_COUNT).toBe(552 + 1991);
    expect(national.modelInput.parameters.zones.count).toBe(NATIONAL_ZONE_COUNT);
    const factor = NATIONAL_ZONE_COUNT / henan.modelInput.parameters.zones.count;
    for (const field of SCALED) {
      expect(valueAt(national.modelInput.parameters, field), field).toBe(Math.round((valueAt(henan.modelInput.parameters, field) as number) * factor));
    }
    // Everything else as in henan.yaml (the fields above and the zone count aside).
    const strip = (p: typeof henan.modelInput.parameters): unknown => {
      const copy = structuredClone(p) as unknown as Record<string, Record<string, unknown>>;
      for (const field of [...SCALED, 'zones.count']) {
        const keys = field.split('.');
        const last = keys.pop()!;
        (keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy) as Record<string, unknown>)[last] = null;
      }
      return copy;
    };
    expect(strip(national.modelInput.parameters)).toEqual(strip(henan.modelInput.parameters));
  });

  it('initialises and steps', async () => {
    const { modelInput } = await loadScenarioFile(NATIONAL_SCENARIO);
    const state = initialiseModel(modelInput, 1);
    expect(state.firms.count).toBe(modelInput.parameters.firms.initialCount);
    for (let s = 0; s < 3; s++) stepModel(state);
    expect(state.counters.entriesTotal).toBeGreaterThan(1000);
  });
});
