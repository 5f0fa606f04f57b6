/**
 * Money for people. zonesim's money outcomes are in millions of yuan (units `M¥`, `M¥/year`,
 * `M¥/ha`, …); a tick "1.5M" on such an axis means 1.5 trillion yuan, which nobody reads correctly.
 * These functions write a value in M¥ with the scale word a reader expects: "¥1.5 trn", "¥240 bn",
 * "¥35 M", "¥350 k" (thousand yuan), "¥12" — three significant digits, no locale of the machine.
 *
 * The same rules run in the page's chart runtime (src/report/chartRuntime.ts, `zonesimMoney`) for
 * axis ticks and tooltips; test/report/formatMoney.test.ts checks that both give the same text.
 */

/** Scale words, largest first: [size in M¥, suffix]. */
export const MONEY_SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e6, ' trn'],
  [1e3, ' bn'],
  [1, ' M'],
  [1e-3, ' k'],
];

const significant3 = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });

/**
 * A value in millions of yuan as readable money: "¥1.5 trn", "¥240 bn", "¥35 M", "¥350 k", "¥12",
 * with a minus sign "−¥35 M" for negative values and "—" for null or non-finite values. Three
 * significant digits; the scale word is chosen after rounding, so 999,999 M¥ is "¥1 trn", not
 * "¥1,000 bn".
 *
 * @param millionYuan value in M¥ (millions of yuan).
 * @param signed write "+" before positive values (for differences).
 * @example formatMillionYuan(1_500_000) // '¥1.5 trn'
 * @example formatMillionYuan(240_000) // '¥240 bn'
 * @example formatMillionYuan(-35.2) // '−¥35.2 M'
 */
export function formatMillionYuan(millionYuan: number | null | undefined, signed = false): string {
  if (millionYuan === null || millionYuan === undefined || !Number.isFinite(millionYuan)) return '—';
  if (millionYuan === 0) return '¥0';
  const sign = millionYuan < 0 ? '−' : signed ? '+' : '';
  const magnitude = Math.abs(millionYuan);
  const rounded = Number(magnitude.toPrecision(3));
  for (const [size, suffix] of MONEY_SCALES) {
    if (rounded >= size) return `${sign}¥${significant3.format(Number((magnitude / size).toPrecision(3)))}${suffix}`;
  }
  // Below a thousand yuan: in yuan.
  return `${sign}¥${significant3.format(Number((magnitude * 1e6).toPrecision(3)))}`;
}

/**
 * Whether a unit is money in millions of yuan: `M¥` alone or followed by a rate (`M¥/year`,
 * `M¥/ha`, `M¥/year/ha`). Units per money (`t/M¥`) and ratios (`¥/¥`) are not.
 *
 * @example isMillionYuanUnit('M¥/year') // true
 * @example isMillionYuanUnit('t/M¥') // false
 */
export function isMillionYuanUnit(unit: string): boolean {
  return unit === 'M¥' || unit.startsWith('M¥/');
}

/** The rate part of a money unit: '/year' for `M¥/year`, '' for `M¥`. */
export function moneyRateSuffix(unit: string): string {
  return isMillionYuanUnit(unit) ? unit.slice(2) : '';
}

/**
 * A value with its unit for people: money units as readable money with their rate
 * ("¥1.5 trn/year"), other units as `formatNumber(value) unit` by `formatPlain`.
 *
 * @param formatPlain how a value of any other unit is written (e.g. formatNumber or formatSigned).
 * @example formatInUnit(1_500_000, 'M¥/year', String) // '¥1.5 trn/year'
 * @example formatInUnit(12, 'firms', String) // '12 firms'
 */
export function formatInUnit(value: number | null | undefined, unit: string, formatPlain: (v: number | null | undefined) => string, signed = false): string {
  if (isMillionYuanUnit(unit)) {
    const text = formatMillionYuan(value, signed);
    return text === '—' ? text : `${text}${moneyRateSuffix(unit)}`;
  }
  const text = formatPlain(value);
  return unit === '' || text === '—' ? text : `${text} ${unit}`;
}

/**
 * The axis title of a money unit: "yuan per year" for `M¥/year` (the ticks carry ¥ and the scale
 * word), the unit itself otherwise.
 *
 * @example axisUnitText('M¥/year') // 'yuan/year'
 */
export function axisUnitText(unit: string): string {
  return isMillionYuanUnit(unit) ? `yuan${moneyRateSuffix(unit)}` : unit;
}
