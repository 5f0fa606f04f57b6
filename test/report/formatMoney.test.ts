import { describe, expect, it } from 'vitest';
import { loadChartRuntime } from '../../src/report/chartRuntime.ts';
import { axisUnitText, formatInUnit, formatMillionYuan, isMillionYuanUnit } from '../../src/report/formatMoney.ts';
import { formatNumber, formatSigned } from '../../src/report/formatting.ts';

describe('formatMillionYuan', () => {
  it('writes M¥ with the scale word a reader expects', () => {
    // 1.5e6 M¥ = 1.5e12 yuan = 1.5 trillion; 240,000 M¥ = 2.4e11 yuan = 240 billion.
    expect(formatMillionYuan(1_500_000)).toBe('¥1.5 trn');
    expect(formatMillionYuan(240_000)).toBe('¥240 bn');
    expect(formatMillionYuan(35)).toBe('¥35 M');
    expect(formatMillionYuan(35.24)).toBe('¥35.2 M');
    // 0.35 M¥ = 350,000 yuan = 350 thousand; 0.000012 M¥ = 12 yuan.
    expect(formatMillionYuan(0.35)).toBe('¥350 k');
    expect(formatMillionYuan(0.000012)).toBe('¥12');
    expect(formatMillionYuan(12_345_678)).toBe('¥12.3 trn');
    expect(formatMillionYuan(2_500)).toBe('¥2.5 bn');
  });

  it('chooses the scale word after rounding, signs differences, and has no NaN', () => {
    expect(formatMillionYuan(999_999)).toBe('¥1 trn'); // 0.999999 trn rounds to 1.00
    expect(formatMillionYuan(999.6)).toBe('¥1 bn');
    expect(formatMillionYuan(-35_000)).toBe('−¥35 bn');
    expect(formatMillionYuan(170, true)).toBe('+¥170 M');
    expect(formatMillionYuan(-170, true)).toBe('−¥170 M');
    expect(formatMillionYuan(0)).toBe('¥0');
    expect(formatMillionYuan(Number.NaN)).toBe('—');
    expect(formatMillionYuan(null)).toBe('—');
  });

  it('recognises money units and keeps their rate', () => {
    expect(isMillionYuanUnit('M¥')).toBe(true);
    expect(isMillionYuanUnit('M¥/year/ha')).toBe(true);
    expect(isMillionYuanUnit('t/M¥')).toBe(false);
    expect(isMillionYuanUnit('¥/¥')).toBe(false);
    expect(formatInUnit(1_500_000, 'M¥/year', formatNumber)).toBe('¥1.5 trn/year');
    expect(formatInUnit(-2.5, 'M¥/ha', formatSigned, true)).toBe('−¥2.5 M/ha');
    expect(formatInUnit(1234, 'firms', formatNumber)).toBe('1,230 firms');
    expect(axisUnitText('M¥/year')).toBe('yuan/year');
    expect(axisUnitText('ha')).toBe('ha');
  });

  it('gives the same text as the chart runtime that writes the page’s ticks and tooltips', () => {
    const runtime = loadChartRuntime();
    const values = [0, 0.000012, 0.0009996, 0.35, 1, 35.24, 999.6, 2500, 240_000, 999_999, 1_500_000, 12_345_678];
    for (const v of [...values, ...values.map((x) => -x)]) {
      expect(runtime.money(v, '/year')).toBe(`${formatMillionYuan(v)}/year`);
    }
  });
});
