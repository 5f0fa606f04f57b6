import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasInk, CHROMIUM, launchChromium, watchPageProblems } from './chromiumPage.ts';

/**
 * The bundled Morris experiment (scenarios/experiments/speech-levers-morris.yaml, 240 runs) run
 * through the real command line, and its experiment.html opened from disk in headless Chromium: with
 * every section open, every chart draws (non-blank canvas pixels), with no console or page error and
 * no network request. Screenshot: reports/screenshots/experiment.png.
 */

const run = promisify(execFile);
const haveChromium = existsSync(CHROMIUM);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'reports', 'screenshots');

describe.skipIf(!haveChromium)('experiment report in headless Chromium', () => {
  let dir: string;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zonesim-experiment-browser-'));
    profile = await mkdtemp(path.join(os.tmpdir(), 'zonesim-chromium-profile-'));
    await run(process.execPath, [
      path.join(ROOT, 'bin', 'zonesim.mjs'),
      'experiment',
      path.join(ROOT, 'scenarios', 'experiments', 'speech-levers-morris.yaml'),
      '--out',
      dir,
      '--quiet',
    ]);
    context = await launchChromium(profile);
  });

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  it('draws every chart with every section open, with no console or page error and no network', async () => {
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(path.join(dir, 'experiment.html')).href);
    await page.click('#open-all');
    await page.waitForTimeout(1500); // sections open, charts draw lazily on open
    const inked = await canvasInk(page);
    expect(inked.length).toBeGreaterThan(20); // tornado, μ*–σ and scatter charts for 6 outcomes
    expect(inked.filter((n) => n === 0)).toEqual([]);
    expect(problems).toEqual([]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'experiment.png') });
  });
});
