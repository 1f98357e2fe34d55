import { defineConfig } from 'vitest/config';

// The PWA's build config joins this file with the app issue; for now it carries the test config.
export default defineConfig({
  test: {
    // Unit tests sit next to the code; whole-stack tests live in tests/.
    include: ['scripts/**/*.test.ts', 'tests/**/*.test.ts', 'app/**/*.test.ts', 'print-bridge/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Whole-stack tests share one database; files run in parallel but each test owns its rows.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
