/**
 * The calibration report's charts as chart.js configurations, built by pure functions from a
 * {@link CalibrationReportInput} — one kind of chart per function, in the style of the other reports
 * (src/report/chartConfigs.ts: options, palette, runtime keys `errorBars`, `zonesimTooltip`,
 * `zonesimReferenceLine`), drawn by the same page script and image renderer:
 * - the tolerance and the acceptance rate by generation;
 * - per target, the posterior-predictive band of its statistic over time (90 % and 50 % bands, the
 *   median) with the published figure as a point and its tolerance as a whisker;
 * - per predicted reporter, its posterior-predictive band to the horizon;
 * - per parameter, the posterior marginal against the prior;
 * - per pair of parameters, the particles (point area ∝ weight).
 */
import { baseOptions, linearAxis, uniqueChartIds, yearAxisRange, type ChartJsDataset, type ChartSpec } from './chartConfigs.ts';
import type { CalibrationReportInput, CalibrationReportParameter, CalibrationReportTarget, ReportBandPoint } from './calibrationReportInput.ts';
import { formatNumber, slug } from './formatting.ts';
import { HIGHLIGHT_COLOUR, SCENARIO_COLOURS, withAlpha } from './palette.ts';

/** Width and height of a band chart (two side by side at 1280 px). */
export const BAND_CHART_WIDTH = 600;
export const BAND_CHART_HEIGHT = 360;
/** Width and height of a marginal chart (three side by side). */
export const MARGINAL_CHART_WIDTH = 400;
export const MARGINAL_CHART_HEIGHT = 280;
/** Size of a pair plot (four side by side). */
export const PAIR_CHART_SIZE = 300;

/** Colour of the model's bands and of the posterior. */
const MODEL_COLOUR = SCENARIO_COLOURS[4];
/** Colour of the figures by role. */
const FIGURE_COLOURS: Readonly<Record<CalibrationReportTarget['role'], string>> = {
  fitted: '#000000',
  'held-out': HIGHLIGHT_COLOUR,
  'weight-0': '#888888',
};
/** Colour of the prior. */
const PRIOR_COLOUR = '#999999';

/** "Label (unit)". */
function withUnit(label: string, unit: string): string {
  return unit === '' || unit === '-' ? label : `${label} (${unit})`;
}

/** The band datasets: 90 % band, 50 % band, median. */
function bandDatasets(band: readonly ReportBandPoint[], colour: string, label: string): ChartJsDataset[] {
  const series = (q: number): { x: number; y: number | null }[] => band.map((p) => ({ x: p.x, y: p.quantiles[q] }));
  const edge = (name: string, q: number, fill: unknown, alpha: number): ChartJsDataset => ({
    label: name,
    data: series(q),
    borderColor: 'rgba(0, 0, 0, 0)',
    backgroundColor: withAlpha(colour, alpha),
    borderWidth: 0,
    pointRadius: 0,
    pointHitRadius: 0,
    fill,
    zonesimHideInLegend: true,
    zonesimHideInTooltip: true,
  });
  return [
    edge(`${label} 5%`, 0, false, 0),
    edge(`${label} 95%`, 4, { target: 0 }, 0.15),
    edge(`${label} 25%`, 1, false, 0),
    edge(`${label} 75%`, 3, { target: 2 }, 0.25),
    {
      label: `${label}: median, 50% and 90% bands`,
      data: series(2),
      borderColor: colour,
      backgroundColor: withAlpha(colour, 0.25),
      borderWidth: 2,
      // A band of one instant (a period over the whole run) is a point with its 90% interval.
      pointRadius: band.length === 1 ? 4 : 0,
      pointHoverRadius: 4,
      fill: false,
      tension: 0,
      ...(band.length === 1 ? { errorBars: [[band[0].quantiles[0], band[0].quantiles[4]]] } : {}),
      zonesimBand: [0, 1],
      zonesimTooltip: band.map((p) => `median ${formatNumber(p.quantiles[2])}, 90% [${formatNumber(p.quantiles[0])}, ${formatNumber(p.quantiles[4])}]${p.defined < 1 ? `, defined in ${formatNumber(100 * p.defined)}% of the posterior` : ''}`),
    },
  ];
}

