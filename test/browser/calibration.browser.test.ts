import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasInk, CHROMIUM, launchChromium, watchPageProblems } from './chromiumPage.ts';
import { smallRecoveryCalibrationText } from '../calibration/calibrationHelpers.ts';

/**
 * A small calibration (the recovery study's province and priors, N = 20, three generations, run
 * through the real command line) and its calibration.html opened from disk in headless Chromium: with
 * every section open, every chart draws (non-blank canvas pixels) — tolerance, predictions, targets,
 * marginals and pair plots — with no console or page error and no network request. Screenshot:
 * reports/screenshots/calibration.png.
 */

const run = promisify(execFile);
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
    const file = path.join(dir, 'recovery-browser.yaml');
    writeFileSync(file, smallRecoveryCalibrationText(20, 3, 200, ['firms', 'zoneOutputShare', 'zonesOutput']));
    await run(process.execPath, [path.join(ROOT, 'bin', 'zonesim.mjs'), 'calibrate', file, '--out', path.join(dir, 'run'), '--quiet']);
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
    await page.goto(pathToFileURL(path.join(dir, 'run', 'calibration.html')).href);
    await page.click('#open-all');
    await page.waitForTimeout(1500); // sections open, charts draw lazily on open
    const inked = await canvasInk(page);
    expect(inked).toHaveLength(15);
    expect(inked.filter((n) => n === 0)).toEqual([]);
    const states = await page.$$eval('figure[data-chart]', (figures) => figures.map((f) => f.getAttribute('data-state')));
    expect(states.every((s) => s === 'rendered')).toBe(true);
    expect(problems).toEqual([]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'calibration.png') });
  });
});
