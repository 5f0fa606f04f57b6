import { ScenarioError } from '../../scenario/scenarioError.ts';
import { tokenizeCsv } from '../../scenario/tokenizeCsv.ts';
import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';

/** Options of {@link parseDesignCsv}. */
export interface ParseDesignCsvOptions {
  /** File label for messages, e.g. `experiments/external-design.csv`. */
  readonly file?: string | null;
  /**
   * The factors the experiment declares. When given, the header must name exactly these factors
   * (in any order) and the columns are returned in this order.
   */
  readonly expectedFactorNames?: readonly string[] | null;
}

/** A design read from CSV. */
export interface ParsedDesignCsv {
  /** Factor names, in the order of `design`'s columns. */
  readonly factorNames: readonly string[];
  /** One row per data line, in file order; values as written (factor units, not unit-hypercube). */
  readonly design: DesignMatrix;
}

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function describe(cell: string): string {
  const text = cell.trim();
  if (text === '') return 'an empty cell';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/**
 * Import an external design matrix from CSV text: a header of factor names, then one row of
 * numbers per model run.
 *
 * What and why: designs made elsewhere (an optimised LHS from R's `lhs`, a SALib sample, a
 * hand-picked policy grid, the points of a previous study) can be run exactly as given. Every
 * defect is reported as one line naming the file, the line and column (1-based, counting the
 * header as line 1 — as a text editor or spreadsheet shows them) and the factor, so the file can be
 * fixed without guessing.
 *
 * Format: comma-separated, RFC 4180 quoting, optional UTF-8 byte order mark, LF or CRLF line ends,
 * blank lines ignored, blanks around cells ignored. Header cells: non-empty, unique factor names.
 * Data cells: decimal numbers (`12`, `-0.5`, `.25`, `1e-3`); empty cells, `NaN`, `Inf`, `1,5`
 * (decimal comma) or text are errors.
 *
 * Formula: none. Reference: RFC 4180 (2005), Common Format and MIME Type for CSV Files.
 *
 * Units: the values are returned as written — usually factor units, not unit-hypercube coordinates.
 *
 * @param text the whole file.
 * @param options file label and the expected factor names, see {@link ParseDesignCsvOptions}.
 * @returns factor names and the design, see {@link ParsedDesignCsv}.
 * @throws {ScenarioError} (one-line message) for an empty file, an unterminated quote, a header
 *   without data rows, an empty or repeated factor name, a header that does not name exactly the
 *   expected factors, a row with too few or too many cells, or a cell that is not a finite number.
 * @example
 * parseDesignCsv('subsidy,fund\n0.1,1\n0.2,0\n', { file: 'design.csv' });
 * // => { factorNames: ['subsidy', 'fund'], design: { rowCount: 2, factorCount: 2, values: [0.1, 1, 0.2, 0] } }
 * parseDesignCsv('subsidy,fund\n0.1,abc\n', { file: 'design.csv' });
 * // ScenarioError: design.csv: line 2, column 2: factor "fund": expected a number, found "abc"
 */
export function parseDesignCsv(text: string, options: ParseDesignCsvOptions = {}): ParsedDesignCsv {
  const file = options.file ?? null;
  const fail = (
    fieldPath: string | null,
    expected: string,
    found: string,
    hint: string | null = null,
    line: number | null = null,
    column: number | null = null,
  ): never => {
    throw new ScenarioError({ file, fieldPath, expected, found, hint, line, column });
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = tokenizeCsv(source, (line) => fail(`line ${line}`, 'a closing quote (")', 'the end of the file'));
  if (records.length === 0) fail(null, 'a header of factor names and at least one row of numbers', 'an empty file');

  const header = records[0];
  const names = header.cells.map((cell) => cell.trim());
  const firstColumn = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') fail(null, 'a factor name in the header', 'an empty cell', null, header.line, index + 1);
    const previous = firstColumn.get(name);
    if (previous !== undefined) {
      fail(null, 'a unique factor name in the header', `${JSON.stringify(name)} again (also column ${previous})`, null, header.line, index + 1);
    }
    firstColumn.set(name, index + 1);
  });
  if (names.every((name) => NUMBER_PATTERN.test(name))) {
    fail(null, 'a header of factor names', 'a row of numbers', 'add a first line naming the factors', header.line);
  }

  // Column order of the result: the expected factor order when given, else the file's.
  let order = names.map((_, index) => index);
  let factorNames = names;
  const expected = options.expectedFactorNames ?? null;
  if (expected !== null) {
    const missing = expected.filter((name) => !firstColumn.has(name));
    const unknown = names.filter((name) => !expected.includes(name));
    if (unknown.length > 0) {
      const column = firstColumn.get(unknown[0]) as number;
      fail(null, `one of the declared factors (${expected.join(', ')})`, JSON.stringify(unknown[0]), null, header.line, column);
    }
    if (missing.length > 0) {
      fail(null, `a column for every declared factor`, `no column for ${missing.map((name) => JSON.stringify(name)).join(', ')}`, null, header.line);
    }
    order = expected.map((name) => (firstColumn.get(name) as number) - 1);
    factorNames = [...expected];
  }

  const dataRecords = records.slice(1);
  if (dataRecords.length === 0) fail(null, 'at least one row of numbers after the header', 'a header only');
  const width = names.length;
  const design = createDesignMatrix(dataRecords.length, width);
  const values = design.values;
  for (let r = 0; r < dataRecords.length; r++) {
    const record = dataRecords[r];
    if (record.cells.length !== width) {
      fail(null, `${width} cells like the header`, `${record.cells.length}`, record.cells.length > width ? 'a decimal comma or a stray comma?' : null, record.line);
    }
    for (let c = 0; c < width; c++) {
      const source = order[c];
      const cell = record.cells[source].trim();
      const value = NUMBER_PATTERN.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        fail(`factor ${JSON.stringify(names[source])}`, 'a finite number', describe(record.cells[source]), null, record.line, source + 1);
      }
      values[r * width + c] = value;
    }
  }
  return { factorNames, design };
}
