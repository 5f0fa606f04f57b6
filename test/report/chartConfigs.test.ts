import { describe, expect, it } from 'vitest';
import {
  bubbleRadius,
  endStateChart,
  mapMaxRadius,
  pairedDifferenceChart,
  standardisedComparison,
  standardisedEffectsChart,
  timeSeriesChart,
  yearAxisRange,
  zoneMapChart,
  type ChartJsDataset,
  type ChartSpec,
} from '../../src/report/chartConfigs.ts';
import { DIRECTION_COLOURS, scenarioStyle } from '../../src/report/palette.ts';
import { allCharts, buildReportCharts, chooseKeyMetrics } from '../../src/report/reportCharts.ts';
import type { PairedComparison, ReportInput } from '../../src/report/reportInput.ts';
import { indexReportInput } from '../../src/report/reportView.ts';
import { studentTQuantile } from '../../src/statistics/studentTQuantile.ts';
import { reportInputFixture as fixture } from '../fixtures/report/reportInputFixture.ts';

const view = indexReportInput(fixture);
const [output, share, pollution] = fixture.metrics;

function options(spec: ChartSpec): Record<string, any> {
  return spec.config.options as Record<string, any>;
}

function dataset(spec: ChartSpec, label: string): ChartJsDataset {
  const found = spec.config.data.datasets.find((d) => d.label === label);
  if (found === undefined) throw new Error(`no dataset ${label} in ${spec.id}`);
  return found;
}

describe('time series', () => {
  const spec = timeSeriesChart(view, output);

  it('has, per scenario, a lower band edge, an upper edge filled to it, and the mean line', () => {
    const datasets = spec.config.data.datasets;
    expect(datasets).toHaveLength(3 * 3);
    expect(spec.config.data.labels).toEqual([2009, 2010, 2011, 2012, 2013]);
    for (const [s, scenario] of fixture.scenarios.entries()) {
      const series = fixture.series.find((x) => x.scenario === scenario.name && x.metric === 'output')!;
      const [lower, upper, mean] = datasets.slice(3 * s, 3 * s + 3);
      expect(lower.data).toEqual(series.points.map((p) => p.lower));
      expect(upper.data).toEqual(series.points.map((p) => p.upper));
      expect(mean.data).toEqual(series.points.map((p) => p.mean));
      expect(upper.fill).toEqual({ target: 3 * s });
      expect(lower.fill).toBe(false);
      expect(lower.zonesimHideInLegend).toBe(true);
      expect(upper.zonesimHideInLegend).toBe(true);
      expect(mean.label).toBe(scenario.name);
      expect(mean.borderColor).toBe(scenarioStyle(s).colour);
      expect(mean.zonesimBand).toEqual([3 * s, 3 * s + 1]);
    }
  });

  it('is deterministic and titled with the unit', () => {
    expect(options(spec)).toMatchObject({ animation: false, responsive: false, devicePixelRatio: 1 });
    // Money axes: the title names yuan and the rate; the ticks carry ¥ and the scale word.
    expect(options(spec).scales.y.title.text).toBe('Output (yuan/year)');
    expect(options(spec).scales.y.zonesimMoney).toBe('/year');
    expect(options(spec).scales.x.title.text).toBe('Year');
    expect(options(spec).scales.x).toMatchObject({ min: 2009, max: 2013, ticks: { stepSize: 1 } });
    expect(timeSeriesChart(view, output)).toEqual(spec);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec); // plain JSON: no functions, no undefined
  });

  it('aligns scenarios with different recorded years on the union of years', () => {
    const shifted: ReportInput = {
      ...fixture,
      series: fixture.series.map((s) =>
        s.scenario === 'baseline' && s.metric === 'output' ? { ...s, points: s.points.slice(0, 3) } : s,
      ),
    };
    const chart = timeSeriesChart(indexReportInput(shifted), output);
    expect(dataset(chart, 'baseline').data).toEqual([1000, 1100, 1230, null, null]);
  });

  it('chooses whole-year ticks', () => {
    expect(yearAxisRange([2009, 2031])).toMatchObject({ ticks: { stepSize: 2 } });
    expect(yearAxisRange([2009, 2010.5])).toMatchObject({ min: 2009, max: 2010.5, ticks: { stepSize: 1 } });
    // One recorded year: a two-year axis around it, and fraction digits bounded on both sides (D2).
    expect(yearAxisRange([2010, 2010])).toMatchObject({ min: 2009, max: 2011, ticks: { stepSize: 1, format: { minimumFractionDigits: 0, maximumFractionDigits: 2 } } });
  });
});

describe('scenario colours', () => {
  it('are the same for a scenario in every chart', () => {
    const charts = allCharts(buildReportCharts(view));
    for (const [s, scenario] of fixture.scenarios.entries()) {
      const colour = scenarioStyle(s).colour;
      expect(dataset(timeSeriesChart(view, share), scenario.name).borderColor).toBe(colour);
      const bars = endStateChart(view, pollution);
      const index = (bars.config.data.labels ?? []).indexOf(scenario.name);
      expect((bars.config.data.datasets[0].borderColor as string[])[index]).toBe(colour);
    }
    expect(charts.length).toBe(3 * 3 + 2 + 3);
  });
});

