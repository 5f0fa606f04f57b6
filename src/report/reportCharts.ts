import {
  endStateChart,
  pairedDifferenceChart,
  standardisedEffectsChart,
  timeSeriesChart,
  uniqueChartIds,
  zoneMapChart,
  type ChartSpec,
} from './chartConfigs.ts';
import type { ReportMetric } from './reportInput.ts';
import type { ReportGroup, ReportView } from './reportView.ts';

/** The charts of one metric for one scale group: its own axes, so no group flattens another. */
export interface MetricGroupCharts {
  readonly group: ReportGroup;
  readonly timeSeries: ChartSpec;
  readonly endState: ChartSpec;
  /** Null when no scenario of the group is compared (no baseline, limiting cases, other end dates). */
  readonly pairedDifferences: ChartSpec | null;
}

/** The charts of one metric's section. */
export interface MetricCharts {
  readonly metric: ReportMetric;
  /** True for the key metrics: their section is open when the page loads. */
  readonly key: boolean;
  /** One set of charts per group with data for the metric, in the groups' display order. */
  readonly groups: readonly MetricGroupCharts[];
  /**
   * Groups whose every value of the metric (every scenario, year and interval end) is one constant
   * — e.g. guarantee outcomes of the limiting cases, which have no fund: not drawn (a chart of flat
   * lines is an empty chart); the page says "0 in every scenario and year" instead.
   */
  readonly constantGroups: readonly { readonly group: ReportGroup; readonly value: number }[];
}

/**
 * The one value every series point (mean and interval ends) of `scenarios` takes for a metric, or
 * null when the values differ or there are none.
 *
 * @example constantValueOf(view, 'guaranteeLosses', ['polya-urn', 'arthur-1990']) // 0
 */
export function constantValueOf(view: ReportView, metric: string, scenarios: readonly string[]): number | null {
  let value: number | null = null;
  for (const scenario of scenarios) {
    const series = view.seriesOf(scenario, metric);
    if (series === undefined) continue;
    for (const p of series.points) {
      if (value === null) value = p.mean;
      if (p.mean !== value || p.lower !== value || p.upper !== value) return null;
    }
  }
  return value;
}

/** A chart about one scenario. */
export interface ScenarioChart {
  readonly scenario: string;
  readonly chart: ChartSpec;
}

/** Every chart of a report, grouped as the page shows them. */
export interface ReportCharts {
  readonly metrics: readonly MetricCharts[];
  /** One standardised-effects forest plot per compared scenario (empty without a baseline). */
  readonly effects: readonly ScenarioChart[];
  /** One map per `input.maps` entry. */
  readonly maps: readonly ScenarioChart[];
}

/** How many metrics are key when neither names nor known outcomes choose them. */
export const DEFAULT_KEY_METRIC_COUNT = 8;

/**
 * The outcomes that answer "what did the zone programme do" first (names from
 * src/outcomes/reporters.ts): output, jobs, firms, how much of it is in zones, land productivity and
 * idle land, pollution, public money. Key by default when the report has them.
 */
export const DEFAULT_KEY_METRICS: readonly string[] = [
  'output',
  'employment',
  'firms',
  'zoneOutputShare',
  'zonesOutputPerHa',
  'landIdleHa',
  'pollution',
  'publicSpendingTotal',
];

/**
 * The key metrics, in display order: those named in `keyMetrics` that the report has; without
 * names, those of `DEFAULT_KEY_METRICS` that it has, or — when it has none of them — the first
 * `DEFAULT_KEY_METRIC_COUNT` metrics of the display order.
 */
export function chooseKeyMetrics(metrics: readonly ReportMetric[], keyMetrics?: readonly string[]): Set<string> {
  const named = (names: readonly string[]): Set<string> => {
    const wanted = new Set(names);
    return new Set(metrics.filter((m) => wanted.has(m.name)).map((m) => m.name));
  };
  if (keyMetrics !== undefined) return named(keyMetrics);
  const known = named(DEFAULT_KEY_METRICS);
  return known.size > 0 ? known : new Set(metrics.slice(0, DEFAULT_KEY_METRIC_COUNT).map((m) => m.name));
}

/**
 * Build every chart of a report. Ids are made unique (a numeric suffix on a clash, which only
 * happens when two names differ only in characters that file names cannot hold).
 */
export function buildReportCharts(view: ReportView, keyMetrics?: readonly string[]): ReportCharts {
  const unique = uniqueChartIds();
  const key = chooseKeyMetrics(view.input.metrics, keyMetrics);
  const metrics = view.input.metrics.map((metric): MetricCharts => {
    const groups: MetricGroupCharts[] = [];
    const constantGroups: { group: ReportGroup; value: number }[] = [];
    for (const [i, group] of view.groups.entries()) {
      const hasData = group.scenarios.some((scenario) => view.seriesOf(scenario, metric.name) !== undefined || view.endStateOf(scenario, metric.name) !== undefined);
      // The first group always has its charts (a report with one group keeps its layout).
      if (i > 0 && !hasData) continue;
      const constant = i > 0 ? constantValueOf(view, metric.name, group.scenarios) : null;
      if (constant !== null) {
        constantGroups.push({ group, value: constant });
        continue;
      }
      const paired = pairedDifferenceChart(view, metric, group);
      groups.push({
        group,
        timeSeries: unique(timeSeriesChart(view, metric, group)),
        endState: unique(endStateChart(view, metric, group)),
        pairedDifferences: paired === null ? null : unique(paired),
      });
    }
    return { metric, key: key.has(metric.name), groups, constantGroups };
  });
  const effects: ScenarioChart[] = [];
  for (const scenario of view.comparedScenarios) {
    const chart = standardisedEffectsChart(view, scenario);
    if (chart !== null) effects.push({ scenario, chart: unique(chart) });
  }
  const maps = view.input.maps.map((map) => ({ scenario: map.scenario, chart: unique(zoneMapChart(view, map)) }));
  return { metrics, effects, maps };
}

/** All charts of a report in page order. */
export function allCharts(charts: ReportCharts): ChartSpec[] {
  const out: ChartSpec[] = [];
  for (const m of charts.metrics) {
    for (const g of m.groups) {
      out.push(g.timeSeries, g.endState);
      if (g.pairedDifferences !== null) out.push(g.pairedDifferences);
    }
  }
  out.push(...charts.effects.map((c) => c.chart), ...charts.maps.map((c) => c.chart));
  return out;
}
