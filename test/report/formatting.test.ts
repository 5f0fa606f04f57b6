import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  formatInterval,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
  jsonForScript,
  roundSignificant,
  slug,
} from '../../src/report/formatting.ts';
import { scenarioStyle, SCENARIO_COLOURS, withAlpha } from '../../src/report/palette.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">'&'</a> 产业`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; 产业');
  });
});

describe('number formatting', () => {
  it('uses 3 significant digits, thousands separators and exponents for extremes', () => {
    expect(formatNumber(1234.5)).toBe('1,230');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(-0.5)).toBe('-0.5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1.5e-7)).toBe('1.50e-7');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
  it('signs positive values and writes intervals in brackets', () => {
    expect(formatSigned(170)).toBe('+170');
    expect(formatSigned(-3)).toBe('-3');
    expect(formatSigned(0)).toBe('0');
    expect(formatInterval(-10, 50)).toBe('[-10, 50]');
  });
  it('rounds to significant digits, leaving integers alone', () => {
    expect(roundSignificant(1234.56789, 5)).toBe(1234.6);
    expect(roundSignificant(0.000123456789, 3)).toBe(0.000123);
    expect(roundSignificant(2009)).toBe(2009);
  });
});

describe('jsonForScript', () => {
  it('cannot end or confuse a <script> element and still parses to the same value', () => {
    const value = { text: '</script><!-- & \u2028', n: 1.23456789 };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(JSON.parse(jsonForScript(value, 3))).toEqual({ text: value.text, n: 1.23 });
  });
});

describe('slug', () => {
  it('keeps file-name-safe characters only', () => {
    expect(slug('zones & <subsidies>')).toBe('zones-subsidies');
    expect(slug('land-intensive_2')).toBe('land-intensive_2');
    expect(slug('产业')).toBe('chart');
  });
});

describe('palette', () => {
  it('gives the first 21 scenarios distinct solid colours (19 bundled), then repeats them dashed, then dotted', () => {
    const first = Array.from({ length: 21 }, (_, i) => scenarioStyle(i));
    expect(new Set(first.map((s) => s.colour.toUpperCase())).size).toBe(21);
    expect(first.every((s) => s.dash.length === 0)).toBe(true);
    expect(scenarioStyle(21)).toEqual({ colour: SCENARIO_COLOURS[0], dash: [8, 4] });
    expect(scenarioStyle(44)).toEqual({ colour: SCENARIO_COLOURS[2], dash: [2, 3] });
    const keys = Array.from({ length: 63 }, (_, i) => JSON.stringify(scenarioStyle(i)));
    expect(new Set(keys).size).toBe(63);
  });
  it('writes rgba colours', () => {
    expect(withAlpha('#E69F00', 0.5)).toBe('rgba(230, 159, 0, 0.5)');
    expect(() => withAlpha('orange', 0.5)).toThrow();
  });
});

describe('p-values and relative effects', () => {
  it('prints p-values to 2 significant digits and nothing below 0.0001', () => {
    expect(formatPValue(0.04512)).toBe('0.045');
    expect(formatPValue(0.00012)).toBe('0.00012');
    expect(formatPValue(1e-4)).toBe('0.0001');
    expect(formatPValue(9.9e-5)).toBe('< 0.0001');
    expect(formatPValue(1.8e-103)).toBe('< 0.0001');
    expect(formatPValue(0)).toBe('< 0.0001');
    expect(formatPValue(0.999)).toBe('1');
    expect(formatPValue(null)).toBe('—');
  });
  it('writes a relative effect as a signed percentage', () => {
    expect(formatPercent(71.24)).toBe('+71.2 %');
    expect(formatPercent(-0.7)).toBe('−0.7 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(null)).toBe('—');
  });
});
