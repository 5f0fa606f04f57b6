/**
 * The report's scale groups: a grouped input made from the fixture (3 teaching-scale scenarios)
 * plus two Henan-scale scenarios (output ~1.5e6 M¥, a thousand times the teaching scale) and one
 * limiting case that ends in 2012.
 */
import { describe, expect, it } from 'vitest';
import { readChartJsSource } from '../../src/report/chartJsSource.ts';
import { allCharts, buildReportCharts } from '../../src/report/reportCharts.ts';
import { reportHtml } from '../../src/report/reportHtml.ts';
import type { PairedComparison, ReportInput, ScenarioSeries } from '../../src/report/reportInput.ts';
import { indexReportInput } from '../../src/report/reportView.ts';
import { reportInputFixture as fixture } from '../fixtures/report/reportInputFixture.ts';

function scaled(series: readonly ScenarioSeries[], from: string, to: string, factor: number, years = 5): ScenarioSeries[] {
  return series
    .filter((s) => s.scenario === from)
    .map((s) => ({
      scenario: to,
      metric: s.metric,
      points: s.points.slice(0, years).map((p) => ({ ...p, mean: p.mean * factor, lower: p.lower * factor, upper: p.upper * factor })),
    }));
}

const extraSeries = [
  ...scaled(fixture.series, 'baseline', 'henan', 1000),
  ...scaled(fixture.series, 'land-intensive', 'henan-no-zones', 1000),
  ...scaled(fixture.series, 'baseline', 'urn', 0.001, 4), // ends in 2012
];
const henanPaired: PairedComparison = {
  scenario: 'henan-no-zones',
  baseline: 'henan',
  metric: 'output',
  n: 10,
  meanDifference: 170_000,
  lower: 145_000,
  upper: 195_000,
  effectSize: 4.86,
  pValue: 1e-12,
  direction: 'increase',
  referenceMean: 1_480_000,
  percentOfReference: 11.486,
};
const scenario = (name: string, scaleGroup: 'teaching' | 'province' | 'limiting', reference: string | null, notCompared: string | null = null) => ({
  name,
  description: `the ${name}`,
  file: `${name}.yaml`,
  contentHash: `sha256:${name}`,
  sourceText: `name: ${name}\n`,
  overrides: {},
  scaleGroup,
  endYear: name === 'urn' ? 2012 : 2013,
  reference,
  notCompared,
});
const grouped: ReportInput = {
  ...fixture,
  scenarios: [
    scenario('urn', 'limiting', null, 'urn is a limiting case (one industry, a textbook model of its own), so it is shown but not compared with a province.'),
    ...fixture.scenarios.map((s) => ({ ...s, scaleGroup: 'teaching' as const, endYear: 2013, reference: s.name === 'baseline' ? null : 'baseline', notCompared: null })),
    scenario('henan', 'province', null),
    scenario('henan-no-zones', 'province', 'henan'),
  ],
  series: [...fixture.series, ...extraSeries],
  endStates: [
    ...fixture.endStates,
    ...extraSeries.map((s) => {
      const last = s.points[s.points.length - 1];
      return { scenario: s.scenario, metric: s.metric, n: 10, mean: last.mean, standardDeviation: 1, lower: last.lower, upper: last.upper, min: 0, q05: 0, q25: 0, median: last.mean, q75: 0, q95: 0, max: 0 };
    }),
  ],
  paired: [...fixture.paired, henanPaired],
  maps: [],
};
const view = indexReportInput(grouped);
const charts = buildReportCharts(view);

