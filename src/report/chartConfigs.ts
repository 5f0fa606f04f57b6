import { studentTQuantile } from '../statistics/studentTQuantile.ts';
import { formatInterval, formatNumber, formatPercent, formatPValue, formatSigned, slug } from './formatting.ts';
import { axisUnitText, formatInUnit, isMillionYuanUnit, moneyRateSuffix } from './formatMoney.ts';
import { DIRECTION_COLOURS, withAlpha } from './palette.ts';
import type { PairedComparison, ReportMetric, ScenarioMap, ScenarioSeries, SeriesPoint } from './reportInput.ts';
import { EMPTY_ZONE_LABEL, type IndustryStyle, type ReportGroup, type ReportView } from './reportView.ts';

/**
 * The report's charts as chart.js configurations, built by pure functions — one kind of chart per
 * function — from a `ReportView`. The same configurations are drawn in the HTML page (by the inlined
 * chart.js) and in Node for the PNG/SVG files (src/report/renderChartImages.ts).
 *
 * Configurations are plain JSON: no functions. Behaviour that needs code (error bars, the zero line,
 * the white background, legend and tooltip filters) lives in the small chart runtime
 * (src/report/chartRuntime.ts), which reads these dataset and plugin keys:
 * - dataset `errorBars: [lower, upper][]` — whiskers drawn by the `zonesimErrorBars` plugin;
 * - dataset `zonesimHideInLegend` / `zonesimHideInTooltip` — the band edges of time series;
 * - dataset `zonesimTooltip: string[]` — the tooltip line of each data point;
 * - dataset `zonesimBand: [lowerIndex, upperIndex]` — the datasets of a line's 95% band, shown in
 *   its tooltip;
 * - `options.plugins.zonesimReferenceLine: { axis, value }` — the zero line of forest plots;
 * - scale `zonesimMoney: '<rate>'` — the axis is in M¥ and its ticks are written as readable money
 *   ("¥1.5 trn", src/report/formatMoney.ts); the rate ('' or '/year') is in the axis title;
 * - `options.zonesimMoney: '<rate>'` — the band tooltips of a time series in M¥ likewise.
 *
 * Output is deterministic: no animation, fixed sizes, devicePixelRatio 1.
 */

/**
 * The kinds of chart in a report (tornado to outcome-scatter are the experiment report's,
 * src/report/experimentCharts.ts; the last four the calibration report's, src/report/calibrationCharts.ts).
 */
export type ChartKind =
  | 'time-series'
  | 'end-state'
  | 'paired-differences'
  | 'standardised-effects'
  | 'zone-map'
  | 'tornado'
  | 'morris-mu-sigma'
  | 'morris-mu-star'
  | 'sobol-indices'
  | 'prim-trajectory'
  | 'prim-box'
  | 'outcome-scatter'
  | 'tolerance-by-generation'
  | 'posterior-band'
  | 'posterior-marginal'
  | 'posterior-pair';

/** One chart.js dataset: its label, data and any other chart.js or zonesim dataset keys. */
export interface ChartJsDataset {
  readonly label: string;
  readonly data: readonly unknown[];
  readonly [key: string]: unknown;
}

/** A chart.js configuration that is plain JSON (see the module comment). */
export interface ChartJsConfig {
  readonly type: string;
  readonly data: { readonly labels?: readonly (string | number)[]; readonly datasets: readonly ChartJsDataset[] };
  readonly options: Readonly<Record<string, unknown>>;
}

/** A chart of the report: its file-name id, kind, title, alternative text, size and configuration. */
export interface ChartSpec {
  /** File-name-safe id, unique within a report (`charts/<id>.png`). */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** Alternative text: what the chart shows, in words. */
  readonly description: string;
  /** Canvas size in CSS pixels (= image pixels: devicePixelRatio is 1). */
  readonly width: number;
  readonly height: number;
  readonly config: ChartJsConfig;
}

/**
 * A function that gives each chart of one report an id no earlier chart has: a numeric suffix on a
 * clash, which only happens when two names differ only in characters file names cannot hold.
 *
 * @example const unique = uniqueChartIds(); unique(a); unique(b) // b.id 'x-2' when a.id is 'x'
 */