function bandOptions(title: string, subtitle: string, xs: readonly number[], yTitle: string, boundary: number | null): Record<string, unknown> {
  const options = baseOptions(title, subtitle);
  Object.assign(options, {
    interaction: { mode: 'nearest', intersect: false },
    scales: { x: linearAxis('End of year', yearAxisRange(xs)), y: linearAxis(yTitle) },
  });
  if (boundary !== null && Number.isFinite(boundary)) {
    (options.plugins as Record<string, unknown>).zonesimReferenceLine = { axis: 'x', value: boundary, color: '#777777', dash: [4, 4] };
  }
  return options;
}

/**
 * A target's statistic over time: the posterior-predictive band with the figure (and its tolerance
 * as a whisker) at its date; a dashed line marks the end of the last fitted year.
 */
export function targetBandChart(input: CalibrationReportInput, target: CalibrationReportTarget): ChartSpec {
  const datasets = bandDatasets(target.band, MODEL_COLOUR, 'Model');
  const colour = FIGURE_COLOURS[target.role];
  const roleText = { fitted: 'fitted figure', 'held-out': 'held-out figure (not fitted)', 'weight-0': 'figure with weight 0 (not fitted)' }[target.role];
  const kindText = target.kind === 'lowerBound' ? ', a lower bound' : target.kind === 'upperBound' ? ', an upper bound' : '';
  datasets.push({
    label: `${roleText}${kindText}`,
    data: [{ x: target.figureX, y: target.figure }],
    showLine: false,
    borderColor: colour,
    backgroundColor: withAlpha(colour, target.role === 'fitted' ? 1 : 0.6),
    pointStyle: target.kind === 'point' ? 'circle' : 'triangle',
    rotation: target.kind === 'upperBound' ? 180 : 0,
    pointRadius: 6,
    pointHoverRadius: 7,
    errorBars: [[target.toleranceRange[0], target.toleranceRange[1]]],
    zonesimTooltip: [`figure ${formatNumber(target.figure)} (tolerance ${formatNumber(target.toleranceRange[0])} to ${formatNumber(target.toleranceRange[1])})`],
  });
  const xs = [...target.band.map((p) => p.x), target.figureX];
  const subtitle = `${input.draws} posterior draws; whisker: the figure's tolerance; dashed line: end of the fitted years`;
  return {
    id: `target-${slug(target.name)}`,
    kind: 'posterior-band',
    title: target.name,
    description:
      `Line chart of ${withUnit(target.label, target.unit)} by end of year: the posterior-predictive median with 50% and 90% bands ` +
      `from ${formatNumber(Math.min(...xs))} to ${formatNumber(Math.max(...xs))}, and the ${roleText} ${formatNumber(target.figure)} at ${formatNumber(target.figureX)}.`,
    width: BAND_CHART_WIDTH,
    height: BAND_CHART_HEIGHT,
    config: { type: 'line', data: { datasets }, options: bandOptions(target.name, subtitle, xs, withUnit(target.unit === 'ratio' ? 'Statistic' : 'Value', target.unit), input.lastFittedX) },
  };
}

/** A predicted reporter's posterior-predictive band to the horizon. */
export function predictionBandChart(input: CalibrationReportInput, prediction: CalibrationReportInput['predictions'][number]): ChartSpec {
  const datasets = bandDatasets(prediction.band, MODEL_COLOUR, 'Model');
  const xs = prediction.band.map((p) => p.x);
  return {
    id: `prediction-${slug(prediction.reporter)}`,
    kind: 'posterior-band',
    title: `${prediction.label}: prediction to ${input.untilYear}`,
    description: `Line chart of ${withUnit(prediction.label, prediction.unit)} by end of year, posterior-predictive median with 50% and 90% bands, to the end of ${input.untilYear}.`,
    width: BAND_CHART_WIDTH,
    height: BAND_CHART_HEIGHT,
    config: {
      type: 'line',
      data: { datasets },
      options: bandOptions(`${prediction.label}: prediction`, `${input.draws} posterior draws; dashed line: end of the fitted years`, xs, withUnit(prediction.label, prediction.unit), input.lastFittedX),
    },
  };
}

