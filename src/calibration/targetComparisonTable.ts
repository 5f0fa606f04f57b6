/**
 * The model against the published figures, as a Markdown table: for every target of a calibration
 * file, the model's mean over replications with its 95 % interval, the figure, their ratio, which record
 * of the model is compared, and whether the target is fitted, held out or only reported. Used for
 * docs/henan.md (scripts/writeTargetComparison.ts) with the scenario's own parameter values, and later
 * for a calibrated scenario. Pure module.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { replicationSeed } from '../model/randomStreams.ts';
import { meanConfidenceInterval } from '../statistics/meanConfidenceInterval.ts';
import type { CalibrationTarget, MeasurementTime, TargetStatistic } from './calibrationDefinition.ts';
import { simulateTargetStatistics, type CalibrationModel } from './evaluateCalibrationCandidate.ts';

/** One target's comparison. */
export interface TargetComparisonRow {
  readonly target: CalibrationTarget;
  /** The statistic in each replication (NaN = undefined). */
  readonly values: readonly number[];
  /** Mean and 95 % t-interval over the replications where it is defined (null when none is). */
  readonly mean: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** mean / figure (null when the figure is 0 or the mean undefined). */
  readonly ratio: number | null;
}

/**
 * The scenario's own values of the calibration's free parameters (so the table shows the scenario as
 * it is, not a draw from the priors).
 *
 * @example scenarioValues(model) // [0.5, 0.02, …]
 */
export function scenarioValues(model: CalibrationModel): FactorValue[] {
  return model.parameterPaths.map((dotted) => {
    let node: unknown = model.baseInput.parameters;
    for (const key of dotted.split('.')) node = (node as Record<string, unknown>)[key];
    return node as FactorValue;
  });
}

/**
 * Run `replications` replications (seeds replicationSeed(baseSeed, r), the runner's seeds) and compare
 * every target's statistic with its figure.
 *
 * @example compareTargets(createCalibrationModel(loaded), scenarioValues(model), 8, 2009)
 */
export function compareTargets(model: CalibrationModel, values: readonly FactorValue[], replications: number, baseSeed: number): TargetComparisonRow[] {
  const runs = Array.from({ length: replications }, (_, r) => simulateTargetStatistics(model, values, replicationSeed(baseSeed, r)));
  return model.targets.map((target, i) => {
    const all = runs.map((run) => run[i]);
    const defined = all.filter((v) => Number.isFinite(v));
    if (defined.length === 0) return { target, values: all, mean: null, lower: null, upper: null, ratio: null };
    const interval = meanConfidenceInterval(defined);
    const mean = interval.mean;
    const lower = defined.length > 1 ? interval.lower : mean;
    const upper = defined.length > 1 ? interval.upper : mean;
    return { target, values: all, mean, lower, upper, ratio: target.figure !== 0 ? mean / target.figure : null };
  });
}

/** A number for the table: three significant digits, thousands separated; shares as given. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

function describeTime(time: MeasurementTime): string {
  const instant = (d: { end: number } | { year: number }): string => ('end' in d ? `end ${d.end}` : `start ${d.year}`);
  if (time.kind === 'at') return instant(time.date);
  return `${time.kind} ${instant(time.from)} → ${instant(time.to)}`;
}

/** Where and when the model is read, in words (reporter, aggregate, record). */
export function describeStatistic(statistic: TargetStatistic): string {
  if (statistic.type === 'reporter') {
    let where = '';
    if (statistic.selection?.kind === 'aggregate') {
      where = statistic.selection.threshold === null ? ` (${statistic.selection.aggregate} over zones)` : ` (${statistic.selection.aggregate} ${statistic.selection.threshold})`;
    } else if (statistic.selection?.kind === 'unit') {
      where = ` (#${statistic.selection.index})`;
    }
    return `\`${statistic.reporter}\`${where}, ${describeTime(statistic.time)}`;
  }
  const [a, b] = statistic.operands;
  return `${statistic.type} of ${describeStatistic(a)} and ${describeStatistic(b)}`;
}

/** How a target enters the fit. */
export function targetRole(target: CalibrationTarget): string {
  if (target.holdOut) return 'held out (2013)';
  if (target.weight === 0) return 'reported only';
  return target.kind === 'point' ? 'fitted' : `fitted (${target.kind === 'lowerBound' ? 'lower bound' : 'upper bound'})`;
}

/**
 * The comparison as a Markdown table: target, model mean [95 % interval], figure, ratio, model
 * statistic, role, and the figure's source row.
 *
 * @example renderTargetComparisonTable(rows).split('\n')[0]
 */
export function renderTargetComparisonTable(rows: readonly TargetComparisonRow[]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const lines = [
    '| target | model mean [95 % interval] | figure | model / figure | model statistic | role | source row |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const t = row.target;
    const model = row.mean === null ? 'undefined' : `${formatFigure(row.mean)} [${formatFigure(row.lower!)}, ${formatFigure(row.upper!)}]`;
    const contrast = t.contrast === null ? '' : ` (${t.contrast} against the reference)`;
    lines.push(
      `| ${[
        t.name,
        model,
        formatFigure(t.figure),
        row.ratio === null ? '—' : row.ratio.toFixed(2),
        describeStatistic(t.statistic) + contrast,
        targetRole(t),
        t.source ?? '',
      ].map(cell).join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
