/**
 * Times the report rendering (src/report/renderReport.ts) on the small test fixture and on a large
 * synthetic input the size of the bundled run (17 scenarios × 40 outcomes × 23 steps, 180 zones),
 * and prints the time and the size of report.html and of the chart images.
 *
 *   tsx scripts/benchRenderReport.ts [outDir]      (default: a temporary folder, removed afterwards)
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderReport, type RenderReportOptions } from '../src/report/renderReport.ts';
import type { ReportInput } from '../src/report/reportInput.ts';
import { reportInputFixture } from '../test/fixtures/report/reportInputFixture.ts';
import { syntheticReportInput } from '../test/fixtures/report/syntheticReportInput.ts';

async function time(name: string, input: ReportInput, dir: string, options: RenderReportOptions = {}): Promise<void> {
  const started = performance.now();
  const files = await renderReport(input, dir, options);
  const seconds = (performance.now() - started) / 1000;
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const html = sizes[0];
  const images = sizes.slice(1).reduce((a, b) => a + b, 0);
  console.log(
    `${name}: ${seconds.toFixed(2)} s, ${files.length - 1} image files (${(images / 1e6).toFixed(1)} MB), ` +
      `report.html ${(html / 1e6).toFixed(2)} MB`,
  );
}

const keep = process.argv[2];
const root = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'zonesim-bench-report-')));
try {
  await time('fixture (3 scenarios × 3 outcomes × 5 steps)', reportInputFixture, path.join(root, 'fixture'));
  const large = syntheticReportInput({ scenarios: 17, metrics: 40, steps: 23, zones: 180 });
  await time('synthetic 17 × 40 × 23, all images', large, path.join(root, 'large'));
  await time('synthetic 17 × 40 × 23, key images only', large, path.join(root, 'large-key'), { images: 'key' });
  await time('synthetic 17 × 40 × 23, HTML only', large, path.join(root, 'large-html'), { images: 'none' });
  const huge = syntheticReportInput({ scenarios: 17, metrics: 60, steps: 23, zones: 180 });
  await time('synthetic 17 × 60 × 23, HTML only', huge, path.join(root, 'huge-html'), { images: 'none' });
} finally {
  if (keep === undefined) await rm(root, { recursive: true, force: true });
}
