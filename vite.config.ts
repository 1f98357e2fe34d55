import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin, PluginOption } from 'vite';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { paraglideOptions } from './app/paraglide.config.ts';
import { pwaPlugin } from './app/pwa.config.ts';
import { authClientTrim } from './app/tools/auth-client-trim.ts';
import { guestEntry } from './app/tools/guest-entry.ts';

const isVitest = Boolean(process.env.VITEST);

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Build-time settings of the app. The Supabase URL and anon key come through Vite's env mechanism:
 * app/.env holds the local stack's (its default port, the CLI's public demo anon key), and variables
 * set in the environment win over it, as a hosted build sets them. app/dev-server.ts passes the
 * values of the stack `npm start` runs, which win over both, and its site URL (where table QR codes
 * and links point; the page's own origin when unset).
 */
export const appEnvDefines = (
  env: { apiUrl?: string | undefined; anonKey?: string | undefined; siteUrl?: string | undefined } = {},
) => ({
  ...(env.apiUrl === undefined ? {} : { 'import.meta.env.VITE_SUPABASE_URL': JSON.stringify(env.apiUrl) }),
  ...(env.siteUrl === undefined ? {} : { 'import.meta.env.VITE_SITE_URL': JSON.stringify(env.siteUrl) }),
  ...(env.anonKey === undefined ? {} : { 'import.meta.env.VITE_SUPABASE_ANON_KEY': JSON.stringify(env.anonKey) }),
  'import.meta.env.VITE_APP_BUILD': JSON.stringify(process.env.VITE_APP_BUILD ?? version),
});

// The PWA is built from app/. Tests are configured in vitest.config.ts (the app's tests reuse this file).
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  // app/.env, also for the app's tests, whose root is the repository's.
  envDir: fileURLToPath(new URL('./app', import.meta.url)),
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
    ...(isVitest ? [] : [authClientTrim(), guestEntry()]),
    // The service worker only matters to real browsers; tests would just pay for its generation.
    ...(isVitest ? [] : [pwaPlugin() as PluginOption]),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // Two pages: the staff app, and the guests' menu at /t/<token> (its own small entry, which
      // never downloads the staff app; app/tools/guest-entry.ts routes /t/* to it).
      input: {
        index: fileURLToPath(new URL('./app/index.html', import.meta.url)),
        guest: fileURLToPath(new URL('./app/guest.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          // solid-js and solid-js/web in one chunk: left to itself the bundler splits them apart
          // (plain modules import only solid-js) and every screen pays a second request and its
          // own compression dictionary (~0.4 kB gzip).
          groups: [{ name: 'solid', test: /[\\/]node_modules[\\/]solid-js[\\/]/ }],
        },
      },
    },
  },
});
