/**
 * Parsing and checking of a zone data file (`zones.dataFile`): one row per zone, replacing the drawn
 * zone layout, so that a scenario can be built from real zones.
 *
 * ```text
 * name,plannedHa,x,y,servicedHa,baseWeight,initialFirms
 * Yanling,1070,212.5,188.0,400,1.3,91
 * Xiangcheng,1300,260.1,95.3,300,1,60
 * ```
 *
 * Columns (comma-separated, RFC 4180 quoting, optional UTF-8 byte order mark, blank lines ignored; a
 * header row naming the columns is required, in any order):
 * - `name` (required): a non-empty name, unique in the file;
 * - `plannedHa` (required): planned area in ha, a finite number > 0 — the zone's whole area, including
 *   land its initial firms occupy;
 * - `x`, `y` (required): location in km, finite numbers (the report's zone maps draw zones there;
 *   the classroom page reads no data files);
 * - `servicedHa`: serviced (ready-to-build) land at the start, in [0, plannedHa] (empty or absent:
 *   `zones.initialServicedShare` × plannedHa);
 * - `baseWeight`: relative industrial base of the zone's county, a finite number > 0, used by
 *   `firms.initialPlacement: industrial-base` instead of a drawn weight (empty or absent in every row:
 *   drawn; either every row has one or none);
 * - `initialFirms`: firms already in the zone at the start, a whole number ≥ 0; or, instead,
 *   `firms.<industry name>` columns with the zone's initial firms of each industry (industries not
 *   named have none). Either every row gives its initial firms or none does; their total must not
 *   exceed `firms.initialCount`, whose rest starts outside the zones.
 * The number of rows must equal `zones.count`. Messages name the cell as `row R, column C` (1-based,
 * counting the header row). Pure module (no Node imports).
 */
import type { ZoneLayoutInput } from '../model/modelInput.ts';
import { ScenarioError } from './scenarioError.ts';
import { suggestSimilar } from './suggest.ts';
import { tokenizeCsv } from './tokenizeCsv.ts';

/** What the zone file must agree with, from the scenario that names it. */
export interface ParseZoneLayoutOptions {
  /** File label for messages. */
  readonly file: string;
  /** The scenario file, for messages about its fields. */
  readonly scenarioFile: string;
  /** `zones.count` of the scenario: the number of rows required. */
  readonly zoneCount: number;
  /** `firms.initialCount`: the most initial firms the zones may hold. */
  readonly initialFirmCount: number;
  /** The model's industry names, in order (for `firms.<industry>` columns). */
  readonly industryNames: readonly string[];
}

