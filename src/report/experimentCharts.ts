/**
 * The experiment report's charts as chart.js configurations, built by pure functions from an
 * {@link ExperimentReportInput} — one kind of chart per function, in the style (options, palette,
 * number formats, runtime keys such as `errorBars` and `zonesimTooltip`) of the comparison report's
 * charts (src/report/chartConfigs.ts), and drawn by the same page script and image renderer:
 * - tornado: main-effect swing of every factor on an outcome (any design);
 * - Morris μ*–σ scatter and μ* bars with bootstrap intervals (Morris designs);
 * - Sobol' first-order and total indices with bootstrap intervals (Sobol' designs);
 * - PRIM peeling trajectory (coverage vs density) and the chosen box (scenario discovery);
 * - outcome vs factor scatter (any design).
 */
import type { MorrisRow, PrimBoxSummary, SobolRow, SwingRow } from '../experiment/analyseExperiment.ts';
import { baseOptions, linearAxis, paddedRange, rowChartHeight, uniqueChartIds, type ChartJsDataset, type ChartSpec } from './chartConfigs.ts';
import type { ExperimentReportFactor, ExperimentReportInput, ExperimentReportOutcome } from './experimentReportInput.ts';
import { formatInterval, formatNumber, formatSigned, slug } from './formatting.ts';
import { DIRECTION_COLOURS, HIGHLIGHT_COLOUR, SCENARIO_COLOURS, withAlpha } from './palette.ts';

/** Width of the wide charts (tornado, indices, PRIM). */
export const EXPERIMENT_CHART_WIDTH = 600;
/** Width of one outcome-vs-factor scatter chart (three fit side by side at 1280 px). */
export const SCATTER_CHART_WIDTH = 400;
/** Height of one outcome-vs-factor scatter chart. */
export const SCATTER_CHART_HEIGHT = 320;

/** Colours of the two ends of a tornado bar. */
export const TORNADO_COLOURS = { low: '#56B4E9', high: '#D55E00' } as const;
/** Colours of first-order and total Sobol' indices. */
export const SOBOL_COLOURS = { firstOrder: '#56B4E9', total: '#0072B2' } as const;
/** Point styles cycled (with the colours) to tell factors apart in the μ*–σ chart. */
const POINT_STYLES = ['circle', 'rectRot', 'triangle', 'rect', 'star', 'crossRot'] as const;

/** "Label (unit)". */
function outcomeAxis(outcome: ExperimentReportOutcome): string {
  const label = outcome.statistic === 'mean' ? `${outcome.label}, mean over the run` : outcome.label;
  return outcome.unit === '' || outcome.unit === '-' ? label : `${label} (${outcome.unit})`;
}

function factorAxis(factor: ExperimentReportFactor): string {
  const labels = factor.choiceLabels === null ? '' : ` [${factor.choiceLabels.map((l, i) => `${i} = ${l}`).join(', ')}]`;
  return (factor.unit === '' || factor.unit === '-' ? factor.name : `${factor.name} (${factor.unit})`) + labels;
}

/** A factor value for people: its label for a choice factor with labels, else the number. */
export function formatFactorValue(factor: ExperimentReportFactor, value: number): string {
  if (factor.choiceLabels !== null && Number.isInteger(value) && value >= 0 && value < factor.choiceLabels.length) return factor.choiceLabels[value];
  return formatNumber(value);
}

function rangeText(factor: ExperimentReportFactor, range: readonly [number, number]): string {
  return range[0] === range[1] ? formatFactorValue(factor, range[0]) : `${formatFactorValue(factor, range[0])} to ${formatFactorValue(factor, range[1])}`;
}

function factorOf(input: ExperimentReportInput, name: string): ExperimentReportFactor {
  const factor = input.factors.find((f) => f.name === name);
  if (factor === undefined) throw new Error(`experiment report: unknown factor ${name}`);
  return factor;
}

