import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/renderReport.ts';
import { reportInputFixture } from '../fixtures/report/reportInputFixture.ts';

/**
 * The fixture report opened from disk (file://) in headless Chromium: every collapsible section
 * opened, every chart drawn (non-blank canvas pixels), no console error, no page error, no network
 * request. Screenshots go to reports/screenshots/ (kept by CI as artifacts): report.png (the top of
 * the page at 1280×720), report-outcome.png (the first outcome's charts), report-full.png (the
 * whole page with every section open).
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const SCREENSHOTS = path.resolve('reports/screenshots');

if (!haveChromium) {
  console.warn(
    `Skipping the browser tests: no Chromium at ${CHROMIUM} (install Debian's chromium: apt-get install -y chromium, or set CHROMIUM_PATH).`,
  );
}

describe.skipIf(!haveChromium)('HTML report in headless Chromium', () => {
  let dir: string;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zonesim-report-browser-'));
    profile = await mkdtemp(path.join(os.tmpdir(), 'zonesim-chromium-profile-'));
    await renderReport(reportInputFixture, dir, { images: 'none' });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 720 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  it('draws every chart of every section with no console or page error and no network', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href, { waitUntil: 'load' });
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report.png') });

    // Charts of open sections are drawn on load, the others are not yet.
    const initiallyDrawn = await page.locator('figure[data-state="rendered"]').count();
    const total = await page.locator('figure[data-chart]').count();
    expect(initiallyDrawn).toBeGreaterThan(0);
    expect(initiallyDrawn).toBeLessThan(total); // zoneFirmShare is not a key outcome: drawn when opened
    expect(total).toBe(3 * 3 + 2 + 3);

    // Open every collapsible section, one at a time, as a reader would.
    const closed = page.locator('details:not([open]) > summary');
    for (let guard = 0; guard < 100 && (await closed.count()) > 0; guard++) await closed.first().click();
    expect(await page.locator('details:not([open])').count()).toBe(0);

    await expect.poll(() => page.locator('figure[data-state="rendered"]').count()).toBe(total);
    const canvases = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure[data-chart] canvas')).map((element) => {
        const canvas = element as HTMLCanvasElement;
        const context2d = canvas.getContext('2d');
        if (context2d === null) return { id: canvas.id, width: canvas.width, colours: 0, dark: 0 };
        const { data } = context2d.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set<number>();
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) {
          colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
          if (data[i] + data[i + 1] + data[i + 2] < 384) dark++;
        }
        return { id: canvas.id, width: canvas.width, colours: colours.size, dark };
      }),
    );
    expect(canvases).toHaveLength(total);
    for (const canvas of canvases) {
      expect(canvas.colours, `${canvas.id} colours`).toBeGreaterThan(8);
      expect(canvas.dark, `${canvas.id} dark pixels`).toBeGreaterThan(200);
    }
    const dataUrl = await page.evaluate(() => (document.querySelector('figure[data-chart] canvas') as HTMLCanvasElement).toDataURL());
    expect(dataUrl.length).toBeGreaterThan(5000);
    expect(await page.locator('figure[data-state="failed"]').count()).toBe(0);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-full.png'), fullPage: true });
    await page.locator('#metric-output').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('metric-output')?.scrollIntoView());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-outcome.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows escaped text, not markup, and opens a collapsed section from a link', async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    expect(await page.title()).toBe('Fixture comparison <small> & "quoted"');
    expect(await page.locator('h1').textContent()).toBe('Fixture comparison <small> & "quoted"');
    // The scenario file holds "</script><script>alert(1)</script>": shown as text, never run.
    await page.locator('details.scenario-file summary').last().click();
    await expect.poll(() => page.locator('details.scenario-file pre').last().textContent()).toContain('</script><script>alert(1)</script>');
    await page.locator('button#close-all').click();
    await page.locator('#summary-land-intensive > summary').click();
    await page.locator('#summary-land-intensive a[href="#metric-pollution"]').click();
    await expect.poll(() => page.locator('#metric-pollution').getAttribute('open')).not.toBeNull();
    // Closed again, the same link (same hash: no hashchange) opens it again.
    await page.locator('#metric-pollution > summary').click();
    expect(await page.locator('#metric-pollution').getAttribute('open')).toBeNull();
    await page.locator('#summary-land-intensive a[href="#metric-pollution"]').click();
    await expect.poll(() => page.locator('#metric-pollution').getAttribute('open')).not.toBeNull();
    await expect.poll(() => page.locator('#metric-pollution figure[data-state="rendered"]').count()).toBe(3);
    await page.close();
  });
});
