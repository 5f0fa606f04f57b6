import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * What the report browser tests share: headless Chromium (Debian's, or CHROMIUM_PATH) with a
 * throw-away profile and no background network, a page watcher that collects console errors, page
 * errors and any request that leaves the file system, and the count of painted pixels per canvas.
 */

/** Where Chromium is. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch headless Chromium with a persistent profile in `profile` at 1280×720. */
export function launchChromium(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collect the page's console errors, page errors and network requests (anything but file: and data:) into the returned list. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${String(e)}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network: ${r.url()}`);
  });
  return problems;
}

/** The number of painted (non-transparent) pixels of every canvas of the page, in document order. */
export function canvasInk(page: Page): Promise<number[]> {
  return page.$$eval('canvas', (canvases) =>
    canvases.map((c) => {
      const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    }),
  );
}