/**
 * Tornado chart of an outcome: per factor (largest swing on top) a bar from the mean over all
 * points to the mean where the factor is at its low end, and one to the mean at its high end; a
 * dashed line at the overall mean.
 */
export function tornadoChart(input: ExperimentReportInput, outcome: ExperimentReportOutcome, swings: readonly SwingRow[], centre: number): ChartSpec {
  const labels = swings.map((s) => s.factor);
  const tip = (s: SwingRow, end: 'low' | 'high'): string => {
    const factor = factorOf(input, s.factor);
    const range = end === 'low' ? s.lowRange : s.highRange;
    const mean = end === 'low' ? s.lowMean : s.highMean;
    const count = end === 'low' ? s.lowCount : s.highCount;
    return `${s.factor} ${rangeText(factor, range)} (${count} points): ${formatNumber(mean)} (${formatSigned(mean - centre)} from the mean)`;
  };
  const datasets: ChartJsDataset[] = [
    {
      label: 'Factor at its low end',
      data: swings.map((s) => [centre, s.lowMean]),
      backgroundColor: withAlpha(TORNADO_COLOURS.low, 0.8),
      borderColor: TORNADO_COLOURS.low,
      borderWidth: 1,
      borderSkipped: false,
      grouped: false,
      maxBarThickness: 22,
      zonesimTooltip: swings.map((s) => tip(s, 'low')),
    },
    {
      label: 'Factor at its high end',
      data: swings.map((s) => [centre, s.highMean]),
      backgroundColor: withAlpha(TORNADO_COLOURS.high, 0.8),
      borderColor: TORNADO_COLOURS.high,
      borderWidth: 1,
      borderSkipped: false,
      grouped: false,
      maxBarThickness: 22,
      zonesimTooltip: swings.map((s) => tip(s, 'high')),
    },
  ];
  const options = baseOptions(`${outcome.label}: main-effect swings`, 'Mean outcome with each factor at its low vs high end (lowest vs highest fifth or level)');
  (options.plugins as Record<string, unknown>).zonesimReferenceLine = { axis: 'x', value: centre, color: '#333333', lineWidth: 1, dash: [4, 3] };
  Object.assign(options, {
    indexAxis: 'y',
    scales: {
      x: linearAxis(outcomeAxis(outcome), { beginAtZero: false, ...paddedRange([centre, ...swings.flatMap((s) => [s.lowMean, s.highMean])], false) }),
      y: { type: 'category', ticks: { autoSkip: false } },
    },
  });
  return {
    id: `${slug(outcome.name)}-tornado`,
    kind: 'tornado',
    title: `${outcome.label}: tornado of main-effect swings`,
    description:
      `Tornado chart of ${outcomeAxis(outcome)}: for each factor, the mean over the design points where it is at its low end and at its high end, ` +
      `around the overall mean ${formatNumber(centre)}: ` +
      (swings.length === 0 ? 'no data.' : swings.map((s) => `${s.factor} ${formatNumber(s.lowMean)} → ${formatNumber(s.highMean)}`).join('; ') + '.'),
    width: EXPERIMENT_CHART_WIDTH,
    height: rowChartHeight(swings.length, 30, 150),
    config: { type: 'bar', data: { labels, datasets }, options },
  };
}

/**
 * Morris μ*–σ chart of an outcome: one point per factor (colour and marker from the palette, named
 * in the legend), with dashed reference lines σ/μ* = 0.1, 0.5 and 1 (Garcia Sanchez et al. 2014:
 * below 0.1 almost linear, above 1 strongly non-linear or interacting).
 */
