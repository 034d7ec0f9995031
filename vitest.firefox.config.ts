import { defineConfig } from 'vitest/config';

/** The Firefox E2E test: the Firefox MV3 E2E build in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi. */
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});
