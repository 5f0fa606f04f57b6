import { summariseChanges, type ScenarioChangeSummary, type SummaryEntry } from './changeSummary.ts';
import type { ChartSpec } from './chartConfigs.ts';
import type { ChartImageFormat } from './renderChartImages.ts';
import { CHART_RUNTIME_SOURCE } from './chartRuntime.ts';
import { escapeHtml, formatInterval, formatNumber, formatPercent, formatPValue, formatSigned, jsonForScript, slug } from './formatting.ts';
import { formatInUnit, isMillionYuanUnit } from './formatMoney.ts';
import { DIRECTION_COLOURS } from './palette.ts';
import type { MetricCharts, ReportCharts } from './reportCharts.ts';
import type { ReportMetric } from './reportInput.ts';
import type { ReportGroup, ReportView } from './reportView.ts';

/**
 * The HTML page of a report: one self-contained file (chart.js, the chart runtime and every chart's
 * configuration inlined; no network) that opens from disk.
 *
 * Layout: title and contents; run facts; "what changed and how sure are we" (per scale group, per
 * scenario, the settled and unsettled paired differences scenario − reference, largest relative
 * effect first; one sentence for each scenario that is not compared, saying why); one section per
 * metric (label, unit, rules, description, and per scale group its own time series, end state and
 * paired-difference forest plot; a group whose values are one constant gets a sentence instead) —
 * key metrics open, the rest collapsed; standardised-effect forest plots per compared scenario;
 * maps; the levers table; the scenario files; the manifest. Every text is escaped. Money is written
 * in yuan with a scale word (src/report/formatMoney.ts), p-values below 0.0001 as "< 0.0001".
 *
 * Charts are drawn lazily: a chart's configuration sits in a JSON <script> beside its <canvas> and is
 * parsed and drawn when the chart becomes visible (on load for open sections, when a <details> opens
 * otherwise), so a report with hundreds of charts opens fast.
 */

/** What the page needs besides the view and its charts. */
export interface ReportHtmlOptions {
  /** Source of chart.js's UMD bundle, inlined in a <script>. */
  readonly chartJsSource: string;
  /** Ids of the charts written as image files `charts/<id>.<format>` (linked under each chart). */
  readonly exportedChartIds?: ReadonlySet<string>;
  /** Formats of those files (default PNG and SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
  /** How many scenario summaries are open on load (default 3). */
  readonly openSummaries?: number;
}

/** Escape text and keep it on one line of HTML. */
const e = escapeHtml;

/** The `id` of a metric's section (the target of links from the summary). */
export function metricSectionId(metricName: string): string {
  return `metric-${slug(metricName)}`;
}

/** The image formats a chart was exported in (empty when it has no image files). */
type Exported = (spec: ChartSpec) => readonly ChartImageFormat[];

function swatch(colour: string): string {
  return `<span class="swatch" style="background:${e(colour)}" aria-hidden="true"></span>`;
}

/**
 * A chart's figure: canvas (with role="img", aria-label and fallback text), caption with links to
 * its image files (`formats`; none when empty), and its JSON configuration.
 */
