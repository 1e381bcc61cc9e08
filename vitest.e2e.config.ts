import { defineConfig } from 'vitest/config';

/** Browser tests: the real server on a fresh database, driven through Chromium (see test/e2e/). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
