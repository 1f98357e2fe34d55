import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { denoBinary, denoNetworkEnv } from '../../scripts/stack/gateway/functions/deno-host.ts';
import { defaultLocalDir, supabaseDir } from '../../scripts/stack/paths.ts';

const run = promisify(execFile);
const functionsDir = path.join(supabaseDir, 'functions');

// Every function folder: its own deno.json resolves its imports, as on deploy.
const functions = readdirSync(functionsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && /^[A-Za-z]/.test(e.name))
  .map((e) => e.name);

/** Deno with the shared npm cache and nothing else of our environment. */
async function deno(cwd: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  const env = {
    ...denoNetworkEnv(),
    DENO_DIR: process.env.DENO_DIR || path.join(defaultLocalDir, 'deno'),
    NO_COLOR: '1',
  };
  try {
    const { stdout, stderr } = await run(denoBinary(), args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? err.message}` };
  }
}

// tsc does not see supabase/functions (Deno code): Deno type-checks it and runs its *_test.ts.
describe.each(functions)('supabase/functions/%s under Deno', (slug) => {
  const cwd = path.join(functionsDir, slug);
  const hasTests = readdirSync(cwd).some((f) => /_test\.tsx?$/.test(f));

  it('type-checks', { timeout: 120_000 }, async () => {
    const result = await deno(cwd, ['check', 'index.ts']);
    expect(result.ok, result.output).toBe(true);
  });

  it.runIf(hasTests)('passes its deno tests', { timeout: 120_000 }, async () => {
    const result = await deno(cwd, ['test', '--allow-env', '--no-prompt']);
    expect(result.ok, result.output).toBe(true);
  });
});
