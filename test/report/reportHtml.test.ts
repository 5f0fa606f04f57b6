import { describe, expect, it } from 'vitest';
import { summariseChanges } from '../../src/report/changeSummary.ts';
import { readChartJsSource } from '../../src/report/chartJsSource.ts';
import { allCharts, buildReportCharts } from '../../src/report/reportCharts.ts';
import { chartFigure, metricSectionId, reportHtml } from '../../src/report/reportHtml.ts';
import type { ReportInput } from '../../src/report/reportInput.ts';
import { indexReportInput } from '../../src/report/reportView.ts';
import { reportInputFixture as fixture } from '../fixtures/report/reportInputFixture.ts';

const chartJsSource = await readChartJsSource();

function render(input: ReportInput = fixture, keyMetrics?: string[]): string {
  const view = indexReportInput(input);
  const charts = buildReportCharts(view, keyMetrics);
  return reportHtml(view, charts, { chartJsSource, exportedChartIds: new Set(allCharts(charts).map((c) => c.id)) });
}

/** The page without its <script> elements (whose contents are code and JSON, not text). */
function markup(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
}

describe('summariseChanges', () => {
  it('splits outcomes by direction, settled ones by relative effect (% of the reference mean) descending', () => {
    const [land, zones] = summariseChanges(indexReportInput(fixture));
    expect(land.scenario).toBe('land-intensive');
    expect(land.settled.map((e) => [e.metric.name, e.comparison.direction])).toEqual([
      ['zoneFirmShare', 'decrease'], // −0.09 / 0.46 (baseline's end-state mean) = −19.6 %
      ['output', 'increase'], // +170 / 1480 = +11.5 %
    ]);
    expect(land.unsettled.map((e) => e.metric.name)).toEqual(['pollution']);
    expect(zones.settled.map((e) => e.metric.name)).toEqual(['zoneFirmShare']);
    expect(zones.unsettled.map((e) => e.metric.name)).toEqual(['output']);
    expect(zones.noDifference.map((e) => e.metric.name)).toEqual(['pollution']);
    expect(summariseChanges(indexReportInput({ ...fixture, baseline: null }))).toEqual([]);
  });
});

