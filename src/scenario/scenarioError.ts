/**
 * The one error type of scenario loading: a mistake in a scenario file (YAML) or in a data file it
 * references (CSV), reported as a single line that names the file, the place in it, what was
 * expected and what was found. The CLI prints `error.message` and nothing else (no stack), so the
 * message alone must be enough to fix the file.
 *
 * Pure module (no Node imports): also used by the browser page.
 */

/** The parts of a {@link ScenarioError}; `hint`, `line` and `column` are optional. */
export interface ScenarioErrorDetails {
  /** The file as the user named it (e.g. `scenarios/baseline.yaml`), or null when not known. */
  readonly file: string | null;
  /** Where in the file: a dotted parameter path (`choice.agglomeration.form`, `projects.industryWeights[2]`) or a CSV cell (`row 3, column 5`); null for the whole file. */
  readonly fieldPath: string | null;
  /** What a valid value looks like, e.g. `a number in [0, 1]`. */
  readonly expected: string;
  /** What the file contains instead, e.g. `1.5` or `unknown key "relatednes"`. */
  readonly found: string;
  /** Optional advice appended in parentheses, e.g. `did you mean "relatedness"?`. */
  readonly hint?: string | null;
  /** 1-based line in the file when known (from the YAML parser). */
  readonly line?: number | null;
  /** 1-based column in the file when known (YAML syntax errors only). */
  readonly column?: number | null;
}

/** Collapse every line break (and the blanks around it) to a single space, so a message stays one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

/**
 * Longest text kept of each part of a message (file, field path, expected, found, hint): a message
 * echoing a huge key, value or path is cut instead of being several KB long (issue 11, D12).
 */
const MAXIMUM_PART_LENGTH = { file: 200, fieldPath: 200, expected: 300, found: 200, hint: 300 } as const;

/** Keep the first `maximum` − 1 characters and an ellipsis (or, with `fromEnd`, the last ones). */
function cut(text: string, maximum: number, fromEnd = false): string {
  if (text.length <= maximum) return text;
  return fromEnd ? `…${text.slice(text.length - maximum + 1)}` : `${text.slice(0, maximum - 1)}…`;
}

/**
 * Build the one-line message of a scenario error:
 * `<file>: line <N>[, column <C>]: <fieldPath>: expected <expected>, found <found> (<hint>)`,
 * leaving out the parts that are null.
 *
 * Why: every scenario mistake reads the same way, in the CLI, in tests and in the browser page.
 * Each part is cut to a few hundred characters (a long file path at its start, the others at their
 * end), so a message never grows to kilobytes. Never throws.
 *
 * @example
 * formatScenarioErrorMessage({ file: 'a.yaml', fieldPath: 'time.years', expected: 'an integer in [1, 100]', found: '0', line: 3 })
 * // 'a.yaml: line 3: time.years: expected an integer in [1, 100], found 0'
 */
export function formatScenarioErrorMessage(details: ScenarioErrorDetails): string {
  const parts: string[] = [];
  // A long path is cut at its start: the file name at its end says most.
  if (details.file !== null && details.file !== '') parts.push(cut(details.file, MAXIMUM_PART_LENGTH.file, true));
  if (details.line != null) {
    parts.push(details.column != null ? `line ${details.line}, column ${details.column}` : `line ${details.line}`);
  }
  if (details.fieldPath !== null && details.fieldPath !== '') parts.push(cut(details.fieldPath, MAXIMUM_PART_LENGTH.fieldPath));
  let text = `expected ${cut(details.expected, MAXIMUM_PART_LENGTH.expected)}, found ${cut(details.found, MAXIMUM_PART_LENGTH.found)}`;
  if (details.hint) text += ` (${cut(details.hint, MAXIMUM_PART_LENGTH.hint)})`;
  parts.push(text);
  return oneLine(parts.join(': '));
}

/**
 * A mistake in a scenario or data file, with a one-line message (see {@link formatScenarioErrorMessage}).
 *
 * Why a dedicated class: the CLI prints the message of a `ScenarioError` without a stack trace and
 * exits with a usage error code, while any other error is a bug and is shown with its stack.
 *
 * @example
 * throw new ScenarioError({ file: 'a.yaml', fieldPath: 'zones.count', expected: 'an integer in [0, 2000]', found: '-1' });
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly file: string | null;
  readonly fieldPath: string | null;
  readonly expected: string;
  readonly found: string;
  readonly hint: string | null;
  readonly line: number | null;
  readonly column: number | null;

  constructor(details: ScenarioErrorDetails) {
    super(formatScenarioErrorMessage(details));
    this.file = details.file;
    // The parts as the message shows them (cut when long).
    this.fieldPath = details.fieldPath === null ? null : cut(details.fieldPath, MAXIMUM_PART_LENGTH.fieldPath);
    this.expected = cut(details.expected, MAXIMUM_PART_LENGTH.expected);
    this.found = cut(details.found, MAXIMUM_PART_LENGTH.found);
    this.hint = details.hint ? cut(details.hint, MAXIMUM_PART_LENGTH.hint) : null;
    this.line = details.line ?? null;
    this.column = details.column ?? null;
  }
}

/** Longest string shown verbatim in a message; longer ones are cut with an ellipsis. */
const MAX_SHOWN_STRING = 60;

/**
 * Format a number for a message or a document: integers of 100 000 and more as `1e7` when that is
 * shorter, non-finite values in YAML spelling (`.nan`, `.inf`, `-.inf`), everything else as JavaScript
 * prints it.
 *
 * Why: range bounds such as 10000000 are easier to read (and to type in YAML) as 1e7. Never throws.
 *
 * @example
 * formatNumber(1e7) // '1e7'
 * formatNumber(0.03) // '0.03'
 * formatNumber(Number.NaN) // '.nan'
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Number.POSITIVE_INFINITY) return '.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-.inf';
  const plain = String(value);
  if (Number.isInteger(value) && Math.abs(value) >= 1e5) {
    const exponential = value.toExponential().replace('e+', 'e');
    if (exponential.length < plain.length) return exponential;
  }
  return plain;
}

/**
 * Describe a value parsed from YAML for the `found` part of a message: strings quoted (and cut when
 * long), numbers as written in YAML, `an empty value` for null, `a list of 3 items`, `a mapping (keys: …)`.
 * The result never contains a line break.
 *
 * Why: `found "12"` (a quoted string) tells the user at once that the quotes are the problem.
 * Never throws.
 *
 * @example
 * describeFoundValue('12') // '"12"'
 * describeFoundValue(undefined) // 'nothing (the key is missing)'
 */
export function describeFoundValue(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN_STRING ? `${value.slice(0, MAX_SHOWN_STRING - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype === Object.prototype || prototype === null) {
      const keys = Object.keys(value);
      if (keys.length === 0) return 'an empty mapping';
      const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
      return `a mapping (keys: ${shown})`;
    }
    const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return `a value of type ${typeof constructorName === 'string' ? constructorName : 'object'}`;
  }
  return `a value of type ${typeof value}`;
}
