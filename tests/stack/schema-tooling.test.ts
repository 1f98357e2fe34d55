import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { generateTypes, runAdvisors, typesFile } from '../../scripts/stack/types.ts';

const stack = inject('stack');

describe('Supabase CLI on the migrated database', () => {
  it('the committed app types match the migrations (run `npm run gen:types`)', async () => {
    const fresh = await generateTypes(stack.dbUrl);
    const committed = await readFile(typesFile, 'utf8');
    expect(committed, 'app/src/lib/database.types.ts is stale: run `npm run gen:types`').toBe(fresh);
  });

  it('`supabase db advisors` reports no security or performance findings', async () => {
    // --fail-on warn makes the CLI exit non-zero on any finding, which rejects with its report.
    await expect(runAdvisors(stack.dbUrl, 'all')).resolves.toBeDefined();
  });
});