export function uniqueChartIds(): <T extends ChartSpec | null>(spec: T) => T {
  const used = new Set<string>();
  return <T extends ChartSpec | null>(spec: T): T => {
    if (spec === null) return spec;
    let id = spec.id;
    for (let k = 2; used.has(id); k++) id = `${spec.id}-${k}`;
    used.add(id);
    return (id === spec.id ? spec : { ...spec, id }) as T;
  };
}

/** Width of the metric charts (two fit side by side at 1280 px). */
export const METRIC_CHART_WIDTH = 600;
/** Height of the time-series charts. */
export const TIME_SERIES_HEIGHT = 380;

/** The 95% level the report's intervals are computed at (see reportInput.ts). */
const CONFIDENCE = 0.95;

/** "Label (unit)" for axis titles; money in M¥ as "(yuan/year)", its ticks carrying ¥ and the scale. */
export function axisTitle(metric: ReportMetric): string {
  return metric.unit === '' ? metric.label : `${metric.label} (${axisUnitText(metric.unit)})`;
}

/** Extra scale options of an axis in the metric's unit: readable money ticks for M¥ units. */
export function valueAxisExtra(unit: string): Record<string, unknown> {
  return isMillionYuanUnit(unit) ? { zonesimMoney: moneyRateSuffix(unit) } : {};
}

/** A value with the metric's unit for tooltips and descriptions ("¥1.5 trn/year", "12 firms"). */
function inUnit(value: number, metric: ReportMetric, signed = false): string {
  return formatInUnit(value, metric.unit, signed ? formatSigned : formatNumber, signed);
}

/** An interval in the metric's unit: money as "[¥1.2 bn, ¥1.5 bn]", other units as formatInterval. */
function intervalInUnit(lower: number, upper: number, metric: ReportMetric): string {
  if (!isMillionYuanUnit(metric.unit)) return formatInterval(lower, upper);
  return `[${formatInUnit(lower, 'M¥', formatNumber)}, ${formatInUnit(upper, 'M¥', formatNumber)}]`;
}

/**
 * The end date(s) of a group's runs in words: "2030" when every scenario ends then, else
 * "2029–2030" (each bar and row then names its own year).
 */
export function endYearsText(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  const round = (y: number): string => String(Math.round(y * 100) / 100);
  return years.length === 1 ? round(years[0]) : `${round(years[0])}–${round(years[years.length - 1])}`;
}

/** The scenarios of a group (all scenarios when no group is given). */
function scenariosOf(view: ReportView, group: ReportGroup | undefined): readonly string[] {
  return group === undefined ? view.scenarioNames : group.scenarios;
}

/** " — <group label>" in titles when the report has more than one group. */
function groupTitle(view: ReportView, group: ReportGroup | undefined): string {
  return group !== undefined && view.groups.length > 1 ? ` — ${group.label}` : '';
}

/**
 * The options every chart starts from: fixed size, no animation, devicePixelRatio 1, a bold title,
 * an optional subtitle and a legend at the bottom.
 */
export function baseOptions(title: string, subtitle: string | null): Record<string, unknown> {
  return {
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: 1,
    layout: { padding: { top: 4, right: 12, bottom: 4, left: 4 } },
    plugins: {
      title: { display: true, text: title, font: { size: 14, weight: 'bold' }, padding: { top: 4, bottom: 4 } },
      subtitle: { display: subtitle !== null, text: subtitle ?? '', padding: { bottom: 6 } },
      legend: { display: true, position: 'bottom', labels: { boxWidth: 24, boxHeight: 10 } },
    },
  };
}

/** A linear axis with a title; tick labels never rotate (chart.js skips some instead). */
export function linearAxis(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ticks = { maxRotation: 0, ...((extra.ticks as Record<string, unknown> | undefined) ?? {}) };
  return { type: 'linear', title: { display: true, text: title }, ...extra, ticks };
}

