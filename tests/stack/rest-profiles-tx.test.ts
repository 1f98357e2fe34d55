import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { REST_FORMATS_FIXTURES_SQL } from './rest-formats-fixtures.ts';
import { type RestHarness, startRestHarness } from './rest-harness.ts';

// Several exposed schemas ([api] schemas, Accept-Profile / Content-Profile), count=estimated past
// [api] max_rows, and pgrst.db_tx_end, as PostgREST answers them. One gateway per db_tx_end value.
let h: RestHarness;
let rollbackOverridable: RestHarness;
let rollbackOnly: RestHarness;
beforeAll(async () => {
  const admin = inject('stack').adminDbUrl;
  [h, rollbackOverridable, rollbackOnly] = await Promise.all([
    startRestHarness(admin, REST_FORMATS_FIXTURES_SQL, {
      schemas: ['public', 'graphql_public', 'extra'],
      maxRows: 10,
      dbSettings: { db_tx_end: 'commit-allow-override' },
    }),
    startRestHarness(admin, REST_FORMATS_FIXTURES_SQL, { dbSettings: { db_tx_end: 'rollback-allow-override' } }),
    startRestHarness(admin, REST_FORMATS_FIXTURES_SQL, { dbSettings: { db_tx_end: 'rollback' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([h?.stop(), rollbackOverridable?.stop(), rollbackOnly?.stop()]);
});

const post = (base: RestHarness, path: string, body: unknown, prefer?: string) =>
  fetch(`${base.url}/rest/v1${path}`, {
    method: 'POST',
    headers: { apikey: ANON_KEY, 'content-type': 'application/json', ...(prefer ? { prefer } : {}) },
    body: JSON.stringify(body),
  });
const rows = async (base: RestHarness, sql: string) => (await base.db.query(sql)).rows;

describe('exposed schemas', () => {
  it('reads, writes and calls in the schema chosen by profile headers', async () => {
    const read = await h.anon().schema('extra').from('things').select('*');
    expect(read.error).toBeNull();
    expect(read.data).toEqual([{ id: 1, label: 'extra one' }]);
    const ins = await h.anon().schema('extra').from('things').insert({ id: 2, label: 'two' });
    expect(ins.status).toBe(201);
    expect(await rows(h, 'select label from extra.things where id = 2')).toEqual([{ label: 'two' }]);
    const fn = await h.anon().schema('extra').rpc('hello', { who: 'there' });
    expect(fn.data).toBe('hello there');
  });

  it('names the schema in Content-Profile, the first one by default', async () => {
    const extra = await fetch(`${h.url}/rest/v1/things?select=id`, {
      headers: { apikey: ANON_KEY, 'accept-profile': 'extra' },
    });
    expect(extra.headers.get('content-profile')).toBe('extra');
    expect(await extra.json()).toEqual(await rows(h, 'select id from extra.things'));
    const dflt = await fetch(`${h.url}/rest/v1/csv_items?select=id&id=eq.1`, { headers: { apikey: ANON_KEY } });
    expect(dflt.headers.get('content-profile')).toBe('public');
  });

  it('keeps each schema to its own tables', async () => {
    const r = await h.anon().schema('extra').from('csv_items').select('id');
    expect(r.status).toBe(404);
    expect(r.error).toEqual({
      code: 'PGRST205',
      details: null,
      hint: null,
      message: "Could not find the table 'extra.csv_items' in the schema cache",
    });
  });

  it('refuses a schema that is not exposed with 406 PGRST106', async () => {
    const r = await h.anon().schema('auth').from('users').select('*');
    expect(r.status).toBe(406);
    expect(r.error).toEqual({
      code: 'PGRST106',
      details: null,
      hint: 'Only the following schemas are exposed: public, graphql_public, extra',
      message: 'Invalid schema: auth',
    });
    const write = await fetch(`${h.url}/rest/v1/things`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json', 'content-profile': 'private' },
      body: '{"id": 9, "label": "x"}',
    });
    expect(write.status).toBe(406);
    expect(await rows(h, 'select id from extra.things where id = 9')).toEqual([]);
  });
});

describe('count=estimated past max_rows', () => {
  it('counts exactly up to max_rows, then takes the larger of max_rows + 1 and the estimate', async () => {
    const plan = await h.db.query('explain (format json) select 1 from public.odd_items');
    const estimate = plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows'] as number;
    expect(estimate).toBeLessThan(11);
    const exact = await h.anon().from('odd_items').select('id', { count: 'exact' });
    expect(exact.status).toBe(206);
    expect(exact.data).toHaveLength(10);
    expect(exact.count).toBe(15);
    const estimated = await h.anon().from('odd_items').select('id', { count: 'estimated' });
    expect(estimated.status).toBe(206);
    expect(estimated.count).toBe(11);
    const planned = await h.anon().from('odd_items').select('id', { count: 'planned', head: true });
    expect(planned.count).toBe(estimate);
    const under = await h.anon().from('odd_items').select('id', { count: 'estimated' }).lt('id', 8);
    expect(under.count).toBe(4);
  });
});

describe('pgrst.db_tx_end', () => {
  it('commit-allow-override: commits, and rolls back on Prefer tx=rollback', async () => {
    const kept = await post(h, '/tx_probe', { id: 1, label: 'kept' });
    expect(kept.status).toBe(201);
    expect(kept.headers.get('preference-applied')).toBeNull();
    const undone = await post(h, '/tx_probe', { id: 2, label: 'undone' }, 'return=representation, tx=rollback');
    expect(undone.status).toBe(201);
    expect(undone.headers.get('preference-applied')).toBe('return=representation, tx=rollback');
    expect(await undone.json()).toEqual([{ id: 2, label: 'undone' }]);
    expect(await rows(h, 'select id from public.tx_probe order by id')).toEqual([{ id: 1 }]);
  });

  it('rollback-allow-override: rolls back, and commits on Prefer tx=commit', async () => {
    const undone = await post(rollbackOverridable, '/tx_probe', { id: 1, label: 'undone' });
    expect(undone.status).toBe(201);
    const kept = await post(rollbackOverridable, '/tx_probe', { id: 2, label: 'kept' }, 'tx=commit');
    expect(kept.status).toBe(201);
    expect(kept.headers.get('preference-applied')).toBe('tx=commit');
    expect(await rows(rollbackOverridable, 'select id from public.tx_probe order by id')).toEqual([{ id: 2 }]);
  });

  it('rollback: ignores Prefer tx=commit', async () => {
    const r = await post(rollbackOnly, '/tx_probe', { id: 1, label: 'undone' }, 'tx=commit, return=minimal');
    expect(r.status).toBe(201);
    expect(r.headers.get('preference-applied')).toBe('return=minimal');
    expect(await rows(rollbackOnly, 'select id from public.tx_probe')).toEqual([]);
  });

  it('checks deferred constraints before rolling back, as PostgREST does', async () => {
    const r = await post(rollbackOverridable, '/deferred_child', { id: 1, parent_id: 42 });
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ code: '23503' });
    const fine = await post(rollbackOverridable, '/deferred_parent', { id: 42 });
    expect(fine.status).toBe(201);
    expect(await rows(rollbackOverridable, 'select id from public.deferred_parent')).toEqual([]);
  });
});
