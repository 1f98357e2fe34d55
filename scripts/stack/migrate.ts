import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { binDir, repoRoot, supabaseDir } from './paths.ts';

/**
 * Runs the real Supabase CLI against a database URL. The CLI is the tool that will push these
 * migrations to hosted Supabase, so it (not our own runner) applies and records them locally too.
 */
export function supabaseCli(args: string[], opts: { log?: (line: string) => void } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, 'supabase'), [...args, '--workdir', repoRoot], {
      cwd: repoRoot,
      // No telemetry or update checks: CI and store PCs may have no internet.
      env: {
        ...process.env,
        SUPABASE_TELEMETRY_DISABLED: '1',
        DO_NOT_TRACK: '1',
        SUPABASE_YES: '1',
        // Local Postgres has no TLS; saying so keeps the CLI from trying (and warning on stdout).
        PGSSLMODE: process.env.PGSSLMODE ?? 'disable',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
      opts.log?.(String(d).trimEnd());
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`supabase ${args[0]} ${args[1] ?? ''} failed (exit ${code}):\n${out}\n${err}`));
    });
  });
}

/** Applies pending migrations from supabase/migrations, recorded as the CLI records them. */
export async function migrate(postgresUrl: string, log?: (line: string) => void): Promise<void> {
  await supabaseCli(['migration', 'up', `--remote=${postgresUrl}`, '--include-all', '--yes'], log ? { log } : {});
}

/** Loads supabase/seed.sql as the `postgres` role, the way `supabase db reset` does. */
export async function seed(postgresUrl: string): Promise<void> {
  const sql = await readFile(path.join(supabaseDir, 'seed.sql'), 'utf8');
  if (!sql.trim()) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
