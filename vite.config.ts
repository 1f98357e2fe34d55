import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { PluginOption } from 'vite';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';
import { compiledMessagesAreStale, paraglideOptions } from './app/paraglide.config.ts';
import { pwaPlugin } from './app/pwa.config.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const isVitest = Boolean(process.env.VITEST);

if (isVitest && compiledMessagesAreStale()) {
  execFileSync(process.execPath, ['--import', 'tsx', 'app/tools/compile-messages.ts'], { cwd: repoRoot, stdio: 'inherit' });
}

// The PWA is built from app/; tests keep running from the repository root (see test.root).
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  envPrefix: 'VITE_',
  plugins: [
    // Under vitest the messages are compiled above instead, once, out of process.
    ...(isVitest ? [] : [paraglideVitePlugin(paraglideOptions)]),
    solid(),
    // The service worker only matters to real browsers; tests would just pay for its generation.
    ...(isVitest ? [] : [pwaPlugin() as PluginOption]),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    root: repoRoot,
    // Unit tests sit next to the code; whole-stack tests live in tests/.
    include: [
      'scripts/**/*.test.ts',
      'tests/**/*.test.ts',
      'app/**/*.test.ts',
      'app/**/*.test.tsx',
      'print-bridge/**/*.test.ts',
    ],
    // Node by default (vite-plugin-solid would otherwise switch every test to jsdom); DOM tests in
    // app/ opt in with a `// @vitest-environment happy-dom` docblock.
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Whole-stack tests share one database; files run in parallel but each test owns its rows.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
