/**
 * Stopping while a run writes its outputs (issue 11, D9: Ctrl-C or SIGTERM during the CSV export or
 * the report was ignored, and the run finished with exit 0). The outputs are written in phases
 * (summaries or analysis, CSV files, report); between phases the writer calls
 * {@link stopIfAborted}, which first lets pending signal handlers run (the phases are synchronous
 * work, during which Node cannot deliver a signal) and then stops with a {@link RunInterruptedError}
 * when the run's signal was aborted. Every task is then stored and the outputs' key is already
 * forgotten (src/runner/finishedOutputs.ts), so running the same command again rewrites every output
 * — byte-identical to an uninterrupted run.
 */
import { RunInterruptedError } from './runTasks.ts';

/**
 * Yield to the event loop (so that a Ctrl-C or SIGTERM received during synchronous work is handled),
 * then throw when `signal` is aborted.
 *
 * @param signal the run's abort signal (none: never stops).
 * @param outDir the run folder (for the message).
 * @param tasks tasks of the run, all stored (the message says "N of N are saved").
 * @throws {RunInterruptedError} when the signal is aborted.
 * @example await stopIfAborted(options.signal, outDir, taskCount);
 */
export async function stopIfAborted(signal: AbortSignal | undefined, outDir: string, tasks: number): Promise<void> {
  if (signal === undefined) return;
  // Two turns of the event loop: the second passes through its poll phase, where Node reads the
  // signals received meanwhile and calls their handlers (which abort the signal).
  for (let turn = 0; turn < 2; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal.aborted) throw new RunInterruptedError(outDir, tasks, tasks);
}
