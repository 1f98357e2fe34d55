import path from 'node:path';
import { supabaseCli } from './migrate.ts';
import { repoRoot } from './paths.ts';

/** Where the app's generated database types live (committed; a test fails when they are stale). */
export const typesFile = path.join(repoRoot, 'app', 'src', 'lib', 'database.types.ts');

/** The types `supabase gen types typescript` derives from the migrated database. */
export function generateTypes(postgresUrl: string): Promise<string> {
  return supabaseCli(['gen', 'types', 'typescript', `--remote=${postgresUrl}`, '--schema', 'public']);
}

/** Findings of `supabase db advisors` (security and performance lints) as the CLI prints them. */
export async function runAdvisors(postgresUrl: string, type: 'security' | 'performance' | 'all'): Promise<string> {
  return supabaseCli([
    'db',
    'advisors',
    `--remote=${postgresUrl}`,
    '--type',
    type,
    '--level',
    'warn',
    '--fail-on',
    'warn',
  ]);
}
