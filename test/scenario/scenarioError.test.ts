import { describe, expect, it } from 'vitest';
import {
  describeFoundValue,
  formatNumber,
  formatScenarioErrorMessage,
  ScenarioError,
} from '../../src/scenario/scenarioError.ts';
import { damerauLevenshtein, suggestSimilar } from '../../src/scenario/suggest.ts';

describe('ScenarioError', () => {
  it('formats file, line, field path, expected, found and hint on one line', () => {
    const error = new ScenarioError({
      file: 'scenarios/a.yaml',
      fieldPath: 'choice.agglomeration.form',
      expected: 'one of "log", "linear", "bounded"',
      found: '"lineer"',
      hint: 'did you mean "linear"?',
      line: 7,
    });
    expect(error.message).toBe(
      'scenarios/a.yaml: line 7: choice.agglomeration.form: expected one of "log", "linear", "bounded", found "lineer" (did you mean "linear"?)',
    );
    expect(error.name).toBe('ScenarioError');
    expect(error).toBeInstanceOf(Error);
    expect(error.fieldPath).toBe('choice.agglomeration.form');
    expect(error.line).toBe(7);
    expect(error.column).toBeNull();
  });

  it('leaves out the parts that are unknown', () => {
    expect(formatScenarioErrorMessage({ file: 'a.yaml', fieldPath: null, expected: 'x', found: 'y' })).toBe(
      'a.yaml: expected x, found y',
    );
    expect(formatScenarioErrorMessage({ file: null, fieldPath: 'zones.count', expected: 'x', found: 'y' })).toBe(
      'zones.count: expected x, found y',
    );
    expect(
      formatScenarioErrorMessage({ file: 'a.yaml', fieldPath: null, expected: 'x', found: 'y', line: 2, column: 5 }),
    ).toBe('a.yaml: line 2, column 5: expected x, found y');
  });

  it('cuts long parts, so that no message is several KB long (issue 11, D12)', () => {
    const long = 'x'.repeat(5000);
    const message = formatScenarioErrorMessage({ file: `/data/${long}/a.yaml`, fieldPath: `zones.${long}`, expected: long, found: long, hint: long });
    expect(message.length).toBeLessThan(1300);
    expect(message).toMatch(/^…x+\/a\.yaml: zones\.x+…: expected x+…, found x+… \(x+…\)$/);
    // Short parts are untouched.
    expect(formatScenarioErrorMessage({ file: 'a.yaml', fieldPath: 'p', expected: 'x', found: 'y', hint: 'z' })).toBe('a.yaml: p: expected x, found y (z)');
  });

  it('never puts a line break in the message', () => {
    const error = new ScenarioError({ file: 'a\nb.yaml', fieldPath: 'p', expected: 'one\nline', found: 'two\r\nlines' });
    expect(error.message).not.toMatch(/[\r\n]/);
  });
});

describe('describeFoundValue and formatNumber', () => {
  it('describes YAML values', () => {
    expect(describeFoundValue('12')).toBe('"12"');
    expect(describeFoundValue('a\nb')).toBe('"a\\nb"');
    expect(describeFoundValue(undefined)).toBe('nothing (the key is missing)');
    expect(describeFoundValue(null)).toBe('an empty value');
    expect(describeFoundValue(Number.NaN)).toBe('.nan');
    expect(describeFoundValue(Number.NEGATIVE_INFINITY)).toBe('-.inf');
    expect(describeFoundValue([1, 2])).toBe('a list of 2 items');
    expect(describeFoundValue({ a: 1 })).toBe('a mapping (keys: a)');
    expect(describeFoundValue('x'.repeat(200)).length).toBeLessThan(70);
  });

  it('writes large round numbers in exponent form', () => {
    expect(formatNumber(1e7)).toBe('1e7');
    expect(formatNumber(2000)).toBe('2000');
    expect(formatNumber(0.03)).toBe('0.03');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('.inf');
  });
});

describe('suggestSimilar', () => {
  const keys = ['scale', 'relatedness', 'agglomeration', 'landPrice', 'congestion', 'leadingIndustryBonus', 'outside'];
  it('finds typos, swaps, case and separator differences, and prefixes', () => {
    expect(damerauLevenshtein('fomr', 'form')).toBe(1);
    expect(suggestSimilar('relatednes', keys)).toBe('relatedness');
    expect(suggestSimilar('agglomeratoin', keys)).toBe('agglomeration');
    expect(suggestSimilar('land_price', keys)).toBe('landPrice');
    expect(suggestSimilar('LandPrice', keys)).toBe('landPrice');
    expect(suggestSimilar('congest', keys)).toBe('congestion');
  });
  it('suggests nothing for unrelated words', () => {
    expect(suggestSimilar('zzz', keys)).toBeNull();
    expect(suggestSimilar('', keys)).toBeNull();
    expect(suggestSimilar('ab', ['cd'])).toBeNull();
  });
});