describe('no effect that matters', () => {
  // land-intensive's output (+170 M¥/year against a baseline mean of 1480) made negligible by hand:
  // its interval [145, 195] is not inside ± 5 % × 1480 = ± 74, so the summariser would call it an
  // increase; here the direction is given as the summariser gives it for a small effect.
  const input: ReportInput = {
    ...fixture,
    paired: fixture.paired.map((p) =>
      p.scenario === 'land-intensive' && p.metric === 'output' ? { ...p, meanDifference: 10, lower: 5, upper: 15, direction: 'no-effect-that-matters' as const } : p,
    ),
  };

  it('is its own group of the summary, neither settled nor unsettled, and a sentence on the page', () => {
    const [land] = summariseChanges(indexReportInput(input));
    expect(land.settled.map((e) => e.metric.name)).toEqual(['zoneFirmShare']);
    expect(land.negligible.map((e) => e.metric.name)).toEqual(['output']);
    expect(land.unsettled.map((e) => e.metric.name)).toEqual(['pollution']);
    const page = markup(render(input));
    expect(page).toContain('land-intensive</h3> <span class="counts">1 settled (0 up, 1 down), 1 no effect that matters, 1 unsettled · vs baseline</span>');
    // 10 / 1480 = 0.676 % of the baseline mean.
    expect(page).toMatch(/<strong>No effect that matters<\/strong> \(the 95% interval of land-intensive − baseline lies inside ± 5% of the baseline mean, the page's threshold\): <a href="#metric-output">Output<\/a> \+0\.676 %/);
  });
});

describe('reportHtml', () => {
  const html = render();
  const page = markup(html);

  it('is one self-contained page: chart.js inlined, no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('sourceMappingURL');
  });

  it('escapes every text: no markup from the input reaches the page', () => {
    expect(page).not.toContain('<small>');
    expect(page).not.toContain('<b>doubled');
    expect(page).not.toContain('<subsidies>');
    expect(html).not.toContain('<script>alert');
    expect(page).toContain('<title>Fixture comparison &lt;small&gt; &amp; &quot;quoted&quot;</title>');
    expect(page).toContain('Subsidies &lt;b&gt;doubled&lt;/b&gt; &amp; zones everywhere (产业集聚区).');
    expect(page).toContain('Emissions &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; other pollutants (t/year).');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // The only </script> tags are those that close the page's own scripts.
    const scripts = html.match(/<script\b/g)?.length ?? 0;
    expect(html.match(/<\/script>/g)?.length).toBe(scripts);
  });

  it('has every section with a heading, in order', () => {
    const ids = ['run-facts', 'summary', 'outcomes', 'forest-plots', 'maps', 'levers', 'scenario-files', 'manifest'];
    const positions = ids.map((id) => page.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const heading of ['Run facts', 'What changed and how sure are we', 'Outcomes', 'Forest plots', 'Maps of zones', 'Levers each scenario sets', 'Scenario files', 'Manifest']) {
      expect(page).toMatch(new RegExp(`<h2 id="[a-z-]+">${heading}`));
    }
  });

  it('states the run facts and the manifest', () => {
    expect(page).toContain('<dt>baseSeed</dt><dd>42</dd>');
    expect(page).toContain('<dt>replications</dt><dd>10</dd>');
    expect(page).toContain('More run facts: scenarioHashes');
    expect(page).toContain('&quot;wallTimeSeconds&quot;: 12.5');
  });

  it('summarises settled and unsettled changes per scenario with their intervals', () => {
    const summary = page.slice(page.indexOf('<section id="summary"'), page.indexOf('<section id="outcomes"'));
    expect(summary).toContain('land-intensive</h3> <span class="counts">2 settled (1 up, 1 down), 1 unsettled · vs baseline</span>');
    // Money in readable units; the % of the reference mean: 170 / 1480 = 11.49 %, −0.09 / 0.46 = −19.57 %.
    expect(summary).toContain('+¥170 M/year</td><td class="num">[¥145 M, ¥195 M]</td><td class="num">+11.5 %</td>');
    expect(summary).toContain('-0.09 share</td><td class="num">[-0.102, -0.078]</td><td class="num">−19.6 %</td>');
    expect(summary).toContain('<th scope="col">Difference land-intensive − baseline</th>');
    // p 0.0003 in the fixture is printed as it is; below 1e-4 it would read "< 0.0001".
    expect(summary).toContain('<td class="num">0.0003</td>');
    expect(summary).toContain('<strong>Unsettled</strong>');
    expect(summary).toContain(`<a href="#${metricSectionId('pollution')}">Pollution</a> +1 [-1.5, 3.5] t/year`);
    expect(summary).toContain('<strong>No difference</strong> (equal within floating-point tolerance in every replication pair — not a finding): <a href="#metric-pollution">Pollution</a>');
  });

  it('has a section per metric with label, unit, rules, description and its three charts', () => {
    for (const metric of fixture.metrics) {
      const start = page.indexOf(`<details class="metric" id="${metricSectionId(metric.name)}"`);
      expect(start).toBeGreaterThan(0);
      const section = page.slice(start, page.indexOf('</details>', start));
      expect(section).toContain(`rules ${metric.rules.join(', ')}`);
      expect(section).toContain(`(${metric.unit})`);
      for (const kind of ['time-series', 'end-state', 'paired-differences']) {
        expect(section).toContain(`data-chart="${metric.name}-${kind}"`);
      }
    }
  });

  it('gives every chart an accessible canvas, a caption, image links and its configuration', () => {
    const figures = page.match(/<figure class="chart"/g) ?? [];
    expect(figures).toHaveLength(3 * 3 + 2 + 3);
    const canvases = page.match(/<canvas [^>]*>/g) ?? [];
    expect(canvases).toHaveLength(figures.length);
    for (const canvas of canvases) expect(canvas).toMatch(/role="img" aria-label="[^"]{20,}"/);
    expect(page).toContain('<a href="charts/map-baseline.png">PNG</a> · <a href="charts/map-baseline.svg">SVG</a>');
    const configs = [...html.matchAll(/<script type="application\/json" id="config-([^"]+)">([^<]*)<\/script>/g)];
    expect(configs).toHaveLength(figures.length);
    for (const [, , json] of configs) expect(JSON.parse(json)).toHaveProperty('type');
  });

  it('shows the levers table with scenarios as columns and the scenario files verbatim', () => {
    const levers = page.slice(page.indexOf('<section id="levers"'), page.indexOf('<section id="scenario-files"'));
    expect(levers).toContain('<th scope="row"><code>land.plotSizeHa</code></th><td class="default" title="default">·</td><td><code>0.5</code></td>');
    expect(levers).toContain('<code>[&quot;Zhengzhou&quot;,&quot;Luoyang&quot;]</code>');
    expect(levers.match(/<th scope="col">/g)).toHaveLength(1 + 3);
    for (const scenario of fixture.scenarios) {
      expect(page).toContain(`<pre><code>${scenario.sourceText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</code></pre>`);
    }
  });

  it('opens key metrics and collapses the others', () => {
    const keyed = markup(render(fixture, ['pollution']));
    expect(keyed).toContain('<details class="metric" id="metric-pollution" open>');
    expect(keyed).toContain('<details class="metric" id="metric-output">');
  });

  it('works without a baseline: no forest plots, a note instead of the summary', () => {
    const noBaseline = markup(render({ ...fixture, baseline: null }));
    expect(noBaseline).toContain('no baseline scenario');
    expect(noBaseline).not.toContain('<section id="forest-plots"');
    expect(noBaseline).not.toContain('paired-differences');
  });

  it('links no image files for a chart that has none', () => {
    const view = indexReportInput(fixture);
    const spec = buildReportCharts(view).maps[0].chart;
    expect(chartFigure(spec, [])).not.toContain('charts/');
    expect(chartFigure(spec, ['png'])).toContain('<a href="charts/map-baseline.png">PNG</a>)');
  });
});
