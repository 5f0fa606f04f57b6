import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import { writeSmallClaims } from '../claims/claimsTestFiles.ts';
import { CHROMIUM, launchChromium, watchPageProblems } from './chromiumPage.ts';

/**
 * A claims run's report opened from disk in headless Chromium: the claims section is the first thing
 * in the page, every claim row has a verdict, every claims chart draws, with no console error, page
 * error or network request. Screenshot: reports/screenshots/claims.png (the first screen).
 */

const haveChromium = existsSync(CHROMIUM);
const SCREENSHOTS = path.resolve('reports/screenshots');

describe.skipIf(!haveChromium)('claims report in headless Chromium', () => {
  let dir: string;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zonesim-claims-browser-'));
    profile = await mkdtemp(path.join(os.tmpdir(), 'zonesim-chromium-profile-'));
    const code = await main(['node', 'zonesim', 'claims', writeSmallClaims(dir), '--reps', '4', '--workers', '1', '--out', path.join(dir, 'out'), '--images', 'none', '-q'], { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    context = await launchChromium(profile);
  });

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  it('opens with the claims table, a verdict in every row, and draws every claims chart', async () => {
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    await page.goto(pathToFileURL(path.join(dir, 'out', 'report.html')).href, { waitUntil: 'load' });
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'claims.png') });
    expect(await page.$eval('main section', (s) => s.id)).toBe('claims');
    const rows = await page.$$eval('table.claims tr[data-claim]', (trs) => trs.map((tr) => tr.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? null));
    expect(rows.length).toBe(3);
    expect(rows.every((v) => v !== null && v !== '')).toBe(true);
    await page.click('#open-all');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('#claims figure[data-chart]')).every((f) => f.getAttribute('data-state') === 'rendered'));
    const states = await page.$$eval('#claims figure[data-chart]', (fs) => fs.map((f) => f.getAttribute('data-state')));
    expect(states).toEqual(['rendered', 'rendered', 'rendered', 'rendered']);
    expect(problems).toEqual([]);
  });
});
