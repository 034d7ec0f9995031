import { defineConfig } from 'vitest/config';

/** Real-browser tests: the built extension in Debian's Chromium, driven by playwright-core. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // One Chromium at a time: the machines have two cores.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});
