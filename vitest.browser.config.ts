import { defineConfig } from 'vitest/config';

/**
 * Browser tests (test/browser): the HTML report opened in a real headless Chromium (Debian's
 * `chromium`, driven by playwright-core). Run with `npm run test:browser`; skipped with a message when
 * /usr/bin/chromium is missing. Screenshots land in reports/screenshots/ (the CI artifact folder).
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