/**
 * Range and tick step of a year axis: from the first to the last year of the data, ticks on whole
 * years (every 1, 2, 5 or 10 years, about 12 ticks at most), written without a thousands separator.
 * Data in a single year (an outcome defined only at the last step of a one-year run) get the axis
 * [year − 1, year + 1]: chart.js cannot lay out ticks on an axis of zero length.
 *
 * The tick format fixes both the minimum and the maximum number of fraction digits: chart.js derives
 * a minimum from the tick spacing, and a minimum above our maximum is a RangeError of
 * Intl.NumberFormat ("maximumFractionDigits value is out of range", issue 11, D2).
 */
export function yearAxisRange(years: readonly number[]): Record<string, unknown> {
  const ticks = { format: { useGrouping: false, minimumFractionDigits: 0, maximumFractionDigits: 2 } };
  if (years.length === 0) return { ticks };
  let min = Math.min(...years);
  let max = Math.max(...years);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const span = max - min;
  const stepSize = [1, 2, 5, 10, 20, 50].find((s) => span / s <= 12) ?? 100;
  return { min, max, ticks: { ...ticks, stepSize } };
}

/** Height of a chart with one row per category (horizontal bars and forest plots). */
export function rowChartHeight(rows: number, perRow = 26, chrome = 130): number {
  return Math.max(220, chrome + perRow * Math.max(rows, 1));
}

/** [min, max] suggested for an axis that must show every value and, if `withZero`, 0 too. */
export function paddedRange(values: readonly number[], withZero: boolean): { suggestedMin?: number; suggestedMax?: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  if (withZero) finite.push(0);
  if (finite.length === 0) return {};
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
  if (!(withZero && min === 0)) min -= pad;
  if (!(withZero && max === 0)) max += pad;
  return { suggestedMin: min, suggestedMax: max };
}

function yearLabel(year: number | null): string {
  return year === null ? 'end state' : `end state, ${Math.round(year * 100) / 100}`;
}

function yearsLabel(years: readonly number[]): string {
  const text = endYearsText(years);
  return text === null ? 'end state' : `end state, ${text}`;
}

/**
 * Time series of a province metric: per scenario, a line of the mean over replications and a shaded
 * 95% band (two hidden-edge datasets: the lower edge, then the upper edge filled to it).
 */
