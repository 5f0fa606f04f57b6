/**
 * The numbers of a comparison's CSV files: integers exactly, others to 9 significant digits in their
 * shortest form, NaN empty.
 */
import { describe, expect, it } from 'vitest';
import { csvNumber, csvOptionalNumber, CSV_SIGNIFICANT_DIGITS } from '../../src/comparison/csvNumber.ts';

describe('csvNumber', () => {
  it('writes integers exactly and other numbers to 9 significant digits without trailing zeros', () => {
    expect(CSV_SIGNIFICANT_DIGITS).toBe(9);
    expect(csvNumber(0.1 + 0.2)).toBe('0.3'); // 0.30000000000000004
    expect(csvNumber(1 / 3)).toBe('0.333333333');
    expect(csvNumber(2 / 3)).toBe('0.666666667');
    expect(csvNumber(-1234567.891234)).toBe('-1234567.89');
    expect(csvNumber(123456789.5)).toBe('123456790'); // rounded to 9 digits: the tenth is a 5
    expect(csvNumber(49743123)).toBe('49743123');
    expect(csvNumber(12345678901234)).toBe('12345678901234'); // an integer keeps every digit
    expect(csvNumber(1e21)).toBe('1e+21');
    expect(csvNumber(1.5e-7)).toBe('1.5e-7');
    expect(csvNumber(1e-10 / 3)).toBe('3.33333333e-11');
    expect(csvNumber(0.5)).toBe('0.5');
    expect(csvNumber(-0.125)).toBe('-0.125');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(csvNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(csvOptionalNumber(null)).toBe('');
    expect(csvOptionalNumber(undefined)).toBe('');
    expect(csvOptionalNumber(2.5)).toBe('2.5');
  });

  it('is within 5e-9 of the value relatively, with at most 9 significant digits (integers exactly)', () => {
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 2000; i++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 30 - 15);
      const text = csvNumber(value);
      if (Number.isInteger(value)) {
        expect(text).toBe(String(value)); // large values are integers: exact
        continue;
      }
      expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(5e-9 * Math.abs(value));
      const digits = text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
      expect(digits.length).toBeLessThanOrEqual(9);
    }
  });

  it('is the shortest form of the value rounded to 9 digits: String(Number(value.toPrecision(9))), on 200,000 values of every magnitude', () => {
    // The reference is the definition itself (parse the rounded decimal, print the double's shortest
    // form); csvNumber skips the parse and print for plain notation (trailing zeros cut instead).
    let seed = 20090622;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const special = [1.0000000001, 0.9999999996, 999999999.6, 123456789.4, 1e-6 + 1e-18, 9.999999996e-7, 1e-7, 5.5e20, 1.5e21, -0.0000012345678912, 100.000000049, 100.00000005];
    const values = [...special];
    for (let i = 0; i < 200_000; i++) values.push((random() - 0.5) * 10 ** (random() * 44 - 22));
    for (const value of values) {
      if (Number.isInteger(value)) continue;
      const reference = String(Number(value.toPrecision(9)));
      if (csvNumber(value) !== reference) expect(`${value} → ${csvNumber(value)}`).toBe(`${value} → ${reference}`);
    }
  });
});
