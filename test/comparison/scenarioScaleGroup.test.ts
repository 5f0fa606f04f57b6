import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firmScale, scaleFactsOf, scenarioScaleGroup } from '../../src/comparison/scenarioScaleGroup.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

describe('scenarioScaleGroup', () => {
  it('groups by one industry, then by firm scale', () => {
    expect(scenarioScaleGroup({ industries: 1, initialFirms: 0, projectsPerYear: 20 })).toBe('limiting');
    expect(scenarioScaleGroup({ industries: 20, initialFirms: 1200, projectsPerYear: 100 })).toBe('teaching');
    expect(scenarioScaleGroup({ industries: 20, initialFirms: 18000, projectsPerYear: 1500 })).toBe('province');
    expect(scenarioScaleGroup({ industries: 20, initialFirms: 254300, projectsPerYear: 1500 })).toBe('national');
    // An empty province is sized by ten years of its project flow: 10 · 700 = 7,000 ≥ 6,000.
    expect(firmScale({ industries: 20, initialFirms: 0, projectsPerYear: 700 })).toBe(7000);
    expect(scenarioScaleGroup({ industries: 20, initialFirms: 0, projectsPerYear: 700 })).toBe('province');
    // Missing parameters take their defaults (20 industries, 1,200 firms, 100 projects a year).
    expect(scaleFactsOf({ zones: { count: 0 } })).toEqual({ industries: 20, initialFirms: 1200, projectsPerYear: 100 });
  });

  it('puts the bundled scenarios in the groups the issue names, from their parameters alone', async () => {
    const dir = path.resolve('scenarios');
    const groups: Record<string, string[]> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      const loaded = await loadScenarioFile(path.join(dir, file));
      const group = scenarioScaleGroup(scaleFactsOf(loaded.modelInput.parameters as unknown as Record<string, unknown>));
      (groups[group] ??= []).push(loaded.name);
    }
    expect(groups.limiting).toEqual(['arthur-1990', 'polya-urn']);
    expect(groups.province).toEqual(['henan-calibrated', 'henan-no-zones', 'henan']);
    expect(groups.teaching).toHaveLength(16);
    expect(groups.teaching).toContain('baseline');
    expect(groups.teaching).toContain('no-zones');
    const national = await loadScenarioFile(path.join(dir, 'scale', 'china-national.yaml'));
    expect(scenarioScaleGroup(scaleFactsOf(national.modelInput.parameters as unknown as Record<string, unknown>))).toBe('national');
  });
});

