import { allExperimentCharts, buildExperimentCharts } from './experimentCharts.ts';
import { experimentReportHtml } from './experimentReportHtml.ts';
import type { ExperimentReportInput } from './experimentReportInput.ts';
import type { ChartImageFormat } from './renderChartImages.ts';
import { REPORT_CHARTS_DIR, writeReportFiles } from './writeReportFiles.ts';

/** File name of the experiment page in the output folder. */
export const EXPERIMENT_REPORT_FILE = 'experiment.html';
/** Folder of the chart images in the output folder. */
export const EXPERIMENT_CHARTS_DIR = REPORT_CHARTS_DIR;

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
  return writeReportFiles({
    outDir,
    pageFile: EXPERIMENT_REPORT_FILE,
    imageCharts: allExperimentCharts(charts),
    imageFormats: options.imageFormats ?? ['png', 'svg'],
    page: (context) => experimentReportHtml(input, charts, context),
  });
}
