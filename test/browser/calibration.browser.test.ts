import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A small calibration (the recovery study's province and priors, N = 20, three generations, run
 * through the real command line) and its calibration.html opened from disk in headless Chromium: with
 * every section open, every chart draws (non-blank canvas pixels) — tolerance, predictions, targets,
 * marginals and pair plots — with no console or page error and no network request. Screenshot:
 * reports/screenshots/calibration.png.
 */

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'reports', 'screenshots');

describe.skipIf(!haveChromium)('calibration report in headless Chromium', () => {
  let dir: string;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zonesim-calibration-browser-'));
    profile = await mkdtemp(path.join(os.tmpdir(), 'zonesim-chromium-profile-'));
    const text = readFileSync(path.join(ROOT, 'scenarios', 'calibrations', 'recovery-small.yaml'), 'utf8')
      .replace('scenario: recovery-small-scenario.yaml', `scenario: ${path.join(ROOT, 'scenarios', 'calibrations', 'recovery-small-scenario.yaml')}`)
      .replace('populationSize: 200', 'populationSize: 20')
      .replace('maxGenerations: 8', 'maxGenerations: 3')
      .replace('maxSimulations: 6000', 'maxSimulations: 200');
    const file = path.join(dir, 'recovery-browser.yaml');
    writeFileSync(file, `${text}predictions:\n  reporters: [firms, zoneOutputShare, zonesOutput]\n`);
    await run(process.execPath, [path.join(ROOT, 'bin', 'zonesim.mjs'), 'calibrate', file, '--out', path.join(dir, 'run'), '--quiet']);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 720 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  it('draws every chart with every section open, with no console or page error and no network', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${String(e)}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network: ${r.url()}`);
    });
    await page.goto(pathToFileURL(path.join(dir, 'run', 'calibration.html')).href);
    await page.click('#open-all');
    await page.waitForTimeout(1500); // sections open, charts draw lazily on open
    const inked = await page.$$eval('canvas', (canvases) =>
      canvases.map((c) => {
        const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      }),
    );
    // 1 tolerance + 3 predictions + 5 targets + 3 marginals + 3 pair plots.
    expect(inked).toHaveLength(15);
    expect(inked.filter((n) => n === 0)).toEqual([]);
    const states = await page.$$eval('figure[data-chart]', (figures) => figures.map((f) => f.getAttribute('data-state')));
    expect(states.every((s) => s === 'rendered')).toBe(true);
    expect(problems).toEqual([]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'calibration.png') });
  });
});