/** The tolerance (log axis) and the acceptance rate by generation. */
export function toleranceChart(input: CalibrationReportInput): ChartSpec {
  const generations = input.generations;
  const datasets: ChartJsDataset[] = [
    {
      label: 'Tolerance ε (distance units)',
      data: generations.filter((g) => g.tolerance !== null).map((g) => ({ x: g.generation, y: g.tolerance })),
      borderColor: MODEL_COLOUR,
      backgroundColor: MODEL_COLOUR,
      borderWidth: 2,
      pointRadius: 4,
      yAxisID: 'y',
    },
    {
      label: 'Acceptance rate',
      data: generations.filter((g) => g.generation > 0).map((g) => ({ x: g.generation, y: g.acceptanceRate })),
      borderColor: HIGHLIGHT_COLOUR,
      backgroundColor: HIGHLIGHT_COLOUR,
      borderDash: [6, 3],
      borderWidth: 2,
      pointRadius: 4,
      pointStyle: 'rectRot',
      yAxisID: 'y1',
    },
  ];
  const options = baseOptions('Tolerance and acceptance rate by generation', 'Generation 0 draws from the priors and accepts every draw (ε = ∞)');
  Object.assign(options, {
    scales: {
      x: linearAxis('Generation', { min: 0, ticks: { stepSize: 1 } }),
      y: { type: 'logarithmic', title: { display: true, text: 'Tolerance ε (log scale)' }, ticks: { maxRotation: 0 } },
      y1: linearAxis('Acceptance rate', { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false } }),
    },
  });
  return {
    id: 'tolerance-by-generation',
    kind: 'tolerance-by-generation',
    title: 'Tolerance and acceptance rate by generation',
    description: `Line chart of the ABC-SMC tolerance (logarithmic axis) and of the acceptance rate over ${generations.length} generations.`,
    width: BAND_CHART_WIDTH,
    height: BAND_CHART_HEIGHT,
    config: { type: 'line', data: { datasets }, options },
  };
}

function binLabel(parameter: CalibrationReportParameter, k: number): string {
  const edges = parameter.binEdges as readonly number[];
  if (parameter.kind === 'integer' && edges[k + 1] - edges[k] === 1) return formatNumber(edges[k] + 0.5);
  return `${formatNumber(edges[k])}–${formatNumber(edges[k + 1])}`;
}

