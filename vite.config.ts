import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin, PluginOption } from 'vite';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { paraglideOptions } from './app/paraglide.config.ts';
import { pwaPlugin } from './app/pwa.config.ts';
import { ANON_KEY, DEFAULT_PORTS } from './scripts/stack/keys.ts';

const isVitest = Boolean(process.env.VITEST);

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Build-time settings of the app. Without environment variables they point at the local stack
 * with the CLI's public demo anon key; app/dev-server.ts overrides them for `npm start`.
 */
export const appEnvDefines = (env: { apiUrl?: string | undefined; anonKey?: string | undefined } = {}) => ({
  'import.meta.env.VITE_SUPABASE_URL': JSON.stringify(
    env.apiUrl ?? process.env.VITE_SUPABASE_URL ?? `http://127.0.0.1:${DEFAULT_PORTS.api}`,
  ),
  'import.meta.env.VITE_SUPABASE_ANON_KEY': JSON.stringify(
    env.anonKey ?? process.env.VITE_SUPABASE_ANON_KEY ?? ANON_KEY,
  ),
  'import.meta.env.VITE_APP_BUILD': JSON.stringify(process.env.VITE_APP_BUILD ?? version),
});

// The PWA is built from app/. Tests are configured in vitest.config.ts (the app's tests reuse this file).
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  envPrefix: 'VITE_',
  define: appEnvDefines(),
  plugins: [
    // Dev server only: it recompiles messages as they are edited. `npm run build` compiles them
    // before Vite and vitest does above, because the in-process compile leaves timers that keep
    // a build or test run alive for ~40 s (see app/tools/compile-messages.ts).
    ...(isVitest
      ? []
      : [paraglideVitePlugin(paraglideOptions)].flat().map((plugin): Plugin => ({ ...plugin, apply: 'serve' }))),
    solid(),
    // The service worker only matters to real browsers; tests would just pay for its generation.
    ...(isVitest ? [] : [pwaPlugin() as PluginOption]),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
