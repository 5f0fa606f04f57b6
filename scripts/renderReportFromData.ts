/**
 * Re-render a run's report from its `report-data.json` alone (no results store, no simulation):
 * writes `report.html` and `charts/*.png|svg` into the same run folder.
 *
 *   tsx scripts/renderReportFromData.ts reports/<run> [--images all|key|none] [--key-metrics a,b,c]
 *
 * --images       which charts get PNG/SVG files (default all; the page always has every chart)
 * --key-metrics  outcomes open on load (and exported with --images key); default: output,
 *                employment, firms, … (DEFAULT_KEY_METRICS in src/report/reportCharts.ts)
 *
 * Exit codes: 0 done, 1 the folder has no readable report data, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { readReportData } from '../src/report/reportData.ts';
import { renderReport, type ChartImageSelection } from '../src/report/renderReport.ts';

const USAGE = 'usage: renderReportFromData.ts <runDir> [--images all|key|none] [--key-metrics a,b,c]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { images: { type: 'string' }, 'key-metrics': { type: 'string' } },
    });
  } catch (error) {
    process.stderr.write(`renderReportFromData: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    process.stderr.write(`renderReportFromData: expected one run folder\n${USAGE}\n`);
    return 2;
  }
  const images = values.images ?? 'all';
  if (images !== 'all' && images !== 'key' && images !== 'none') {
    process.stderr.write(`renderReportFromData: --images must be all, key or none, got ${images}\n${USAGE}\n`);
    return 2;
  }
  const runDir = positionals[0];
  let input;
  try {
    input = await readReportData(runDir);
  } catch (error) {
    process.stderr.write(`renderReportFromData: ${(error as Error).message}\n`);
    return 1;
  }
  const started = performance.now();
  const keyMetrics = values['key-metrics']?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const files = await renderReport(input, runDir, { images: images as ChartImageSelection, keyMetrics });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${files[0]} (${files.length - 1} chart images, ${seconds} s)\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