export function timeSeriesChart(view: ReportView, metric: ReportMetric, group?: ReportGroup): ChartSpec {
  const allSeries = scenariosOf(view, group)
    .map((scenario) => view.seriesOf(scenario, metric.name))
    .filter((s): s is ScenarioSeries => s !== undefined && s.points.length > 0);
  // Every dataset is an array of y values aligned with the shared year labels (null where a scenario
  // has no point), which the linear x axis reads as x: half the size of {x, y} points.
  const years = [...new Set(allSeries.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const column = new Map(years.map((year, i) => [year, i]));
  const aligned = (series: ScenarioSeries, value: (p: SeriesPoint) => number): (number | null)[] => {
    const out: (number | null)[] = years.map(() => null);
    for (const p of series.points) out[column.get(p.year) ?? 0] = value(p);
    return out;
  };
  const datasets: ChartJsDataset[] = [];
  for (const series of allSeries) {
    const scenario = series.scenario;
    const { colour, dash } = view.styleOf(scenario);
    const lowerIndex = datasets.length;
    datasets.push({
      label: `${scenario} 95% CI lower`,
      data: aligned(series, (p) => p.lower),
      borderColor: 'rgba(0, 0, 0, 0)',
      backgroundColor: 'rgba(0, 0, 0, 0)',
      borderWidth: 0,
      pointRadius: 0,
      pointHitRadius: 0,
      fill: false,
      zonesimHideInLegend: true,
      zonesimHideInTooltip: true,
    });
    datasets.push({
      label: `${scenario} 95% CI upper`,
      data: aligned(series, (p) => p.upper),
      borderColor: 'rgba(0, 0, 0, 0)',
      backgroundColor: withAlpha(colour, 0.15),
      borderWidth: 0,
      pointRadius: 0,
      pointHitRadius: 0,
      fill: { target: lowerIndex },
      zonesimHideInLegend: true,
      zonesimHideInTooltip: true,
    });
    datasets.push({
      label: scenario,
      data: aligned(series, (p) => p.mean),
      borderColor: colour,
      backgroundColor: withAlpha(colour, 0.15),
      borderDash: [...dash],
      borderWidth: 2,
      pointRadius: 0,
      pointHoverRadius: 4,
      fill: false,
      tension: 0,
      zonesimBand: [lowerIndex, lowerIndex + 1],
    });
  }
  const options = baseOptions(`${metric.label}${groupTitle(view, group)}`, 'Mean over replications with 95% confidence band');
  Object.assign(options, {
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: linearAxis('Year', yearAxisRange(years)),
      y: linearAxis(axisTitle(metric), valueAxisExtra(metric.unit)),
    },
    ...(isMillionYuanUnit(metric.unit) ? { zonesimMoney: moneyRateSuffix(metric.unit) } : {}),
  });
  const drawn = datasets.filter((d) => d.zonesimHideInLegend !== true).map((d) => d.label);
  return {
    id: `${slug(metric.name)}-time-series${group?.idSuffix ?? ''}`,
    kind: 'time-series',
    title: `${metric.label}: time series${groupTitle(view, group)}`,
    description:
      `Line chart of ${axisTitle(metric)} against year, one line per scenario (${drawn.join(', ') || 'no data'}), ` +
      'each the mean over replications with a shaded 95% confidence band.',
    width: METRIC_CHART_WIDTH,
    height: TIME_SERIES_HEIGHT,
    config: { type: 'line', data: { labels: years, datasets }, options },
  };
}

/** End state of a metric: a horizontal bar per scenario (the mean) with its 95% interval as error bars. */
export function endStateChart(view: ReportView, metric: ReportMetric, group?: ReportGroup): ChartSpec {
  const scenarios = scenariosOf(view, group);
  const years = view.endYearsOf(metric.name, scenarios);
  const mixed = years.length > 1;
  const labels: string[] = [];
  const means: number[] = [];
  const errorBars: [number, number][] = [];
  const fills: string[] = [];
  const borders: string[] = [];
  const tooltips: string[] = [];
  for (const scenario of scenarios) {
    const end = view.endStateOf(scenario, metric.name);
    if (end === undefined) continue;
    const { colour } = view.styleOf(scenario);
    // With runs of different lengths in one chart, each bar names its own end year.
    const own = view.endYearOf(metric.name, [scenario]);
    labels.push(mixed && own !== null ? `${scenario} (${Math.round(own * 100) / 100})` : scenario);
    means.push(end.mean);
    errorBars.push([end.lower, end.upper]);
    fills.push(withAlpha(colour, 0.55));
    borders.push(colour);
    const method = end.intervalMethod === 'bootstrap-percentile' ? ' (percentile bootstrap)' : '';
    tooltips.push(
      `${scenario}: ${inUnit(end.mean, metric)} ${intervalInUnit(end.lower, end.upper, metric)}${method}; ` +
        `median ${inUnit(end.median, metric)}, 5–95% ${intervalInUnit(end.q05, end.q95, metric)} (n=${end.n})`,
    );
  }
  const options = baseOptions(
    `${metric.label}: ${yearsLabel(years)}${groupTitle(view, group)}`,
    'Mean over replications; whiskers: 95% confidence interval',
  );
  const plugins = options.plugins as Record<string, unknown>;
  plugins.legend = { display: false };
  Object.assign(options, {
    indexAxis: 'y',
    scales: {
      x: linearAxis(axisTitle(metric), { ...paddedRange([...means, ...errorBars.flat()], true), ...valueAxisExtra(metric.unit) }),
      y: { type: 'category', ticks: { autoSkip: false } },
    },
  });
  return {
    id: `${slug(metric.name)}-end-state${group?.idSuffix ?? ''}`,
    kind: 'end-state',
    title: `${metric.label}: ${yearsLabel(years)}${groupTitle(view, group)}`,
    description:
      `Horizontal bar chart of ${axisTitle(metric)} at the ${yearsLabel(years)}: one bar per scenario ` +
      `(${labels.join(', ') || 'no data'}) showing the mean, with whiskers for the 95% confidence interval.`,
    width: METRIC_CHART_WIDTH,
    height: rowChartHeight(labels.length, 28, 120),
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: metric.label,
            data: means,
            backgroundColor: fills,
            borderColor: borders,
            borderWidth: 1,
            maxBarThickness: 22,
            errorBars,
            zonesimTooltip: tooltips,
          },
        ],
      },
      options,
    },
  };
}

