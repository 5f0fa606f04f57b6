import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readChartJsSource } from './chartJsSource.ts';
import { allExperimentCharts, buildExperimentCharts } from './experimentCharts.ts';
import { experimentReportHtml } from './experimentReportHtml.ts';
import type { ExperimentReportInput } from './experimentReportInput.ts';
import { renderChartImages, type ChartImageFormat } from './renderChartImages.ts';

/** File name of the experiment page in the output folder. */
export const EXPERIMENT_REPORT_FILE = 'experiment.html';
/** Folder of the chart images in the output folder. */
export const EXPERIMENT_CHARTS_DIR = 'charts';

/** Optional settings of {@link renderExperimentReport}. */
export interface RenderExperimentReportOptions {
  /** Image formats of the chart files (default PNG and SVG; empty: no image files). */
  readonly imageFormats?: readonly ChartImageFormat[];
}

/**
 * Render an experiment report into `outDir` (created if needed), with the comparison report's
 * machinery (chart.js inlined, the same chart runtime, the same PNG/SVG renderer):
 * - `experiment.html`: the self-contained page (src/report/experimentReportHtml.ts);
 * - `charts/<id>.png` and `charts/<id>.svg` for every chart (the folder is replaced, so no image of
 *   an earlier rendering is left behind).
 *
 * Chart ids: `<outcome>-tornado`, `<outcome>-morris`, `<outcome>-mu-star`, `<outcome>-sobol`,
 * `prim-trajectory`, `prim-box`, `<outcome>-vs-<factor>`.
 *
 * @returns the written paths: experiment.html first, then the images in page order.
 * @example await renderExperimentReport(input, 'reports/experiments/guarantee-fund-risk')
 */
export async function renderExperimentReport(input: ExperimentReportInput, outDir: string, options: RenderExperimentReportOptions = {}): Promise<string[]> {
  const charts = buildExperimentCharts(input);
  const specs = allExperimentCharts(charts);
  const formats = options.imageFormats ?? ['png', 'svg'];
  await mkdir(outDir, { recursive: true });
  const chartsDir = path.join(outDir, EXPERIMENT_CHARTS_DIR);
  await rm(chartsDir, { recursive: true, force: true });
  const images = formats.length === 0 ? [] : await renderChartImages(specs, chartsDir, formats);
  const html = experimentReportHtml(input, charts, {
    chartJsSource: await readChartJsSource(),
    exportedChartIds: new Set(images.length === 0 ? [] : specs.map((c) => c.id)),
    imageFormats: formats,
  });
  const htmlPath = path.join(outDir, EXPERIMENT_REPORT_FILE);
  const temporary = `${htmlPath}.tmp-${process.pid}`;
  await writeFile(temporary, html);
  await rename(temporary, htmlPath);
  return [htmlPath, ...images];
}
