import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Embedded databases are child processes; a few at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
  },
});