export function chartFigure(spec: ChartSpec, formats: readonly ChartImageFormat[]): string {
  const links =
    formats.length === 0
      ? ''
      : ` <span class="downloads">(${formats
          .map((f) => `<a href="charts/${e(spec.id)}.${f}">${f.toUpperCase()}</a>`)
          .join(' · ')})</span>`;
  return (
    `<figure class="chart" data-chart="${e(spec.id)}" data-kind="${e(spec.kind)}">` +
    `<canvas id="chart-${e(spec.id)}" width="${spec.width}" height="${spec.height}" role="img" aria-label="${e(spec.description)}">${e(spec.description)}</canvas>` +
    `<figcaption>${e(spec.title)}${links}</figcaption>` +
    `<script type="application/json" id="config-${e(spec.id)}">${jsonForScript(spec.config, 5)}</script>` +
    `</figure>`
  );
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

function runFacts(view: ReportView): string {
  const entries = Object.entries(view.input.manifest);
  const simple = entries.filter(([, value]) => typeof value !== 'object' || value === null);
  const nested = entries.filter(([, value]) => typeof value === 'object' && value !== null);
  const items = simple
    .map(([key, value]) => `<div><dt>${e(key)}</dt><dd>${e(valueText(value))}</dd></div>`)
    .join('\n');
  const more =
    nested.length === 0
      ? ''
      : `<details class="more-facts"><summary>More run facts: ${e(nested.map(([key]) => key).join(', '))}</summary>\n` +
        `<table class="facts-table"><tbody>\n` +
        nested.map(([key, value]) => `<tr><th scope="row">${e(key)}</th><td><code>${e(valueText(value))}</code></td></tr>`).join('\n') +
        `\n</tbody></table></details>`;
  return (
    `<section id="run-facts" aria-labelledby="run-facts-h"><h2 id="run-facts-h">Run facts</h2>\n` +
    `<dl class="facts">\n${items}\n</dl>\n${more}</section>`
  );
}

/** A value in the metric's unit (money as "¥1.5 trn/year"). */
function inUnit(value: number, metric: ReportMetric, signed = false): string {
  return formatInUnit(value, metric.unit, signed ? formatSigned : formatNumber, signed);
}

/** An interval in the metric's unit, without the unit for other than money ("[145, 195]"). */
function intervalText(lower: number, upper: number, metric: ReportMetric): string {
  if (!isMillionYuanUnit(metric.unit)) return formatInterval(lower, upper);
  return `[${formatInUnit(lower, 'M¥', formatNumber)}, ${formatInUnit(upper, 'M¥', formatNumber)}]`;
}

function directionCell(direction: SummaryEntry['comparison']['direction']): string {
  const arrow = direction === 'increase' ? '▲' : direction === 'decrease' ? '▼' : '●';
  return `<td class="direction"><span style="color:${DIRECTION_COLOURS[direction]}" aria-hidden="true">${arrow}</span> ${e(direction)}</td>`;
}

function unitSuffix(unit: string): string {
  return unit === '' ? '' : ` ${unit}`;
}

function scenarioSummary(view: ReportView, summary: ScenarioChangeSummary, open: boolean): string {
  if (summary.settled.length === 0 && summary.unsettled.length === 0 && summary.negligible.length === 0) {
    // Nothing to open: one sentence (e.g. a scenario with the same parameters as its reference).
    return (
      `<p class="scenario-summary none" id="summary-${e(slug(summary.scenario))}">${swatch(view.styleOf(summary.scenario).colour)}` +
      `<strong>${e(summary.scenario)}</strong>: no difference from ${e(summary.baseline)} in any of its ${summary.noDifference.length} outcomes ` +
      `(every replication pair equal within floating-point tolerance — the same parameters, or levers that touch no outcome).</p>`
    );
  }
  const scenario = view.input.scenarios.find((s) => s.name === summary.scenario);
  const up = summary.settled.filter((s) => s.comparison.direction === 'increase').length;
  const down = summary.settled.length - up;
  const counts =
    `${summary.settled.length} settled (${up} up, ${down} down), ` +
    (summary.negligible.length > 0 ? `${summary.negligible.length} no effect that matters, ` : '') +
    `${summary.unsettled.length} unsettled` +
    (summary.noDifference.length > 0 ? `, ${summary.noDifference.length} no difference` : '');
  const link = (entry: SummaryEntry): string =>
    `<a href="#${e(metricSectionId(entry.metric.name))}">${e(entry.metric.label)}</a>`;
  const settledRows = summary.settled
    .map((entry) => {
      const c = entry.comparison;
      return (
        `<tr><th scope="row">${link(entry)}</th>${directionCell(c.direction)}` +
        `<td class="num">${e(inUnit(c.meanDifference, entry.metric, true))}</td>` +
        `<td class="num">${e(intervalText(c.lower, c.upper, entry.metric))}</td>` +
        `<td class="num">${e(formatPercent(view.percentOf(c)))}</td>` +
        `<td class="num">${e(formatNumber(c.effectSize))}</td><td class="num">${e(formatPValue(c.pValue))}</td></tr>`
      );
    })
    .join('\n');
  const settledTable =
    summary.settled.length === 0
      ? '<p>No outcome changed with a settled sign.</p>'
      : `<table class="changes"><caption>Settled: the 95% interval of the paired difference excludes 0 (largest relative effect first)</caption>` +
        `<thead><tr><th scope="col">Outcome</th><th scope="col">Direction</th><th scope="col">Difference ${e(summary.scenario)} − ${e(summary.baseline)}</th>` +
        `<th scope="col">95% CI</th><th scope="col">% of ${e(summary.baseline)} mean</th><th scope="col">d<sub>z</sub></th><th scope="col">p</th></tr></thead><tbody>\n${settledRows}\n</tbody></table>`;
  const unsettled =
    summary.unsettled.length === 0
      ? ''
      : `<p class="unsettled"><strong>Unsettled</strong> (the 95% interval of ${e(summary.scenario)} − ${e(summary.baseline)} includes 0; the sign of the change is not known): ` +
        summary.unsettled
          .map(
            (entry) =>
              isMillionYuanUnit(entry.metric.unit)
                ? `${link(entry)} ${e(inUnit(entry.comparison.meanDifference, entry.metric, true))} ${e(intervalText(entry.comparison.lower, entry.comparison.upper, entry.metric))}`
                : `${link(entry)} ${e(formatSigned(entry.comparison.meanDifference))} ${e(formatInterval(entry.comparison.lower, entry.comparison.upper))}${e(unitSuffix(entry.metric.unit))}`,
          )
          .join('; ') +
        '.</p>';
  const negligible =
    summary.negligible.length === 0
      ? ''
      : `<p class="negligible"><strong>No effect that matters</strong> (the 95% interval of ${e(summary.scenario)} − ${e(summary.baseline)} lies inside ± 5% of the ${e(summary.baseline)} mean, the page's threshold): ` +
        summary.negligible.map((entry) => `${link(entry)} ${e(formatPercent(view.percentOf(entry.comparison)))}`).join('; ') +
        '.</p>';
  const none =
    summary.noDifference.length === 0
      ? ''
      : `<p><strong>No difference</strong> (equal within floating-point tolerance in every replication pair — not a finding): ${summary.noDifference.map(link).join(', ')}.</p>`;
  return (
    `<details class="scenario-summary" id="summary-${e(slug(summary.scenario))}"${open ? ' open' : ''}>` +
    `<summary><h3>${swatch(view.styleOf(summary.scenario).colour)}${e(summary.scenario)}</h3> <span class="counts">${e(counts)} · vs ${e(summary.baseline)}</span></summary>\n` +
    (scenario !== undefined && scenario.description !== '' ? `<p class="description">${e(scenario.description)}</p>\n` : '') +
    `${settledTable}\n${negligible}\n${unsettled}\n${none}</details>`
  );
}

/** The sentences of the scenarios of `names` that are not compared (why), as a list; '' when none. */
function notComparedList(view: ReportView, names: readonly string[]): string {
  const reasons = names.map((name) => [name, view.notComparedReason(name)] as const).filter((r): r is readonly [string, string] => r[1] !== null);
  if (reasons.length === 0) return '';
  return (
    `<ul class="not-compared">` +
    reasons.map(([name, reason]) => `<li>${swatch(view.styleOf(name).colour)}${e(reason)}</li>`).join('') +
    `</ul>`
  );
}

function groupIntro(view: ReportView, group: ReportGroup): string {
  const rule = group.rule === null ? '' : ` <span class="meta">(${e(group.rule)})</span>`;
  const reference = group.reference === null ? '' : ` Reference: <strong>${e(group.reference)}</strong>.`;
  return `<h3 class="group-h" id="summary-group-${e(slug(group.key))}">${e(group.label)}</h3>${rule}<p>${e(String(group.scenarios.length))} scenario(s).${reference}</p>\n`;
}

function summarySection(view: ReportView, openSummaries: number): string {
  const input = view.input;
  const head = `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">What changed and how sure are we</h2>\n`;
  if (input.baseline === null) {
    return `${head}<p>This run has no baseline scenario, so no paired comparisons were made.</p></section>`;
  }
  const years = input.metrics.length > 0 ? view.endYearsOf(input.metrics[0].name, [input.baseline]) : [];
  const grouped = view.groups.length > 1;
  const intro =
    (grouped
      ? `<p>Scenarios are grouped by scale — ${view.groups.map((g) => e(g.label)).join(', ')} — and each is compared only with ` +
        `its group's reference (<strong>${e(input.baseline)}</strong> for its own group): a difference between scales measures scale, not policy. `
      : `<p>Each scenario is compared with <strong>${e(input.baseline)}</strong>. `) +
    `Comparisons are at the end of the run` +
    (years.length === 0 ? '' : ` (${e(years.map((y) => String(Math.round(y * 100) / 100)).join(', '))})`) +
    `, replication by replication: every scenario faces the same random draws in replication <i>r</i>, so the ` +
    `difference of each pair isolates the policy. Every difference is <strong>scenario − reference</strong>. For each outcome the ` +
    `report gives the mean paired difference, its 95% confidence interval (Student <i>t</i>), the difference in % of the ` +
    `reference's mean, and the standardised effect d<sub>z</sub> (mean difference ÷ SD of the differences). An outcome ` +
    `is <em>settled</em> when its interval excludes 0, and <em>unsettled</em> when it includes 0: more replications may ` +
    `tell. Outcomes equal within floating-point tolerance in every pair show <em>no difference</em>. p-values below 0.0001 ` +
    `are written “&lt; 0.0001”: with simulated data they measure the number of replications, not the size of an effect. ` +
    `With many outcomes, about 1 in 20 intervals excludes 0 by chance even when nothing changed.</p>\n`;
  const summaries = summariseChanges(view);
  let opened = 0;
  const parts = view.groups.map((group) => {
    const members = new Set(group.scenarios);
    const mine = summaries.filter((s) => members.has(s.scenario));
    const items = mine.map((summary) => {
      const expandable = summary.settled.length + summary.unsettled.length > 0;
      return scenarioSummary(view, summary, expandable && opened++ < openSummaries);
    });
    return (grouped ? groupIntro(view, group) : '') + items.join('\n') + notComparedList(view, group.scenarios);
  });
  return `${head}${intro}${parts.join('\n')}\n</section>`;
}

function metricSection(view: ReportView, m: MetricCharts, exported: Exported): string {
  const metric = m.metric;
  const figure = (spec: ChartSpec | null): string => (spec === null ? '' : chartFigure(spec, exported(spec)));
  // Per group, two columns at 1280 px: the time series on the left, end state and forest plot
  // stacked on the right; each group has its own axes.
  const grouped = view.groups.length > 1;
  const figures = m.groups
    .map(
      (g) =>
        (grouped ? `<h4 class="group-h">${e(g.group.label)}</h4>\n` : '') +
        `<div class="charts">\n<div class="column">${figure(g.timeSeries)}</div>\n` +
        `<div class="column">${figure(g.endState)}\n${figure(g.pairedDifferences)}</div>\n</div>`,
    )
    .join('\n');
  const constant = m.constantGroups
    .map((c) => `<p class="meta">${e(c.group.label)}: ${e(inUnit(c.value, metric))} in every scenario and year (not drawn).</p>`)
    .join('\n');
  const rules = metric.rules.length > 0 ? metric.rules.join(', ') : '—';
  return (
    `<details class="metric" id="${e(metricSectionId(metric.name))}"${m.key ? ' open' : ''}>` +
    `<summary><h3>${e(metric.label)}${metric.unit === '' ? '' : ` <span class="unit">(${e(metric.unit)})</span>`}</h3></summary>\n` +
    `<p class="meta">Outcome <code>${e(metric.name)}</code> · rules ${e(rules)} · unit ${e(metric.unit || '—')}</p>\n` +
    `<p class="description">${e(metric.description)}</p>\n${figures}\n${constant}</details>`
  );
}

function metricsSection(view: ReportView, charts: ReportCharts, exported: Exported): string {
  const keyCount = charts.metrics.filter((m) => m.key).length;
  const rest = charts.metrics.length - keyCount;
  return (
    `<section id="outcomes" aria-labelledby="outcomes-h"><h2 id="outcomes-h">Outcomes</h2>\n` +
    `<p>${charts.metrics.length} province outcomes: the ${keyCount} key outcomes are open` +
    (rest > 0 ? `; open any of the other ${rest} to draw its charts` : '') +
    `. Each has its time series (mean and 95% band per scenario), its end state (mean and 95% interval) and, ` +
    `with a baseline, the forest plot of paired differences scenario − reference` +
    (view.groups.length > 1 ? ` — one set of charts per scale group, each on its own axes` : '') +
    `. Money is in yuan (“¥1.5 trn” = 1.5 trillion yuan). Intervals of counts that the Student t interval would take ` +
    `below 0 are percentile-bootstrap intervals.</p>\n` +
    charts.metrics.map((m) => metricSection(view, m, exported)).join('\n') +
    `\n</section>`
  );
}

function effectsSection(view: ReportView, charts: ReportCharts, exported: Exported): string {
  if (charts.effects.length === 0) return '';
  const items = charts.effects
    .map(
      ({ scenario, chart }, i) =>
        `<details class="effects"${i === 0 ? ' open' : ''}><summary><h3>${swatch(view.styleOf(scenario).colour)}${e(scenario)}</h3> <span class="counts">vs ${e(view.referenceOf(scenario) ?? '')}</span></summary>\n` +
        `${chartFigure(chart, exported(chart))}</details>`,
    )
    .join('\n');
  return (
    `<section id="forest-plots" aria-labelledby="forest-h"><h2 id="forest-h">Forest plots: every outcome per scenario</h2>\n` +
    `<p>All outcomes of one scenario on a common scale: the paired difference scenario − its reference ` +
    `in standard deviations of the differences (d<sub>z</sub>) with its 95% interval. Filled diamonds: settled ` +
    `(blue up, purple down — neither means good or bad); hollow grey circles: unsettled. The forest plots in each outcome's section ` +
    `show the same comparisons in the outcome's own unit.</p>\n${items}\n</section>`
  );
}

function mapsSection(view: ReportView, charts: ReportCharts, exported: Exported): string {
  if (charts.maps.length === 0) return '';
  return (
    `<section id="maps" aria-labelledby="maps-h"><h2 id="maps-h">Maps of zones</h2>\n` +
    `<p>Each zone at its location in the final state of one replication, bubble area proportional to its output ` +
    `(one scale for all maps), coloured by its leading (largest-employment) industry. Colours mean the same ` +
    `industry on every map.</p>\n<details class="maps" open><summary><h3>${charts.maps.length} maps</h3></summary>\n` +
    `<div class="charts">\n${charts.maps.map(({ chart }) => chartFigure(chart, exported(chart))).join('\n')}\n</div></details></section>`
  );
}

function leversSection(view: ReportView): string {
  const scenarios = view.input.scenarios;
  const paths = [...new Set(scenarios.flatMap((s) => Object.keys(s.overrides)))].sort();
  const head = `<section id="levers" aria-labelledby="levers-h"><h2 id="levers-h">Levers each scenario sets</h2>\n`;
  if (paths.length === 0) return `${head}<p>No scenario sets a parameter: all use the defaults.</p></section>`;
  const header =
    `<tr><th scope="col">Parameter</th>` +
    scenarios.map((s) => `<th scope="col">${swatch(view.styleOf(s.name).colour)}${e(s.name)}</th>`).join('') +
    `</tr>`;
  const rows = paths
    .map((p) => {
      const cells = scenarios
        .map((s) =>
          Object.prototype.hasOwnProperty.call(s.overrides, p)
            ? `<td><code>${e(valueText(s.overrides[p]))}</code></td>`
            : `<td class="default" title="default">·</td>`,
        )
        .join('');
      return `<tr><th scope="row"><code>${e(p)}</code></th>${cells}</tr>`;
    })
    .join('\n');
  return (
    `${head}<p>Only the parameters a scenario file sets (dotted path → value); “·” means the default.</p>\n` +
    `<div class="scroll"><table class="levers"><thead>${header}</thead><tbody>\n${rows}\n</tbody></table></div></section>`
  );
}

function scenarioFilesSection(view: ReportView): string {
  const items = view.input.scenarios
    .map(
      (s) =>
        `<details class="scenario-file"><summary><h3>${swatch(view.styleOf(s.name).colour)}${e(s.name)}</h3> ` +
        `<code>${e(s.file)}</code> <span class="hash">${e(s.contentHash)}</span></summary>\n` +
        `<pre><code>${e(s.sourceText)}</code></pre></details>`,
    )
    .join('\n');
  return `<section id="scenario-files" aria-labelledby="files-h"><h2 id="files-h">Scenario files</h2>\n${items}\n</section>`;
}

function manifestSection(view: ReportView): string {
  return (
    `<section id="manifest" aria-labelledby="manifest-h"><h2 id="manifest-h">Manifest</h2>\n` +
    `<details><summary><h3>manifest.json</h3></summary><pre><code>${e(JSON.stringify(view.input.manifest, null, 2))}</code></pre></details></section>`
  );
}

/** The report's style sheet (also used by the experiment report, src/report/experimentReportHtml.ts). */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d8d8d8; --bg-alt: #f5f5f5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 12px 16px 48px; font: 15px/1.45 system-ui, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0.3em 0; }
h2 { font-size: 1.3rem; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 0; display: inline; }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 0.4em 0; }
nav button { font: inherit; padding: 2px 10px; margin-right: 8px; }
details { border: 1px solid var(--rule); border-radius: 4px; padding: 4px 10px; margin: 8px 0; }
details[open] { padding-bottom: 10px; }
summary { cursor: pointer; padding: 4px 0; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
figure.chart { margin: 8px 0 0; max-width: 100%; }
figure.chart canvas { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 2px; }
table { border-collapse: collapse; margin: 6px 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--rule); padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--bg-alt); }
table.changes { min-width: 820px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.default { color: #999; text-align: center; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 2px 16px; margin: 6px 0; }
dl.facts div { display: flex; gap: 8px; border-bottom: 1px solid #eee; padding: 2px 0; min-width: 0; }
dl.facts dt { font-weight: 600; white-space: nowrap; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table.facts-table td code { white-space: pre-wrap; word-break: break-all; }
.column { display: flex; flex-direction: column; gap: 4px; max-width: 100%; }
.scroll { overflow-x: auto; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
.counts, .meta, .hash { color: var(--muted); font-size: 0.9rem; }
.unit { font-weight: normal; color: var(--muted); }
h3.group-h, h4.group-h { display: block; margin: 0.9em 0 0.2em; }
ul.not-compared { color: var(--muted); margin: 4px 0 8px; }
pre { background: var(--bg-alt); padding: 8px; overflow-x: auto; font-size: 0.85rem; }
a { color: #0b5cad; }
`;

/**
 * The page's script: draws each chart when it becomes visible, and wires the `#open-all` and
 * `#close-all` buttons and links into closed sections (also used by the experiment report).
 */
export const REPORT_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  zonesimApplyDefaults(Chart);
  function hidden(element) {
    for (var p = element.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS' && !p.open) return true;
    }
    return false;
  }
  function render(figure) {
    if (figure.getAttribute('data-state')) return;
    var id = figure.getAttribute('data-chart');
    try {
      var config = JSON.parse(document.getElementById('config-' + id).textContent);
      new Chart(document.getElementById('chart-' + id), zonesimHydrate(config));
      figure.setAttribute('data-state', 'rendered');
    } catch (error) {
      figure.setAttribute('data-state', 'failed');
      var note = document.createElement('p');
      note.textContent = 'This chart could not be drawn: ' + error;
      figure.appendChild(note);
      console.error('zonesim: chart ' + id + ' could not be drawn', error);
    }
  }
  function renderVisible() {
    var figures = document.querySelectorAll('figure[data-chart]');
    for (var i = 0; i < figures.length; i++) if (!hidden(figures[i])) render(figures[i]);
  }
  function setAll(open) {
    var all = document.querySelectorAll('details');
    for (var i = 0; i < all.length; i++) all[i].open = open;
    renderVisible();
  }
  var details = document.querySelectorAll('details');
  for (var i = 0; i < details.length; i++) details[i].addEventListener('toggle', renderVisible);
  document.getElementById('open-all').addEventListener('click', function () { setAll(true); });
  document.getElementById('close-all').addEventListener('click', function () { setAll(false); });
  // A link to a section inside closed <details> opens them (before the browser scrolls to it).
  function openId(id) {
    var target = document.getElementById(id);
    for (var p = target; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    renderVisible();
  }
  function openHash() {
    if (location.hash) openId(decodeURIComponent(location.hash.slice(1)));
  }
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link) openId(decodeURIComponent(link.getAttribute('href').slice(1)));
  });
  window.addEventListener('hashchange', openHash);
  openHash();
  renderVisible();
})();
`;

/** Text inlined in a classic <script>: a literal `</script` would end the element early. */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/^\/\/# sourceMappingURL=.*$/m, '');
}

/** The parts of a report page that differ between the comparison and the experiment reports. */
export interface ReportPageParts {
  readonly title: string;
  /** One-line summary under the title. */
  readonly lead: string;
  /** Contents links: [section id, text]. */
  readonly sections: ReadonlyArray<readonly [string, string]>;
  /** Links to every outcome section: [section id, label]. */
  readonly outcomeLinks: ReadonlyArray<readonly [string, string]>;
  /** Extra CSS appended to the shared style sheet. */
  readonly extraStyle?: string;
  /** The page's main content (HTML, already escaped). */
  readonly main: string;
  /** chart.js's UMD bundle, inlined. */
  readonly chartJsSource: string;
}

/**
 * The shared shell of every zonesim report page: the head with the style sheet, the header with the
 * contents and the open/close-all buttons, the main content, then the inlined chart.js, chart runtime
 * and page script — in one place, so the comparison and experiment reports cannot drift apart.
 */
export function renderReportPage(parts: ReportPageParts): string {
  const nav = parts.sections.map(([id, text]) => `<li><a href="#${e(id)}">${e(text)}</a></li>`).join('');
  const outcomeLinks = parts.outcomeLinks.map(([id, label]) => `<li><a href="#${e(id)}">${e(label)}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(parts.title)}</title>
<link rel="icon" href="data:,">
<style>${REPORT_STYLE}${parts.extraStyle ?? ''}</style>
</head>
<body>
<header>
<h1>${e(parts.title)}</h1>
<p class="meta">${e(parts.lead)}</p>
<nav aria-label="Contents"><ul>${nav}</ul>
<details class="toc"><summary>All outcomes</summary><ul>${outcomeLinks}</ul></details>
<button type="button" id="open-all">Open all sections</button><button type="button" id="close-all">Close all sections</button></nav>
</header>
<main>
${parts.main}
</main>
<script>${inlineScript(parts.chartJsSource)}</script>
<script>${inlineScript(CHART_RUNTIME_SOURCE)}</script>
<script>${REPORT_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** The whole page (see the module comment). */
export function reportHtml(view: ReportView, charts: ReportCharts, options: ReportHtmlOptions): string {
  const input = view.input;
  const ids = options.exportedChartIds ?? new Set<string>();
  const formats = options.imageFormats ?? ['png', 'svg'];
  const exported: Exported = (spec) => (ids.has(spec.id) ? formats : []);
  const m = input.manifest;
  const lead =
    `${input.scenarios.length} scenarios × ${m.replications} replications, base seed ${m.baseSeed}` +
    (input.baseline === null ? '' : `, baseline ${input.baseline}`) +
    ` · zonesim ${m.zonesimVersion}${m.gitCommit === null ? '' : ` (${m.gitCommit})`} · started ${m.startedAt}`;
  const sections: Array<[string, string]> = [
    ['run-facts', 'Run facts'],
    ['summary', 'What changed'],
    ['outcomes', 'Outcomes'],
    ...(charts.effects.length > 0 ? [['forest-plots', 'Forest plots'] as [string, string]] : []),
    ...(charts.maps.length > 0 ? [['maps', 'Maps'] as [string, string]] : []),
    ['levers', 'Levers'],
    ['scenario-files', 'Scenario files'],
    ['manifest', 'Manifest'],
  ];
  return renderReportPage({
    title: input.title,
    lead,
    sections,
    outcomeLinks: charts.metrics.map((mc) => [metricSectionId(mc.metric.name), mc.metric.label] as [string, string]),
    chartJsSource: options.chartJsSource,
    main: [
      runFacts(view),
      summarySection(view, options.openSummaries ?? 3),
      metricsSection(view, charts, exported),
      effectsSection(view, charts, exported),
      mapsSection(view, charts, exported),
      leversSection(view),
      scenarioFilesSection(view),
      manifestSection(view),
    ].join('\n'),
  });
}
