/**
 * Compact SVG: circles from Skia's curves, H/V lines, no trailing zeros — the same picture (checked
 * by rasterising a chart's SVG before and after), in fewer bytes.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { compactPathData, compactSvg, pathCircle } from '../../src/report/compactSvg.ts';
import { renderChartSvg, renumberSvgClipIds, trimSvgDecimals } from '../../src/report/renderChartImages.ts';
import { buildReportCharts } from '../../src/report/reportCharts.ts';
import { indexReportInput } from '../../src/report/reportView.ts';
import { reportInputFixture } from '../fixtures/report/reportInputFixture.ts';

/** A number with 2 decimals, as Skia writes coordinates. */
const two = (v: number): string => v.toFixed(2);

/**
 * Path data of an ellipse (radii rx, ry) around (cx, cy) — or `turns` of it — drawn as Skia draws a
 * circle: `n` quadratic curves whose control points lie where the tangents at their ends meet,
 * coordinates with 2 decimals.
 */
function quadraticLoop(n: number, cx: number, cy: number, rx: number, ry: number, turns = 1): string {
  const step = (2 * Math.PI * turns) / n;
  const at = (t: number, stretch = 1): string => `${two(cx + rx * stretch * Math.cos(t))} ${two(cy + ry * stretch * Math.sin(t))}`;
  let d = `M${at(0)}`;
  for (let k = 0; k < n; k++) d += `Q${at((k + 0.5) * step, 1 / Math.cos(step / 2))} ${at((k + 1) * step)}`;
  return turns === 1 ? `${d}Z` : d;
}

/** The quadratic-curve path of a circle of radius r at (cx, cy), as Skia writes it. */
function circlePath(cx: number, cy: number, r: number, n = 16): string {
  return quadraticLoop(n, cx, cy, r, r);
}

describe('pathCircle', () => {
  it('finds the circle of a closed path of quadratic curves on it', () => {
    const circle = pathCircle(circlePath(100, 50, 7));
    expect(circle).not.toBeNull();
    expect(circle!.cx).toBeCloseTo(100, 2);
    expect(circle!.cy).toBeCloseTo(50, 2);
    expect(circle!.r).toBeCloseTo(7, 2);
    expect(pathCircle(circlePath(3.5, 4.25, 2.5, 24))?.r).toBeCloseTo(2.5, 2);
  });

  it('leaves an ellipse, an open arc, a short path and other commands alone', () => {
    expect(pathCircle(quadraticLoop(16, 100, 50, 7, 5))).toBeNull();
    expect(pathCircle(quadraticLoop(16, 100, 50, 7, 7, 0.5))).toBeNull();
    expect(pathCircle(circlePath(100, 50, 7, 4))).toBeNull();
    expect(pathCircle('M0 0L1 0L1 1L0 1Z')).toBeNull();
  });
});

describe('compactPathData', () => {
  it('writes lines along an axis as H and V and drops trailing zeros', () => {
    expect(compactPathData('M632.23 49.20L632.23 53.20L631.23 53.20L631.23 49.20')).toBe('M632.23 49.2V53.2H631.23V49.2');
    expect(compactPathData('M10.50 -0.00L12.00 3.10')).toBe('M10.5 0L12 3.1');
  });

  it('returns to the start of the subpath after Z', () => {
    // After Z the current point is (1, 2): a line to (1, 5) is vertical.
    expect(compactPathData('M1.00 2.00L3.00 2.00L3.00 4.00ZL1.00 5.00')).toBe('M1 2H3V4ZV5');
  });

  it('only drops trailing zeros of curves', () => {
    expect(compactPathData('M1.50 2.00Q3.00 4.00 5.10 6.00')).toBe('M1.5 2Q3 4 5.1 6');
  });
});

describe('compactSvg', () => {
  it('turns curve circles into <circle> with their attributes, and drops empty text', () => {
    const svg = `<svg><path fill="white" d="${circlePath(100, 50, 7)}"/><path fill="none" stroke="#888" d="M1.00 2.00L1.00 9.00"/><text x="" y=""></text><text x="1.5">ab</text></svg>`;
    expect(compactSvg(svg)).toBe('<svg><circle fill="white" cx="100" cy="50" r="7"/><path fill="none" stroke="#888" d="M1 2V9"/><text x="1.5">ab</text></svg>');
  });

  it('draws the same picture as the chart Skia wrote (a map of bubbles), in at most 70 % of the bytes', async () => {
    const charts = buildReportCharts(indexReportInput(reportInputFixture));
    const spec = charts.maps[0].chart;
    const compact = renderChartSvg(spec);
    expect(compact).toContain('<circle ');
    // The chart as Skia writes it.
    const { createCanvas: create, SvgExportFlag } = await import('@napi-rs/canvas');
    const { Chart } = await import('chart.js/auto');
    const { loadChartRuntime } = await import('../../src/report/chartRuntime.ts');
    const runtime = loadChartRuntime();
    runtime.applyDefaults(Chart);
    const canvas = create(spec.width, spec.height, SvgExportFlag.NoPrettyXML);
    const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, runtime.hydrate(structuredClone(spec.config)) as never);
    // As written before compaction: decimals trimmed, clip ids renumbered.
    const original = renumberSvgClipIds(trimSvgDecimals(canvas.getContent().toString('utf8')));
    chart.destroy();
    expect(compact.length).toBeLessThan(0.7 * original.length);
    const pixels = async (svg: string): Promise<Uint8ClampedArray> => {
      const image = await loadImage(Buffer.from(svg));
      const raster = createCanvas(spec.width, spec.height);
      const context = raster.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, spec.width, spec.height).data;
    };
    const [a, b] = [await pixels(original), await pixels(compact)];
    let differing = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 8) differing++;
    // Only antialiased edge pixels of the circles may differ (a true circle vs its curves).
    expect(differing / a.length).toBeLessThan(0.002); // 0.08 % when written
    expect(differing).toBeGreaterThan(0); // the circles did change (true circles, not the curves)
  });
});
