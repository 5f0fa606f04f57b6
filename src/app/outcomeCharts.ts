/**
 * Line charts (chart.js) of named province reporters: live runs (my policy solid, the comparison
 * dashed) and batch results (means with 95% confidence bands). Each chart's title is a menu of every
 * province reporter, so a class can chart any outcome the command line records.
 */
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { chartTitle, formatValue, PROVINCE_REPORTERS, reporterByName } from './chartMetrics.ts';
import { element } from './dom.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Legend, Tooltip);
Chart.defaults.font.size = 13;
Chart.defaults.font.family = 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif';
Chart.defaults.color = '#222';

/** Colours of the two sides of a comparison. */
export const SERIES_COLOURS = { policy: '#1d5fa8', comparison: '#c8501e' } as const;

/** A point of a chart: calendar year and value (null = undefined there). */
export interface ChartPoint {
  readonly x: number;
  readonly y: number | null;
}

/** One line of a live chart. */
export interface LiveSeries {
  readonly label: string;
  readonly points: readonly ChartPoint[];
}

/** One side of a batch chart: mean with lower and upper band. */
export interface BandSeries {
  readonly label: string;
  readonly years: readonly number[];
  readonly mean: readonly (number | null)[];
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
}

type LineDataset = ChartDataset<'line', ChartPoint[]>;

let chartCounter = 0;

/** One chart with a metric chooser in its caption. */
export class OutcomeChart {
  /** The figure element (append it to the page). */
  readonly root: HTMLElement;
  private readonly chooser: HTMLSelectElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly chart: Chart<'line', ChartPoint[]>;
  private metricName: string;

  /**
   * @param metric reporter name shown first.
   * @param onMetricChange called after the user picks another reporter.
   */
  constructor(metric: string, onMetricChange: (chart: OutcomeChart) => void) {
    const id = `chart-${++chartCounter}`;
    this.metricName = metric;
    this.chooser = element('select', { id: `${id}-metric`, class: 'chart-metric', 'aria-label': 'Outcome shown in this chart' });
    for (const reporter of PROVINCE_REPORTERS) {
      this.chooser.append(element('option', { value: reporter.name, title: reporter.description }, chartTitle(reporter.name)));
    }
    this.chooser.value = metric;
    this.chooser.addEventListener('change', () => {
      this.metricName = this.chooser.value;
      this.describe();
      onMetricChange(this);
    });
    this.canvas = element('canvas', { role: 'img' });
    this.root = element(
      'figure',
      { class: 'chart', id, 'data-metric': metric, 'data-points': '0', 'data-series': '0' },
      element('figcaption', {}, this.chooser),
      element('div', { class: 'chart-box' }, this.canvas),
    );
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        scales: {
          x: { type: 'linear', ticks: { precision: 0, maxTicksLimit: 6, callback: (value) => String(value) }, title: { display: false } },
          y: { type: 'linear', ticks: { maxTicksLimit: 5, callback: (value) => formatValue(Number(value), this.unit()) } },
        },
        plugins: {
          legend: {
            display: true,
            position: 'bottom',
            labels: { boxWidth: 18, boxHeight: 2, padding: 6, filter: (item) => !String(item.text).startsWith('_') },
          },
          tooltip: {
            filter: (item) => !String(item.dataset.label).startsWith('_'),
            callbacks: {
              title: (items) => (items[0] ? `Year ${Math.floor(Number(items[0].parsed.x))}` : ''),
              label: (item) => `${String(item.dataset.label).replace(/^_/, '')}: ${formatValue(item.parsed.y, this.unit())}`,
            },
          },
        },
      },
    });
    this.describe();
  }

  /** The reporter name shown. */
  get metric(): string {
    return this.metricName;
  }

  /** Show another reporter (the caller redraws the data). */
  setMetric(name: string): void {
    if (!reporterByName(name)) return;
    this.metricName = name;
    this.chooser.value = name;
    this.describe();
  }

  private unit(): string {
    return reporterByName(this.metricName)?.unit ?? '';
  }

  private describe(): void {
    const reporter = reporterByName(this.metricName);
    this.root.dataset.metric = this.metricName;
    this.canvas.setAttribute('aria-label', `Chart of ${reporter ? `${reporter.label}: ${reporter.description}` : this.metricName}`);
  }

  /** Fix the x axis to a time range (calendar years), so it does not rescale during playback. */
  private setRange(range: readonly [number, number] | null): void {
    const x = this.chart.options.scales?.x;
    if (!x) return;
    x.min = range ? range[0] : undefined;
    x.max = range ? range[1] : undefined;
  }

  /**
   * Live view: one solid line for my policy and, optionally, a dashed one for the comparison.
   *
   * @param range the x axis (first and last calendar year of the runs).
   */
  showRuns(policy: LiveSeries, comparison: LiveSeries | null, range: readonly [number, number] | null = null): void {
    this.setRange(range);
    const datasets: LineDataset[] = [line(policy.label, policy.points, SERIES_COLOURS.policy, false)];
    if (comparison) datasets.push(line(comparison.label, comparison.points, SERIES_COLOURS.comparison, true));
    this.chart.data.datasets = datasets;
    this.chart.update('none');
    this.root.dataset.points = String(policy.points.length);
    this.root.dataset.series = String(datasets.length);
    const last = policy.points.at(-1);
    this.root.dataset.last = last && last.y !== null ? String(last.y) : '';
  }

  /** Batch view: means with shaded 95% confidence bands. */
  showBands(policy: BandSeries, comparison: BandSeries | null): void {
    const years = [...policy.years, ...(comparison?.years ?? [])];
    this.setRange(years.length > 0 ? [Math.min(...years), Math.max(...years)] : null);
    const datasets: LineDataset[] = [...band(policy, SERIES_COLOURS.policy, false)];
    if (comparison) datasets.push(...band(comparison, SERIES_COLOURS.comparison, true));
    this.chart.data.datasets = datasets;
    this.chart.update('none');
    this.root.dataset.points = String(policy.years.length);
    this.root.dataset.series = String(comparison ? 2 : 1);
  }

  /** Remove all data. */
  clear(): void {
    this.chart.data.datasets = [];
    this.chart.update('none');
    this.root.dataset.points = '0';
    this.root.dataset.series = '0';
  }
}

function line(label: string, points: readonly ChartPoint[], colour: string, dashed: boolean): LineDataset {
  return {
    label,
    data: points as ChartPoint[],
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2.5,
    borderDash: dashed ? [7, 4] : [],
    pointRadius: 0,
    pointHitRadius: 6,
    spanGaps: false,
  };
}

function toPoints(years: readonly number[], values: readonly (number | null)[]): ChartPoint[] {
  return years.map((x, i) => ({ x, y: values[i] ?? null }));
}

function band(series: BandSeries, colour: string, dashed: boolean): LineDataset[] {
  const fill = colour === SERIES_COLOURS.policy ? 'rgba(29, 95, 168, 0.2)' : 'rgba(200, 80, 30, 0.2)';
  return [
    { label: `_lower ${series.label}`, data: toPoints(series.years, series.lower), borderWidth: 0, pointRadius: 0, borderColor: 'transparent', fill: false },
    {
      label: `_upper ${series.label}`,
      data: toPoints(series.years, series.upper),
      borderWidth: 0,
      pointRadius: 0,
      borderColor: 'transparent',
      backgroundColor: fill,
      fill: '-1',
    },
    { ...line(`${series.label} (mean, 95% band)`, toPoints(series.years, series.mean), colour, dashed) },
  ];
}
