import { describe, expect, it } from 'vitest';
import { designMatrixRows } from '../../../src/analysis/designMatrix.ts';
import { parseDesignCsv } from '../../../src/analysis/designs/parseDesignCsv.ts';
import { ScenarioError } from '../../../src/scenario/scenarioError.ts';

function errorOf(text: string, options = {}): ScenarioError {
  try {
    parseDesignCsv(text, { file: 'design.csv', ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).not.toMatch(/\n/);
    return error as ScenarioError;
  }
  throw new Error('expected parseDesignCsv to throw');
}

describe('parseDesignCsv', () => {
  it('reads header and numbers (BOM, CRLF, quotes, blanks, blank lines, exponents)', () => {
    const text = '\uFEFF"subsidy", fund ,rate\r\n0.1,1,1e-3\r\n\r\n .25 ,0,-2\r\n';
    const parsed = parseDesignCsv(text);
    expect(parsed.factorNames).toEqual(['subsidy', 'fund', 'rate']);
    expect(designMatrixRows(parsed.design)).toEqual([
      [0.1, 1, 0.001],
      [0.25, 0, -2],
    ]);
  });

  it('reorders the columns to the expected factor order', () => {
    const parsed = parseDesignCsv('b,a\n1,2\n3,4\n', { expectedFactorNames: ['a', 'b'] });
    expect(parsed.factorNames).toEqual(['a', 'b']);
    expect(designMatrixRows(parsed.design)).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });

  it.each([
    ['a bad cell names line, column and factor', 'subsidy,fund\n0.1,1\n0.2,abc\n', {}, 'design.csv: line 3, column 2: factor "fund": expected a finite number, found "abc"'],
    ['an empty cell', 'subsidy,fund\n0.1,\n', {}, 'design.csv: line 2, column 2: factor "fund": expected a finite number, found an empty cell'],
    ['NaN is not a number here', 'x\nNaN\n', {}, 'design.csv: line 2, column 1: factor "x": expected a finite number, found "NaN"'],
    ['a decimal comma makes the row too long', 'x,y\n1,5,2\n', {}, 'design.csv: line 2: expected 2 cells like the header, found 3 (a decimal comma or a stray comma?)'],
    ['a short row', 'x,y\n1\n', {}, 'design.csv: line 2: expected 2 cells like the header, found 1'],
    ['an empty file', ' \n\n', {}, 'design.csv: expected a header of factor names and at least one row of numbers, found an empty file'],
    ['a header only', 'x,y\n', {}, 'design.csv: expected at least one row of numbers after the header, found a header only'],
    ['an empty factor name', 'x,,z\n1,2,3\n', {}, 'design.csv: line 1, column 2: expected a factor name in the header, found an empty cell'],
    ['a repeated factor name', 'x,y,x\n1,2,3\n', {}, 'design.csv: line 1, column 3: expected a unique factor name in the header, found "x" again (also column 1)'],
    ['a missing header', '0.1,0.2\n0.3,0.4\n', {}, 'design.csv: line 1: expected a header of factor names, found a row of numbers (add a first line naming the factors)'],
    ['an unterminated quote', 'x\n"1\n', {}, 'design.csv: line 2: expected a closing quote ("), found the end of the file'],
    ['an unknown factor', 'a,c\n1,2\n', { expectedFactorNames: ['a', 'b'] }, 'design.csv: line 1, column 2: expected one of the declared factors (a, b), found "c"'],
    ['a missing factor', 'a\n1\n', { expectedFactorNames: ['a', 'b'] }, 'design.csv: line 1: expected a column for every declared factor, found no column for "b"'],
  ])('%s', (_, text, options, message) => {
    expect(errorOf(text, options).message).toBe(message);
  });
});