/** Legend text of each direction of a paired difference. */
export const DIRECTION_LEGEND: Readonly<Record<PairedComparison['direction'], string>> = {
  increase: 'Increase (95% CI above 0)',
  decrease: 'Decrease (95% CI below 0)',
  unsettled: 'Unsettled (95% CI includes 0)',
  'no-difference': 'No difference (all pairs equal within floating-point tolerance)',
  'no-effect-that-matters': 'No effect that matters (95% CI inside ± 5% of the reference mean)',
};

const DIRECTIONS: readonly PairedComparison['direction'][] = ['increase', 'decrease', 'no-effect-that-matters', 'unsettled', 'no-difference'];

/** A row of a forest plot: its label, direction, point estimate, interval and tooltip. */
export interface ForestRow {
  readonly label: string;
  readonly direction: PairedComparison['direction'];
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly tooltip: string;
}

/** Row label of a forest plot, with the direction marked when the sign is not settled. */
export function forestRowLabel(name: string, direction: PairedComparison['direction']): string {
  if (direction === 'unsettled') return `${name} (unsettled)`;
  if (direction === 'no-difference') return `${name} (no difference)`;
  if (direction === 'no-effect-that-matters') return `${name} (no effect that matters)`;
  return name;
}

/** A row of a forest plot as the dataset builder needs it: an interval, an estimate, a label, a tooltip. */
export interface ForestIntervalRow {
  readonly label: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly tooltip: string;
}

/** One class of rows of a forest plot (a direction, a verdict): its legend label, colour, and whether the estimate is drawn hollow. */
export interface ForestRowClass<R> {
  readonly legend: string;
  readonly colour: string;
  readonly hollow: boolean;
  readonly member: (row: R) => boolean;
}

/**
 * The datasets of a forest plot: per class of rows present (in the order given), a thin floating bar
 * for the intervals and a point for the estimates (hollow for a class marked so), on a category axis
 * of row labels. Used by the comparison's forest plots (classes: directions) and the claims' (classes:
 * verdicts), so both draw alike.
 */
export function forestIntervalDatasets<R extends ForestIntervalRow>(rows: readonly R[], classes: readonly ForestRowClass<R>[]): ChartJsDataset[] {
  const datasets: ChartJsDataset[] = [];
  for (const c of classes) {
    const mine = rows.map((r) => c.member(r));
    if (!mine.some(Boolean)) continue;
    datasets.push({
      type: 'bar',
      label: c.legend,
      data: rows.map((r, i) => (mine[i] ? [r.lower, r.upper] : null)),
      backgroundColor: c.colour,
      borderColor: c.colour,
      borderWidth: 0,
      barThickness: 3,
      grouped: false,
      borderSkipped: false,
      zonesimTooltip: rows.map((r, i) => (mine[i] ? r.tooltip : null)),
    });
    datasets.push({
      type: 'scatter',
      label: `${c.legend} estimate`,
      data: rows.flatMap((r, i) => (mine[i] ? [{ x: r.estimate, y: r.label }] : [])),
      backgroundColor: c.hollow ? '#FFFFFF' : c.colour,
      borderColor: c.colour,
      borderWidth: 2,
      pointRadius: 5,
      pointHoverRadius: 6,
      pointStyle: c.hollow ? 'circle' : 'rectRot',
      zonesimHideInLegend: true,
      zonesimTooltip: rows.filter((_r, i) => mine[i]).map((r) => r.tooltip),
    });
  }
  return datasets;
}

/** The datasets of a comparison's forest plot: one class per direction (hollow when unsettled). */
function forestDatasets(rows: readonly ForestRow[]): ChartJsDataset[] {
  return forestIntervalDatasets(
    rows,
    DIRECTIONS.map((direction) => ({
      legend: DIRECTION_LEGEND[direction],
      colour: DIRECTION_COLOURS[direction],
      hollow: direction === 'unsettled',
      member: (r: ForestRow) => r.direction === direction,
    })),
  );
}

