import type { ChartSpec } from './chartConfigs.ts';
import { formatFactorValue, type ExperimentCharts, type ExperimentOutcomeCharts } from './experimentCharts.ts';
import type { ExperimentReportFactor, ExperimentReportInput } from './experimentReportInput.ts';
import { escapeHtml, formatInterval, formatNumber, formatSigned, slug } from './formatting.ts';
import type { ChartImageFormat } from './renderChartImages.ts';
import { chartFigure, renderReportPage } from './reportHtml.ts';

/**
 * The HTML page of an experiment (`experiment.html`): one self-contained file in the comparison
 * report's style — same style sheet, same chart figures and lazy drawing script, chart.js and the
 * chart runtime inlined, no network.
 *
 * Layout: title and contents; run facts; the question and the design; the factors; one section per
 * outcome (summary, tornado, Morris or Sobol' charts with their tables, outcome-vs-factor scatters);
 * scenario discovery (PRIM trajectory, the chosen box and its table); the experiment and base
 * scenario files; the manifest. Every text is escaped.
 */

/** What the page needs besides the data and its charts. */
export interface ExperimentReportHtmlOptions {
  /** Source of chart.js's UMD bundle, inlined in a <script>. */
  readonly chartJsSource: string;
  /** Ids of the charts written as image files `charts/<id>.<format>`. */
  readonly exportedChartIds?: ReadonlySet<string>;
  /** Formats of those files (default PNG and SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
}

const e = escapeHtml;

/** The `id` of an outcome's section. */
export function outcomeSectionId(outcome: string): string {
  return `outcome-${slug(outcome)}`;
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

function runFacts(input: ExperimentReportInput): string {
  const entries = Object.entries(input.manifest).filter(([, value]) => typeof value !== 'object' || value === null);
  const items = entries.map(([key, value]) => `<div><dt>${e(key)}</dt><dd>${e(valueText(value))}</dd></div>`).join('\n');
  return `<section id="run-facts" aria-labelledby="run-facts-h"><h2 id="run-facts-h">Run facts</h2>\n<dl class="facts">\n${items}\n</dl></section>`;
}

function questionSection(input: ExperimentReportInput): string {
  const analyses: string[] = ['a tornado of main-effect swings and a scatter of each outcome against each factor'];
  if (input.designType === 'morris') analyses.push('Morris elementary effects (μ*, σ, with bootstrap intervals of μ*)');
  if (input.designType === 'sobol') analyses.push('Sobol\u2019 first-order and total indices with bootstrap intervals');
  if (input.prim !== null) analyses.push('PRIM scenario discovery');
  return (
    `<section id="question" aria-labelledby="question-h"><h2 id="question-h">Question and design</h2>\n` +
    `<p class="description"><strong>${e(input.description)}</strong></p>\n` +
    `<p>${e(input.designSummary)} The base scenario is <code>${e(input.scenarioName)}</code> (<code>${e(input.scenarioFile)}</code>); every ` +
    `design point changes only the factors below. Replication <i>r</i> of every point uses the same seed (common random numbers), so two ` +
    `points differ only by their factor values. Each outcome is averaged over the replications of a point before it is analysed.</p>\n` +
    `<p>Analyses: ${e(analyses.join('; '))}.</p></section>`
  );
}

function factorsSection(input: ExperimentReportInput): string {
  const rows = input.factors
    .map(
      (f) =>
        `<tr><th scope="row"><code>${e(f.name)}</code></th><td>${e(f.role)}</td><td>${e(f.distribution)}</td>` +
        `<td>${e(f.unit)}</td><td>${e(f.rules.join(', '))}</td><td>${e(f.description)}</td></tr>`,
    )
    .join('\n');
  return (
    `<section id="factors" aria-labelledby="factors-h"><h2 id="factors-h">Levers and uncertainties</h2>\n` +
    `<p>Levers are the policy choices of the speech; uncertainties are what the province does not control. Both are sampled by the design.</p>\n` +
    `<div class="scroll"><table class="levers"><thead><tr><th scope="col">Parameter</th><th scope="col">Role</th><th scope="col">Distribution</th>` +
    `<th scope="col">Unit</th><th scope="col">Rules</th><th scope="col">What it does</th></tr></thead><tbody>\n${rows}\n</tbody></table></div></section>`
  );
}

function morrisTable(input: ExperimentReportInput, o: number): string {
  const rows = input.results[o].morris;
  if (rows === null) return '';
  const sorted = [...rows].sort((a, b) => b.muStar - a.muStar);
  const body = sorted
    .map(
      (r) =>
        `<tr><th scope="row"><code>${e(r.factor)}</code></th><td class="num">${e(formatNumber(r.muStar))}</td>` +
        `<td class="num">${e(formatInterval(r.muStarLower, r.muStarUpper))}</td><td class="num">${e(formatSigned(r.mu))}</td>` +
        `<td class="num">${e(formatNumber(r.sigma))}</td><td class="num">${e(r.muStar > 0 ? formatNumber(r.sigma / r.muStar) : '—')}</td></tr>`,
    )
    .join('\n');
  return (
    `<table class="changes"><caption>Morris elementary effects per full factor range (largest μ* first)</caption><thead><tr><th scope="col">Factor</th>` +
    `<th scope="col">μ*</th><th scope="col">95% CI of μ*</th><th scope="col">μ</th><th scope="col">σ</th><th scope="col">σ/μ*</th></tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

function sobolTable(input: ExperimentReportInput, o: number): string {
  const result = input.results[o];
  if (result.sobol === null) return '';
  const sorted = [...result.sobol].sort((a, b) => b.total - a.total);
  const sumFirst = result.sobol.reduce((sum, r) => sum + r.firstOrder, 0);
  const body = sorted
    .map(
      (r) =>
        `<tr><th scope="row"><code>${e(r.factor)}</code></th><td class="num">${e(formatNumber(r.firstOrder))}</td>` +
        `<td class="num">${e(formatInterval(r.firstOrderLower, r.firstOrderUpper))}</td><td class="num">${e(formatNumber(r.total))}</td>` +
        `<td class="num">${e(formatInterval(r.totalLower, r.totalUpper))}</td><td class="num">${e(formatNumber(r.total - r.firstOrder))}</td></tr>`,
    )
    .join('\n');
  return (
    `<table class="changes"><caption>Sobol\u2019 indices (largest total index first); Σ S1 = ${e(formatNumber(sumFirst))}, ` +
    `so about ${e(formatNumber(Math.max(0, 1 - sumFirst)))} of the variance comes from interactions; Var = ${e(formatNumber(result.sobolVariance))}</caption>` +
    `<thead><tr><th scope="col">Factor</th><th scope="col">S1</th><th scope="col">95% CI</th><th scope="col">ST</th><th scope="col">95% CI</th>` +
    `<th scope="col">ST − S1</th></tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

type Exported = (spec: ChartSpec) => readonly ChartImageFormat[];

function outcomeSection(input: ExperimentReportInput, charts: ExperimentOutcomeCharts, o: number, exported: Exported): string {
  const outcome = charts.outcome;
  const result = input.results[o];
  const figure = (spec: ChartSpec | null): string => (spec === null ? '' : chartFigure(spec, exported(spec)));
  const statistic = outcome.statistic === 'final' ? 'value at the last recorded step' : 'mean over the recorded steps';
  const summary =
    result.definedPoints === 0
      ? '<p>No design point has a defined value.</p>'
      : `<p>Mean over replications at each of ${result.definedPoints} design points: from ${e(formatNumber(result.minimum))} to ` +
        `${e(formatNumber(result.maximum))}, ${e(formatNumber(result.mean))} on average${outcome.unit && outcome.unit !== '-' ? ` (${e(outcome.unit)})` : ''}.</p>`;
  const note = result.note === null ? '' : `<p class="unsettled"><strong>Note:</strong> ${e(result.note)}.</p>`;
  const reading =
    `<p class="meta">Tornado: each bar goes from the mean over all points to the mean where the factor is at its low end (blue) or high end ` +
    `(vermillion): the longest bars are the factors that move ${e(outcome.label.toLowerCase())} most on their own.` +
    (result.morris !== null ? ' Morris: μ* ranks overall influence per full range of the factor; a σ close to or above μ* means the effect depends on the other factors (interactions) or on where the factor is.' : '') +
    (result.sobol !== null ? ' Sobol\u2019: S1 is the share of the variance a factor explains alone, ST the share it is involved in; ST ≈ 0 means the factor can be fixed anywhere in its range.' : '') +
    '</p>';
  const sensitivity =
    `<div class="charts">\n<div class="column">${figure(charts.tornado)}</div>\n` +
    (charts.morrisMuSigma !== null ? `<div class="column">${figure(charts.morrisMuSigma)}</div>\n<div class="column">${figure(charts.morrisMuStar)}</div>\n` : '') +
    (charts.sobol !== null ? `<div class="column">${figure(charts.sobol)}</div>\n` : '') +
    `</div>`;
  const scatter =
    `<details class="maps"><summary><h3>${e(outcome.label)} against each factor (${charts.scatter.length} charts)</h3></summary>\n` +
    `<div class="charts">\n${charts.scatter.map((spec) => figure(spec)).join('\n')}\n</div></details>`;
  return (
    `<details class="metric" id="${e(outcomeSectionId(outcome.name))}"${o < 2 ? ' open' : ''}>` +
    `<summary><h3>${e(outcome.label)}${outcome.statistic === 'mean' ? ' (mean over the run)' : ''}${outcome.unit === '' || outcome.unit === '-' ? '' : ` <span class="unit">(${e(outcome.unit)})</span>`}</h3></summary>\n` +
    `<p class="meta">Column <code>${e(outcome.name)}</code> · reporter <code>${e(outcome.reporter)}</code>, ${e(statistic)} · rules ${e(outcome.rules.join(', ') || '—')}</p>\n` +
    `<p class="description">${e(outcome.description)}</p>\n${summary}\n${note}\n${reading}\n${sensitivity}\n${morrisTable(input, o)}\n${sobolTable(input, o)}\n${scatter}</details>`
  );
}

function factorByName(input: ExperimentReportInput, name: string): ExperimentReportFactor {
  return input.factors.find((f) => f.name === name) as ExperimentReportFactor;
}

function primSection(input: ExperimentReportInput, charts: ExperimentCharts, exported: Exported): string {
  const prim = input.prim;
  if (prim === null) return '';
  const head = `<section id="scenario-discovery" aria-labelledby="prim-h"><h2 id="prim-h">Scenario discovery (PRIM)</h2>\n`;
  const question =
    `<p>Cases of interest: design points whose mean <code>${e(prim.outcome)}</code> is <strong>${e(prim.direction)} ${e(formatNumber(prim.threshold))}</strong> — ` +
    `${prim.caseCount} of ${prim.pointCount} points (base density ${e(formatNumber(prim.baseDensity))}). PRIM (Friedman &amp; Fisher 1999) peels thin slices off ` +
    `the factor ranges to find a box — a few factors restricted to intervals — where the cases concentrate. <em>Coverage</em>: share of all cases ` +
    `inside the box; <em>density</em>: share of the box's points that are cases. The chosen box is the one of largest coverage whose density is close ` +
    `to the best on the trajectory, then pasted (widened where that does not lower its density).</p>\n`;
  if (prim.note !== null || prim.chosenBox === null) return `${head}${question}<p class="unsettled"><strong>Not run:</strong> ${e(prim.note ?? '')}.</p></section>`;
  const box = prim.chosenBox;
  const figure = (spec: ChartSpec | null): string => (spec === null ? '' : chartFigure(spec, exported(spec)));
  const restrictionRows = box.restrictions
    .map((r) => {
      const factor = factorByName(input, r.factor);
      const lower = r.lower <= factor.designRange[0] ? 'lowest' : formatFactorValue(factor, r.lower);
      const upper = r.upper >= factor.designRange[1] ? 'highest' : formatFactorValue(factor, r.upper);
      return (
        `<tr><th scope="row"><code>${e(r.factor)}</code></th><td class="num">${e(lower)}</td>` +
        `<td class="num">${e(upper)}</td><td class="num">${e(formatFactorValue(factor, factor.designRange[0]))} to ` +
        `${e(formatFactorValue(factor, factor.designRange[1]))}</td></tr>`
      );
    })
    .join('\n');
  const boxTable =
    box.restrictions.length === 0
      ? '<p>The chosen box restricts no factor.</p>'
      : `<table class="changes"><caption>The chosen box: coverage ${e(formatNumber(box.coverage))}, density ${e(formatNumber(box.density))}, ` +
        `${box.points} points (${e(formatNumber(box.support))} of all), ${box.cases} cases</caption><thead><tr><th scope="col">Factor</th>` +
        `<th scope="col">From</th><th scope="col">To</th><th scope="col">Design range</th></tr></thead><tbody>\n${restrictionRows}\n</tbody></table>`;
  const trajectoryRows = prim.trajectory
    .map(
      (b, i) =>
        `<tr${i === prim.chosenIndex ? ' class="chosen"' : ''}><td class="num">${i}${i === prim.chosenIndex ? ' ◆' : ''}</td><td class="num">${e(formatNumber(b.coverage))}</td>` +
        `<td class="num">${e(formatNumber(b.density))}</td><td class="num">${b.points}</td><td class="num">${b.cases}</td>` +
        `<td>${e(b.restrictions.map((r) => `${r.factor} ∈ [${formatFactorValue(factorByName(input, r.factor), r.lower)}, ${formatFactorValue(factorByName(input, r.factor), r.upper)}]`).join(', ') || 'none')}</td></tr>`,
    )
    .join('\n');
  return (
    `${head}${question}<div class="charts">\n<div class="column">${figure(charts.primTrajectory)}</div>\n<div class="column">${figure(charts.primBox)}</div>\n</div>\n` +
    `${boxTable}\n<details><summary><h3>Peeling trajectory (${prim.trajectory.length} boxes; ◆ chosen before pasting, ${prim.pastingSteps} pasting steps)</h3></summary>\n` +
    `<div class="scroll"><table class="changes"><thead><tr><th scope="col">Box</th><th scope="col">Coverage</th><th scope="col">Density</th>` +
    `<th scope="col">Points</th><th scope="col">Cases</th><th scope="col">Restrictions</th></tr></thead><tbody>\n${trajectoryRows}\n</tbody></table></div></details></section>`
  );
}

function filesSection(input: ExperimentReportInput): string {
  return (
    `<section id="files" aria-labelledby="files-h"><h2 id="files-h">Experiment and base scenario files</h2>\n` +
    `<details class="scenario-file"><summary><h3>${e(input.experimentFile)}</h3></summary>\n<pre><code>${e(input.experimentSource)}</code></pre></details>\n` +
    `<details class="scenario-file"><summary><h3>${e(input.scenarioFile)}</h3> <span class="hash">${e(input.scenarioName)}</span></summary>\n<pre><code>${e(input.scenarioSource)}</code></pre></details></section>`
  );
}

/**
 * The whole page (see the module comment).
 *
 * @example experimentReportHtml(input, buildExperimentCharts(input), { chartJsSource })
 */
export function experimentReportHtml(input: ExperimentReportInput, charts: ExperimentCharts, options: ExperimentReportHtmlOptions): string {
  const ids = options.exportedChartIds ?? new Set<string>();
  const formats = options.imageFormats ?? ['png', 'svg'];
  const exported: Exported = (spec) => (ids.has(spec.id) ? formats : []);
  const m = input.manifest;
  const lead = `${input.pointCount} design points × ${input.replicationsPerPoint} replications = ${input.taskCount} runs, seed ${input.seed} · zonesim ${String(m.zonesimVersion ?? '')}`;
  const sections: Array<[string, string]> = [
    ['run-facts', 'Run facts'],
    ['question', 'Question and design'],
    ['factors', 'Levers and uncertainties'],
    ['outcomes', 'Outcomes'],
    ...(input.prim !== null ? [['scenario-discovery', 'Scenario discovery'] as [string, string]] : []),
    ['files', 'Files'],
    ['manifest', 'Manifest'],
  ];
  return renderReportPage({
    title: input.title,
    lead,
    sections,
    outcomeLinks: input.outcomes.map((o) => [outcomeSectionId(o.name), o.label] as [string, string]),
    extraStyle: 'tr.chosen td { background: #fff3e6; }\n',
    chartJsSource: options.chartJsSource,
    main: `${runFacts(input)}
${questionSection(input)}
${factorsSection(input)}
<section id="outcomes" aria-labelledby="outcomes-h"><h2 id="outcomes-h">Outcomes</h2>
${charts.outcomes.map((c, o) => outcomeSection(input, c, o, exported)).join('\n')}
</section>
${primSection(input, charts, exported)}
${filesSection(input)}
<section id="manifest" aria-labelledby="manifest-h"><h2 id="manifest-h">Manifest</h2>
<details><summary><h3>manifest.json</h3></summary><pre><code>${e(JSON.stringify(input.manifest, null, 2))}</code></pre></details></section>`,
  });
}