export function morrisMuSigmaChart(outcome: ExperimentReportOutcome, rows: readonly MorrisRow[]): ChartSpec {
  const maxMu = Math.max(0, ...rows.map((r) => r.muStar));
  const maxSigma = Math.max(0, ...rows.map((r) => r.sigma));
  const reach = Math.max(maxMu, maxSigma) * 1.05 || 1;
  const datasets: ChartJsDataset[] = rows.map((r, i) => {
    const colour = SCENARIO_COLOURS[i % SCENARIO_COLOURS.length];
    return {
      type: 'scatter',
      label: r.factor,
      data: [{ x: r.muStar, y: r.sigma }],
      backgroundColor: withAlpha(colour, 0.75),
      borderColor: colour,
      borderWidth: 1.5,
      pointRadius: 6,
      pointHoverRadius: 7,
      pointStyle: POINT_STYLES[Math.floor(i / SCENARIO_COLOURS.length) % POINT_STYLES.length],
      zonesimTooltip: [`${r.factor}: μ* ${formatNumber(r.muStar)} ${formatInterval(r.muStarLower, r.muStarUpper)}, σ ${formatNumber(r.sigma)}, μ ${formatNumber(r.mu)}`],
    };
  });
  for (const ratio of [0.1, 0.5, 1]) {
    const x = Math.min(reach, reach / ratio);
    datasets.push({
      type: 'line',
      label: `σ/μ* = ${ratio}`,
      data: [
        { x: 0, y: 0 },
        { x, y: x * ratio },
      ],
      borderColor: '#999999',
      borderWidth: 1,
      borderDash: [4, 3],
      pointRadius: 0,
      pointHitRadius: 0,
      fill: false,
      zonesimHideInLegend: true,
      zonesimHideInTooltip: true,
    });
  }
  const options = baseOptions(`${outcome.label}: Morris μ* and σ`, 'One point per factor; dashed: σ/μ* = 0.1, 0.5, 1 (above: non-linear or interacting)');
  (options.plugins as Record<string, unknown>).legend = { display: true, position: 'bottom', labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8 } };
  Object.assign(options, {
    scales: {
      x: linearAxis(`μ* (mean |elementary effect| per full range, ${outcome.unit || 'units'})`, { min: 0, suggestedMax: maxMu * 1.05 || 1 }),
      y: linearAxis(`σ (${outcome.unit || 'units'})`, { min: 0, suggestedMax: maxSigma * 1.05 || 1 }),
    },
  });
  return {
    id: `${slug(outcome.name)}-morris`,
    kind: 'morris-mu-sigma',
    title: `${outcome.label}: Morris μ*–σ`,
    description:
      `Scatter of the Morris measures of ${outcomeAxis(outcome)}: μ* (overall influence) against σ (interactions and non-linearity), one point per factor: ` +
      rows.map((r) => `${r.factor} μ* ${formatNumber(r.muStar)}, σ ${formatNumber(r.sigma)}`).join('; ') + '.',
    width: 760,
    height: 440 + 22 * Math.ceil(rows.length / 3),
    config: { type: 'scatter', data: { datasets }, options },
  };
}

