/**
 * Command-line option values and command-line mistakes: the parsers of `--reps`, `--seed`,
 * `--workers`, `--shard` and `--out`, and the one-line message of every error commander reports (a bad option
 * value, an unknown option or command, a missing argument or command).
 *
 * Why one module: every mistake on the command line must read like every other zonesim error — one
 * line starting with `zonesim:`, naming the option, what was expected and what was found (cut when
 * long) — instead of commander's two lines (issue 11, D12).
 */
import { mkdtempSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CommanderError, InvalidArgumentError } from 'commander';
import type { ChartImageFormat } from '../report/renderChartImages.ts';
import { parseRecordOption, type RecordOption } from '../runner/recording.ts';
import { parseShard, type Shard } from '../runner/shards.ts';
import { describeFoundValue } from '../scenario/scenarioError.ts';

/** Largest `--seed` (seeds are unsigned 32-bit integers). */
export const MAXIMUM_SEED = 4294967295;

/** Largest shard count `--shard i/n` accepts (see parseShard). */
const MAXIMUM_SHARD_COUNT = 100_000;

/** An option value as shown in a message: quoted, control characters escaped, cut when long. */
function shownValue(value: string): string {
  return describeFoundValue(value);
}

/**
 * A commander argument parser for an integer option in [1, maximum].
 *
 * @param name The option as the user types it, e.g. `--reps`.
 * @param maximum The largest value allowed.
 * @returns A parser that throws commander's InvalidArgumentError (shown by {@link formatCommanderError}).
 * @example
 * parsePositiveInteger('--reps', 100000)('30') // 30
 * parsePositiveInteger('--reps', 100000)('0') // throws: expected an integer from 1 to 100000, found "0"
 */
export function parsePositiveInteger(name: string, maximum: number): (value: string) => number {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > maximum) {
      throw new InvalidArgumentError(`${name}: expected an integer from 1 to ${maximum}, found ${shownValue(value)}`);
    }
    return n;
  };
}

/**
 * Parse `--seed`: an integer in [0, 4294967295].
 *
 * @throws {InvalidArgumentError} `--seed: expected an integer from 0 to 4294967295, found "abc"`.
 * @example parseSeed('2009') // 2009
 */
export function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n > MAXIMUM_SEED) {
    throw new InvalidArgumentError(`--seed: expected an integer from 0 to ${MAXIMUM_SEED}, found ${shownValue(value)}`);
  }
  return n;
}

/**
 * Parse `--shard i/n` (1 ≤ i ≤ n ≤ 100000).
 *
 * @throws {InvalidArgumentError} `--shard: expected i/n with 1 ≤ i ≤ n ≤ 100000 (e.g. 2/8), found "3/2"`.
 * @example parseShardOption('2/8') // { index: 2, count: 8 }
 */
export function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (shard === null) {
    throw new InvalidArgumentError(`--shard: expected i/n with 1 ≤ i ≤ n ≤ ${MAXIMUM_SHARD_COUNT} (e.g. 2/8), found ${shownValue(value)}`);
  }
  return shard;
}

/** The error code of a file-system error, for messages. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(error);
}

/**
 * Why a run could not write into `folder` (an absolute path), or null when it can: the nearest
 * existing folder at or above it must be a folder in which a folder can be created (tried with a
 * probe folder that is removed at once). Never creates `folder` itself, and creates folders one level
 * at a time: Node's recursive mkdir loops forever, ignoring Ctrl-C, where a file system answers
 * ENOENT for a folder whose parent exists (/proc, issue 11, D8).
 */
