import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and PDF tests share one machine's Chromium: keep file-level parallelism modest.
    maxWorkers: 2,
  },
});