/** Morris μ* of every factor as horizontal bars (largest first) with their 95% bootstrap intervals. */
export function morrisMuStarChart(outcome: ExperimentReportOutcome, rows: readonly MorrisRow[]): ChartSpec {
  const sorted = [...rows].sort((a, b) => b.muStar - a.muStar);
  const options = baseOptions(`${outcome.label}: Morris μ*`, 'Mean |elementary effect| per full factor range; whiskers: 95% bootstrap interval (trajectories resampled)');
  (options.plugins as Record<string, unknown>).legend = { display: false };
  Object.assign(options, {
    indexAxis: 'y',
    scales: {
      x: linearAxis(`μ* (${outcome.unit || 'units'})`, paddedRange(sorted.flatMap((r) => [r.muStar, r.muStarLower, r.muStarUpper]), true)),
      y: { type: 'category', ticks: { autoSkip: false } },
    },
  });
  return {
    id: `${slug(outcome.name)}-mu-star`,
    kind: 'morris-mu-star',
    title: `${outcome.label}: Morris μ* with intervals`,
    description:
      `Horizontal bars of the Morris μ* of ${outcomeAxis(outcome)} per factor with 95% bootstrap intervals: ` +
      sorted.map((r) => `${r.factor} ${formatNumber(r.muStar)} ${formatInterval(r.muStarLower, r.muStarUpper)}`).join('; ') + '.',
    width: EXPERIMENT_CHART_WIDTH,
    height: rowChartHeight(sorted.length, 28, 130),
    config: {
      type: 'bar',
      data: {
        labels: sorted.map((r) => r.factor),
        datasets: [
          {
            label: 'μ*',
            data: sorted.map((r) => r.muStar),
            backgroundColor: withAlpha(DIRECTION_COLOURS.increase, 0.6),
            borderColor: DIRECTION_COLOURS.increase,
            borderWidth: 1,
            maxBarThickness: 22,
            errorBars: sorted.map((r) => [r.muStarLower, r.muStarUpper]),
            zonesimTooltip: sorted.map((r) => `${r.factor}: μ* ${formatNumber(r.muStar)} ${formatInterval(r.muStarLower, r.muStarUpper)}; σ ${formatNumber(r.sigma)}; μ ${formatNumber(r.mu)}`),
          },
        ],
      },
      options,
    },
  };
}

/**
 * Sobol' indices of an outcome: per factor (largest total index on top) a bar of the first-order
 * index S1 and one of the total index ST, each with its 95% bootstrap interval.
 */
export function sobolIndicesChart(outcome: ExperimentReportOutcome, rows: readonly SobolRow[]): ChartSpec {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  const dataset = (which: 'firstOrder' | 'total'): ChartJsDataset => {
    const colour = SOBOL_COLOURS[which];
    const name = which === 'firstOrder' ? 'First-order S1' : 'Total ST';
    return {
      label: name,
      data: sorted.map((r) => r[which]),
      backgroundColor: withAlpha(colour, 0.75),
      borderColor: colour,
      borderWidth: 1,
      maxBarThickness: 16,
      errorBars: sorted.map((r) => (which === 'firstOrder' ? [r.firstOrderLower, r.firstOrderUpper] : [r.totalLower, r.totalUpper])),
      zonesimTooltip: sorted.map((r) =>
        which === 'firstOrder'
          ? `${r.factor}: S1 ${formatNumber(r.firstOrder)} ${formatInterval(r.firstOrderLower, r.firstOrderUpper)}`
          : `${r.factor}: ST ${formatNumber(r.total)} ${formatInterval(r.totalLower, r.totalUpper)}`,
      ),
    };
  };
  const options = baseOptions(`${outcome.label}: Sobol\u2019 indices`, 'Share of the variance explained: alone (S1) and with interactions (ST); whiskers: 95% bootstrap interval');
  Object.assign(options, {
    indexAxis: 'y',
    scales: {
      x: linearAxis('Share of the variance of the outcome', paddedRange([0, 1, ...sorted.flatMap((r) => [r.firstOrderLower, r.totalUpper])], true)),
      y: { type: 'category', ticks: { autoSkip: false } },
    },
  });
  return {
    id: `${slug(outcome.name)}-sobol`,
    kind: 'sobol-indices',
    title: `${outcome.label}: Sobol\u2019 indices`,
    description:
      `Grouped horizontal bars of the first-order (S1) and total (ST) Sobol\u2019 indices of ${outcomeAxis(outcome)} per factor, with 95% bootstrap intervals: ` +
      sorted.map((r) => `${r.factor} S1 ${formatNumber(r.firstOrder)}, ST ${formatNumber(r.total)}`).join('; ') + '.',
    width: EXPERIMENT_CHART_WIDTH,
    height: rowChartHeight(sorted.length, 40, 150),
    config: { type: 'bar', data: { labels: sorted.map((r) => r.factor), datasets: [dataset('firstOrder'), dataset('total')] }, options },
  };
}