describe('end-state bars', () => {
  it('show each scenario mean with its 95% interval as error bars, on an axis that holds them and 0', () => {
    const spec = endStateChart(view, output);
    expect(spec.config.data.labels).toEqual(fixture.scenarios.map((s) => s.name));
    const bars = spec.config.data.datasets[0];
    const ends = fixture.endStates.filter((e) => e.metric === 'output');
    expect(bars.data).toEqual(ends.map((e) => e.mean));
    expect(bars.errorBars).toEqual(ends.map((e) => [e.lower, e.upper]));
    const x = options(spec).scales.x;
    expect(x.title.text).toBe('Output (yuan/year)');
    expect(x.suggestedMin).toBe(0);
    expect(x.suggestedMax).toBeGreaterThanOrEqual(Math.max(...ends.map((e) => e.upper)));
    expect(options(spec).indexAxis).toBe('y');
  });
});

describe('paired-difference forest plot', () => {
  it('has one row per compared scenario whose interval and estimate match the input, coloured by direction', () => {
    const spec = pairedDifferenceChart(view, output)!;
    expect(spec.config.data.labels).toEqual(['land-intensive', 'zones & <subsidies> (unsettled)']);
    const increase = dataset(spec, 'Increase (95% CI above 0)');
    const unsettled = dataset(spec, 'Unsettled (95% CI includes 0)');
    const p = (scenario: string): PairedComparison => fixture.paired.find((x) => x.scenario === scenario && x.metric === 'output')!;
    expect(increase.data).toEqual([[p('land-intensive').lower, p('land-intensive').upper], null]);
    expect(unsettled.data).toEqual([null, [p('zones & <subsidies>').lower, p('zones & <subsidies>').upper]]);
    expect(increase.backgroundColor).toBe(DIRECTION_COLOURS.increase);
    expect(unsettled.backgroundColor).toBe(DIRECTION_COLOURS.unsettled);
    expect(dataset(spec, 'Increase (95% CI above 0) estimate').data).toEqual([{ x: 170, y: 'land-intensive' }]);
    expect(dataset(spec, 'Unsettled (95% CI includes 0) estimate')).toMatchObject({
      data: [{ x: 20, y: 'zones & <subsidies> (unsettled)' }],
      backgroundColor: '#FFFFFF', // hollow
    });
    expect(options(spec).plugins.zonesimReferenceLine).toMatchObject({ axis: 'x', value: 0 });
    expect(options(spec).scales.x.title.text).toBe('Difference scenario − baseline, end state, 2013 (yuan/year)');
    const x = options(spec).scales.x;
    expect(x.suggestedMin).toBeLessThanOrEqual(Math.min(0, p('zones & <subsidies>').lower));
    expect(x.suggestedMax).toBeGreaterThanOrEqual(p('land-intensive').upper);
  });

  it('marks decreases and no-difference rows', () => {
    expect(pairedDifferenceChart(view, share)!.config.data.datasets.map((d) => d.label)).toContain('Decrease (95% CI below 0)');
    expect(pairedDifferenceChart(view, pollution)!.config.data.labels).toEqual([
      'land-intensive (unsettled)',
      'zones & <subsidies> (no difference)',
    ]);
  });

  it('is absent without a baseline', () => {
    const noBaseline = indexReportInput({ ...fixture, baseline: null });
    expect(pairedDifferenceChart(noBaseline, output)).toBeNull();
    expect(standardisedEffectsChart(noBaseline, 'land-intensive')).toBeNull();
    expect(buildReportCharts(noBaseline).effects).toEqual([]);
  });
});

