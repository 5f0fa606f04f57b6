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
} as const;

/** An error in the command's arguments (a value of an option); reported in one line, exit code 1. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
