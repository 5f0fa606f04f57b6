import { describe, expect, it } from 'vitest';
import { tokenizeCsv, type CsvRecord } from '../../src/scenario/tokenizeCsv.ts';

class UnterminatedQuote extends Error {
  constructor(readonly line: number) {
    super(`unterminated quote on line ${line}`);
  }
}

function unterminated(line: number): never {
  throw new UnterminatedQuote(line);
}

function tokenize(text: string): CsvRecord[] {
  return tokenizeCsv(text, unterminated);
}

function unterminatedLineOf(text: string): number {
  try {
    tokenize(text);
  } catch (error) {
    expect(error).toBeInstanceOf(UnterminatedQuote);
    return (error as UnterminatedQuote).line;
  }
  throw new Error('expected tokenizeCsv to report an unterminated quote');
}

describe('tokenizeCsv', () => {
  it('splits records and cells, numbering lines from 1', () => {
    expect(tokenize('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('returns an empty list for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('\n')).toEqual([]);
    expect(tokenize(' \r\n\t\n\n')).toEqual([]);
  });

  it('reads the last record without a final line break', () => {
    expect(tokenize('a,b\n1,2')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it.each([
    ['LF', 'a\nb\n'],
    ['CRLF', 'a\r\nb\r\n'],
    ['CR', 'a\rb\r'],
  ])('accepts %s line ends', (_, text) => {
    expect(tokenize(text)).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
    ]);
  });

  it('leaves out blank lines but keeps counting them', () => {
    expect(tokenize('\n\na\r\n  \r\n\t\nb\n\n')).toEqual([
      { line: 3, cells: ['a'] },
      { line: 6, cells: ['b'] },
    ]);
  });

  it('keeps a line of empty cells (more than one cell is not blank)', () => {
    expect(tokenize(',\n')).toEqual([{ line: 1, cells: ['', ''] }]);
  });

  it('returns unquoted cells as written, blanks included, and keeps empty and trailing cells', () => {
    expect(tokenize(' a , b\t,,c,\n')).toEqual([{ line: 1, cells: [' a ', ' b\t', '', 'c', ''] }]);
  });

  it('unquotes quoted cells: commas, doubled quotes and line breaks inside', () => {
    expect(tokenize('"a,b","say ""hi""","two\nlines",""\n')).toEqual([{ line: 1, cells: ['a,b', 'say "hi"', 'two\nlines', ''] }]);
  });

  it('drops blanks before the opening and after the closing quote', () => {
    expect(tokenize('  "a" ,\t"b"\t\n')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
  });

  it('treats a quote inside an unquoted cell as text, and appends text after a closing quote', () => {
    expect(tokenize('a"b,"x" y\n')).toEqual([{ line: 1, cells: ['a"b', 'xy'] }]);
  });

  it('numbers a record after a multi-line quoted cell by its physical line', () => {
    expect(tokenize('"a\nb\r\nc",1\nnext\n')).toEqual([
      { line: 1, cells: ['a\nb\r\nc', '1'] },
      { line: 4, cells: ['next'] },
    ]);
  });

  it('counts only LF inside quotes (a CRLF counts once, a lone CR not at all)', () => {
    expect(tokenize('"a\rb"\nnext\n')).toEqual([
      { line: 1, cells: ['a\rb'] },
      { line: 2, cells: ['next'] },
    ]);
  });

  it('treats a line holding only a quoted blank or empty cell as blank', () => {
    expect(tokenize('" "\nx\n')).toEqual([{ line: 2, cells: ['x'] }]);
    expect(tokenize('x\n""')).toEqual([{ line: 1, cells: ['x'] }]);
  });

  it('does not remove a byte order mark', () => {
    expect(tokenize('\uFEFFa\n')).toEqual([{ line: 1, cells: ['\uFEFFa'] }]);
  });

  it.each([
    ['on the first line', '"abc', 1],
    ['on a later line', 'a\n\n"1\n', 3],
    ['after quoted line breaks', '"a\nb",x\n"c\nd', 3],
    ['after a doubled quote at the end', 'a,"b""', 1],
  ])('reports an unterminated quote %s with the line of the opening quote', (_, text, line) => {
    expect(unterminatedLineOf(text)).toBe(line);
  });

  it('lets the caller choose the error', () => {
    expect(() =>
      tokenizeCsv('x\n"1\n', (line) => {
        throw new RangeError(`data.csv: line ${line}: expected a closing quote`);
      }),
    ).toThrow(new RangeError('data.csv: line 2: expected a closing quote'));
  });
});
