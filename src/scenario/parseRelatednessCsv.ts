/**
 * Parsing and checking of a relatedness (proximity) matrix supplied as CSV, e.g. derived from an
 * input–output table or the product space.
 *
 * Accepted layouts (comma-separated, RFC 4180 quoting, optional UTF-8 byte order mark, blank lines
 * ignored):
 *
 * ```text
 * 1,0.4,0.1          A,B,C              ,A,B,C
 * 0.4,1,0.2          1,0.4,0.1          A,1,0.4,0.1
 * 0.1,0.2,1          0.4,1,0.2          B,0.4,1,0.2
 *                    0.1,0.2,1          C,0.1,0.2,1
 * ```
 *
 * The first row is a header of industry names when it has a cell that is neither empty nor a number,
 * or when its first cell is empty and all others are filled (so numeric industry codes such as
 * `,13,14,15` work too). With a header whose first cell is empty, every row starts with its industry
 * name, which must repeat the header's name in the same position. Industry names must be non-empty and
 * unique.
 *
 * The matrix must be square, K×K with K = `industries.count`, every value a finite number in [0, 1],
 * and symmetric (|a_ij − a_ji| ≤ 1e-9). The diagonal must be a number in [0, 1] as well, but its value
 * is ignored by the model (an industry's proximity to itself never enters the relatedness density), so
 * 1 and 0 are both fine.
 *
 * Messages name the cell as a spreadsheet shows it: `row R, column C`, both 1-based and counting the
 * header row and the name column. Pure module (no Node imports).
 */
import type { RelatednessMatrixInput } from '../model/modelInput.ts';
import { ScenarioError } from './scenarioError.ts';
import { tokenizeCsv } from './tokenizeCsv.ts';

/** Options of {@link parseRelatednessCsv}. */
export interface ParseRelatednessCsvOptions {
  /** File label for messages, e.g. `scenarios/data/io-2007.csv`. */
  readonly file?: string | null;
  /** Required size K, or null/undefined to accept any square size. */
  readonly expectedSize?: number | null;
  /** What K comes from, for the message, e.g. `industries.count`. */
  readonly expectedSizeSource?: string | null;
}

/** Largest asymmetry |a_ij − a_ji| tolerated (rounding in exported spreadsheets). */
export const RELATEDNESS_SYMMETRY_TOLERANCE = 1e-9;

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE_PATTERN = /^[+-]?(?:nan|inf|infinity|\.nan|\.inf)$/i;

function isNumberLike(cell: string): boolean {
  const text = cell.trim();
  return NUMBER_PATTERN.test(text) || NON_FINITE_PATTERN.test(text);
}

