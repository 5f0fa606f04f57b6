import type { ChartSpec } from './chartConfigs.ts';
import { escapeHtml } from './formatting.ts';
import type { ChartImageFormat } from './renderChartImages.ts';
import { allCharts, buildReportCharts, type ReportCharts } from './reportCharts.ts';
import { reportHtml } from './reportHtml.ts';
import type { ReportInput } from './reportInput.ts';
import { indexReportInput } from './reportView.ts';
import { REPORT_CHARTS_DIR, writeReportFiles } from './writeReportFiles.ts';

/**
 * Which charts get PNG/SVG files: every chart; the key charts (see {@link chartsForImages}); or none.
 * The page draws every chart whatever the selection.
 */
export type ChartImageSelection = 'all' | 'key' | 'none';

/**
 * A section the report opens with, before everything else (the claims command's claim → evidence →
 * verdict table and charts, src/report/claimsSection.ts): its HTML (escaped by its author) and the
 * charts its figures draw, which get image files like the key charts.
 */
export interface LeadingSection {
  /** The section's id and its title in the contents (plain text, no markup). */
  readonly id: string;
  readonly title: string;
  readonly html: string;
  readonly charts: readonly ChartSpec[];
}

/** Optional settings of `renderReport`; the defaults suit the runner. */
export interface RenderReportOptions {
  /**
   * Names of the key metrics: their sections are open when the page loads (the others are collapsed
   * and drawn when opened) and, with `images: 'key'`, their charts get image files. Default: those
   * of `DEFAULT_KEY_METRICS` (output, employment, firms, …) in the report, else the first 8.
   */
  readonly keyMetrics?: readonly string[];
  /** Charts written as image files (default 'all'; every chart is still in the HTML page). */
  readonly images?: ChartImageSelection;
  /** Image formats (default both PNG and SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
  /** A section placed first in the page's main content (none by default). */
  readonly leadingSection?: LeadingSection;
}

/** File name of the page in the output folder. */
export const REPORT_HTML_FILE = 'report.html';
/** Folder of the chart images in the output folder. */
export const CHARTS_DIR = REPORT_CHARTS_DIR;

/**
 * The charts that get image files under a selection (page order). 'key': the key metrics' time
 * series, end states and paired differences, every scenario's standardised-effects forest plot (each
 * shows the scenario's effect on every outcome), and one map — the baseline's (else the first) —
 * rather than one per scenario.
 *
 * @param baseline the report's baseline scenario (its map is the one written with 'key').
 */
export function chartsForImages(charts: ReportCharts, selection: ChartImageSelection, baseline: string | null = null): ChartSpec[] {
  if (selection === 'none') return [];
  if (selection === 'all') return allCharts(charts);
  const out: ChartSpec[] = [];
  for (const m of charts.metrics) {
    if (!m.key) continue;
    for (const g of m.groups) {
      out.push(g.timeSeries, g.endState);
      if (g.pairedDifferences !== null) out.push(g.pairedDifferences);
    }
  }
  out.push(...charts.effects.map((c) => c.chart));
  const map = charts.maps.find((c) => c.scenario === baseline) ?? charts.maps[0];
  if (map !== undefined) out.push(map.chart);
  return out;
}

/**
 * Render a comparison report into `outDir` (created if needed):
 * - `report.html`: the self-contained page (chart.js and all chart data inlined; opens from disk with
 *   no network), see src/report/reportHtml.ts;
 * - `charts/<id>.png` and `charts/<id>.svg` for every chart (or the selection in `options.images`),
 *   drawn in Node from the same chart.js configurations as the page. The `charts/` folder is
 *   replaced, so no image of an earlier rendering is left behind.
 *
 * Chart ids: `<metric>-time-series`, `<metric>-end-state`, `<metric>-paired-differences` (for the
 * first scale group; `-<group>` appended for the others, e.g. `output-time-series-province`),
 * `effects-<scenario>` (standardised effects of a scenario on every outcome), `map-<scenario>`.
 * Returns the written paths: report.html first, then the images in page order.
 */
export async function renderReport(input: ReportInput, outDir: string, options: RenderReportOptions = {}): Promise<string[]> {
  const view = indexReportInput(input);
  const charts = buildReportCharts(view, options.keyMetrics);
  const forImages = chartsForImages(charts, options.images ?? 'all', input.baseline);
  const leading = options.leadingSection;
  return writeReportFiles({
    outDir,
    pageFile: REPORT_HTML_FILE,
    imageCharts: leading === undefined || options.images === 'none' ? forImages : [...leading.charts, ...forImages],
    imageFormats: options.imageFormats ?? ['png', 'svg'],
    // The leading section goes first inside <main> (the page's shell is shared with the other reports).
    page: (context) => {
      const html = reportHtml(view, charts, context);
      if (leading === undefined) return html;
      return html
        .replace('<main>\n', () => `<main>\n${leading.html}\n`)
        .replace('<nav aria-label="Contents"><ul>', () => `<nav aria-label="Contents"><ul><li><a href="#${escapeHtml(leading.id)}">${escapeHtml(leading.title)}</a></li>`);
    },
  });
}
