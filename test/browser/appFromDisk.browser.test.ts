import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, watchPageProblems } from './chromiumPage.ts';

/**
 * The classroom page opened from disk: `npm run build:app` writes one self-contained file
 * (dist/app/index.html, script, styles and the simulation worker inlined), which must run the model
 * when opened as file://…/index.html — no web server. Built here with Vite's API into a temporary
 * folder; fails on any console error, page error or request that is not file:, data: or the
 * worker's blob: URL.
 * Skipped when /usr/bin/chromium (or CHROMIUM_PATH) is missing.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const haveChromium = existsSync(CHROMIUM);

describe.skipIf(!haveChromium)('classroom page opened from disk (file://) in headless Chromium', () => {
  let outDir: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'zonesim-app-file-'));
    profile = await mkdtemp(path.join(os.tmpdir(), 'zonesim-app-file-chromium-'));
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    context = await launchChromium(profile);
    page = context.pages()[0] ?? (await context.newPage());
    problems = watchPageProblems(page);
  });

  afterAll(async () => {
    await context?.close();
    for (const folder of [outDir, profile]) if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('the build is a single file', () => {
    expect(readdirSync(outDir)).toEqual(['index.html']);
  });

  it('runs a simulation in its worker and plays it to the end, with no error and no request off the disk', async () => {
    const url = pathToFileURL(path.join(outDir, 'index.html')).href;
    expect(url).toMatch(/^file:\/\//);
    await page.goto(url);
    // The first run of the default setting is computed in the (inlined) worker.
    await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
    expect(Number(await page.getAttribute('#status', 'data-policy-ms'))).toBeGreaterThan(0);
    expect(await page.locator('#controls .control').count()).toBeGreaterThan(100);
    await page.click('#end-button');
    await page.waitForSelector('#numbers[data-final="true"]');
    expect(await page.textContent('#year-value')).toBe('Dec 2030');
    const points = await page.locator('#live-charts figure.chart').evaluateAll((figures) => figures.map((f) => Number((f as HTMLElement).dataset.points)));
    expect(points).toHaveLength(9);
    for (const n of points) expect(n).toBe(23);
    const firms = await page.getAttribute('#numbers tr[data-metric="firms"] td[data-side="policy"]', 'data-value');
    expect(Number(firms)).toBeGreaterThan(100);
    // The worker starts from a blob: URL made in the page (local, like file: and data:).
    expect(problems.filter((problem) => !problem.startsWith('network: blob:null/'))).toEqual([]);
  });
});
