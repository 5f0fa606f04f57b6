import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, SvgExportFlag } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration } from 'chart.js/auto';
import type { ChartSpec } from './chartConfigs.ts';
import { loadChartRuntime, type ChartRuntime } from './chartRuntime.ts';
import { compactSvg } from './compactSvg.ts';

/**
 * Draw the report's chart.js configurations in Node with @napi-rs/canvas (Skia): PNG from a raster
 * canvas, SVG from Skia's SVG canvas (`createCanvas(w, h, SvgExportFlag)` → `getContent()`). SVG text stays
 * <text> (font-family "DejaVu Sans", glyphs positioned as drawn), so it can be edited and searched and
 * a chart is ~15–40 kB; converting text to paths (SvgExportFlag.ConvertTextToPaths) would make each
 * file about ten times larger. On a machine without DejaVu Sans the viewer substitutes a sans font.
 *
 * chart.js runs on its basic platform here (no DOM): not responsive, no animation, devicePixelRatio
 * 1, so the images are deterministic for a given chart.js, Skia and font set. The first call sets the
 * report's defaults (fonts, no animation) on chart.js's global `Chart.defaults` in this process.
 */

/** Image formats written for each chart. */
export type ChartImageFormat = 'png' | 'svg';

let runtime: ChartRuntime | null = null;

function chartRuntime(): ChartRuntime {
  if (runtime === null) {
    runtime = loadChartRuntime();
    runtime.applyDefaults(Chart);
  }
  return runtime;
}

function hydratedConfig(spec: ChartSpec): ChartConfiguration {
  return chartRuntime().hydrate(structuredClone(spec.config)) as ChartConfiguration;
}

/** Draw one chart as a PNG (white background, `spec.width` × `spec.height` pixels). */
export async function renderChartPng(spec: ChartSpec): Promise<Buffer> {
  const canvas = createCanvas(spec.width, spec.height);
  const context = canvas.getContext('2d');
  const chart = new Chart(context as unknown as CanvasRenderingContext2D, hydratedConfig(spec));
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

/**
 * Numbers in an SVG's attribute values (coordinates, opacities) cut to 2 decimals — 0.01 px is
 * invisible — for files about 30% smaller (mostly the maps' circles, which Skia writes as curves).
 * Text content (tick labels, titles) is left as drawn.
 */
export function trimSvgDecimals(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_match, value: string) => `="${value.replace(/(\d\.\d\d)\d+/g, '$1')}"`);
}

/**
 * Skia numbers the clip paths of SVG documents with a counter global to the process (`cl_1a`, hexadecimal), so
 * the same chart would get different ids in different runs; renumber them from 1 in order of first
 * appearance, which makes the SVG depend only on the chart.
 */
export function renumberSvgClipIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bcl_[0-9a-f]+\b/g, (id) => {
    let renamed = ids.get(id);
    if (renamed === undefined) {
      renamed = `cl_${ids.size + 1}`;
      ids.set(id, renamed);
    }
    return renamed;
  });
}

/**
 * Draw one chart as an SVG document, `spec.width` × `spec.height` user units (decimals trimmed, clip
 * ids renumbered, circles and lines written compactly: src/report/compactSvg.ts).
 */
export function renderChartSvg(spec: ChartSpec): string {
  const canvas = createCanvas(spec.width, spec.height, SvgExportFlag.NoPrettyXML);
  const context = canvas.getContext('2d');
  const chart = new Chart(context as unknown as CanvasRenderingContext2D, hydratedConfig(spec));
  try {
    return compactSvg(renumberSvgClipIds(trimSvgDecimals(canvas.getContent().toString('utf8'))));
  } finally {
    chart.destroy();
  }
}

/**
 * Write `<dir>/<id>.png` and/or `<dir>/<id>.svg` for every chart, one after the other (chart.js and
 * the canvas are synchronous; a chart takes a few tens of milliseconds). Returns the written paths in
 * chart order, PNG before SVG.
 */
export async function renderChartImages(
  specs: readonly ChartSpec[],
  dir: string,
  formats: readonly ChartImageFormat[] = ['png', 'svg'],
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const spec of specs) {
    if (formats.includes('png')) {
      const file = path.join(dir, `${spec.id}.png`);
      await writeFile(file, await renderChartPng(spec));
      written.push(file);
    }
    if (formats.includes('svg')) {
      const file = path.join(dir, `${spec.id}.svg`);
      await writeFile(file, renderChartSvg(spec));
      written.push(file);
    }
  }
  return written;
}
