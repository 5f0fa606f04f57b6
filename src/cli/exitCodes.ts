/**
 * Exit codes of the `zonesim` command (documented in the README and in `zonesim --help`).
 */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** Invalid input: a scenario, data file or option value is missing, malformed or out of range. */
  invalidInput: 1,
  /** Usage error: unknown command or option, missing argument. */
  usage: 2,
  /** Internal error: a bug in zonesim (please report it with the command line). */
  internal: 70,
  /** Interrupted by Ctrl-C (SIGINT, 128 + 2); finished replications are kept, run the command again to resume. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15); finished replications are kept, run the command again to resume. */
  terminated: 143,
} as const;

/** An error in the command's arguments (a value of an option); reported in one line, exit code 1. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/** A run stopped by a signal; reported in one line saying how to resume, with the signal's exit code. */
export class CliInterruptedError extends Error {
  /**
   * @param message the one-line message (without the "zonesim: " prefix).
   * @param exitCode {@link ExitCode.interrupted} or {@link ExitCode.terminated}.
   */
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliInterruptedError';
  }
}
