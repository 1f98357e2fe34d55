import { defineConfig } from 'vitest/config';

/**
 * Two projects: the Node side (gateway, stack, database, bridge) against one real throw-away stack,
 * and the PWA's tests with the app's Vite plugins. They are kept apart because the Solid plugin adds
 * the `browser` export condition, which would hand Node packages (ws, pg…) their browser builds.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'stack',
          environment: 'node',
          // Unit tests sit next to the code; whole-stack tests live in tests/.
          include: [
            'scripts/**/*.test.ts',
            'tests/**/*.test.ts',
            'print-bridge/**/*.test.ts',
            'supabase/functions/_shared/print/*.test.ts',
          ],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: './vite.config.ts',
        test: {
          name: 'app',
          root: '.',
          // Node by default; DOM tests opt in with a `// @vitest-environment happy-dom` docblock.
          environment: 'node',
          include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
          globalSetup: ['tests/support/compile-messages.ts'],
        },
      },
    ],
  },
});
