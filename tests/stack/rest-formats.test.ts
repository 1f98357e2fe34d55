import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { REST_FORMATS_FIXTURES_SQL } from './rest-formats-fixtures.ts';
import { type RestHarness, startRestHarness } from './rest-harness.ts';

// Output formats (CSV, nulls stripped, EXPLAIN plans) and counts on functions and HEAD, as
// PostgREST answers them: `h` has pgrst.db_plan_enabled set, `plain` runs PostgREST's defaults.
let h: RestHarness;
let plain: RestHarness;
beforeAll(async () => {
  const admin = inject('stack').adminDbUrl;
  [h, plain] = await Promise.all([
    startRestHarness(admin, REST_FORMATS_FIXTURES_SQL, { dbSettings: { db_plan_enabled: 'true' } }),
    startRestHarness(admin, REST_FORMATS_FIXTURES_SQL),
  ]);
});
afterAll(async () => {
  await Promise.all([h?.stop(), plain?.stop()]);
});

const raw = (base: RestHarness, path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
  fetch(`${base.url}/rest/v1${path}`, { ...init, headers: { apikey: ANON_KEY, ...headers } });

describe('text/csv', () => {
  it('renders rows as PostgREST does: a header line, then each record quoted as Postgres quotes it', async () => {
    const r = await h.anon().from('csv_items').select('*').order('id').csv();
    expect(r.error).toBeNull();
    expect(r.status).toBe(200);
    expect(r.data).toBe('id,name,note,price,tags\n1,plain,,1.50,"{a,b}"\n2,"with, comma","say ""hi""",,{}');
    const res = await raw(h, '/csv_items?select=id,label:name&order=id.desc', { accept: 'text/csv' });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-range')).toBe('0-1/*');
    expect(await res.text()).toBe('id,label\n2,"with, comma"\n1,plain');
  });

  it('picks the Accept type by q-value, then specificity, as PostgREST reads Accept', async () => {
    const csv = await raw(h, '/csv_items?select=id&id=eq.1', { accept: '*/*, text/csv' });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const json = await raw(h, '/csv_items?select=id&id=eq.1', { accept: 'text/csv;q=0.5, application/json' });
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual([{ id: 1 }]);
    const wild = await raw(h, '/csv_items?select=id', { accept: 'application/*' });
    expect(wild.status).toBe(406);
  });

  it('answers an empty result with an empty header line', async () => {
    const r = await h.anon().from('csv_items').select('id').eq('id', 99).csv();
    expect(r.status).toBe(200);
    expect(r.data).toBe('\n');
  });

  it('renders a mutation representation and a function result as CSV', async () => {
    const ins = await raw(
      h,
      '/tx_probe?select=id,label',
      { accept: 'text/csv', 'content-type': 'application/json', prefer: 'return=representation' },
      { method: 'POST', body: JSON.stringify([{ id: 500, label: 'csv "row"' }]) },
    );
    expect(ins.status).toBe(201);
    expect(ins.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await ins.text()).toBe('id,label\n500,"csv ""row"""');
    const fn = await h.anon().rpc('books_by_author', { p_author: 2 }).select('id,title').csv();
    expect(fn.data).toBe('id,title\n3,"Invisible Cities"');
  });
});

describe('application/vnd.pgrst.array+json;nulls=stripped', () => {
  it('drops null members from arrays and single objects', async () => {
    const r = await h.anon().from('csv_items').select('id,note,price').order('id').stripNulls();
    expect(r.error).toBeNull();
    expect(r.data).toEqual([
      { id: 1, price: 1.5 },
      { id: 2, note: 'say "hi"' },
    ]);
    const one = await h.anon().from('csv_items').select('id,note').eq('id', 1).single().stripNulls();
    expect(one.data).toEqual({ id: 1 });
    const res = await raw(h, '/csv_items?select=id,note&id=eq.1', {
      accept: 'application/vnd.pgrst.array+json;nulls=stripped',
    });
    expect(res.headers.get('content-type')).toBe('application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8');
    expect(await res.text()).toBe('[{"id":1}]');
    const obj = await raw(h, '/csv_items?select=id,note&id=eq.1', {
      accept: 'application/vnd.pgrst.object+json;nulls=stripped',
    });
    expect(obj.headers.get('content-type')).toBe('application/vnd.pgrst.object+json;nulls=stripped; charset=utf-8');
    expect(await obj.text()).toBe('{"id":1}');
  });
});

describe('execution plans', () => {
  it('answers explain() as text and JSON with PostgREST media types', async () => {
    const text = await h.anon().from('csv_items').select('id').explain();
    expect(text.error).toBeNull();
    expect(text.status).toBe(200);
    expect(typeof text.data).toBe('string');
    expect(text.data as unknown as string).toMatch(/^Aggregate .*\n.*Seq Scan on csv_items/s);

    const res = await raw(h, '/csv_items?select=id', {
      accept: 'application/vnd.pgrst.plan+json; for="application/json"; options=analyze|verbose',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.pgrst.plan+json; for="application/json"; options=analyze|verbose; charset=utf-8',
    );
    const plan = (await res.json()) as Array<{ Plan: Record<string, unknown> }>;
    expect(plan[0]?.Plan['Node Type']).toBe('Aggregate');
    expect(plan[0]?.Plan['Actual Rows']).toBe(1);
    expect(plan[0]?.Plan.Output).toBeDefined();
  });

  it('plans for the inner media type and through supabase-js options', async () => {
    const r = await h.anon().from('csv_items').select('id').explain({ format: 'json', settings: true, buffers: true });
    expect(r.error).toBeNull();
    expect((r.data as unknown as Array<{ Plan: { 'Node Type': string } }>)[0]?.Plan['Node Type']).toBe('Aggregate');
    const csv = await raw(h, '/csv_items', {
      accept: 'application/vnd.pgrst.plan+json; for="text/csv"; options=verbose',
    });
    expect(csv.headers.get('content-type')).toBe(
      'application/vnd.pgrst.plan+json; for="text/csv"; options=verbose; charset=utf-8',
    );
    expect(await csv.text()).toContain('string_agg');
    const res = await raw(h, '/rpc/numbers?n=3', { accept: 'application/vnd.pgrst.plan; for="text/csv"' });
    expect(res.headers.get('content-type')).toBe('application/vnd.pgrst.plan+text; for="text/csv"; charset=utf-8');
    expect(await res.text()).toMatch(/^Aggregate {2}\(cost=.*\)\n/);
  });

  it('refuses plans with 406 PGRST107 unless pgrst.db_plan_enabled is set', async () => {
    const r = await plain.anon().from('csv_items').select('id').explain();
    expect(r.status).toBe(406);
    expect(r.error).toEqual({
      code: 'PGRST107',
      details: null,
      hint: null,
      message: 'None of these media types are available: application/vnd.pgrst.plan+text; for="application/json"',
    });
    const other = await raw(plain, '/csv_items', { accept: 'application/xml, text/html;q=0.5' });
    expect(other.status).toBe(406);
    expect(await other.json()).toMatchObject({
      code: 'PGRST107',
      message: 'None of these media types are available: application/xml, text/html',
    });
  });
});

describe('Prefer: count on functions and HEAD', () => {
  it('counts set-returning functions exactly, with 206 for a partial page', async () => {
    const all = await h.anon().rpc('books_by_author', { p_author: 1 }, { count: 'exact' });
    expect(all.status).toBe(200);
    expect(all.count).toBe(2);
    const page = await h.anon().rpc('numbers', { n: 5 }, { count: 'exact' }).range(1, 2);
    expect(page.status).toBe(206);
    expect(page.count).toBe(5);
    expect(page.data).toEqual([2, 3]);
    const res = await raw(h, '/rpc/numbers?n=5&limit=2', { prefer: 'count=exact' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('0-1/5');
    expect(res.headers.get('preference-applied')).toBe('count=exact');
  });

  it('counts a single-valued function as one row, and reports no total for count=planned', async () => {
    const res = await raw(h, '/rpc/add?a=1&b=2', { prefer: 'count=exact' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('0-0/1');
    expect(await res.text()).toBe('3');
    const planned = await raw(h, '/rpc/numbers?n=4', { prefer: 'count=planned' });
    expect(planned.status).toBe(200);
    expect(planned.headers.get('content-range')).toBe('0-3/*');
    expect(planned.headers.get('preference-applied')).toBe('count=planned');
    expect(await planned.json()).toEqual([1, 2, 3, 4]);
  });

  it('answers HEAD on functions and tables with counts and no body', async () => {
    const fn = await h.anon().rpc('numbers', { n: 7 }, { head: true, count: 'exact' });
    expect(fn.status).toBe(200);
    expect(fn.count).toBe(7);
    expect(fn.data).toBeNull();
    const res = await raw(h, '/rpc/numbers?n=7&offset=5', { prefer: 'count=exact' }, { method: 'HEAD' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('5-6/7');
    expect(await res.text()).toBe('');
    const tbl = await h.anon().from('csv_items').select('*', { count: 'exact', head: true }).eq('id', 2);
    expect(tbl.status).toBe(200);
    expect(tbl.count).toBe(1);
    expect(tbl.data).toBeNull();
  });

  it("reports the planner's estimate for count=planned and exact counts under max-rows for count=estimated", async () => {
    const plan = await h.db.query('explain (format json) select 1 from public.csv_items');
    const estimate = plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows'] as number;
    const planned = await h.anon().from('csv_items').select('*', { count: 'planned', head: true });
    expect(planned.count).toBe(estimate);
    const res = await raw(h, '/csv_items?select=id&id=eq.1', { prefer: 'count=estimated' });
    expect(res.headers.get('content-range')).toBe('0-0/1');
    expect(res.headers.get('preference-applied')).toBe('count=estimated');
  });
});