const REQUIRED_COLUMNS = ['name', 'plannedHa', 'x', 'y'] as const;
const OPTIONAL_COLUMNS = ['servicedHa', 'baseWeight', 'initialFirms'] as const;
/** Prefix of the per-industry initial-firm columns. */
export const INDUSTRY_FIRMS_COLUMN_PREFIX = 'firms.';

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function describeCell(cell: string): string {
  if (cell === '') return 'an empty cell';
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 39)}…` : cell);
}

/**
 * Parse a zone data file and check it against the scenario (see the module comment for the format).
 *
 * Why: a zone layout from data replaces the drawn one, and a silent mistake (a shifted column, a
 * planned area in km² instead of ha, a zone listed twice) would move every firm, so each defect is
 * reported with the cell that shows it.
 *
 * @returns The layout, one entry per row, in file order.
 * @throws {ScenarioError} For an empty file, a missing or unknown column (with a did-you-mean), a
 *   duplicate column, a ragged row, an empty or duplicate name, a value that is not a finite number or
 *   is out of range (serviced > planned, negative or fractional firm counts), a column filled in some
 *   rows only, initial firms given both in total and per industry, more initial firms than
 *   `firms.initialCount`, or a row count other than `zones.count`.
 *
 * @example
 * parseZoneLayoutCsv('name,plannedHa,x,y\nA,1000,1,2\n', { file: 'z.csv', scenarioFile: 's.yaml', zoneCount: 1, initialFirmCount: 0, industryNames: ['A1'] })
 * // { names: ['A'], plannedHa: [1000], x: [1], y: [2], servicedHa: null, baseWeight: null, initialFirms: null, initialFirmsByIndustry: null }
 */
export function parseZoneLayoutCsv(text: string, options: ParseZoneLayoutOptions): ZoneLayoutInput {
  const file = options.file;
  const error = (fieldPath: string | null, expected: string, found: string, hint: string | null = null): ScenarioError =>
    new ScenarioError({ file, fieldPath, expected, found, hint });
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = tokenizeCsv(source, (line) => {
    throw error(`row ${line}`, 'a closing quote (")', 'the end of the file');
  });
  const label = `a header row (${REQUIRED_COLUMNS.join(', ')}, …) and one row per zone`;
  if (records.length === 0) throw error(null, label, 'an empty file');

  // Header.
  const header = records[0];
  const known = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as string[];
  const industryColumns = options.industryNames.map((name) => `${INDUSTRY_FIRMS_COLUMN_PREFIX}${name}`);
  const columnOf = new Map<string, number>();
  header.cells.forEach((raw, index) => {
    const name = raw.trim();
    const where = `row ${header.line}, column ${index + 1}`;
    if (!known.includes(name) && !industryColumns.includes(name)) {
      const guess = suggestSimilar(name, [...known, ...industryColumns]);
      const hint = guess !== null ? `did you mean "${guess}"?` : name.startsWith(INDUSTRY_FIRMS_COLUMN_PREFIX)
        ? `industries are ${options.industryNames.slice(0, 5).join(', ')}${options.industryNames.length > 5 ? ', …' : ''}`
        : null;
      throw error(where, `a column name (${[...known, `${INDUSTRY_FIRMS_COLUMN_PREFIX}<industry>`].join(', ')})`, describeCell(name), hint);
    }
    const previous = columnOf.get(name);
    if (previous !== undefined) throw error(where, 'each column once', `${JSON.stringify(name)} again (also column ${previous + 1})`);
    columnOf.set(name, index);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columnOf.has(required)) throw error(`row ${header.line}`, `a column named ${JSON.stringify(required)}`, 'none');
  }
  const hasIndustryColumns = industryColumns.some((name) => columnOf.has(name));
  if (hasIndustryColumns && columnOf.has('initialFirms')) {
    throw error(`row ${header.line}`, `initial firms either in total (initialFirms) or per industry (${INDUSTRY_FIRMS_COLUMN_PREFIX}<industry>)`, 'both');
  }

  const rows = records.slice(1);
  const width = header.cells.length;
  for (const record of rows) {
    if (record.cells.length !== width) {
      const trailing = record.cells.length === width + 1 && record.cells[width].trim() === '';
      throw error(`row ${record.line}`, `${width} cells like the header row`, `${record.cells.length} cells`, trailing ? 'a trailing comma adds an empty cell' : null);
    }
  }
  if (rows.length !== options.zoneCount) {
    throw error(null, `one row per zone: ${options.zoneCount} (zones.count in ${options.scenarioFile})`, `${rows.length} rows`);
  }

  const cellText = (record: (typeof rows)[number], column: string): string => record.cells[columnOf.get(column)!].trim();
  const where = (record: (typeof rows)[number], column: string): string => `row ${record.line}, column ${columnOf.get(column)! + 1}`;
  const numberIn = (record: (typeof rows)[number], column: string, expected: string, accept: (value: number) => boolean): number => {
    const cell = cellText(record, column);
    if (!NUMBER_PATTERN.test(cell)) throw error(where(record, column), expected, describeCell(cell));
    const value = Number(cell);
    if (!Number.isFinite(value) || !accept(value)) throw error(where(record, column), expected, cell);
    return value;
  };
  /** Read an optional column: null when absent; every row filled or none. */
  const optionalColumn = (column: string, read: (record: (typeof rows)[number]) => number): number[] | null => {
    if (!columnOf.has(column)) return null;
    const filled = rows.filter((record) => cellText(record, column) !== '');
    if (filled.length === 0) return null;
    if (filled.length !== rows.length) {
      const empty = rows.find((record) => cellText(record, column) === '')!;
      throw error(where(empty, column), `a value in every row, as in row ${filled[0].line} (or in none)`, 'an empty cell');
    }
    return rows.map(read);
  };

  const names: string[] = [];
  const seen = new Map<string, number>();
  for (const record of rows) {
    const name = cellText(record, 'name');
    if (name === '') throw error(where(record, 'name'), 'a zone name', 'an empty cell');
    const previous = seen.get(name);
    if (previous !== undefined) throw error(where(record, 'name'), 'a unique zone name', `${JSON.stringify(name)} again (also row ${previous})`);
    seen.set(name, record.line);
    names.push(name);
  }
  const plannedHa = rows.map((record) => numberIn(record, 'plannedHa', 'a planned area in ha, a finite number > 0', (v) => v > 0));
  const x = rows.map((record) => numberIn(record, 'x', 'a location in km, a finite number', () => true));
  const y = rows.map((record) => numberIn(record, 'y', 'a location in km, a finite number', () => true));
  const servicedHa = optionalColumn('servicedHa', (record) => {
    const planned = plannedHa[rows.indexOf(record)];
    return numberIn(record, 'servicedHa', `serviced land in ha in [0, plannedHa = ${planned}]`, (v) => v >= 0 && v <= planned);
  });
  const baseWeight = optionalColumn('baseWeight', (record) => numberIn(record, 'baseWeight', 'an industrial-base weight, a finite number > 0', (v) => v > 0));
  const wholeCount = (record: (typeof rows)[number], column: string): number =>
    numberIn(record, column, 'a whole number of firms ≥ 0', (v) => v >= 0 && Number.isInteger(v) && v <= 1e6);
  const initialFirms = optionalColumn('initialFirms', (record) => wholeCount(record, 'initialFirms'));

  let initialFirmsByIndustry: number[] | null = null;
  if (hasIndustryColumns) {
    const k = options.industryNames.length;
    initialFirmsByIndustry = new Array<number>(rows.length * k).fill(0);
    industryColumns.forEach((column, j) => {
      if (!columnOf.has(column)) return;
      rows.forEach((record, z) => {
        const cell = cellText(record, column);
        initialFirmsByIndustry![z * k + j] = cell === '' ? 0 : wholeCount(record, column);
      });
    });
  }

  const perZone = initialFirmsByIndustry ?? initialFirms;
  if (perZone !== null) {
    let total = 0;
    for (const n of perZone) total += n;
    if (total > options.initialFirmCount) {
      throw error(null, `at most firms.initialCount (${options.initialFirmCount} in ${options.scenarioFile}) initial firms in the zones`, `${total}`);
    }
  }
  return { names, plannedHa, x, y, servicedHa, baseWeight, initialFirms, initialFirmsByIndustry };
}
