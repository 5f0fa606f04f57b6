/**
 * Text helpers of the report: HTML escaping, number formatting for people, JSON that is safe to
 * inline in a <script> element, and file-name slugs. All pure and deterministic (no locale of the
 * machine is used: numbers are always formatted the same way).
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML element content and quoted attribute values (& < > " '). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const significant3 = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });

/**
 * A number for people: 3 significant digits with thousands separators (1,230 · 0.0123 · 1.23e-7),
 * exponent notation outside [1e-4, 1e15); "—" for null and non-finite values; never "-0".
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e15) return value.toExponential(2).replace('e+', 'e');
  return significant3.format(value);
}

/** `formatNumber` with an explicit sign for positive values (+1.2, −0.5 keeps its minus). */
export function formatSigned(value: number | null | undefined): string {
  const text = formatNumber(value);
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? `+${text}` : text;
}

/** A 95% interval as "[lower, upper]" with `formatNumber`. */
export function formatInterval(lower: number, upper: number): string {
  return `[${formatNumber(lower)}, ${formatNumber(upper)}]`;
}

/**
 * Round a number to `digits` significant digits (for the chart data inlined in the page: charts need
 * no more, and it keeps the file small). Integers and non-finite values are returned unchanged.
 */
export function roundSignificant(value: number, digits = 6): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Number(value.toPrecision(digits));
}

/**
 * JSON for inlining inside a <script> element: `<`, `>`, `&`, U+2028 and U+2029 are written as
 * \u escapes, so no `</script>` or `<!--` can end or confuse the element. With `significantDigits`,
 * numbers are rounded with `roundSignificant` (the page's charts need no more than 5 digits).
 */
export function jsonForScript(value: unknown, significantDigits?: number): string {
  const json = JSON.stringify(
    value,
    significantDigits === undefined
      ? undefined
      : (_key, v: unknown) => (typeof v === 'number' ? roundSignificant(v, significantDigits) : v),
  );
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file-name-safe slug: letters, digits, `_` and `-` kept, any other run of characters → `-`. */
export function slug(text: string): string {
  const s = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' ? 'chart' : s;
}

/** The smallest p-value the report prints; smaller ones are written "< 0.0001". */
export const SMALLEST_PRINTED_P_VALUE = 1e-4;

/**
 * A p-value for people: 2 significant digits from 0.0001 up ("0.045", "0.00012"), "< 0.0001" below
 * that — with simulated data a p-value far below 1e-4 measures only how many replications were run,
 * not how large or how certain an effect is — and "—" when undefined.
 *
 * @example formatPValue(0.04512) // '0.045'
 * @example formatPValue(1.8e-103) // '< 0.0001'
 */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < SMALLEST_PRINTED_P_VALUE) return '< 0.0001';
  if (p >= 0.995) return '1';
  return String(Number(p.toPrecision(2)));
}

/**
 * A relative effect for people: a percentage with a sign and 3 significant digits ("+12.5 %",
 * "−0.7 %"), "—" when undefined (a reference mean of 0).
 *
 * @example formatPercent(71.24) // '+71.2 %'
 */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  if (percent === 0) return '0 %';
  const text = formatNumber(Math.abs(percent));
  return `${percent > 0 ? '+' : '−'}${text} %`;
}