function forestOptions(title: string, subtitle: string, xTitle: string, rows: readonly ForestRow[], xExtra: Record<string, unknown> = {}): Record<string, unknown> {
  const options = baseOptions(title, subtitle);
  const plugins = options.plugins as Record<string, unknown>;
  plugins.zonesimReferenceLine = { axis: 'x', value: 0, color: '#333333', lineWidth: 1, dash: [4, 3] };
  Object.assign(options, {
    indexAxis: 'y',
    scales: {
      x: linearAxis(xTitle, { ...paddedRange(rows.flatMap((r) => [r.lower, r.upper, r.estimate]), true), ...xExtra }),
      y: { type: 'category', labels: rows.map((r) => r.label), ticks: { autoSkip: false }, offset: true },
    },
  });
  return options;
}

/** The forest-plot rows of a metric: one per compared scenario with a paired comparison. */
export function pairedDifferenceRows(view: ReportView, metric: ReportMetric, group?: ReportGroup): ForestRow[] {
  const rows: ForestRow[] = [];
  // One reference per chart: the group's (or, without a group, the report's baseline).
  const reference = group === undefined ? view.input.baseline : group.reference;
  for (const scenario of scenariosOf(view, group)) {
    if (reference === null || view.referenceOf(scenario) !== reference) continue;
    const p = view.pairedOf(scenario, metric.name);
    if (p === undefined) continue;
    const none = p.direction === 'no-difference';
    rows.push({
      label: forestRowLabel(scenario, p.direction),
      direction: p.direction,
      estimate: none ? 0 : p.meanDifference,
      lower: none ? 0 : p.lower,
      upper: none ? 0 : p.upper,
      tooltip: none
        ? `${scenario} − ${p.baseline}: no difference (equal within floating-point tolerance in every pair)`
        : `${scenario} − ${p.baseline}: ${inUnit(p.meanDifference, metric, true)} ${intervalInUnit(p.lower, p.upper, metric)}, ` +
          `${formatPercent(view.percentOf(p))} of ${p.baseline}; d_z ${formatNumber(p.effectSize)}, p ${formatPValue(p.pValue)} (n=${p.n})`,
    });
  }
  return rows;
}

/**
 * Forest plot of a metric's paired differences (scenario − baseline, end state) in the metric's
 * unit: a row per compared scenario with the mean difference and its 95% interval, a dashed zero
 * line, colours by direction and unsettled rows marked. Null when the report has no baseline.
 */
export function pairedDifferenceChart(view: ReportView, metric: ReportMetric, group?: ReportGroup): ChartSpec | null {
  const baseline = group === undefined ? view.input.baseline : group.reference;
  if (baseline === null) return null;
  const rows = pairedDifferenceRows(view, metric, group);
  // A group whose scenarios are not compared gets no chart (the page says why instead).
  if (group !== undefined && rows.length === 0) return null;
  const year = view.endYearOf(metric.name, [baseline]);
  const xTitle = `Difference scenario − ${baseline}, ${yearLabel(year)} (${axisUnitText(metric.unit) || 'units'})`;
  return {
    id: `${slug(metric.name)}-paired-differences${group?.idSuffix ?? ''}`,
    kind: 'paired-differences',
    title: `${metric.label}: difference scenario − ${baseline}${groupTitle(view, group)}`,
    description:
      `Forest plot of the paired difference (scenario − ${baseline}) in ${axisTitle(metric)} at the ` +
      `${yearLabel(year)}: ` +
      (rows.length === 0
        ? 'no comparisons.'
        : rows.map((r) => `${r.label} ${inUnit(r.estimate, metric, true)} ${intervalInUnit(r.lower, r.upper, metric)}`).join('; ') + '.'),
    width: METRIC_CHART_WIDTH,
    height: rowChartHeight(rows.length, 26, 150),
    config: {
      type: 'bar',
      data: { labels: rows.map((r) => r.label), datasets: forestDatasets(rows) },
      options: forestOptions(
        `${metric.label}: scenario − ${baseline}${groupTitle(view, group)}`,
        'Paired difference scenario − reference (same replications), mean and 95% CI',
        xTitle,
        rows,
        valueAxisExtra(metric.unit),
      ),
    },
  };
}