function outputFolderProblem(folder: string): string | null {
  let existing = folder;
  for (;;) {
    try {
      if (!statSync(existing).isDirectory()) return `${existing} is not a folder`;
      break;
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${existing}: ${code}`;
      const parent = path.dirname(existing);
      if (parent === existing) return 'no existing folder above it';
      existing = parent;
    }
  }
  try {
    rmdirSync(mkdtempSync(path.join(existing, '.zonesim-write-check-')));
  } catch (error) {
    return `cannot create a folder in ${existing}: ${errorCode(error)}`;
  }
  return null;
}

/**
 * Parse `--out`: a folder that exists and can be written, or that can be created (in a folder that
 * can be written). Checked before any work starts, so a run never computes everything and then
 * fails to write, and a path under /proc or on a read-only disk is one line instead of a hang.
 *
 * @throws {InvalidArgumentError} `--out: expected a folder that can be created and written, found "/proc/x" (cannot create a folder in /proc: ENOENT)`.
 * @example parseOutputFolder('reports/my-run') // 'reports/my-run'
 */
export function parseOutputFolder(value: string): string {
  const expected = '--out: expected a folder that can be created and written';
  if (value.trim() === '' || value.includes('\0')) throw new InvalidArgumentError(`${expected}, found ${shownValue(value)}`);
  const problem = outputFolderProblem(path.resolve(value));
  if (problem !== null) throw new InvalidArgumentError(`${expected}, found ${shownValue(value)} (${problem})`);
  return value;
}

/** The long name of an option from its flags: `-r, --reps <n>` → `--reps`. */
function optionName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[\s,]/)[0];
}

/** Longest message text kept (a message echoing a huge argument is cut). */
const MAXIMUM_MESSAGE_LENGTH = 300;

/**
 * The one-line message of an error commander raised while parsing the command line, without the
 * `zonesim: ` prefix: a bad option value names the option, what was expected and what was found; a
 * usage error keeps commander's words (with its "did you mean" suggestion) and points to `--help`.
 * Line breaks are collapsed and the text is cut to 300 characters.
 *
 * @param error The CommanderError caught around `program.parseAsync`.
 * @returns e.g. `--results: expected one of final, all, found "ALL"`, or
 *   `unknown option '--rep' (Did you mean --reps?) (run zonesim --help for usage)`.
 * @example formatCommanderError(error) // '--reps: expected an integer from 1 to 100000, found "0"'
 */
export function formatCommanderError(error: CommanderError): string {
  let text = error.message.replace(/^error:\s*/, '');
  const invalid = /^option '([^']*)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/.exec(text);
  if (error.code === 'commander.invalidArgument' && invalid !== null) {
    const [, flags, value, detail] = invalid;
    const choices = /^Allowed choices are ([\s\S]*)\.$/.exec(detail.trim());
    text = choices !== null ? `${optionName(flags)}: expected one of ${choices[1]}, found ${shownValue(value)}` : detail;
  } else if (error.code !== 'commander.invalidArgument') {
    text = `${text} (run zonesim --help for usage)`;
  }
  text = text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
  return text.length > MAXIMUM_MESSAGE_LENGTH ? `${text.slice(0, MAXIMUM_MESSAGE_LENGTH - 1)}…` : text;
}

/**
 * The one-line message when no known command was given (`zonesim` alone, `zonesim help nope`), in
 * place of the full help commander writes to stderr: the help is for `--help`, an error is one line.
 *
 * @param commandNames The program's commands.
 * @example formatMissingCommand(['run', 'list']) // 'expected a command (run, list) (run zonesim --help for usage)'
 */
export function formatMissingCommand(commandNames: readonly string[]): string {
  return `expected a command (${commandNames.join(', ')}) (run zonesim --help for usage)`;
}

/**
 * Parse `--image-formats`: svg, png or png,svg (each once).
 *
 * @throws {InvalidArgumentError} `--image-formats: expected svg, png or png,svg, found "svg,svg"`.
 * @example parseImageFormats('png,svg') // ['png', 'svg']
 */
export function parseImageFormats(value: string): ChartImageFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  if (formats.length === 0 || formats.some((f) => f !== 'png' && f !== 'svg') || new Set(formats).size !== formats.length) {
    throw new InvalidArgumentError(`--image-formats: expected svg, png or png,svg, found ${shownValue(value)}`);
  }
  return formats as ChartImageFormat[];
}

/**
 * Parse `--record`: which zone and industry series a comparison keeps besides the final values.
 *
 * @throws {InvalidArgumentError} `--record: expected final, zones, industries, zones,industries or all, found "zone"`.
 * @example parseRecord('zones') // { zoneSeries: true, industrySeries: false }
 */
export function parseRecord(value: string): RecordOption {
  const option = parseRecordOption(value);
  if (option === null) throw new InvalidArgumentError(`--record: expected final, zones, industries, zones,industries or all, found ${shownValue(value)}`);
  return option;
}
