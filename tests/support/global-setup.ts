import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/stack/free-port.ts';
import { defaultLocalDir } from '../../scripts/stack/paths.ts';
import { type RunningStack, startStack } from '../../scripts/stack/stack.ts';
import { TEST_AUTH_RATE_LIMITS } from './rate-limits.ts';

/** What every test may know of the stack: its URLs and keys, not its lifecycle. */
export type TestStack = Omit<RunningStack, 'stop' | 'created'>;

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/**
 * One real stack per `vitest run`: a throw-away cluster on free ports, bootstrapped, migrated by the
 * Supabase CLI and seeded — the same path as `npm start`, never the developer's .local database.
 */
export default async function setup(project: TestProject) {
  // Functions' npm packages are cached across runs, like the developer's own stack does.
  process.env.DENO_DIR ??= path.join(defaultLocalDir, 'deno');
  const localDir = await mkdtemp(path.join(tmpdir(), 'comanda-test-'));
  const log = process.env.STACK_LOG ? (l: string) => console.log(`[stack] ${l}`) : undefined;
  const stack = await startStack({
    localDir,
    dbPort: await freePort(),
    apiPort: await freePort(),
    authRateLimits: TEST_AUTH_RATE_LIMITS,
    ...(log ? { log } : {}),
  }).catch(async (e) => {
    await rm(localDir, { recursive: true, force: true });
    throw e;
  });
  const { stop, created: _created, ...provided } = stack;
  project.provide('stack', provided);
  return async () => {
    await stop();
    await rm(localDir, { recursive: true, force: true });
  };
}
