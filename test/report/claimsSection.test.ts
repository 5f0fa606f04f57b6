/**
 * The claims section and its charts from hand-made claim results: one table row per claim × primary
 * outcome × window with its verdict, text escaped, the trajectory in % of the reference mean (or in the
 * outcome's unit when the reference mean is 0), the forest plot in % with primary outcomes first.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimsDefinition } from '../../src/claims/claimsDefinition.ts';
import { evaluateClaims, type ArmSeries } from '../../src/claims/evaluateClaims.ts';
import { claimForestChart, claimTrajectoryChart } from '../../src/report/claimsCharts.ts';
import { claimsSection } from '../../src/report/claimsSection.ts';

const YEARS = [2009, 2010, 2011];

/** output = level + step·i + r; zoneFirmShare = share in every instant and replication (+ r/100). */
function arm(level: number, step: number, share: number): ArmSeries {
  return {
    years: YEARS,
    replications: 3,
    value: (reporter, i, r) => (reporter === 'output' ? level + step * i + r : reporter === 'zoneFirmShare' ? share + (share === 0 ? 0 : r / 100) : Number.NaN),
  };
}

const definition: ClaimsDefinition = {
  name: 'hand',
  description: 'Hand <made> claims.',
  windows: [],
  groups: [],
  robustness: { replications: 2, draws: 2, forms: [], ranges: [], posterior: null },
  claims: [
    {
      id: 'zones-help',
      title: 'Zones <help>',
      words: { zh: '集中布局', en: 'Concentrate & grow.' },
      rules: ['R2'],
      contrast: 'pair',
      factors: [],
      arms: { scenario: 'z.yaml', reference: 'n.yaml' },
      outcomes: [
        { reporter: 'output', direction: 'increase', smallestEffect: { relative: 0.01 }, primary: true },
        { reporter: 'zoneFirmShare', direction: 'increase', smallestEffect: { absolute: 0.01 }, primary: false },
      ],
      windows: ['end'],
      robustness: { forms: [], uncertainty: 'none' },
      note: '',
    },
    {
      id: 'share-only',
      title: 'Share only',
      words: { zh: '集中', en: 'Share.' },
      rules: ['R2'],
      contrast: 'pair',
      factors: [],
      arms: { scenario: 'z.yaml', reference: 'n.yaml' },
      outcomes: [{ reporter: 'zoneFirmShare', direction: 'increase', smallestEffect: { absolute: 0.01 }, primary: true }],
      windows: ['end'],
      robustness: { forms: [], uncertainty: 'none' },
      note: '',
    },
  ],
};
// z: output 110 + 20 i + r, share 0.4 + r/100; n: output 100 + 10 i + r, share 0. The output difference is
// (110 + 20 i + r) − (100 + 10 i + r) = 10 + 10 i in every replication; the reference mean is 101 + 10 i.
const series: Record<string, ArmSeries> = { z: arm(110, 20, 0.4), n: arm(100, 10, 0) };
const results = evaluateClaims(definition, new Map([['z.yaml', 'z'], ['n.yaml', 'n']]), new Map(), (s) => series[s], 2);

describe('claimsSection', () => {
  const section = claimsSection(results, { name: 'hand', description: 'Hand <made> claims.', file: 'c.yaml', groups: [{ label: 'All', reference: 'n', scenarios: ['n', 'z'] }], imageFormats: ['svg'], robustnessText: '' });

  it('has one row per claim × primary outcome × window, each with a verdict', () => {
    expect(section.id).toBe('claims');
    expect(section.html.match(/<tr data-claim="zones-help">/g)).toHaveLength(1);
    expect(section.html.match(/<tr data-claim="share-only">/g)).toHaveLength(1);
    // output: d = 30 in every replication (no spread) → [30, 30] excludes 0: supported
    expect(section.html).toMatch(/<tr data-claim="zones-help">.*data-verdict="supported"/);
  });

  it('escapes every text', () => {
    expect(section.html).toContain('Zones &lt;help&gt;');
    expect(section.html).toContain('Hand &lt;made&gt; claims.');
    expect(section.html).not.toContain('Zones <help>');
  });

  it('draws two charts per claim, linked to their image files', () => {
    expect(section.charts.map((c) => c.id)).toEqual(['claim-zones-help-trajectory', 'claim-zones-help-forest', 'claim-share-only-trajectory', 'claim-share-only-forest']);
    expect(section.html).toContain('href="charts/claim-zones-help-forest.svg"');
  });
});

describe('claim charts', () => {
  it('trajectory in % of the reference mean: output difference 10 + 10 i over 101 + 10 i', () => {
    const chart = claimTrajectoryChart(results[0]);
    const line = chart.config.data.datasets[2];
    // i = 0: 10 / 101 = 9.90 %; i = 2: 30 / 121 = 24.79 %
    expect((line.data as number[])[0]).toBeCloseTo(1000 / 101, 9);
    expect((line.data as number[])[2]).toBeCloseTo(3000 / 121, 9);
  });

  it('trajectory in the outcome’s unit when the reference mean is 0 (share of firms against no zones)', () => {
    const chart = claimTrajectoryChart(results[1]);
    expect(chart.description).toContain('(share)');
    expect((chart.config.data.datasets[2].data as number[])[0]).toBeCloseTo(0.41, 12); // mean of 0.40, 0.41, 0.42
  });

  it('forest plot in % with the primary outcome first and outcomes without a reference mean left out', () => {
    const chart = claimForestChart(results[0]);
    expect(chart.config.data.labels).toEqual(['★ output · end']);
  });
});
