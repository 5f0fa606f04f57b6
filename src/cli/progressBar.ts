import { createRemainingTimeEstimator, formatEta } from './remainingTimeEstimate.ts';

/**
 * A small progress bar on stderr with an ETA. On a terminal it redraws one line; when stderr is not a
 * terminal (CI, a pipe, a log file) it prints a plain line at most every 10% so logs stay short; with
 * `quiet` it prints nothing. Hand-written (40 lines) rather than a dependency: it needs no more.
 */
export interface ProgressBar {
  /** Mark `done` of `total` units complete. */
  update(done: number): void;
  /** Clear the bar line (terminal) before other output. */
  finish(): void;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  readonly quiet?: boolean;
  /** Where the bar is written (default process.stderr). */
  readonly stream?: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  /** Units that run at once (the worker count), for the ETA; default 1. */
  readonly parallelism?: number;
  /** Clock in milliseconds (default Date.now); tests inject their own. */
  readonly now?: () => number;
}

/**
 * A progress bar for `total` units on stderr (or `options.stream`): redrawn in place on a terminal,
 * a plain line per 10% otherwise, nothing when `options.quiet` or `total` is 0. The ETA comes from
 * measured throughput only (src/cli/remainingTimeEstimate.ts): "ETA measuring…" until a round of
 * units (one per worker) has completed after the first round, then the units left at the rate
 * measured since the first round — never a guess that counts the workers' start-up per unit.
 *
 * @example const bar = createProgressBar(510, 'replications', { parallelism: 2 }); bar.update(1); bar.finish();
 */
export function createProgressBar(total: number, label: string, options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet === true || total <= 0;
  const tty = stream.isTTY === true;
  const estimator = createRemainingTimeEstimator(total, { now: options.now, parallelism: options.parallelism });
  let lastDecile = -1;
  const eta = (done: number): string => (done === 0 ? '' : done >= total ? '' : formatEta(estimator.secondsLeft()));
  return {
    update(done: number): void {
      if (quiet) return;
      estimator.record(done);
      const fraction = Math.min(1, done / total);
      if (tty) {
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${eta(done)}   `);
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          stream.write(`${label}: ${done}/${total} ${eta(done)}\n`);
        }
      }
    },
    finish(): void {
      if (!quiet && tty) stream.write('\r\x1b[K');
    },
  };
}
