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

/**
 * A progress bar for `total` units on stderr (or `options.stream`): redrawn in place on a terminal,
 * a plain line per 10% otherwise, nothing when `options.quiet` or `total` is 0. The ETA is the mean
 * time per unit so far times the units left.
 *
 * @example const bar = createProgressBar(510, 'replications'); bar.update(1); bar.finish();
 */
export function createProgressBar(total: number, label: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet === true || total <= 0;
  const tty = stream.isTTY === true;
  const started = Date.now();
  let lastDecile = -1;
  const eta = (done: number): string => {
    if (done === 0) return '';
    const seconds = ((Date.now() - started) / 1000 / done) * (total - done);
    return seconds >= 60 ? `ETA ${Math.floor(seconds / 60)}m${Math.round(seconds % 60)}s` : `ETA ${seconds.toFixed(0)}s`;
  };
  return {
    update(done: number): void {
      if (quiet) return;
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
