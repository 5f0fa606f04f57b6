/**
 * A finished calibration's result in Markdown, from its summary.json (writeCalibrationOutputs.ts) and
 * the calibrated scenario run against the figures (targetComparisonTable.ts): the run, the generations,
 * the parameters (what the data pin down), the fit of the fitted rows, the out-of-sample errors of the
 * held-out rows, the rows only reported, and the predictions after the fitted years. Used for the Henan
 * section of docs/calibration.md (scripts/writeCalibrationResult.ts). Pure module.
 */
import { scaledDiscrepancy } from './targetDistance.ts';
import type { TargetComparisonRow } from './targetComparisonTable.ts';
import { formatFigure } from './targetComparisonTable.ts';
import type { CalibrationSummary } from './writeCalibrationOutputs.ts';

/** summary.json as read back (non-finite numbers are null there). */
export type StoredCalibrationSummary = CalibrationSummary;

function number(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumSignificantDigits: digits });
}

function signed(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = value.toFixed(2);
  return value > 0 ? `+${text}` : text === '-0.00' ? '0.00' : text;
}

function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatFigure(value);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function errorText(scale: string, error: number | null): string {
  if (error === null || !Number.isFinite(error)) return '—';
  return scale === 'log' ? `${signed(error)} log pts` : scale === 'relative' ? `${signed(100 * error)} %` : signed(error);
}

/**
 * The result's Markdown.
 *
 * @param summary the calibration's summary.json.
 * @param calibrated the calibrated scenario against every target (compareTargets), in target order.
 * @param replications how many runs `calibrated` averages.
 * @example renderCalibrationResult(summary, compareTargets(model, values, 8, 2009), 8)
 */
export function renderCalibrationResult(summary: StoredCalibrationSummary, calibrated: readonly TargetComparisonRow[], replications: number): string {
  const method = summary.method;
  const tolerance = summary.posteriorTolerance === null ? '∞' : number(summary.posteriorTolerance);
  const lines: string[] = [];
  lines.push(
    `**Run.** ABC-SMC with N = ${method.populationSize} particles, kernel scale ${method.kernelScale}, at most ${method.maxGenerations} generations and ` +
      `${method.maxSimulations.toLocaleString('en-US')} model runs, seed ${method.seed}. It used ${summary.simulationsUsed.toLocaleString('en-US')} model runs ` +
      `(${summary.candidatesEvaluated.toLocaleString('en-US')} candidates evaluated, those beyond a generation's 300th acceptance included)` +
      `${summary.stop === null ? '' : ` and stopped: ${summary.stop.message}`}. The posterior is generation ${summary.posteriorGeneration} at tolerance ${tolerance} ` +
      `(the root mean square of the fitted targets' errors in tolerances), with an effective sample size of ${number(summary.effectiveSampleSize)} of ${summary.particles}.`,
    '',
    table(
      ['generation', 'tolerance', 'candidates', 'acceptance rate', 'effective sample size'],
      summary.generations.map((g) => [String(g.generation), g.tolerance === null ? '∞' : number(g.tolerance), g.candidates.toLocaleString('en-US'), number(g.acceptanceRate, 2), number(g.effectiveSampleSize)]),
    ),
    '',
    `**Parameters.** Posterior mean, 90 % interval, and the posterior sd over the prior sd (identified at ≤ 0.8); the last column is the value in \`${summary.calibratedScenario}\` (the posterior mean).`,
    '',
    table(
      ['parameter', 'prior', 'posterior mean', '90 % interval', 'sd / prior sd', 'identified', 'calibrated value'],
      summary.parameters.map((p) => [
        `\`${p.name}\``,
        p.prior,
        number(p.mean),
        `[${number(p.lower)}, ${number(p.upper)}]`,
        number(p.spreadRatio, 2),
        p.identified ? 'yes' : '**no**',
        String(p.estimate === null ? '—' : typeof p.estimate === 'number' ? number(p.estimate, 4) : p.estimate),
      ]),
    ),
  );
  const rows = (role: (t: CalibrationSummary['targets'][number]) => boolean): string[][] =>
    summary.targets.flatMap((t, i) => {
      if (!role(t)) return [];
      const run = calibrated[i];
      const z = run.mean === null ? null : scaledDiscrepancy(run.mean, t);
      return [
        [
          t.name,
          `${figure(t.figure)}${t.kind === 'lowerBound' ? ' (lower bound)' : t.kind === 'upperBound' ? ' (upper bound)' : ''}`,
          `${figure(t.median)} [${figure(t.lower)}, ${figure(t.upper)}]`,
          errorText(t.scale, t.error),
          signed(t.z),
          t.figureInInterval ? 'yes' : 'no',
          run.mean === null ? 'undefined' : `${figure(run.mean)} (${signed(z)})`,
        ],
      ];
    });
  const header = ['target', 'figure', 'posterior median [90 %]', 'error of the median', 'in tolerances', 'figure in the 90 % interval', `${summary.calibratedScenario}: mean of ${replications} runs (in tolerances)`];
  lines.push(
    '',
    `**Fit (the fitted rows).** The posterior's simulations at each figure's date (the accepted runs: weighted quantiles of the particles' statistics), the error of their median on the target's scale and in tolerances (a satisfied bound is 0), and the calibrated scenario run ${replications} times with the runner's seeds (base seed 2009).`,
    '',
    table(header, rows((t) => t.fitted)),
    '',
    '**Out of sample: 2013, held out.** Computed for every particle, never fitted.',
    '',
    table(header, rows((t) => t.holdOut)),
    '',
    '**Reported only (weight 0).** Rows the model can compare only loosely (docs/henan.md).',
    '',
    table(header, rows((t) => !t.fitted && !t.holdOut)),
  );
  const reporters = summary.predictions.reporters;
  const lastFitted = Math.max(...summary.predictions.targets.filter((_, i) => summary.targets[i].fitted).map((t) => t.figureX));
  const years = [...new Set(reporters.flatMap((r) => r.points.map((p) => p.x)))].filter((x) => x > lastFitted + 1).sort((a, b) => a - b);
  lines.push(
    '',
    `**Predictions, ${years[0] ?? '—'}–${years.at(-1) ?? '—'}.** Posterior-predictive median [90 % band] at the end of each year (${summary.predictions.draws} draws: the particles continued with their own seeds).`,
    '',
    table(
      ['end of year', ...reporters.map((r) => `\`${r.reporter}\``)],
      years.map((x) => [
        String(x),
        ...reporters.map((r) => {
          const p = r.points.find((q) => q.x === x);
          return p === undefined ? '—' : `${figure(p.quantiles[2])} [${figure(p.quantiles[0])}, ${figure(p.quantiles[4])}]`;
        }),
      ]),
    ),
  );
  return `${lines.join('\n')}\n`;
}
