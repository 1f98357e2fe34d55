import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REST_DEFAULTS_FIXTURES_SQL } from './rest-formats-fixtures.ts';
import { type RestHarness, startRestHarness } from './rest-harness.ts';

// Prefer: missing=default on bulk inserts and upserts, as PostgREST fills absent keys.
let h: RestHarness;
beforeAll(async () => {
  h = await startRestHarness(inject('stack').adminDbUrl, REST_DEFAULTS_FIXTURES_SQL);
});
afterAll(async () => {
  await h?.stop();
});

const COLS = 'id,serial_no,label,tags,amount,always_id,doubled,note';

describe('Prefer: missing=default', () => {
  it('fills identity, serial, expression and array defaults for keys a row leaves out', async () => {
    const r = await h
      .anon()
      .from('defaults_probe')
      .insert([{ label: 'a', note: 'n1' }, { note: 'n2' }, { id: 50, serial_no: 7 }], { defaultToNull: false })
      .select(COLS);
    expect(r.error).toBeNull();
    expect(r.status).toBe(201);
    // Each row draws from the sequences, like PostgREST's jsonb_build_object of the defaults.
    expect(r.data).toEqual([
      { id: 1, serial_no: 1, label: 'a', tags: ['x'], amount: 2.5, always_id: 1, doubled: 5, note: 'n1' },
      { id: 2, serial_no: 2, label: 'unnamed', tags: ['x'], amount: 2.5, always_id: 2, doubled: 5, note: 'n2' },
      { id: 50, serial_no: 7, label: 'unnamed', tags: ['x'], amount: 2.5, always_id: 3, doubled: 5, note: null },
    ]);
  });

  it('without it, absent keys are null (missing=null), so a NOT NULL column refuses them', async () => {
    const r = await h
      .anon()
      .from('defaults_probe')
      .insert([{ label: 'b' }, { note: 'no label' }]);
    expect(r.status).toBe(400);
    expect(r.error).toMatchObject({ code: '23502' });
    expect((await h.db.query(`select count(*)::int n from defaults_probe where label = 'b'`)).rows[0].n).toBe(0);
  });

  it('fills defaults in upserts: conflicting rows get only the sent columns, new rows the defaults', async () => {
    const r = await h
      .anon()
      .from('defaults_probe')
      .upsert([{ id: 1, note: 'changed' }, { note: 'new' }], { defaultToNull: false })
      .select('id,label,note');
    expect(r.error).toBeNull();
    expect(r.status).toBe(201);
    expect(r.data).toEqual([
      { id: 1, label: 'a', note: 'changed' },
      // 1-3 went to the first insert, 4-5 to the refused one, 6 to the conflicting row's defaults.
      { id: 7, label: 'unnamed', note: 'new' },
    ]);
  });

  it('refuses an explicit value for a GENERATED ALWAYS column as Postgres does', async () => {
    const r = await h
      .anon()
      .from('defaults_probe')
      .insert([{ always_id: 9 }, {}], { defaultToNull: false });
    expect(r.status).toBe(400);
    expect(r.error).toMatchObject({ code: '428C9' });
  });
});
