import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the installed chart.js keeps its UMD bundle (the one file that defines `window.Chart` in a
 * classic <script>, inlined in report.html). chart.js 4 ships it as `dist/chart.umd.js` (already
 * minified; `chart.umd.min.js` is the same code); it is found beside the package's CommonJS entry,
 * since the package's `exports` do not expose `dist/` directly.
 */
export function chartJsUmdPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');
}

let cached: Promise<string> | null = null;

/** The chart.js UMD bundle's source text (read once per process). */
export function readChartJsSource(): Promise<string> {
  cached ??= readFile(chartJsUmdPath(), 'utf8');
  return cached;
}
