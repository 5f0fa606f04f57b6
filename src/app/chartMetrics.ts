/**
 * Which outcomes the page charts: named province reporters from src/outcomes/reporters.ts (the same
 * names and labels as the command line's results.csv), and how their values are formatted.
 * Pure module.
 */
import { reportersOfScope, type ProvinceReporter } from '../outcomes/reporters.ts';

/** The main outcomes charted by default, one chart each, by reporter name. */
export const MAIN_CHART_METRICS = [
  'firms',
  'output',
  'zoneFirmShare',
  'zonesOutputPerHa',
  'meanRelatednessDensity',
  'guaranteeNetAssets',
  'platformDebt',
  'pollutionPerOutput',
  'urbanisationRate',
] as const;

/** Every province reporter, in declaration order (the choices of each chart's metric chooser). */
export const PROVINCE_REPORTERS: readonly ProvinceReporter[] = reportersOfScope('province');

/**
 * The province reporter with this name, or undefined.
 *
 * @example reporterByName('zoneFirmShare')?.label // 'Share of firms in zones'
 */
export function reporterByName(name: string): ProvinceReporter | undefined {
  return PROVINCE_REPORTERS.find((r) => r.name === name);
}

/**
 * The chart title of a reporter: its label with its unit and rule ids.
 *
 * @example chartTitle('output') // 'Output (M¥/year) · R5'
 */
export function chartTitle(name: string): string {
  const reporter = reporterByName(name);
  if (!reporter) return name;
  return `${reporter.label} (${reporter.unit}) · ${reporter.rules.join(' ')}`;
}

const compact = new Intl.NumberFormat('en', { maximumSignificantDigits: 3, notation: 'compact' });
const plain = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

/**
 * Format a value for display: shares as percentages, large numbers compactly (12.3K, 1.57M).
 *
 * @example formatValue(0.6072, 'share') // '60.7%'
 * @example formatValue(1574000, 'M¥/year') // '1.57M'
 */
export function formatValue(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'share') return `${(value * 100).toFixed(1)}%`;
  if (Math.abs(value) >= 10000) return compact.format(value);
  return plain.format(value);
}
