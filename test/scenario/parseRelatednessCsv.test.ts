import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRelatednessCsv } from '../../src/scenario/parseRelatednessCsv.ts';
import { expectScenarioError, type ExpectedScenarioError } from './helpers.ts';

const FIXTURES = 'test/fixtures/scenario';
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const parseFixture = (name: string, expectedSize: number | null = 3) =>
  parseRelatednessCsv(fixture(name), { file: `${FIXTURES}/${name}`, expectedSize, expectedSizeSource: 'industries.count' });

const THREE = [1, 0.7, 0.1, 0.7, 1, 0.05, 0.1, 0.05, 1];

describe('parseRelatednessCsv: accepted layouts', () => {
  it('reads a header with a name column (quoted names may hold commas)', () => {
    expect(parseFixture('relatedness-named.csv')).toEqual({
      industryNames: ['textiles', 'apparel, footwear', 'machinery'],
      values: THREE,
    });
  });

  it('reads a header without a name column', () => {
    expect(parseFixture('relatedness-header.csv')).toEqual({
      industryNames: ['textiles', 'apparel', 'machinery'],
      values: THREE,
    });
  });

  it('reads a bare matrix with CRLF line ends; a diagonal of 0 is accepted (the model ignores it)', () => {
    expect(parseFixture('relatedness-plain.csv')).toEqual({
      industryNames: null,
      values: [0, 0.7, 0.1, 0.7, 0, 0.05, 0.1, 0.05, 0],
    });
  });

  it('reads numeric industry codes when the first header cell is empty', () => {
    expect(parseFixture('relatedness-codes.csv').industryNames).toEqual(['13', '14', '17']);
  });

  it('ignores a byte order mark, blank lines and blanks around cells; any size without expectedSize', () => {
    const result = parseRelatednessCsv('\uFEFF\n 1 , 0.5e-1\n\n0.05,1\n\n', { file: 'x.csv' });
    expect(result).toEqual({ industryNames: null, values: [1, 0.05, 0.05, 1] });
  });

  it('tolerates asymmetry up to 1e-9', () => {
    expect(() => parseRelatednessCsv('1,0.3\n0.3000000001,1\n', { expectedSize: 2 })).not.toThrow();
  });
});

describe('parseRelatednessCsv: errors from fixtures', () => {
  const cases: Array<[string, ExpectedScenarioError]> = [
    ['relatedness-empty.csv', { fieldPath: null, expected: 'a 3×3 matrix of proximities in [0, 1]', found: 'an empty file' }],
    ['relatedness-ragged.csv', { fieldPath: 'row 2', expected: '3 cells like row 1', found: '2 cells' }],
    ['relatedness-non-numeric.csv', { fieldPath: 'row 2, column 3', expected: 'a number', found: '"abc"' }],
    ['relatedness-non-finite.csv', { fieldPath: 'row 2, column 3', expected: 'a finite number', found: '"NaN"' }],
    ['relatedness-out-of-range.csv', { fieldPath: 'row 2, column 3', expected: 'a proximity in [0, 1]', found: '1.5' }],
    [
      'relatedness-not-square.csv',
      { fieldPath: null, expected: 'a square matrix', found: '2 rows and 3 columns' },
    ],
    [
      'relatedness-2x2.csv',
      { fieldPath: null, expected: 'a 3×3 matrix (industries.count is 3)', found: 'a 2×2 matrix' },
    ],
    [
      'relatedness-asymmetric.csv',
      {
        fieldPath: 'row 3, column 4',
        expected: 'the same value as row 4, column 3 (0.45), because the matrix must be symmetric',
        found: '0.4',
        hint: 'industries "b" and "c"',
      },
    ],
  ];
  it.each(cases)('%s', (name, wanted) => {
    expectScenarioError(() => parseFixture(name), { file: `${FIXTURES}/${name}`, ...wanted });
  });
});

describe('parseRelatednessCsv: more errors', () => {
  const parse = (text: string, expectedSize: number | null = null) =>
    parseRelatednessCsv(text, { file: 'io.csv', expectedSize });

  it('reports a header without data rows', () => {
    expectScenarioError(() => parse('a,b\n'), { file: 'io.csv', found: 'a header row but no data rows' });
  });

  it('reports empty and duplicate industry names', () => {
    expectScenarioError(() => parse(',a,,c\na,1,0,0\n'), {
      fieldPath: 'row 1, column 3',
      expected: 'an industry name',
      found: 'an empty cell',
    });
    expectScenarioError(() => parse('a,b,a\n1,0,0\n0,1,0\n0,0,1\n'), {
      fieldPath: 'row 1, column 3',
      expected: 'a unique industry name',
      found: '"a" again (also in column 1)',
    });
  });

  it('reports row names that differ from the header', () => {
    expectScenarioError(() => parse(',a,b\nb,1,0.2\na,0.2,1\n'), {
      fieldPath: 'row 2, column 1',
      expected: 'the industry name of column 2 ("a")',
      found: '"b"',
    });
  });

  it('reports empty cells and explains wrong separators and percentages', () => {
    expectScenarioError(() => parse('1,,0\n0,1,0\n0,0,1\n'), { fieldPath: 'row 1, column 2', found: 'an empty cell' });
    expectScenarioError(() => parse('a;b\n1;0\n0;1\n'), {
      fieldPath: 'row 2, column 1',
      found: '"1;0"',
      hint: 'cells must be separated by commas',
    });
    expectScenarioError(() => parse('100,30\n30,100\n'), {
      fieldPath: 'row 1, column 1',
      found: '100',
      hint: 'percentages must be divided by 100',
    });
    expectScenarioError(() => parse('1,-0.1\n-0.1,1\n'), { fieldPath: 'row 1, column 2', found: '-0.1' });
    expectScenarioError(() => parse('1,Infinity\nInfinity,1\n'), { expected: 'a finite number', found: '"Infinity"' });
    expectScenarioError(() => parse('1,1e999\n1e999,1\n'), { expected: 'a finite number', found: '"1e999"' });
  });

  it('explains a name column without an empty first header cell', () => {
    expectScenarioError(() => parse('industry,a,b\na,1,0.2\nb,0.2,1\n'), {
      fieldPath: 'row 2, column 1',
      found: '"a"',
      hint: 'leave the first header cell empty',
    });
    expectScenarioError(() => parse('a,b\na,1,0.2\nb,0.2,1\n'), {
      fieldPath: 'row 2',
      expected: '2 cells like the header row',
      found: '3 cells',
      hint: 'leave the first header cell empty',
    });
  });

  it('explains a trailing comma', () => {
    expectScenarioError(() => parse('1,0.2\n0.2,1,\n'), {
      fieldPath: 'row 2',
      found: '3 cells',
      hint: 'a trailing comma adds an empty cell',
    });
  });

  it('reports an unterminated quote', () => {
    expectScenarioError(() => parse(',"a,b\na,1\n'), {
      fieldPath: 'row 1',
      expected: 'a closing quote',
      found: 'the end of the file',
    });
  });

  it('counts rows as a spreadsheet does, blank lines included', () => {
    expectScenarioError(() => parse('1,0.2\n\n\n0.2,x\n'), { fieldPath: 'row 4, column 2', found: '"x"' });
  });

  it('names both cells of an asymmetric pair without a header', () => {
    expectScenarioError(() => parse('1,0.2,0.3\n0.2,1,0.4\n0.3,0.5,1\n', 3), {
      fieldPath: 'row 2, column 3',
      expected: 'the same value as row 3, column 2 (0.5)',
      found: '0.4',
    });
  });
});