function boxText(input: ExperimentReportInput, box: PrimBoxSummary): string {
  if (box.restrictions.length === 0) return 'no restriction';
  return box.restrictions.map((r) => `${r.factor} ∈ [${formatFactorValue(factorOf(input, r.factor), r.lower)}, ${formatFactorValue(factorOf(input, r.factor), r.upper)}]`).join(', ');
}

/**
 * PRIM's peeling trajectory: coverage (x) against density (y) of every box from the whole data
 * (coverage 1, the base density) inwards, joined by a line, with the chosen box (after pasting)
 * marked.
 */
export function primTrajectoryChart(input: ExperimentReportInput): ChartSpec | null {
  const prim = input.prim;
  if (prim === null || prim.chosenBox === null) return null;
  const chosen = prim.chosenBox;
  const datasets: ChartJsDataset[] = [
    {
      type: 'scatter',
      label: 'Peeling trajectory',
      data: prim.trajectory.map((b) => ({ x: b.coverage, y: b.density })),
      showLine: true,
      borderColor: '#555555',
      backgroundColor: withAlpha('#555555', 0.5),
      borderWidth: 1,
      pointRadius: 3,
      zonesimTooltip: prim.trajectory.map(
        (b, i) => `box ${i}: coverage ${formatNumber(b.coverage)}, density ${formatNumber(b.density)}, ${b.points} points; ${boxText(input, b)}`,
      ),
    },
    {
      type: 'scatter',
      label: 'Chosen box',
      data: [{ x: chosen.coverage, y: chosen.density }],
      backgroundColor: HIGHLIGHT_COLOUR,
      borderColor: HIGHLIGHT_COLOUR,
      pointRadius: 7,
      pointStyle: 'rectRot',
      zonesimTooltip: [`chosen box: coverage ${formatNumber(chosen.coverage)}, density ${formatNumber(chosen.density)}, ${chosen.points} points; ${boxText(input, chosen)}`],
    },
  ];
  const options = baseOptions(`Scenario discovery (PRIM): ${prim.outcome}`, 'Each peel trades coverage (share of cases inside) for density (share of the box that are cases)');
  Object.assign(options, {
    scales: {
      x: linearAxis('Coverage', { min: 0, max: 1 }),
      y: linearAxis('Density', { min: 0, max: 1 }),
    },
  });
  return {
    id: 'prim-trajectory',
    kind: 'prim-trajectory',
    title: 'PRIM peeling trajectory',
    description:
      `Scatter of the ${prim.trajectory.length} boxes of PRIM's peeling trajectory for ${prim.outcome} ${prim.direction} ${formatNumber(prim.threshold)}: ` +
      `coverage against density, from the whole data (coverage 1, density ${formatNumber(prim.baseDensity)}); chosen box coverage ` +
      `${formatNumber(chosen.coverage)}, density ${formatNumber(chosen.density)}: ${boxText(input, chosen)}.`,
    width: EXPERIMENT_CHART_WIDTH,
    height: 420,
    config: { type: 'scatter', data: { datasets }, options },
  };
}

/**
 * The chosen PRIM box: per factor, a bar over the part of its design range that the box keeps
 * (0 = the lowest value in the design, 1 = the highest); restricted factors coloured.
 */