function describeCell(cell: string): string {
  const text = cell.trim();
  if (text === '') return 'an empty cell';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/**
 * Parse a relatedness (proximity) matrix from CSV text and check it; see the module comment for the
 * accepted layouts.
 *
 * Why: a proximity matrix from data replaces the generated one, and a silent mistake in it (a shifted
 * row, a percentage instead of a share, a half-filled triangle) would distort every location choice,
 * so each defect is reported with the cell that shows it.
 *
 * @param text The whole file.
 * @param options File label and the required size K.
 * @returns Industry names (from the header, or null) and the K×K values row-major.
 * @throws {ScenarioError} For an empty file; an unterminated quote; a header without data rows; an
 *   empty or duplicate industry name; a ragged row; a row name that differs from the header; a
 *   non-numeric, empty or non-finite cell; a non-square matrix; a size other than K; a value outside
 *   [0, 1]; an asymmetric pair (both cells named).
 *
 * @example
 * parseRelatednessCsv(',A,B\nA,1,0.3\nB,0.3,1\n', { file: 'io.csv', expectedSize: 2 })
 * // { industryNames: ['A', 'B'], values: [1, 0.3, 0.3, 1] }
 */
export function parseRelatednessCsv(text: string, options: ParseRelatednessCsvOptions = {}): RelatednessMatrixInput {
  const file = options.file ?? null;
  const expectedSize = options.expectedSize ?? null;
  const error = (fieldPath: string | null, expected: string, found: string, hint: string | null = null): ScenarioError =>
    new ScenarioError({ file, fieldPath, expected, found, hint });
  const matrixLabel = expectedSize !== null ? `a ${expectedSize}×${expectedSize} matrix of proximities in [0, 1]` : 'a square matrix of proximities in [0, 1]';

  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = tokenizeCsv(source, (line) => {
    throw error(`row ${line}`, 'a closing quote (")', 'the end of the file');
  });
  if (records.length === 0) throw error(null, matrixLabel, 'an empty file');

  // Header detection.
  const first = records[0];
  const firstCells = first.cells.map((cell) => cell.trim());
  const hasNonNumericCell = firstCells.some((cell) => cell !== '' && !isNumberLike(cell));
  const codesWithLeadingEmptyCell = firstCells.length > 1 && firstCells[0] === '' && firstCells.slice(1).every((cell) => cell !== '');
  const hasHeader = hasNonNumericCell || codesWithLeadingEmptyCell;
  const nameColumn = hasHeader && firstCells[0] === '';
  const columnOffset = nameColumn ? 1 : 0;

  let industryNames: string[] | null = null;
  if (hasHeader) {
    industryNames = firstCells.slice(columnOffset);
    const seen = new Map<string, number>();
    industryNames.forEach((name, index) => {
      const column = index + 1 + columnOffset;
      if (name === '') throw error(`row ${first.line}, column ${column}`, 'an industry name in the header row', 'an empty cell');
      const previous = seen.get(name);
      if (previous !== undefined) {
        throw error(`row ${first.line}, column ${column}`, 'a unique industry name', `${JSON.stringify(name)} again (also in column ${previous})`);
      }
      seen.set(name, column);
    });
  }

  const dataRecords = hasHeader ? records.slice(1) : records;
  if (dataRecords.length === 0) throw error(null, matrixLabel, 'a header row but no data rows');

  // Ragged rows.
  const width = hasHeader ? first.cells.length : dataRecords[0].cells.length;
  const widthSource = hasHeader ? 'the header row' : `row ${dataRecords[0].line}`;
  for (const record of dataRecords) {
    if (record.cells.length !== width) {
      const oneMore = record.cells.length === width + 1;
      let hint: string | null = null;
      if (oneMore && record.cells[record.cells.length - 1].trim() === '') hint = 'a trailing comma adds an empty cell';
      else if (oneMore && hasHeader && !nameColumn && !isNumberLike(record.cells[0])) {
        hint = 'if the first column holds industry names, leave the first header cell empty';
      }
      throw error(`row ${record.line}`, `${width} cells like ${widthSource}`, `${record.cells.length} cells`, hint);
    }
  }

  // Cell values.
  const rowNames: string[] = [];
  const rows: number[][] = dataRecords.map((record) => {
    if (nameColumn) rowNames.push(record.cells[0].trim());
    const values: number[] = [];
    for (let cellIndex = columnOffset; cellIndex < record.cells.length; cellIndex += 1) {
      const cell = record.cells[cellIndex].trim();
      const where = `row ${record.line}, column ${cellIndex + 1}`;
      if (NON_FINITE_PATTERN.test(cell)) throw error(where, 'a finite number', describeCell(cell));
      if (!NUMBER_PATTERN.test(cell)) {
        let hint: string | null = null;
        if (/[;\t]/.test(cell)) hint = 'cells must be separated by commas';
        else if (/^[+-]?\d+(?:[.,]\d+)?\s*%$/.test(cell)) hint = 'write proximities as shares in [0, 1], without %';
        else if (hasHeader && !nameColumn && cellIndex === 0 && cell !== '') {
          hint = 'if the first column holds industry names, leave the first header cell empty';
        } else if (!hasHeader && cellIndex === 0 && record === dataRecords[0]) {
          hint = 'a header row needs at least one cell that is not a number';
        }
        throw error(where, 'a number', describeCell(cell), hint);
      }
      const value = Number(cell);
      if (!Number.isFinite(value)) throw error(where, 'a finite number', describeCell(cell));
      values.push(value);
    }
    return values;
  });

  // Shape and size.
  const rowCount = rows.length;
  const columnCount = width - columnOffset;
  if (rowCount !== columnCount) {
    throw error(null, 'a square matrix (as many data rows as columns)', `${rowCount} rows and ${columnCount} columns`);
  }
  if (expectedSize !== null && rowCount !== expectedSize) {
    const source = options.expectedSizeSource ? ` (${options.expectedSizeSource} is ${expectedSize})` : '';
    throw error(null, `a ${expectedSize}×${expectedSize} matrix${source}`, `a ${rowCount}×${rowCount} matrix`);
  }

  // Row names repeat the header.
  if (nameColumn && industryNames !== null) {
    rowNames.forEach((name, index) => {
      if (name !== industryNames[index]) {
        throw error(
          `row ${dataRecords[index].line}, column 1`,
          `the industry name of column ${index + 2} (${JSON.stringify(industryNames[index])}), so rows and columns list industries in the same order`,
          describeCell(name),
        );
      }
    });
  }

  const cellName = (i: number, j: number): string => `row ${dataRecords[i].line}, column ${j + 1 + columnOffset}`;

  // Range.
  const looksLikePercentages = rows.some((row) => row.some((value) => value === 100));
  for (let i = 0; i < rowCount; i += 1) {
    for (let j = 0; j < rowCount; j += 1) {
      const value = rows[i][j];
      if (value < 0 || value > 1) {
        throw error(
          cellName(i, j),
          'a proximity in [0, 1]',
          String(value),
          looksLikePercentages ? 'percentages must be divided by 100' : null,
        );
      }
    }
  }

  // Symmetry.
  for (let i = 0; i < rowCount; i += 1) {
    for (let j = i + 1; j < rowCount; j += 1) {
      if (Math.abs(rows[i][j] - rows[j][i]) > RELATEDNESS_SYMMETRY_TOLERANCE) {
        const names =
          industryNames !== null ? `industries ${JSON.stringify(industryNames[i])} and ${JSON.stringify(industryNames[j])}` : null;
        throw error(
          cellName(i, j),
          `the same value as ${cellName(j, i)} (${rows[j][i]}), because the matrix must be symmetric`,
          String(rows[i][j]),
          names,
        );
      }
    }
  }

  return { industryNames, values: rows.flat() };
}
