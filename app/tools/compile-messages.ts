/**
 * `npm run paraglide`: compiles app/messages into app/src/paraglide (git-ignored) so that tsc and
 * vitest see the same message functions the Vite build generates.
 */
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.ts';

await compile(paraglideOptions);
// The inlang SDK leaves timers running after a compile, which would keep Node alive for ~40 s.
process.exit(0);
