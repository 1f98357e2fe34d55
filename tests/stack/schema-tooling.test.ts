import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../../scripts/stack/migrate.ts';
import { generateTypes, runAdvisors, typesFile } from '../../scripts/stack/types.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.ts';

const stack = inject('stack');
let db: ScratchDatabase;

// The migrations alone, on a database of their own: other suites add fixtures to the app's one.
beforeAll(async () => {
  db = await createScratchDatabase(stack.adminDbUrl, 'schema_tooling');
  await migrate(db.postgresUrl);
}, 120_000);
afterAll(() => db?.drop());

describe('Supabase CLI on the migrated database', () => {
  it('the committed app types match the migrations (run `npm run gen:types`)', async () => {
    const fresh = await generateTypes(db.postgresUrl);
    const committed = await readFile(typesFile, 'utf8').catch(() => '');
    expect(committed, 'app/src/lib/database.types.ts is stale: run `npm run gen:types`').toBe(fresh);
  });

  it('`supabase db advisors` reports no security or performance warnings', async () => {
    // --fail-on warn makes the CLI exit non-zero on any finding at WARN or above, with its report.
    await expect(runAdvisors(db.postgresUrl, 'all')).resolves.toBeDefined();
  });
});