describe('standardised effects', () => {
  const base: PairedComparison = {
    scenario: 's', baseline: 'b', metric: 'm', n: 10, meanDifference: 2, lower: 1, upper: 3, effectSize: 4, pValue: 0.01, direction: 'increase',
  };

  it('divides the difference interval by the SD of the differences (mean difference / d_z)', () => {
    // sd = 2 / 4 = 0.5, so [1, 3] → [2, 6] and d_z stays 4.
    expect(standardisedComparison(base)).toEqual({ estimate: 4, lower: 2, upper: 6 });
  });

  it('recovers the SD from the t-interval when the mean difference is 0', () => {
    // half-width h = 1 = t·sd/√n → sd = √10 / t₀.₉₇₅,₉ ≈ 1.398; the interval is [−1, 1] / sd.
    const t = studentTQuantile(0.975, 9);
    const s = standardisedComparison({ ...base, meanDifference: 0, lower: -1, upper: 1, effectSize: 0, direction: 'unsettled' })!;
    expect(s.estimate).toBe(0);
    expect(s.upper).toBeCloseTo(t / Math.sqrt(10), 12);
    expect(s.lower).toBeCloseTo(-t / Math.sqrt(10), 12);
  });

  it('is a point at 0 when nothing differs, and undefined for a constant non-zero shift', () => {
    expect(standardisedComparison({ ...base, meanDifference: 0, lower: 0, upper: 0, effectSize: null, direction: 'no-difference' })).toEqual({ estimate: 0, lower: 0, upper: 0 });
    expect(standardisedComparison({ ...base, lower: 2, upper: 2, effectSize: null })).toBeNull();
  });

  it('plots every outcome of a scenario on the d_z scale', () => {
    const spec = standardisedEffectsChart(view, 'land-intensive')!;
    expect(spec.config.data.labels).toEqual(['Output', 'Share of firms in zones', 'Pollution (unsettled)']);
    const p = fixture.paired.find((x) => x.scenario === 'land-intensive' && x.metric === 'output')!;
    const scale = p.effectSize! / p.meanDifference;
    const increase = dataset(spec, 'Increase (95% CI above 0)');
    expect((increase.data[0] as number[])[0]).toBeCloseTo(p.lower * scale, 12);
    expect((increase.data[0] as number[])[1]).toBeCloseTo(p.upper * scale, 12);
    expect(spec.id).toBe('effects-land-intensive');
  });
});

describe('zone maps', () => {
  it('puts a bubble at each zone, area ∝ output on one scale for all maps, coloured by leading industry', () => {
    const spec = zoneMapChart(view, fixture.maps[1]);
    expect(spec.config.type).toBe('bubble');
    const labels = spec.config.data.datasets.map((d) => d.label);
    // Legend order = colour order: industries leading the most zones over all maps first
    // (Machinery 4, Textiles 4, Food 3, Chemicals 1; ties by index).
    expect(labels).toEqual(['Machinery', 'Textiles & apparel', 'Food processing', 'Chemicals']);
    const machinery = dataset(spec, 'Machinery').data as { x: number; y: number; r: number }[];
    expect(machinery).toEqual([
      { x: 60, y: 220, r: bubbleRadius(520, 700, mapMaxRadius(5)) },
      { x: 250, y: 250, r: bubbleRadius(30, 700, mapMaxRadius(5)) },
    ]);
    // Largest output of all maps (700) has the largest radius; area ratio = output ratio.
    const food = dataset(spec, 'Food processing').data as { r: number }[];
    expect(food[0].r).toBe(mapMaxRadius(5));
    expect((machinery[0].r / food[0].r) ** 2).toBeCloseTo(520 / 700, 12);
    expect(options(spec).scales.x).toMatchObject({ min: 0, max: 300, title: { text: 'East–west position (km)' } });
  });

  it('gives an industry the same colour on every map and shows empty zones hollow', () => {
    const colourOf = (m: number, label: string): unknown => dataset(zoneMapChart(view, fixture.maps[m]), label).borderColor;
    expect(colourOf(0, 'Machinery')).toBe(colourOf(1, 'Machinery'));
    expect(colourOf(0, 'Textiles & apparel')).toBe(colourOf(2, 'Textiles & apparel'));
    expect(dataset(zoneMapChart(view, fixture.maps[0]), 'Empty zone')).toMatchObject({ data: [{ x: 90, y: 60, r: 3 }] });
  });

  it('scales bubbles down on crowded maps', () => {
    expect(mapMaxRadius(10)).toBe(24);
    expect(mapMaxRadius(180)).toBeCloseTo(150 / Math.sqrt(180), 12);
    expect(mapMaxRadius(10000)).toBe(8);
    expect(bubbleRadius(0, 10, 24)).toBe(0);
    expect(bubbleRadius(1e-9, 10, 24)).toBe(2);
  });
});

describe('report charts', () => {
  it('makes ids unique and file-name safe', () => {
    const clash: ReportInput = {
      ...fixture,
      maps: [fixture.maps[0], { ...fixture.maps[1], scenario: 'zones & <subsidies>' }, { ...fixture.maps[2], scenario: 'zones  subsidies' }],
    };
    const ids = allCharts(buildReportCharts(indexReportInput(clash))).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('map-zones-subsidies-2');
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('chooses the key metrics by name, else the known key outcomes, else the first 8', () => {
    expect([...chooseKeyMetrics(fixture.metrics, ['pollution', 'nonexistent'])]).toEqual(['pollution']);
    expect([...chooseKeyMetrics(fixture.metrics)]).toEqual(['output', 'pollution']);
    const unknown = Array.from({ length: 10 }, (_, i) => ({ ...fixture.metrics[0], name: `m${i}` }));
    expect([...chooseKeyMetrics(unknown)]).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    const charts = buildReportCharts(view, ['zoneFirmShare']);
    expect(charts.metrics.map((m) => m.key)).toEqual([false, true, false]);
  });
});