/**
 * A paired comparison in standard-deviation units of the differences (Cohen's d_z with the 95%
 * interval of the mean difference divided by that standard deviation), or null when undefined
 * (a constant non-zero difference, or too few replications).
 *
 * The standard deviation of the differences is |mean difference / d_z| when both are non-zero;
 * otherwise it is recovered from the t-interval's half-width h: sd = h·√n / t₀.₉₇₅,ₙ₋₁.
 */
export function standardisedComparison(p: PairedComparison): { estimate: number; lower: number; upper: number } | null {
  if (p.direction === 'no-difference') return { estimate: 0, lower: 0, upper: 0 };
  let scale: number | null = null;
  if (p.effectSize !== null && p.effectSize !== 0 && p.meanDifference !== 0) {
    scale = Math.abs(p.effectSize / p.meanDifference);
  } else if (p.n >= 2 && p.upper > p.lower) {
    const halfWidth = (p.upper - p.lower) / 2;
    scale = studentTQuantile(1 - (1 - CONFIDENCE) / 2, p.n - 1) / (halfWidth * Math.sqrt(p.n));
  }
  if (scale === null || !Number.isFinite(scale)) return null;
  return { estimate: p.effectSize ?? p.meanDifference * scale, lower: p.lower * scale, upper: p.upper * scale };
}

/**
 * Forest plot of one scenario's effects on every metric, standardised (d_z) so that metrics in
 * different units share one axis: what a policy changed, at a glance. Null without a baseline.
 */
export function standardisedEffectsChart(view: ReportView, scenario: string): ChartSpec | null {
  const baseline = view.referenceOf(scenario);
  if (baseline === null) return null;
  const rows: ForestRow[] = [];
  const omitted: string[] = [];
  for (const metric of view.input.metrics) {
    const p = view.pairedOf(scenario, metric.name);
    if (p === undefined) continue;
    const standardised = standardisedComparison(p);
    if (standardised === null) {
      omitted.push(metric.label);
      continue;
    }
    rows.push({
      label: forestRowLabel(metric.label, p.direction),
      direction: p.direction,
      ...standardised,
      tooltip:
        `${metric.label}: d_z ${formatNumber(standardised.estimate)} ${formatInterval(standardised.lower, standardised.upper)}; ` +
        `difference ${scenario} − ${baseline} ${inUnit(p.meanDifference, metric, true)} ${intervalInUnit(p.lower, p.upper, metric)} (${formatPercent(view.percentOf(p))})`,
    });
  }
  const subtitle =
    'Paired difference in SDs of the differences (d_z), 95% CI' +
    (omitted.length > 0 ? `; not shown (no SD): ${omitted.join(', ')}` : '');
  return {
    id: `effects-${slug(scenario)}`,
    kind: 'standardised-effects',
    title: `${scenario}: standardised effects vs ${baseline}`,
    description:
      `Forest plot of the standardised paired differences (d_z) between ${scenario} and ${baseline} for every ` +
      `outcome: ` +
      (rows.length === 0
        ? 'no comparisons.'
        : rows.map((r) => `${r.label} ${formatSigned(r.estimate)} ${formatInterval(r.lower, r.upper)}`).join('; ') + '.'),
    width: 760,
    height: rowChartHeight(rows.length, 20, 150),
    config: {
      type: 'bar',
      data: { labels: rows.map((r) => r.label), datasets: forestDatasets(rows) },
      options: forestOptions(
        `${scenario} vs ${baseline}: all outcomes`,
        subtitle,
        `Standardised difference scenario − ${baseline} (d_z, SDs of the paired differences)`,
        rows,
      ),
    },
  };
}

/**
 * Largest bubble radius on the maps, in pixels: 24 for up to ~40 zones, smaller for more zones
 * (150/√zones, at least 8) so a crowded map stays readable.
 */
export function mapMaxRadius(zones: number): number {
  return Math.min(24, Math.max(8, 150 / Math.sqrt(Math.max(zones, 1))));
}

