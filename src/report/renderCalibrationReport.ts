import { allCalibrationCharts, buildCalibrationCharts } from './calibrationCharts.ts';
import { calibrationReportHtml } from './calibrationReportHtml.ts';
import type { CalibrationReportInput } from './calibrationReportInput.ts';
import type { ChartImageFormat } from './renderChartImages.ts';
import { REPORT_CHARTS_DIR, writeReportFiles } from './writeReportFiles.ts';

/** File name of the calibration page in the run folder. */
export const CALIBRATION_REPORT_FILE = 'calibration.html';
/** Folder of the chart images in the run folder. */
export const CALIBRATION_CHARTS_DIR = REPORT_CHARTS_DIR;

/** Optional settings of {@link renderCalibrationReport}. */
export interface RenderCalibrationReportOptions {
  /** Image formats of the chart files (default PNG and SVG; empty: no image files). */
  readonly imageFormats?: readonly ChartImageFormat[];
}

/**
 * Render a calibration report into `outDir` (created if needed), with the other reports' machinery
 * (chart.js inlined, the same chart runtime, the same PNG/SVG renderer):
 * - `calibration.html`: the self-contained page (src/report/calibrationReportHtml.ts);
 * - `charts/<id>.png` and `charts/<id>.svg` for every chart (the folder is replaced, so no image of
 *   an earlier rendering is left behind).
 *
 * Chart ids: `tolerance-by-generation`, `prediction-<reporter>`, `target-<target>`,
 * `marginal-<parameter>`, `pair-<parameter>-<parameter>`.
 *
 * @returns the written paths: calibration.html first, then the images in page order.
 * @example await renderCalibrationReport(input, 'reports/calibrations/henan')
 */
export async function renderCalibrationReport(input: CalibrationReportInput, outDir: string, options: RenderCalibrationReportOptions = {}): Promise<string[]> {
  const charts = buildCalibrationCharts(input);
  return writeReportFiles({
    outDir,
    pageFile: CALIBRATION_REPORT_FILE,
    imageCharts: allCalibrationCharts(charts),
    imageFormats: options.imageFormats ?? ['png', 'svg'],
    page: (context) => calibrationReportHtml(input, charts, context),
  });
}
