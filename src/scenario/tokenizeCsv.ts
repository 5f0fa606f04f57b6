/**
 * The one CSV tokenizer of the project: splits CSV text into records of raw cells. Used by the
 * relatedness-matrix reader (`parseRelatednessCsv.ts`) and the external-design reader
 * (`src/analysis/designs/parseDesignCsv.ts`). Pure module (no Node imports), so it runs in the browser.
 */

/** One CSV record (a data line, or several physical lines when a quoted cell holds line breaks). */
export interface CsvRecord {
  /** 1-based physical line on which the record starts (the first line of the file is line 1). */
  readonly line: number;
  /** The record's cells in file order, as written: not trimmed, quotes removed from quoted cells. */
  readonly cells: string[];
}

/**
 * Split CSV text into records of raw cells, following RFC 4180 with a few tolerances.
 *
 * What: a state machine over the text. A comma ends a cell; LF, CR or CRLF ends a record. A cell
 * whose first non-blank character is a double quote is a quoted cell: it runs to the next lone
 * quote, a doubled quote (`""`) inside stands for one quote, and commas and line breaks inside
 * belong to the cell. Blanks (spaces, tabs) before the opening quote and between the closing quote
 * and the next separator are dropped; text after a closing quote is appended to the cell. Unquoted
 * cells are returned exactly as written, blanks included — trimming and interpreting the cells is
 * the caller's business. Records that are blank (a single cell of only blanks: an empty line, a line
 * of spaces, the end of a file with a final line break) are left out. A UTF-8 byte order mark is
 * not removed: strip it first.
 *
 * Why: the relatedness matrix and the external design are both read from CSV and both report
 * defects by line; one tokenizer keeps the quoting rules and the line numbering the same in both.
 *
 * Line numbers count physical lines, 1-based, as a text editor shows them: every LF, CR or CRLF
 * between records counts one line; inside a quoted cell only LF counts (so a CRLF there counts
 * once and a lone CR not at all).
 *
 * Reference: Y. Shafranovich, RFC 4180 (2005), Common Format and MIME Type for Comma-Separated
 * Values (CSV) Files, https://www.rfc-editor.org/rfc/rfc4180 (section 2).
 *
 * @param text the whole file, without a byte order mark.
 * @param onUnterminatedQuote called with the 1-based line of the opening quote when the text ends
 *   inside a quoted cell; it must throw (the caller's own error and message).
 * @returns the non-blank records in file order, each with the line it starts on.
 * @throws whatever `onUnterminatedQuote` throws, for a quoted cell without its closing quote.
 * @example
 * tokenizeCsv('a, "b ""x"", c"\r\n\r\n1,2\n', (line) => { throw new Error(`line ${line}: unterminated quote`); });
 * // => [{ line: 1, cells: ['a', 'b "x", c'] }, { line: 3, cells: ['1', '2'] }]
 * tokenizeCsv('a\n"1\n', (line) => { throw new Error(`line ${line}: unterminated quote`); });
 * // Error: line 2: unterminated quote
 */
export function tokenizeCsv(text: string, onUnterminatedQuote: (line: number) => never): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let index = 0;
  // Whether the current cell has had a non-blank character (or a quoted part) yet.
  let cellStarted = false;
  while (index < text.length) {
    const char = text[index];
    if (char === '"' && !cellStarted && cell.trim() === '') {
      // Quoted cell: read up to the closing quote; blanks before the opening quote are dropped.
      const quoteLine = line;
      cell = '';
      index += 1;
      for (;;) {
        if (index >= text.length) onUnterminatedQuote(quoteLine);
        const inner = text[index];
        if (inner === '"') {
          if (text[index + 1] === '"') {
            cell += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === '\n') line += 1;
        cell += inner;
        index += 1;
      }
      cellStarted = true;
      // Tolerate blanks between the closing quote and the separator.
      while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index += 1;
      continue;
    }
    if (char === ',') {
      cells.push(cell);
      cell = '';
      cellStarted = false;
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      cellStarted = false;
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    cell += char;
    if (char !== ' ' && char !== '\t') cellStarted = true;
    index += 1;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records.filter((record) => !(record.cells.length === 1 && record.cells[0].trim() === ''));
}