/** A parameter's posterior marginal (bars) against its prior (grey bars). */
export function marginalChart(parameter: CalibrationReportParameter): ChartSpec {
  const choice = parameter.choices !== null;
  const labels = choice ? parameter.choices!.map((c) => c.value) : (parameter.priorBinProbabilities as number[]).map((_, k) => binLabel(parameter, k));
  const prior = choice ? parameter.choices!.map((c) => c.prior) : (parameter.priorBinProbabilities as number[]);
  const posterior = choice ? parameter.choices!.map((c) => c.posterior) : (parameter.posteriorBinProbabilities as number[]);
  const datasets: ChartJsDataset[] = [
    { label: 'Prior', data: prior, backgroundColor: withAlpha(PRIOR_COLOUR, 0.45), borderColor: PRIOR_COLOUR, borderWidth: 1, barPercentage: 1, categoryPercentage: 0.9 },
    { label: 'Posterior', data: posterior, backgroundColor: withAlpha(MODEL_COLOUR, 0.7), borderColor: MODEL_COLOUR, borderWidth: 1, barPercentage: 1, categoryPercentage: 0.9 },
  ];
  const subtitle = `posterior sd / prior sd ${formatNumber(parameter.spreadRatio)}: ${parameter.identified ? 'identified' : 'NOT identified (posterior ≈ prior)'}`;
  const options = baseOptions(parameter.name, subtitle);
  Object.assign(options, {
    scales: {
      x: { type: 'category', title: { display: true, text: withUnit(parameter.logScale ? `${parameter.name} (log-spaced bins)` : parameter.name, parameter.unit) }, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
      y: linearAxis('Probability', { min: 0 }),
    },
  });
  return {
    id: `marginal-${slug(parameter.name)}`,
    kind: 'posterior-marginal',
    title: `${parameter.name}: posterior and prior`,
    description: `Bar chart of the posterior probability of ${parameter.name} in ${labels.length} ${choice ? 'values' : 'bins'} next to the prior's (${parameter.prior}); ${subtitle}.`,
    width: MARGINAL_CHART_WIDTH,
    height: MARGINAL_CHART_HEIGHT,
    config: { type: 'bar', data: { labels, datasets }, options },
  };
}

function pairAxis(parameter: CalibrationReportParameter): Record<string, unknown> {
  const title = withUnit(parameter.name, parameter.unit);
  const bounds = parameter.support === null ? {} : { min: parameter.support[0], max: parameter.support[1] };
  if (parameter.logScale) return { type: 'logarithmic', title: { display: true, text: title }, ...bounds, ticks: { maxRotation: 0 } };
  if (parameter.choices !== null) return linearAxis(`${parameter.name} [${parameter.choices.map((c, i) => `${i} = ${c.value}`).join(', ')}]`, { min: -0.5, max: parameter.choices.length - 0.5, ticks: { stepSize: 1 } });
  return linearAxis(title, bounds);
}

/** The particles of two parameters (point area ∝ weight), axes over the priors' supports. */
export function pairChart(input: CalibrationReportInput, i: number, j: number): ChartSpec {
  const a = input.parameters[i];
  const b = input.parameters[j];
  const { weights, values } = input.particles;
  const n = weights.length;
  const data = weights.map((_, k) => ({ x: values[i][k], y: values[j][k] }));
  const radius = weights.map((w) => Math.min(6, 1.2 + 2 * Math.sqrt(w * n)));
  const options = baseOptions(`${a.name} × ${b.name}`, `${n} particles, area ∝ weight`);
  (options.plugins as Record<string, unknown>).legend = { display: false };
  Object.assign(options, { scales: { x: pairAxis(a), y: pairAxis(b) } });
  return {
    id: `pair-${slug(a.name)}-${slug(b.name)}`,
    kind: 'posterior-pair',
    title: `${a.name} × ${b.name}`,
    description: `Scatter of the ${n} posterior particles: ${a.name} against ${b.name}, point area proportional to weight.`,
    width: PAIR_CHART_SIZE,
    height: PAIR_CHART_SIZE,
    config: {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: 'Particle',
            data,
            backgroundColor: withAlpha(MODEL_COLOUR, 0.35),
            borderColor: withAlpha(MODEL_COLOUR, 0.7),
            borderWidth: 0.5,
            pointRadius: radius,
            pointHoverRadius: 5,
            zonesimTooltip: weights.map((w, k) => `${a.name} ${formatNumber(values[i][k])}, ${b.name} ${formatNumber(values[j][k])}, weight ${formatNumber(w)}`),
          },
        ],
      },
      options,
    },
  };
}

/** Every chart of a calibration report, grouped as the page shows them. */
export interface CalibrationCharts {
  readonly tolerance: ChartSpec;
  readonly targets: readonly ChartSpec[];
  readonly predictions: readonly ChartSpec[];
  readonly marginals: readonly ChartSpec[];
  readonly pairs: readonly ChartSpec[];
}

/**
 * Build every chart of a calibration report (ids made unique with a numeric suffix on a clash).
 *
 * @example allCalibrationCharts(buildCalibrationCharts(input)).length
 */
export function buildCalibrationCharts(input: CalibrationReportInput): CalibrationCharts {
  const unique = uniqueChartIds();
  const pairs: ChartSpec[] = [];
  for (let i = 0; i < input.parameters.length; i++) for (let j = i + 1; j < input.parameters.length; j++) pairs.push(unique(pairChart(input, i, j)));
  return {
    tolerance: unique(toleranceChart(input)),
    targets: input.targets.map((t) => unique(targetBandChart(input, t))),
    predictions: input.predictions.map((p) => unique(predictionBandChart(input, p))),
    marginals: input.parameters.map((p) => unique(marginalChart(p))),
    pairs,
  };
}

/** All charts in page order. */
export function allCalibrationCharts(charts: CalibrationCharts): ChartSpec[] {
  return [charts.tolerance, ...charts.predictions, ...charts.targets, ...charts.marginals, ...charts.pairs];
}
