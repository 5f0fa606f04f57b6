import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChartSpec } from './chartConfigs.ts';
import { readChartJsSource } from './chartJsSource.ts';
import { renderChartImages, type ChartImageFormat } from './renderChartImages.ts';

/** Folder of the chart images in a report's folder. */
export const REPORT_CHARTS_DIR = 'charts';

/** What every report page is built with besides its own data and charts. */
export interface ReportPageContext {
  /** chart.js's UMD bundle, inlined in the page. */
  readonly chartJsSource: string;
  /** Ids of the charts written as image files `charts/<id>.<format>`. */
  readonly exportedChartIds: ReadonlySet<string>;
  readonly imageFormats: readonly ChartImageFormat[];
}

/** Options of {@link writeReportFiles}. */
export interface WriteReportFilesOptions {
  readonly outDir: string;
  /** The page's file name, e.g. `report.html`. */
  readonly pageFile: string;
  /** The charts written as image files (in page order). */
  readonly imageCharts: readonly ChartSpec[];
  /** Their formats (empty: no image files). */
  readonly imageFormats: readonly ChartImageFormat[];
  /** The page's HTML. */
  readonly page: (context: ReportPageContext) => string;
}

/**
 * Write a report's files into `outDir` (created if needed): the chart images into `charts/` — the
 * folder is replaced, so no image of an earlier rendering is left behind — and then the page, through
 * a temporary file renamed into place (a reader never sees half a page). The comparison, experiment
 * and calibration reports are all written so.
 *
 * @returns the written paths: the page first, then the images in page order.
 * @example await writeReportFiles({ outDir, pageFile: 'report.html', imageCharts: specs, imageFormats: ['svg'], page: (c) => html(c) })
 */
export async function writeReportFiles(options: WriteReportFilesOptions): Promise<string[]> {
  const { outDir, imageCharts, imageFormats } = options;
  await mkdir(outDir, { recursive: true });
  const chartsDir = path.join(outDir, REPORT_CHARTS_DIR);
  await rm(chartsDir, { recursive: true, force: true });
  const images = imageCharts.length === 0 || imageFormats.length === 0 ? [] : await renderChartImages(imageCharts, chartsDir, imageFormats);
  const html = options.page({
    chartJsSource: await readChartJsSource(),
    exportedChartIds: new Set(images.length === 0 ? [] : imageCharts.map((c) => c.id)),
    imageFormats,
  });
  const pagePath = path.join(outDir, options.pageFile);
  const temporary = `${pagePath}.tmp-${process.pid}`;
  await writeFile(temporary, html);
  await rename(temporary, pagePath);
  return [pagePath, ...images];
}