describe('report groups', () => {
  it('shows the baseline’s group first, then the others by scale, each with its reference', () => {
    expect(view.groups.map((g) => [g.key, g.reference, g.scenarios.length, g.idSuffix])).toEqual([
      ['teaching', 'baseline', 3, ''],
      ['province', 'henan', 2, '-province'],
      ['limiting', null, 1, '-limiting'],
    ]);
    expect(view.comparedScenarios).toEqual(['land-intensive', 'zones & <subsidies>', 'henan-no-zones']);
    expect(view.referenceOf('henan-no-zones')).toBe('henan');
    expect(view.pairedOf('henan-no-zones', 'output')?.meanDifference).toBe(170_000);
  });

  it('gives each group its own charts, so Henan does not flatten the teaching scale', () => {
    const output = charts.metrics.find((m) => m.metric.name === 'output')!;
    expect(output.groups.map((g) => g.timeSeries.id)).toEqual(['output-time-series', 'output-time-series-province', 'output-time-series-limiting']);
    const teachingLabels = output.groups[0].timeSeries.config.data.datasets.map((d) => d.label);
    expect(teachingLabels.some((l) => l.startsWith('henan'))).toBe(false);
    const teachingMax = Math.max(...output.groups[0].endState.config.data.datasets[0].data.map(Number));
    expect(teachingMax).toBe(1650); // land-intensive's end state, not henan's 1,480,000
    // The limiting case is shown, never compared: no forest plot, no empty chart.
    expect(output.groups[2].pairedDifferences).toBeNull();
    expect(output.groups[1].pairedDifferences?.title).toBe('Output: difference scenario − henan — Henan (province) scale');
    expect(new Set(allCharts(charts).map((c) => c.id)).size).toBe(allCharts(charts).length);
  });

  it('titles end states with the runs’ real end dates and writes money axes in readable units', () => {
    const output = charts.metrics.find((m) => m.metric.name === 'output')!;
    expect(output.groups[0].endState.title).toBe('Output: end state, 2013 — Teaching scale');
    expect(output.groups[2].endState.title).toBe('Output: end state, 2012 — Limiting cases');
    const x = (output.groups[1].endState.config.options as any).scales.x;
    expect(x.zonesimMoney).toBe('/year');
    expect(x.title.text).toBe('Output (yuan/year)');
    // Tooltips in yuan: 1,480,000 M¥ = ¥1.48 trn.
    expect(output.groups[1].endState.config.data.datasets[0].zonesimTooltip).toContain(
      'henan: ¥1.48 trn/year [¥1.44 trn, ¥1.52 trn]; median ¥1.48 trn/year, 5–95% [¥0, ¥0] (n=10)',
    );
  });

  it('labels bars with their own end year when one chart holds runs of different lengths', () => {
    const mixed = indexReportInput({ ...grouped, scenarios: grouped.scenarios.map((s) => ({ ...s, scaleGroup: 'teaching' as const })) });
    const output = buildReportCharts(mixed).metrics.find((m) => m.metric.name === 'output')!;
    expect(output.groups[0].endState.title).toBe('Output: end state, 2012–2013');
    expect(output.groups[0].endState.config.data.labels).toContain('urn (2012)');
  });

  it('has no empty section: a scenario that is not compared says why, under its group', async () => {
    const html = reportHtml(view, charts, { chartJsSource: await readChartJsSource() });
    const summary = html.slice(html.indexOf('<section id="summary"'), html.indexOf('<section id="outcomes"'));
    expect(summary).toContain('<h3 class="group-h" id="summary-group-limiting">Limiting cases</h3>');
    expect(summary).toContain('urn is a limiting case (one industry, a textbook model of its own), so it is shown but not compared with a province.');
    expect(summary).not.toContain('id="summary-urn"');
    // The Henan comparison in readable money, against its own reference, p below 1e-4 not printed.
    expect(summary).toContain('<th scope="col">Difference henan-no-zones − henan</th>');
    expect(summary).toContain('+¥170 bn/year</td><td class="num">[¥145 bn, ¥195 bn]</td><td class="num">+11.5 %</td>');
    expect(summary).toContain('<td class="num">&lt; 0.0001</td>');
    const first = summary.indexOf('<details');
    expect(summary.slice(first, summary.indexOf('</summary>', first))).toContain('land-intensive');
  });
});

describe('constant groups', () => {
  it('draws no chart of flat lines: a group whose every value is one constant gets one sentence instead', async () => {
    const flat: ReportInput = {
      ...grouped,
      series: grouped.series.map((s) =>
        s.scenario === 'urn' && s.metric === 'pollution' ? { ...s, points: s.points.map((p) => ({ ...p, mean: 0, lower: 0, upper: 0 })) } : s,
      ),
    };
    const flatView = indexReportInput(flat);
    const flatCharts = buildReportCharts(flatView);
    const pollution = flatCharts.metrics.find((m) => m.metric.name === 'pollution')!;
    expect(pollution.groups.map((g) => g.group.key)).toEqual(['teaching', 'province']);
    expect(pollution.constantGroups.map((c) => [c.group.key, c.value])).toEqual([['limiting', 0]]);
    const html = reportHtml(flatView, flatCharts, { chartJsSource: await readChartJsSource() });
    expect(html).toContain('<p class="meta">Limiting cases: 0 t/year in every scenario and year (not drawn).</p>');
    expect(html).not.toContain('data-chart="pollution-time-series-limiting"');
    expect(html).toContain('data-chart="output-time-series-limiting"');
  });
});

describe('a scenario identical to its reference', () => {
  it('is one sentence, not an empty section', async () => {
    const same: ReportInput = {
      ...grouped,
      paired: grouped.paired.map((p) =>
        p.scenario === 'zones & <subsidies>' ? { ...p, meanDifference: 0, lower: 0, upper: 0, effectSize: 0, pValue: null, direction: 'no-difference' as const } : p,
      ),
    };
    const sameView = indexReportInput(same);
    const html = reportHtml(sameView, buildReportCharts(sameView), { chartJsSource: await readChartJsSource() });
    expect(html).toContain(
      '<strong>zones &amp; &lt;subsidies&gt;</strong>: no difference from baseline in any of its 3 outcomes (every replication pair equal within floating-point tolerance',
    );
    expect(html).not.toContain('<details class="scenario-summary" id="summary-zones-subsidies"');
  });
});