/**
 * Bubble radius of a zone: ∝ √output (area ∝ output) on a scale shared by all maps, `maxRadius` for
 * the largest output; at least 2 px when output > 0, 0 otherwise.
 */
export function bubbleRadius(output: number, maxOutput: number, maxRadius: number): number {
  if (!(output > 0) || !(maxOutput > 0)) return 0;
  return Math.max(2, maxRadius * Math.sqrt(output / maxOutput));
}

/**
 * Map of a scenario's zones (final state of one replication): a bubble at each zone's location (km),
 * area proportional to its output (the same scale on every map), coloured by its largest industry (by jobs),
 * with a legend of industry names; empty zones as small hollow circles.
 */
export function zoneMapChart(view: ReportView, map: ScenarioMap): ChartSpec {
  const groups = new Map<string, { style: IndustryStyle; points: { x: number; y: number; r: number }[]; tips: string[] }>();
  const maxRadius = mapMaxRadius(Math.max(...view.input.maps.map((m) => m.zones.length)));
  // Largest first within each colour, so small bubbles are drawn over large ones.
  const zones = [...map.zones].sort((a, b) => b.output - a.output || a.zone - b.zone);
  for (const zone of zones) {
    const style = view.industryStyleOf(zone.topIndustry, zone.topIndustryName);
    let group = groups.get(style.legend);
    if (group === undefined) {
      group = { style, points: [], tips: [] };
      groups.set(style.legend, group);
    }
    const empty = zone.topIndustry === null;
    group.points.push({ x: zone.xKm, y: zone.yKm, r: empty ? 3 : Math.max(2, bubbleRadius(zone.output, view.maxZoneOutput, maxRadius)) });
    const industry = zone.topIndustryName ?? (zone.topIndustry === null ? 'none' : view.input.industryNames[zone.topIndustry] ?? `Industry ${zone.topIndustry}`);
    group.tips.push(
      `Zone ${zone.zone}: output ${formatInUnit(zone.output, 'M¥/year', formatNumber)}, ${formatNumber(zone.firms)} firms, largest industry ${industry}`,
    );
  }
  const ordered = [...groups.values()].sort((a, b) => a.style.order - b.style.order || a.style.legend.localeCompare(b.style.legend));
  const datasets: ChartJsDataset[] = ordered.map((g) => {
    const empty = g.style.legend === EMPTY_ZONE_LABEL;
    return {
      label: g.style.legend,
      data: g.points,
      backgroundColor: empty ? 'rgba(255, 255, 255, 0)' : withAlpha(g.style.colour, 0.75),
      borderColor: empty ? '#777777' : g.style.colour,
      borderWidth: 1,
      zonesimTooltip: g.tips,
    };
  });
  const size = map.regionSizeKm;
  const options = baseOptions(
    `${map.scenario}: zones (replication ${map.replication})`,
    `Bubble area ∝ output (largest: ${formatInUnit(view.maxZoneOutput, 'M¥/year', formatNumber)}); colour: largest industry (by jobs)`,
  );
  const plugins = options.plugins as Record<string, unknown>;
  plugins.legend = { display: true, position: 'right', labels: { usePointStyle: true, pointStyle: 'circle', boxWidth: 10 } };
  Object.assign(options, {
    clip: false,
    scales: {
      x: linearAxis('East–west position (km)', { min: 0, max: size }),
      y: linearAxis('North–south position (km)', { min: 0, max: size }),
    },
  });
  const industries = ordered.filter((g) => g.style.legend !== EMPTY_ZONE_LABEL).map((g) => g.style.legend);
  return {
    id: `map-${slug(map.scenario)}`,
    kind: 'zone-map',
    title: `${map.scenario}: map of zones`,
    description:
      `Map of ${map.zones.length} zones of ${map.scenario} in a ${formatNumber(size)} km square region (replication ` +
      `${map.replication}, final state): bubble area proportional to output, colour by largest industry (by jobs) ` +
      `(${industries.join(', ') || 'none'}).`,
    width: 600,
    height: 520,
    config: { type: 'bubble', data: { datasets }, options },
  };
}