export function primBoxChart(input: ExperimentReportInput): ChartSpec | null {
  const prim = input.prim;
  if (prim === null || prim.chosenBox === null) return null;
  const box = prim.chosenBox;
  const rows = input.factors.map((factor) => {
    const [min, max] = factor.designRange;
    const restriction = box.restrictions.find((r) => r.factor === factor.name);
    const lower = restriction?.lower ?? min;
    const upper = restriction?.upper ?? max;
    const scale = (v: number): number => (max > min ? (v - min) / (max - min) : 0.5);
    return { factor, restricted: restriction !== undefined, span: [scale(lower), scale(upper)] as [number, number], lower, upper, min, max };
  });
  const colour = (restricted: boolean): string => (restricted ? HIGHLIGHT_COLOUR : '#BBBBBB');
  const options = baseOptions(
    `PRIM box: coverage ${formatNumber(box.coverage)}, density ${formatNumber(box.density)}`,
    `Where ${prim.outcome} ${prim.direction} ${formatNumber(prim.threshold)} concentrates; coloured: restricted factors`,
  );
  (options.plugins as Record<string, unknown>).legend = { display: false };
  Object.assign(options, {
    indexAxis: 'y',
    scales: {
      x: linearAxis('Part of the factor’s design range kept by the box (0 = lowest, 1 = highest)', { min: 0, max: 1 }),
      y: { type: 'category', ticks: { autoSkip: false } },
    },
  });
  return {
    id: 'prim-box',
    kind: 'prim-box',
    title: 'PRIM chosen box',
    description:
      `Horizontal bars showing, for each factor, the part of its design range kept by the chosen PRIM box (coverage ${formatNumber(box.coverage)}, ` +
      `density ${formatNumber(box.density)}): ${boxText(input, box)}.`,
    width: EXPERIMENT_CHART_WIDTH,
    height: rowChartHeight(rows.length, 28, 130),
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.factor.name),
        datasets: [
          {
            label: 'Kept range',
            data: rows.map((r) => r.span),
            backgroundColor: rows.map((r) => withAlpha(colour(r.restricted), 0.75)),
            borderColor: rows.map((r) => colour(r.restricted)),
            borderWidth: 1,
            borderSkipped: false,
            maxBarThickness: 20,
            zonesimTooltip: rows.map(
              (r) =>
                `${r.factor.name}: ${formatFactorValue(r.factor, r.lower)} to ${formatFactorValue(r.factor, r.upper)}` +
                (r.restricted ? ` (design range ${formatFactorValue(r.factor, r.min)} to ${formatFactorValue(r.factor, r.max)})` : ' (not restricted)'),
            ),
          },
        ],
      },
      options,
    },
  };
}

/**
 * Scatter of an outcome (mean over replications per design point) against one factor. When the
 * outcome is the scenario-discovery outcome, cases of interest are drawn in vermillion.
 */
export function outcomeScatterChart(input: ExperimentReportInput, outcomeIndex: number, factorIndex: number): ChartSpec {
  const outcome = input.outcomes[outcomeIndex];
  const factor = input.factors[factorIndex];
  const xs = input.scatter.factorValues[factorIndex];
  const ys = input.scatter.outcomeMeans[outcomeIndex];
  const prim = input.prim;
  const flag = (y: number): boolean => {
    if (prim === null || prim.outcome !== outcome.name) return false;
    switch (prim.direction) {
      case 'below':
        return y < prim.threshold;
      case 'atOrBelow':
        return y <= prim.threshold;
      case 'above':
        return y > prim.threshold;
      case 'atOrAbove':
        return y >= prim.threshold;
    }
  };
  const groups: { label: string; colour: string; points: { x: number; y: number }[]; tips: string[] }[] = [
    { label: 'Design point', colour: '#0072B2', points: [], tips: [] },
    { label: `Case of interest (${prim?.direction ?? ''} ${prim === null ? '' : formatNumber(prim.threshold)})`, colour: HIGHLIGHT_COLOUR, points: [], tips: [] },
  ];
  input.scatter.points.forEach((point, i) => {
    const y = ys[i];
    if (y === null) return;
    const group = groups[flag(y) ? 1 : 0];
    group.points.push({ x: xs[i], y });
    group.tips.push(`point ${point}: ${factor.name} ${formatFactorValue(factor, xs[i])}, ${outcome.name} ${formatNumber(y)}`);
  });
  const datasets: ChartJsDataset[] = groups
    .filter((g, i) => i === 0 || g.points.length > 0)
    .map((g) => ({
      label: g.label,
      data: g.points,
      backgroundColor: withAlpha(g.colour, 0.45),
      borderColor: withAlpha(g.colour, 0.8),
      borderWidth: 0.5,
      pointRadius: 2.5,
      pointHoverRadius: 4,
      zonesimTooltip: g.tips,
    }));
  const options = baseOptions(`${outcome.label} vs ${factor.name}`, `${input.scatter.points.length} design points (mean over replications)`);
  (options.plugins as Record<string, unknown>).legend = { display: datasets.length > 1, position: 'bottom', labels: { boxWidth: 10 } };
  Object.assign(options, {
    scales: {
      x: linearAxis(factorAxis(factor), factor.choiceLabels === null ? {} : { ticks: { stepSize: 1 } }),
      y: linearAxis(outcomeAxis(outcome)),
    },
  });
  return {
    id: `${slug(outcome.name)}-vs-${slug(factor.name)}`,
    kind: 'outcome-scatter',
    title: `${outcome.label} vs ${factor.name}`,
    description: `Scatter of ${outcomeAxis(outcome)} (mean over replications) against ${factorAxis(factor)} at ${input.scatter.points.length} design points.`,
    width: SCATTER_CHART_WIDTH,
    height: SCATTER_CHART_HEIGHT,
    config: { type: 'scatter', data: { datasets }, options },
  };
}

