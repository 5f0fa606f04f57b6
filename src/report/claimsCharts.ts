/**
 * The claims section's charts as chart.js configurations (plain JSON, drawn by the report page and
 * in Node for the image files, like src/report/chartConfigs.ts): per claim, the trajectory of the
 * paired contrast of its primary outcomes with the 95 % band, and a forest plot of every outcome in
 * every window, both in % of the reference mean so that outcomes of different units share an axis.
 * Pure module.
 */
import type { ClaimVerdict } from '../claims/claimVerdict.ts';
import type { ClaimResult, OutcomeResult } from '../claims/evaluateClaims.ts';
import { baseOptions, forestIntervalDatasets, linearAxis, paddedRange, rowChartHeight, valueAxisExtra, yearAxisRange, type ChartJsDataset, type ChartSpec } from './chartConfigs.ts';
import { formatNumber, formatSigned, slug } from './formatting.ts';
import { axisUnitText, formatInUnit } from './formatMoney.ts';
import { SCENARIO_COLOURS, withAlpha } from './palette.ts';

/** Colours of the verdicts: neutral hues, none of them reads as good or bad. */
export const VERDICT_COLOURS: Readonly<Record<ClaimVerdict, string>> = {
  supported: '#0072B2',
  contradicted: '#CC79A7',
  'no effect that matters': '#009E73',
  unsettled: '#888888',
  'no difference': '#BBBBBB',
};

/** Width of the claims charts (two fit side by side on a 1280 px page). */
export const CLAIM_CHART_WIDTH = 600;

/** A percentage for text, e.g. `+4.2 %`. */
export function formatPercent(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '—' : `${formatSigned(share * 100)} %`;
}

/** Show a chart's subtitle as the given lines (chart.js draws an array of strings line by line). */
function setSubtitleLines(options: Record<string, unknown>, lines: readonly string[]): void {
  const plugins = options.plugins as Record<string, unknown>;
  plugins.subtitle = { display: true, text: [...lines], padding: { bottom: 6 } };
}

/** The outcomes a claim's trajectory chart shows: its primary ones, else its first. */
export function trajectoryOutcomes(result: ClaimResult): OutcomeResult[] {
  const primary = result.outcomes.filter((o) => o.primary);
  return primary.length > 0 ? primary : result.outcomes.slice(0, 1);
}

/**
 * Trajectory of a claim: per primary outcome, the mean contrast over replications at each recorded
 * instant in % of the reference mean (or, when a reference mean is 0, the first primary outcome in its
 * own unit), with its 95 % band (two hidden-edge datasets, as the report's
 * time series), and a dashed zero line.
 *
 * @example claimTrajectoryChart(result).id // 'claim-concentration-teaching-trajectory'
 */
export function claimTrajectoryChart(result: ClaimResult): ChartSpec {
  const shown = trajectoryOutcomes(result);
  // In % of the reference mean when every shown outcome has one at most instants; otherwise the first
  // outcome alone in its own unit (e.g. the zones' share of firms against a reference without zones).
  const hasRelative = (o: OutcomeResult): boolean => o.trajectory.filter((p) => p.relative !== null).length * 2 >= o.trajectory.length && o.trajectory.length > 0;
  const relative = shown.every(hasRelative);
  const outcomes = relative ? shown : shown.slice(0, 1);
  const unit = relative ? '% of reference mean' : outcomes[0]?.unit || 'units';
  const scale = (v: number | null, absolute: number): number | null => (relative ? (v === null ? null : v * 100) : absolute);
  const years = [...new Set(outcomes.flatMap((o) => o.trajectory.map((p) => p.year)))].sort((a, b) => a - b);
  const column = new Map(years.map((y, i) => [y, i]));
  const datasets: ChartJsDataset[] = [];
  outcomes.forEach((o, k) => {
    const colour = SCENARIO_COLOURS[k % SCENARIO_COLOURS.length];
    const aligned = (value: (p: OutcomeResult['trajectory'][number]) => number | null): (number | null)[] => {
      const out: (number | null)[] = years.map(() => null);
      for (const p of o.trajectory) out[column.get(p.year) ?? 0] = value(p);
      return out;
    };
    const lowerIndex = datasets.length;
    const edge = { borderColor: 'rgba(0, 0, 0, 0)', borderWidth: 0, pointRadius: 0, pointHitRadius: 0, zonesimHideInLegend: true, zonesimHideInTooltip: true };
    datasets.push({ label: `${o.outcome.reporter} 95% CI lower`, data: aligned((p) => scale(p.relativeLower, p.lower)), backgroundColor: 'rgba(0, 0, 0, 0)', fill: false, ...edge });
    datasets.push({ label: `${o.outcome.reporter} 95% CI upper`, data: aligned((p) => scale(p.relativeUpper, p.upper)), backgroundColor: withAlpha(colour, 0.18), fill: { target: lowerIndex }, ...edge });
    datasets.push({
      label: `${o.label} (${o.outcome.reporter})`,
      data: aligned((p) => scale(p.relative, p.meanDifference)),
      borderColor: colour,
      backgroundColor: withAlpha(colour, 0.18),
      borderWidth: 2,
      pointRadius: 2,
      fill: false,
      tension: 0,
      zonesimBand: [lowerIndex, lowerIndex + 1],
    });
  });
  const options = baseOptions(result.claim.title, null);
  // Two subtitle lines: the contrast (often long) and what is drawn.
  setSubtitleLines(options, [result.contrastText, `Paired contrast${relative ? ' in % of the reference mean' : ` (${unit})`}: mean and 95% band over replications`]);
  (options.plugins as Record<string, unknown>).zonesimReferenceLine = { axis: 'y', value: 0, color: '#333333', lineWidth: 1, dash: [4, 3] };
  const values = datasets.flatMap((d) => d.data.filter((v): v is number => typeof v === 'number'));
  Object.assign(options, {
    interaction: { mode: 'index', intersect: false },
    scales: { x: linearAxis('Year (state on 1 January)', yearAxisRange(years)), y: { ...linearAxis(`Contrast (${relative ? unit : axisUnitText(unit)})`, paddedRange(values, true)), ...(relative ? {} : valueAxisExtra(unit)) } },
  });
  return {
    id: `claim-${slug(result.claim.id)}-trajectory`,
    kind: 'time-series',
    title: `${result.claim.title}: trajectory of ${result.contrastText}`,
    description:
      `Line chart of the paired contrast ${result.contrastText} (${unit}) against year for ` +
      outcomes.map((o) => `${o.outcome.reporter} (end ${relative ? formatPercent(o.windows[0].evidence.relative) : formatInUnit(o.windows[0].evidence.meanDifference, o.unit, formatSigned, true)})`).join(', ') +
      ', each with its 95% band; dashed line at 0.',
    width: CLAIM_CHART_WIDTH,
    height: 340,
    config: { type: 'line', data: { labels: years, datasets }, options },
  };
}

