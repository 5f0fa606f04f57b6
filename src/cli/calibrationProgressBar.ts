/**
 * The progress line of `zonesim calibrate` on stderr: the generation, its tolerance, the acceptance
 * rate so far, the model runs used of the budget, and the current round's tasks with an ETA. On a
 * terminal it redraws one line; otherwise (CI, a pipe, a log file) it prints one plain line per round
 * and per 25 % of a long round; with `quiet` nothing.
 */
import type { CalibrationProgress } from '../calibration/runCalibrationFile.ts';
import { formatNumber } from '../report/formatting.ts';
import { createRemainingTimeEstimator, formatEta, type RemainingTimeEstimator } from './remainingTimeEstimate.ts';

/** The calibration progress line. */
export interface CalibrationProgressBar {
  /** A round starts. */
  round(progress: CalibrationProgress): void;
  /** `done` of the round's tasks to run are stored. */
  update(done: number): void;
  /** Clear the line (terminal) before other output. */
  finish(): void;
}

/**
 * The round's position in words: `generation 3/8 · ε 2.41 · acceptance 23% · 8,412/24,000 runs · round 7`.
 *
 * @example describeCalibrationProgress(progress)
 */
export function describeCalibrationProgress(p: CalibrationProgress): string {
  if (p.kind === 'predictions') return `posterior predictions · ${p.simulationsUsed.toLocaleString('en-GB')}/${p.budgetSimulations.toLocaleString('en-GB')} runs used · round ${p.round}`;
  const tolerance = Number.isFinite(p.tolerance) ? formatNumber(p.tolerance) : '∞';
  const acceptance = p.acceptanceRate === null ? '—' : `${formatNumber(100 * p.acceptanceRate)}%`;
  return (
    `generation ${p.generation} (last ≤ ${p.maxGenerations - 1}) · ε ${tolerance} · accepted ${p.accepted}/${p.populationSize} · acceptance ${acceptance} · ` +
    `${p.simulationsUsed.toLocaleString('en-GB')}/${p.budgetSimulations.toLocaleString('en-GB')} runs · round ${p.round}`
  );
}

/**
 * A calibration progress line on stderr (or `options.stream`). The round's ETA comes from measured
 * throughput only (src/cli/remainingTimeEstimate.ts): "ETA measuring…" until a round of tasks (one
 * per worker, `progress.workers`) has finished after the first one.
 *
 * @example const bar = createCalibrationProgressBar(); bar.round(progress); bar.update(10); bar.finish();
 */
export function createCalibrationProgressBar(
  options: { quiet?: boolean; stream?: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>; now?: () => number } = {},
): CalibrationProgressBar {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet === true;
  const tty = stream.isTTY === true;
  let head = '';
  let total = 0;
  let estimator: RemainingTimeEstimator = createRemainingTimeEstimator(0, { now: options.now });
  let lastQuarter = -1;
  const eta = (done: number): string => (done === 0 || done >= total ? '' : ` ${formatEta(estimator.secondsLeft())}`);
  const draw = (done: number): void => {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    if (tty) {
      const width = 20;
      const filled = Math.round(fraction * width);
      stream.write(`\r${head} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${eta(done)}   `);
      return;
    }
    const quarter = Math.floor(fraction * 4);
    if (quarter > lastQuarter && (quarter === 0 || total >= 200)) {
      lastQuarter = quarter;
      stream.write(`${head}: ${done}/${total} tasks${eta(done)}\n`);
    }
  };
  return {
    round(progress: CalibrationProgress): void {
      if (quiet) return;
      head = describeCalibrationProgress(progress);
      total = progress.toRun;
      estimator = createRemainingTimeEstimator(total, { now: options.now, parallelism: progress.workers });
      lastQuarter = -1;
      draw(0);
    },
    update(done: number): void {
      if (quiet) return;
      estimator.record(done);
      draw(done);
    },
    finish(): void {
      if (!quiet && tty) stream.write('\r\x1b[K');
    },
  };
}