/** The charts of one outcome's section. */
export interface ExperimentOutcomeCharts {
  readonly outcome: ExperimentReportOutcome;
  /** Null when fewer than 2 points have a defined value. */
  readonly tornado: ChartSpec | null;
  readonly morrisMuSigma: ChartSpec | null;
  readonly morrisMuStar: ChartSpec | null;
  readonly sobol: ChartSpec | null;
  /** One per factor. */
  readonly scatter: readonly ChartSpec[];
}

/** Every chart of an experiment report, grouped as the page shows them. */
export interface ExperimentCharts {
  readonly outcomes: readonly ExperimentOutcomeCharts[];
  readonly primTrajectory: ChartSpec | null;
  readonly primBox: ChartSpec | null;
}

/**
 * Build every chart of an experiment report. Ids are made unique (a numeric suffix on a clash,
 * which only happens when two names differ only in characters file names cannot hold).
 *
 * @example allExperimentCharts(buildExperimentCharts(input)).map((c) => c.id)
 */
export function buildExperimentCharts(input: ExperimentReportInput): ExperimentCharts {
  const unique = uniqueChartIds();
  const outcomes = input.outcomes.map((outcome, o): ExperimentOutcomeCharts => {
    const result = input.results[o];
    return {
      outcome,
      tornado: unique(result.swings.length > 0 && result.mean !== null ? tornadoChart(input, outcome, result.swings, result.mean) : null),
      morrisMuSigma: unique(result.morris === null ? null : morrisMuSigmaChart(outcome, result.morris)),
      morrisMuStar: unique(result.morris === null ? null : morrisMuStarChart(outcome, result.morris)),
      sobol: unique(result.sobol === null ? null : sobolIndicesChart(outcome, result.sobol)),
      scatter: input.factors.map((_, j) => unique(outcomeScatterChart(input, o, j))),
    };
  });
  return { outcomes, primTrajectory: unique(primTrajectoryChart(input)), primBox: unique(primBoxChart(input)) };
}

/** All charts in page order. */
export function allExperimentCharts(charts: ExperimentCharts): ChartSpec[] {
  const out: ChartSpec[] = [];
  for (const c of charts.outcomes) {
    for (const spec of [c.tornado, c.morrisMuSigma, c.morrisMuStar, c.sobol]) if (spec !== null) out.push(spec);
  }
  if (charts.primTrajectory !== null) out.push(charts.primTrajectory);
  if (charts.primBox !== null) out.push(charts.primBox);
  for (const c of charts.outcomes) out.push(...c.scatter);
  return out;
}
