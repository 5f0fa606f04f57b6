import { chromium } from 'playwright-core';
const ctx = await chromium.launchPersistentContext('/tmp/lc/profile', { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 }, args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await ctx.newPage();
const problems: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(String(e)));
await page.goto('file://' + process.argv[2]);
await page.waitForTimeout(1500);
await page.screenshot({ path: process.argv[3], fullPage: false });
const states = await page.$$eval('#claims figure[data-chart]', (fs) => fs.map((f) => f.getAttribute('data-chart') + ':' + f.getAttribute('data-state')));
console.log(states, problems);
if (process.argv[4]) { await page.evaluate(() => document.getElementById('claim-both')?.setAttribute('open','')); await page.waitForTimeout(800); await page.locator('#claim-zones-help').screenshot({ path: process.argv[4] }); }
await ctx.close();
