import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_REPORT_DATA_FILE, readReportData, REPORT_DATA_FILE, reportDataBytes, reportInputProblem, writeReportData } from '../../src/report/reportData.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { renderReport } from '../../src/report/renderReport.ts';
import { reportInputFixture } from '../fixtures/report/reportInputFixture.ts';
import { syntheticReportInput } from '../fixtures/report/syntheticReportInput.ts';
import { PNG_SIGNATURE } from './imageChecks.ts';

const run = promisify(execFile);
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'zonesim-report-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('renderReport', () => {
  it('writes report.html and a PNG and an SVG per chart, and returns their paths', async () => {
    const dir = path.join(root, 'full');
    const files = await renderReport(reportInputFixture, dir);
    expect(files[0]).toBe(path.join(dir, 'report.html'));
    const charts = 3 * 3 + 2 + 3;
    expect(files).toHaveLength(1 + 2 * charts);
    for (const file of files) expect(existsSync(file)).toBe(true);
    const onDisk = (await readdir(path.join(dir, 'charts'))).sort();
    expect(onDisk).toEqual(files.slice(1).map((f) => path.basename(f)).sort());
    expect(onDisk).toContain('output-time-series.png');
    expect(onDisk).toContain('map-zones-subsidies.svg');
    for (const file of files.filter((f) => f.endsWith('.png'))) {
      expect((await readFile(file)).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
    const html = await readFile(files[0], 'utf8');
    expect(html).toContain('<a href="charts/output-time-series.png">PNG</a>');
    expect((await stat(files[0])).size).toBeLessThan(500_000);
  });

  it('renders the same files again byte for byte, and leaves no stale image behind', async () => {
    const dir = path.join(root, 'again');
    const first = await renderReport(reportInputFixture, dir);
    const contents = await Promise.all(first.map((f) => readFile(f)));
    await writeFile(path.join(dir, 'charts', 'stale.png'), 'old');
    const second = await renderReport(reportInputFixture, dir);
    expect(second).toEqual(first);
    const again = await Promise.all(second.map((f) => readFile(f)));
    for (const [i, buffer] of again.entries()) expect(buffer.equals(contents[i]), second[i]).toBe(true);
    expect(existsSync(path.join(dir, 'charts', 'stale.png'))).toBe(false);
  });

  it('writes images for the key metrics, the forest plots and the baseline’s map only with images: "key"', async () => {
    const dir = path.join(root, 'key');
    const files = await renderReport(reportInputFixture, dir, { images: 'key', keyMetrics: ['output'], imageFormats: ['png'] });
    const names = files.slice(1).map((f) => path.basename(f));
    // output: time series, end state, paired differences; 2 forest plots; 1 map.
    expect(names).toEqual([
      'output-time-series.png',
      'output-end-state.png',
      'output-paired-differences.png',
      'effects-land-intensive.png',
      'effects-zones-subsidies.png',
      'map-baseline.png',
    ]);
    expect(names).not.toContain('pollution-paired-differences.png');
    expect(names).not.toContain('map-zones-subsidies.png');
    expect(names).not.toContain('pollution-time-series.png');
    expect(names.every((n) => n.endsWith('.png'))).toBe(true);
    const html = await readFile(files[0], 'utf8');
    expect(html).not.toContain('.svg"');
    expect(html).toContain('data-chart="pollution-time-series"'); // every chart is still on the page
  });

  it('renders the charts of an outcome recorded in a single year (issue 11, D2)', async () => {
    // A growth reporter is undefined at step 0, so a one-year run records it only at the end: every
    // time series then has one point, and chart.js used to throw "maximumFractionDigits value is out
    // of range" on the degenerate year axis, after every replication was done.
    const dir = path.join(root, 'one-year');
    const input = {
      ...reportInputFixture,
      series: reportInputFixture.series.map((s) => ({ ...s, points: s.points.slice(-1) })),
    };
    const files = await renderReport(input, dir, { imageFormats: ['png'] });
    expect(files[0]).toBe(path.join(dir, 'report.html'));
    expect(path.basename(files[1])).toMatch(/\.png$/);
    const timeSeries = files.filter((f) => f.endsWith('-time-series.png'));
    expect(timeSeries).toHaveLength(reportInputFixture.metrics.length);
    for (const file of timeSeries) expect((await readFile(file)).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('renders a run of the bundled size quickly, with a page that stays small', async () => {
    const dir = path.join(root, 'large');
    const input = syntheticReportInput({ scenarios: 17, metrics: 40, steps: 23, zones: 180 });
    const started = performance.now();
    const files = await renderReport(input, dir, { images: 'none' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(files).toHaveLength(1);
    const html = await readFile(files[0], 'utf8');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(40 * 3 + 16 + 17);
    expect(html.match(/<details class="metric" id="[^"]+" open>/g)).toHaveLength(8);
    expect(html.length).toBeLessThan(4_000_000);
  });
});

describe('report data', () => {
  it('round-trips through report-data.json.gz (gzip of the compact JSON) and rejects other data', async () => {
    const dir = path.join(root, 'data');
    await rm(dir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    expect(REPORT_DATA_FILE).toBe('report-data.json.gz');
    expect(await writeReportData(reportInputFixture, dir)).toBe(path.join(dir, REPORT_DATA_FILE));
    const bytes = readFileSync(path.join(dir, REPORT_DATA_FILE));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // the gzip magic number
    expect(gunzipSync(bytes).toString('utf8')).toBe(`${JSON.stringify(reportInputFixture)}\n`);
    expect(reportDataBytes(reportInputFixture).equals(bytes)).toBe(true); // the same input, the same bytes
    expect(await readReportData(dir)).toEqual(reportInputFixture);
    expect(reportInputProblem([])).toBe('not a JSON object');
    expect(reportInputProblem({ ...reportInputFixture, maps: {} })).toBe('"maps" is not an array');
    await writeFile(path.join(dir, REPORT_DATA_FILE), gzipSync('{"title": 1}'));
    await expect(readReportData(dir)).rejects.toThrow(/report-data\.json\.gz is not report data: "title" is not a string/);
    await writeFile(path.join(dir, REPORT_DATA_FILE), '{"title": 1}');
    await expect(readReportData(dir)).rejects.toThrow(/report-data\.json\.gz is not report data: not gzip-compressed/);
    await writeFile(path.join(dir, REPORT_DATA_FILE), gzipSync('{"title"'));
    await expect(readReportData(dir)).rejects.toThrow(/report-data\.json\.gz is not report data: not JSON/);
  });

  it('reads the uncompressed report-data.json of a folder written by an earlier zonesim', async () => {
    const dir = path.join(root, 'legacy');
    await rm(dir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeFile(path.join(dir, LEGACY_REPORT_DATA_FILE), JSON.stringify(reportInputFixture, null, 1));
    expect(await readReportData(dir)).toEqual(reportInputFixture);
    // Both present: the compressed one (the newer) is read.
    await writeReportData({ ...reportInputFixture, title: 'newer' }, dir);
    expect((await readReportData(dir)).title).toBe('newer');
  });

  it('re-renders a run folder from report-data.json.gz with scripts/renderReportFromData.ts', async () => {
    const dir = path.join(root, 'script');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeReportData(reportInputFixture, dir);
    const script = path.resolve('scripts/renderReportFromData.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, dir, '--images', 'none']);
    expect(stdout).toContain(path.join(dir, 'report.html'));
    expect(stdout).toContain('0 chart images');
    expect(existsSync(path.join(dir, 'report.html'))).toBe(true);
    await expect(run(process.execPath, ['--import', 'tsx', script, dir, '--images', 'some'])).rejects.toMatchObject({ code: 2 });
    await expect(run(process.execPath, ['--import', 'tsx', script, path.join(root, 'missing')])).rejects.toMatchObject({ code: 1 });
  });
});