/** A row of a claim's forest plot. */
interface ClaimForestRow {
  readonly label: string;
  readonly verdict: ClaimVerdict;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly tooltip: string;
}

/** The forest rows of a claim: every outcome (ranked) in every window, in % of the reference mean. */
export function claimForestRows(result: ClaimResult): ClaimForestRow[] {
  const rows: ClaimForestRow[] = [];
  for (const o of result.outcomes) {
    for (const w of o.windows) {
      const e = w.evidence;
      if (e.relative === null || e.relativeLower === null || e.relativeUpper === null) continue;
      rows.push({
        label: `${o.primary ? '★ ' : ''}${o.outcome.reporter} · ${w.window === 'end' ? 'end' : w.window}`,
        verdict: e.verdict,
        estimate: e.relative * 100,
        lower: e.relativeLower * 100,
        upper: e.relativeUpper * 100,
        tooltip: `${o.label}, ${w.label}: ${formatInUnit(e.meanDifference, o.unit, formatSigned, true)} (${formatPercent(e.relative)}); claimed ${o.outcome.direction}; ${e.verdict} (n=${e.n})`,
      });
    }
  }
  return rows;
}

/**
 * Forest plot of a claim: a row per outcome and window with the mean contrast and its 95 % interval
 * in % of the reference mean, coloured by verdict, with a dashed zero line. Primary outcomes are
 * starred and come first.
 *
 * @example claimForestChart(result).kind // 'paired-differences'
 */
export function claimForestChart(result: ClaimResult): ChartSpec {
  const rows = claimForestRows(result);
  // One class per verdict present; unsettled estimates hollow, as in the comparison's forest plots.
  const datasets = forestIntervalDatasets(
    rows,
    (Object.keys(VERDICT_COLOURS) as ClaimVerdict[]).map((verdict) => ({
      legend: verdict,
      colour: VERDICT_COLOURS[verdict],
      hollow: verdict === 'unsettled',
      member: (r: (typeof rows)[number]) => r.verdict === verdict,
    })),
  );
  const options = baseOptions(`${result.claim.title}: every outcome`, null);
  setSubtitleLines(options, [result.contrastText, 'Mean and 95% CI in % of the reference mean (★ primary; outcomes with a reference mean of 0 are in the table only)']);
  (options.plugins as Record<string, unknown>).zonesimReferenceLine = { axis: 'x', value: 0, color: '#333333', lineWidth: 1, dash: [4, 3] };
  Object.assign(options, {
    indexAxis: 'y',
    scales: {
      x: linearAxis('% of the reference mean', paddedRange(rows.flatMap((r) => [r.lower, r.upper, r.estimate]), true)),
      y: { type: 'category', labels: rows.map((r) => r.label), ticks: { autoSkip: false }, offset: true },
    },
  });
  return {
    id: `claim-${slug(result.claim.id)}-forest`,
    kind: 'paired-differences',
    title: `${result.claim.title}: every outcome`,
    description:
      `Forest plot of ${result.contrastText} in % of the reference mean: ` +
      (rows.length === 0 ? 'no outcome with a non-zero reference mean.' : rows.map((r) => `${r.label} ${formatNumber(r.estimate)} % (${r.verdict})`).join('; ') + '.'),
    width: CLAIM_CHART_WIDTH,
    height: rowChartHeight(rows.length, 22, 150),
    config: { type: 'bar', data: { labels: rows.map((r) => r.label), datasets }, options },
  };
}
