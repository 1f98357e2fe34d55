import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompilerOptions } from '@inlang/paraglide-js';

/**
 * One definition of how messages compile, shared by the Vite plugin (dev and build) and by the
 * `npm run paraglide` step that typecheck and tests need before Vite ever runs.
 */
export const paraglideOptions = {
  project: fileURLToPath(new URL('./project.inlang', import.meta.url)),
  outdir: fileURLToPath(new URL('./src/paraglide', import.meta.url)),
  // A choice the user made wins; otherwise the browser's language; English as the last resort.
  strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
  emitReadme: false,
  emitPrettierIgnore: false,
} satisfies CompilerOptions;

/**
 * Whether the compiled messages are missing or older than a message file or the settings. Vitest
 * uses this to compile only when needed (the Vite plugin's in-process compile would keep the test
 * run from exiting, see tools/compile-messages.ts).
 */
export function compiledMessagesAreStale(): boolean {
  const runtime = path.join(paraglideOptions.outdir, 'runtime.js');
  if (!existsSync(runtime)) return true;
  const compiledAt = statSync(runtime).mtimeMs;
  const messagesDir = fileURLToPath(new URL('./messages', import.meta.url));
  const sources = [
    path.join(paraglideOptions.project, 'settings.json'),
    ...readdirSync(messagesDir).map((f) => path.join(messagesDir, f)),
  ];
  return sources.some((source) => statSync(source).mtimeMs > compiledAt);
}
