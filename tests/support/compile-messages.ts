import { execFileSync } from 'node:child_process';
import { compiledMessagesAreStale } from '../../app/paraglide.config.ts';
import { repoRoot } from '../../scripts/stack/paths.ts';

/**
 * The app's tests import the compiled Paraglide messages. Compiled out of process: Paraglide's
 * in-process compiler leaves timers that would keep the test run alive.
 */
export default function setup() {
  if (!compiledMessagesAreStale()) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'app/tools/compile-messages.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
