import type { ChartSpec } from './chartConfigs.ts';
import type { CalibrationCharts } from './calibrationCharts.ts';
import type { CalibrationReportInput, CalibrationReportTarget, ReportBandPoint } from './calibrationReportInput.ts';
import { escapeHtml, formatNumber, formatSigned } from './formatting.ts';
import type { ChartImageFormat } from './renderChartImages.ts';
import { chartFigure, renderReportPage } from './reportHtml.ts';

/**
 * The HTML page of a calibration (`calibration.html`): one self-contained file in the style of the
 * other reports — same page shell, style sheet, chart figures and lazy drawing script, chart.js and
 * the chart runtime inlined, no network.
 *
 * Layout: title and contents; run facts; what was calibrated and how it went; the predictions (bands
 * and a table of the years after the fitted ones); the fit (tolerance by generation, every target's
 * band with its figure, the fit table); the out-of-sample errors of held-out rows; the parameters
 * (which the data pin down, marginals, pair plots); the calibration, scenario and calibrated scenario
 * files. Every text is escaped.
 */

/** What the page needs besides the data and its charts. */
export interface CalibrationReportHtmlOptions {
  /** Source of chart.js's UMD bundle, inlined in a <script>. */
  readonly chartJsSource: string;
  /** Ids of the charts written as image files `charts/<id>.<format>`. */
  readonly exportedChartIds?: ReadonlySet<string>;
  /** Formats of those files (default PNG and SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
}

const e = escapeHtml;

type Exported = (spec: ChartSpec) => readonly ChartImageFormat[];

function interval(lower: number | null, upper: number | null): string {
  return `[${formatNumber(lower)}, ${formatNumber(upper)}]`;
}

function runFacts(input: CalibrationReportInput): string {
  const items = Object.entries(input.facts)
    .map(([key, value]) => `<div><dt>${e(key)}</dt><dd>${e(value === null ? '—' : String(value))}</dd></div>`)
    .join('\n');
  return `<section id="run-facts" aria-labelledby="run-facts-h"><h2 id="run-facts-h">Run facts</h2>\n<dl class="facts">\n${items}\n</dl></section>`;
}

function overview(input: CalibrationReportInput): string {
  const fitted = input.targets.filter((t) => t.role === 'fitted');
  const within = fitted.filter((t) => t.z !== null && Math.abs(t.z) <= 1).length;
  const heldOut = input.targets.filter((t) => t.role === 'held-out');
  const notIdentified = input.parameters.filter((p) => !p.identified).map((p) => p.name);
  return (
    `<section id="overview" aria-labelledby="overview-h"><h2 id="overview-h">What was calibrated</h2>\n` +
    `<p class="description"><strong>${e(input.description)}</strong></p>\n<p>${e(input.runSummary)}</p>\n<ul>` +
    `<li>${within} of ${fitted.length} fitted targets have their posterior median within one tolerance of the figure (<a href="#fit">the fit</a>).</li>` +
    `<li>${heldOut.length} held-out target(s), predicted and not fitted: ${heldOut.map((t) => `${e(t.name)} error ${e(formatSigned(t.z))} tolerances`).join('; ') || 'none'} (<a href="#out-of-sample">out of sample</a>).</li>` +
    `<li>${input.parameters.length - notIdentified.length} of ${input.parameters.length} parameters are identified; not identified (posterior ≈ prior): ${notIdentified.map((n) => `<code>${e(n)}</code>`).join(', ') || 'none'} (<a href="#parameters">parameters</a>).</li>` +
    `</ul>\n<p class="meta">Bands are the posterior's particles continued to the end of ${input.untilYear}, each run with the seed of the simulation that was accepted, ` +
    `so up to the last fitted year they repeat the accepted simulations and afterwards they are the ABC posterior predictive given the figures. ` +
    `The time axis is "end of year": 2012 is the state at the end of 2012.</p></section>`
  );
}

function bandRow(point: ReportBandPoint): string {
  const [q05, q25, q50, q75, q95] = point.quantiles;
  return (
    `<td class="num">${e(formatNumber(q50))}</td><td class="num">${e(interval(q25, q75))}</td><td class="num">${e(interval(q05, q95))}</td>` +
    `<td class="num">${e(point.defined < 1 ? `${formatNumber(100 * point.defined)}%` : '100%')}</td>`
  );
}

function predictionsSection(input: CalibrationReportInput, charts: CalibrationCharts, exported: Exported): string {
  if (input.predictions.length === 0) {
    return `<section id="predictions" aria-labelledby="predictions-h"><h2 id="predictions-h">Predictions</h2><p>The calibration file names no reporter to predict (predictions: reporters).</p></section>`;
  }
  const tables = input.predictions
    .map((p) => {
      const rows = p.band
        .filter((point) => point.x > input.lastFittedX)
        .map((point) => `<tr><th scope="row">${point.x}</th>${bandRow(point)}</tr>`)
        .join('\n') || `<tr><td colspan="5">No instant after the fitted years: the runs end at the end of ${input.untilYear} (predictions: until).</td></tr>`;
      return (
        `<table class="changes"><caption>${e(p.label)}${p.unit === '' || p.unit === '-' ? '' : ` (${e(p.unit)})`} — <code>${e(p.reporter)}</code></caption>` +
        `<thead><tr><th scope="col">End of year</th><th scope="col">Median</th><th scope="col">50% band</th><th scope="col">90% band</th><th scope="col">Defined</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
      );
    })
    .join('\n');
  return (
    `<section id="predictions" aria-labelledby="predictions-h"><h2 id="predictions-h">Predictions to ${input.untilYear}</h2>\n` +
    `<p>The calibrated model's posterior-predictive bands after the fitted years (${input.draws} draws: every particle and replication, weighted). ` +
    `They are predictions written before anyone compares them with later figures; the bands carry the posterior's uncertainty and the model's own noise, not the model's error.</p>\n` +
    `<div class="charts">\n${charts.predictions.map((c) => chartFigure(c, exported(c))).join('\n')}\n</div>\n<div class="scroll">${tables}</div></section>`
  );
}

function roleText(target: CalibrationReportTarget): string {
  return target.role === 'held-out' ? 'held out' : target.role === 'weight-0' ? 'weight 0' : 'fitted';
}

function targetRows(targets: readonly CalibrationReportTarget[]): string {
  return targets
    .map(
      (t) =>
        `<tr><th scope="row"><code>${e(t.name)}</code></th><td>${e(roleText(t))}${t.kind === 'point' ? '' : `, ${e(t.kind)}`}</td><td>${e(t.label)}</td>` +
        `<td class="num">${e(formatNumber(t.figure))}</td><td class="num">${e(formatNumber(t.median))}</td><td class="num">${e(interval(t.lower, t.upper))}</td>` +
        `<td class="num">${e(formatSigned(t.error))} ${e(t.scale === 'log' ? 'log pts' : t.scale === 'relative' ? 'rel.' : '')}</td><td class="num">${e(formatSigned(t.z))}</td>` +
        `<td class="num">${e(formatNumber(100 * t.withinTolerance))}%</td><td>${e(t.source ?? '')}</td></tr>`,
    )
    .join('\n');
}

const TARGET_TABLE_HEAD =
  '<thead><tr><th scope="col">Target</th><th scope="col">Role</th><th scope="col">Model statistic</th><th scope="col">Figure</th><th scope="col">Posterior median</th>' +
  '<th scope="col">90% interval</th><th scope="col">Error of the median</th><th scope="col">In tolerances</th><th scope="col">Posterior within tolerance</th><th scope="col">Source</th></tr></thead>';

function fitSection(input: CalibrationReportInput, charts: CalibrationCharts, exported: Exported): string {
  const generationRows = input.generations
    .map(
      (g) =>
        `<tr><td class="num">${g.generation}</td><td class="num">${e(g.tolerance === null ? '∞' : formatNumber(g.tolerance))}</td><td class="num">${g.candidates}</td>` +
        `<td class="num">${e(formatNumber(g.acceptanceRate))}</td><td class="num">${e(formatNumber(g.effectiveSampleSize))}</td></tr>`,
    )
    .join('\n');
  const figures = charts.targets.map((c) => chartFigure(c, exported(c))).join('\n');
  return (
    `<section id="fit" aria-labelledby="fit-h"><h2 id="fit-h">The fit</h2>\n` +
    `<p>Each target's model statistic over time — the same statistic with its dates moved by whole years — as the posterior-predictive median with 50% and 90% bands, ` +
    `and the published figure as a point with its tolerance as a whisker (black: fitted; vermillion: held out; grey: weight 0; a triangle is a bound). ` +
    `The table gives the posterior's statistic at the figure's date; "in tolerances" is the error of the median divided by the tolerance (a satisfied bound is 0).</p>\n` +
    `<div class="charts">\n<div class="column">${chartFigure(charts.tolerance, exported(charts.tolerance))}</div>\n<div class="column"><div class="scroll"><table><caption>Generations</caption>` +
    `<thead><tr><th scope="col">Generation</th><th scope="col">Tolerance ε</th><th scope="col">Candidates</th><th scope="col">Acceptance rate</th><th scope="col">Effective sample size</th></tr></thead>` +
    `<tbody>\n${generationRows}\n</tbody></table></div></div>\n</div>\n` +
    `<div class="scroll"><table class="changes"><caption>Every target</caption>${TARGET_TABLE_HEAD}<tbody>\n${targetRows(input.targets)}\n</tbody></table></div>\n` +
    `<details class="maps" open><summary><h3>Every target over time (${charts.targets.length} charts)</h3></summary>\n<div class="charts">\n${figures}\n</div></details></section>`
  );
}

function outOfSampleSection(input: CalibrationReportInput): string {
  const heldOut = input.targets.filter((t) => t.role === 'held-out');
  const body =
    heldOut.length === 0
      ? '<p>The calibration file holds no target out (holdOut: true).</p>'
      : `<div class="scroll"><table class="changes"><caption>Held-out targets: predicted, not fitted</caption>${TARGET_TABLE_HEAD}<tbody>\n${targetRows(heldOut)}\n</tbody></table></div>\n` +
        `<p>${heldOut.filter((t) => t.figureInInterval).length} of ${heldOut.length} held-out figures lie inside the posterior's 90% interval.</p>`;
  return (
    `<section id="out-of-sample" aria-labelledby="out-of-sample-h"><h2 id="out-of-sample-h">Out of sample</h2>\n` +
    `<p>Held-out rows are computed for every particle and left out of the distance: the calibration never saw them. Their errors are the honest check of the fit.</p>\n${body}</section>`
  );
}

function parametersSection(input: CalibrationReportInput, charts: CalibrationCharts, exported: Exported): string {
  const rows = input.parameters
    .map(
      (p) =>
        `<tr><th scope="row"><code>${e(p.name)}</code></th><td>${e(p.prior)}</td><td class="num">${e(formatNumber(p.mean))}</td><td class="num">${e(formatNumber(p.sd))}</td>` +
        `<td class="num">${e(interval(p.lower, p.upper))}</td><td class="num">${e(formatNumber(p.spreadRatio))}</td><td>${p.identified ? 'yes' : '<strong>no</strong>: posterior ≈ prior'}</td>` +
        `<td class="num">${e(p.estimate)}</td><td>${e(p.description)}</td></tr>`,
    )
    .join('\n');
  return (
    `<section id="parameters" aria-labelledby="parameters-h"><h2 id="parameters-h">Parameters: what the data pin down</h2>\n` +
    `<p>A parameter is ${e(input.identificationText)}. The calibrated scenario takes ${e(input.pointEstimateText)}.</p>\n` +
    `<div class="scroll"><table class="changes"><caption>Posterior against prior</caption><thead><tr><th scope="col">Parameter</th><th scope="col">Prior</th>` +
    `<th scope="col">Posterior mean</th><th scope="col">Posterior sd</th><th scope="col">90% interval</th><th scope="col">sd / prior sd</th><th scope="col">Identified</th>` +
    `<th scope="col">Calibrated value</th><th scope="col">What it does</th></tr></thead><tbody>\n${rows}\n</tbody></table></div>\n` +
    `<details class="maps" open><summary><h3>Marginals (${charts.marginals.length} charts)</h3></summary>\n<div class="charts">\n${charts.marginals.map((c) => chartFigure(c, exported(c))).join('\n')}\n</div></details>\n` +
    `<details class="maps"><summary><h3>Pair plots (${charts.pairs.length} charts)</h3></summary>\n<p class="meta">A ridge or a curve in a pair plot is a combination of two parameters the data pin down better than either alone.</p>\n` +
    `<div class="charts">\n${charts.pairs.map((c) => chartFigure(c, exported(c))).join('\n')}\n</div></details></section>`
  );
}

function fileDetails(title: string, source: string): string {
  return `<details class="scenario-file"><summary><h3>${e(title)}</h3></summary>\n<pre><code>${e(source)}</code></pre></details>`;
}

function filesSection(input: CalibrationReportInput): string {
  return (
    `<section id="files" aria-labelledby="files-h"><h2 id="files-h">Files</h2>\n` +
    `<p>The calibrated scenario <code>${e(input.calibratedScenarioFile)}</code> is in this folder with the posterior sample (<code>posterior.csv</code>), ` +
    `the tables of this page (<code>parameters.csv</code>, <code>targets.csv</code>, <code>generations.csv</code>, <code>predictions.csv</code>) and <code>summary.json</code>.</p>\n` +
    fileDetails(input.calibratedScenarioFile, input.calibratedScenarioSource) +
    fileDetails(input.calibrationFile, input.calibrationSource) +
    fileDetails(input.scenarioFile, input.scenarioSource) +
    (input.referenceFile === null || input.referenceSource === null ? '' : fileDetails(input.referenceFile, input.referenceSource)) +
    `</section>`
  );
}

/**
 * The whole page (see the module comment).
 *
 * @example calibrationReportHtml(input, buildCalibrationCharts(input), { chartJsSource })
 */
export function calibrationReportHtml(input: CalibrationReportInput, charts: CalibrationCharts, options: CalibrationReportHtmlOptions): string {
  const ids = options.exportedChartIds ?? new Set<string>();
  const formats = options.imageFormats ?? ['png', 'svg'];
  const exported: Exported = (spec) => (ids.has(spec.id) ? formats : []);
  const lead = `${input.runSummary} zonesim ${String(input.facts.zonesimVersion ?? '')}`;
  return renderReportPage({
    title: input.title,
    lead,
    sections: [
      ['run-facts', 'Run facts'],
      ['overview', 'What was calibrated'],
      ['predictions', 'Predictions'],
      ['fit', 'The fit'],
      ['out-of-sample', 'Out of sample'],
      ['parameters', 'Parameters'],
      ['files', 'Files'],
    ],
    outcomeLinks: [...charts.predictions, ...charts.targets].map((c) => [`chart-${c.id}`, c.title] as [string, string]),
    chartJsSource: options.chartJsSource,
    main: `${runFacts(input)}
${overview(input)}
${predictionsSection(input, charts, exported)}
${fitSection(input, charts, exported)}
${outOfSampleSection(input)}
${parametersSection(input, charts, exported)}
${filesSection(input)}`,
  });
}
