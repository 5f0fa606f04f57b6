import { describe, expect, it } from 'vitest';
import { renderChartPng, renderChartSvg, renumberSvgClipIds, trimSvgDecimals } from '../../src/report/renderChartImages.ts';
import { allCharts, buildReportCharts } from '../../src/report/reportCharts.ts';
import { indexReportInput } from '../../src/report/reportView.ts';
import { reportInputFixture } from '../fixtures/report/reportInputFixture.ts';
import { checkWellFormedXml, pixelStatistics, PNG_SIGNATURE, pngSize } from './imageChecks.ts';

const charts = allCharts(buildReportCharts(indexReportInput(reportInputFixture)));

describe('PNG rendering in Node', () => {
  it.each(charts.map((c) => [c.id, c] as const))('%s is a valid, non-blank PNG of the chart size', async (_id, spec) => {
    const png = await renderChartPng(spec);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: spec.width, height: spec.height });
    expect(png.length).toBeGreaterThan(8000);
    const stats = await pixelStatistics(png);
    expect(stats.colours).toBeGreaterThan(30);
    expect(stats.variance).toBeGreaterThan(50);
    expect(stats.darkShare).toBeGreaterThan(0.002);
    expect(stats.darkShare).toBeLessThan(0.5);
  });

  it('is deterministic', async () => {
    const spec = charts[0];
    expect((await renderChartPng(spec)).equals(await renderChartPng(spec))).toBe(true);
  });

  it('draws the band, the error bars and the zero line', async () => {
    const byId = new Map(charts.map((c) => [c.id, c]));
    // The end-state chart without its error bars has fewer dark pixels than with them.
    const bars = byId.get('output-end-state')!;
    const withoutWhiskers = { ...bars, config: { ...bars.config, data: { ...bars.config.data, datasets: bars.config.data.datasets.map((d) => ({ ...d, errorBars: undefined })) } } };
    const dark = async (spec: typeof bars): Promise<number> => (await pixelStatistics(await renderChartPng(spec))).darkShare;
    expect(await dark(bars)).toBeGreaterThan(await dark(withoutWhiskers));
    // The forest plot without its reference line likewise.
    const forest = byId.get('output-paired-differences')!;
    const plugins = (forest.config.options as { plugins: Record<string, unknown> }).plugins;
    const withoutLine = { ...forest, config: { ...forest.config, options: { ...forest.config.options, plugins: { ...plugins, zonesimReferenceLine: false } } } };
    expect(await dark(forest)).toBeGreaterThan(await dark(withoutLine));
    // The time series without the band fill has fewer colours.
    const series = byId.get('output-time-series')!;
    const withoutBand = { ...series, config: { ...series.config, data: { ...series.config.data, datasets: series.config.data.datasets.map((d) => ({ ...d, fill: false })) } } };
    const colours = async (spec: typeof series): Promise<number> => (await pixelStatistics(await renderChartPng(spec))).colours;
    expect(await colours(series)).toBeGreaterThan((await colours(withoutBand)) + 20);
  });
});

describe('SVG rendering in Node', () => {
  it.each(charts.map((c) => [c.id, c] as const))('%s is well-formed SVG with the chart drawn', async (_id, spec) => {
    const svg = renderChartSvg(spec);
    const elements = checkWellFormedXml(svg);
    expect(svg).toMatch(new RegExp(`<svg [^>]*width="${spec.width}" height="${spec.height}"`));
    expect(elements.get('path') ?? 0).toBeGreaterThan(10);
    expect(elements.get('text') ?? 0).toBeGreaterThan(5);
    const title = spec.config.options as { plugins: { title: { text: string } } };
    const words = title.plugins.title.text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // Skia writes ligatures as their own characters (ﬁ); NFKC turns them back into letters.
    for (const word of words) expect(texts.join(' ').normalize('NFKC')).toContain(word);
    // Rasterised by Skia's SVG reader, it is not blank.
    const stats = await pixelStatistics(Buffer.from(svg));
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.darkShare).toBeGreaterThan(0.002);
  });

  it('is deterministic', () => {
    expect(renderChartSvg(charts[0])).toBe(renderChartSvg(charts[0]));
    expect(renumberSvgClipIds('<clipPath id="cl_15"/><g clip-path="url(#cl_15)"/><clipPath id="cl_9"/>')).toBe(
      '<clipPath id="cl_1"/><g clip-path="url(#cl_1)"/><clipPath id="cl_2"/>',
    );
  });

  it('keeps text content but trims decimals in attributes', () => {
    expect(trimSvgDecimals('<path d="M1.23456 7.891011" opacity="0.749"/><text x="1.23456">0.12345</text>')).toBe(
      '<path d="M1.23 7.89" opacity="0.74"/><text x="1.23">0.12345</text>',
    );
  });
});
