import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { allCalibrationCharts, buildCalibrationCharts } from './calibrationCharts.ts';
import { calibrationReportHtml } from './calibrationReportHtml.ts';
import type { CalibrationReportInput } from './calibrationReportInput.ts';
import { readChartJsSource } from './chartJsSource.ts';
import { renderChartImages, type ChartImageFormat } from './renderChartImages.ts';

/** File name of the calibration page in the run folder. */
export const CALIBRATION_REPORT_FILE = 'calibration.html';
/** Folder of the chart images in the run folder. */
export const CALIBRATION_CHARTS_DIR = 'charts';

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
  const specs = allCalibrationCharts(charts);
  const formats = options.imageFormats ?? ['png', 'svg'];
  await mkdir(outDir, { recursive: true });
  const chartsDir = path.join(outDir, CALIBRATION_CHARTS_DIR);
  await rm(chartsDir, { recursive: true, force: true });
  const images = formats.length === 0 ? [] : await renderChartImages(specs, chartsDir, formats);
  const html = calibrationReportHtml(input, charts, {
    chartJsSource: await readChartJsSource(),
    exportedChartIds: new Set(images.length === 0 ? [] : specs.map((c) => c.id)),
    imageFormats: formats,
  });
  const htmlPath = path.join(outDir, CALIBRATION_REPORT_FILE);
  const temporary = `${htmlPath}.tmp-${process.pid}`;
  await writeFile(temporary, html);
  await rename(temporary, htmlPath);
  return [htmlPath, ...images];
}
