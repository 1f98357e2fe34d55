import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { REST_DEFAULTS_FIXTURES_SQL, REST_RPC_FIXTURES_SQL } from './rest-formats-fixtures.ts';
import { type RestHarness, startRestHarness } from './rest-harness.ts';

// Prefer: missing=default on bulk inserts and upserts, as PostgREST fills absent keys; function
// overloads and single unnamed parameters resolved as PostgREST's findProc.
let h: RestHarness;
beforeAll(async () => {
  h = await startRestHarness(inject('stack').adminDbUrl, REST_DEFAULTS_FIXTURES_SQL + REST_RPC_FIXTURES_SQL);
});
afterAll(async () => {
  await h?.stop();
});

const COLS = 'id,serial_no,label,tags,amount,always_id,doubled,code,note';

describe('Prefer: missing=default', () => {
  it('fills identity, serial, expression, array and domain defaults for keys a row leaves out', async () => {
    const r = await h
      .anon()
      .from('defaults_probe')
      .insert([{ label: 'a', note: 'n1' }, { note: 'n2' }, { id: 50, serial_no: 7 }], { defaultToNull: false })
      .select(COLS);
    expect(r.error).toBeNull();
    expect(r.status).toBe(201);
    // Each row draws from the sequences, like PostgREST's jsonb_build_object of the defaults.
    expect(r.data).toEqual([
      { id: 1, serial_no: 1, label: 'a', tags: ['x'], amount: 2.5, always_id: 1, doubled: 5, code: 'ZZ', note: 'n1' },
      {
        id: 2,
        serial_no: 2,
        label: 'unnamed',
        tags: ['x'],
        amount: 2.5,
        always_id: 2,
        doubled: 5,
        code: 'ZZ',
        note: 'n2',
      },
      {
        id: 50,
        serial_no: 7,
        label: 'unnamed',
        tags: ['x'],
        amount: 2.5,
        always_id: 3,
        doubled: 5,
        code: 'ZZ',
        note: null,
      },
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

const postRaw = (fn: string, body: string | Uint8Array, type: string) =>
  fetch(`${h.url}/rest/v1/rpc/${fn}`, { method: 'POST', headers: { apikey: ANON_KEY, 'content-type': type }, body });

describe('a single unnamed parameter takes the whole body', () => {
  it('passes a JSON object or array whole to json', async () => {
    const r = await h.anon().rpc('echo_json', { x: [1, 2], y: 'z' });
    expect(r.error).toBeNull();
    expect(r.data).toEqual({ x: [1, 2], y: 'z' });
    const arr = await postRaw('echo_json', '[{"a":1},{"a":2}]', 'application/json');
    expect(await arr.json()).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('passes text/plain to text and application/octet-stream to bytea', async () => {
    const text = await postRaw('shout', 'hi there', 'text/plain');
    expect(text.status).toBe(200);
    expect(await text.json()).toBe('HI THERE');
    const bytes = await postRaw('byte_count', new Uint8Array([0, 1, 2, 255, 10]), 'application/octet-stream');
    expect(await bytes.json()).toBe(5);
  });

  it('answers a raw body no function takes with PGRST202 naming the parameter type', async () => {
    const r = await postRaw('add', 'hello', 'text/plain');
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({
      code: 'PGRST202',
      details:
        'Searched for the function public.add with a single unnamed text parameter, but no matches were found in the schema cache.',
      hint: null,
      message: 'Could not find the function public.add in the schema cache',
    });
  });

  it('refuses a body type functions cannot take with 400 PGRST102', async () => {
    const r = await postRaw('shout', '%PDF', 'application/pdf');
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      code: 'PGRST102',
      details: null,
      hint: null,
      message: 'Content-Type not acceptable: application/pdf',
    });
    const charset = await postRaw('shout', 'ok', 'text/plain; charset=utf-8');
    expect(await charset.json()).toBe('OK');
  });

  it('prefers an overload whose parameter names match, falling back to the unnamed one', async () => {
    expect((await h.anon().rpc('body_or_named', { n: 1 })).data).toBe('named');
    expect((await h.anon().rpc('body_or_named', { m: 1 })).data).toBe('whole {"m":1}');
  });
});

describe('form and columns= arguments', () => {
  it('takes form fields as arguments, and columns= picks the JSON keys that are', async () => {
    const form = await postRaw('add', 'a=2&b=5', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(200);
    expect(await form.json()).toBe(7);
    const cols = await fetch(`${h.url}/rest/v1/rpc/add?columns=a,b`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
      body: '{"a": 1, "b": 2, "c": 9}',
    });
    expect(await cols.json()).toBe(3);
    const missing = await postRaw('add', 'a=1', 'application/x-www-form-urlencoded');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: 'PGRST202',
      details: 'Searched for the function public.add with parameter a, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.add(a, b)',
      message: 'Could not find the function public.add(a) in the schema cache',
    });
  });
});

describe('overload resolution', () => {
  it('picks the overload by argument names, honouring defaults', async () => {
    expect((await h.anon().rpc('pick', { a: 1 })).data).toBe('a');
    expect((await h.anon().rpc('pick', { a: 1, b: 2 })).data).toBe('a,b');
    expect((await h.anon().rpc('pick', { b: 'x' })).data).toBe('b,c=1');
    expect((await h.anon().rpc('pick', { b: 'x', c: 5 }, { get: true })).data).toBe('b,c=5');
  });

  it('refuses ambiguous calls with 300 PGRST203, candidates in PostgREST order', async () => {
    const r = await h.anon().rpc('amb', { x: 1 });
    expect(r.status).toBe(300);
    expect(r.error).toEqual({
      code: 'PGRST203',
      details: null,
      hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
      message:
        'Could not choose the best candidate function between: public.amb(x => integer, y => integer), public.amb(x => integer, z => text)',
    });
    expect((await h.anon().rpc('amb', { x: 1, z: 2 })).data).toBe('z');
  });

  it('answers unknown argument names with PGRST202 and the closest overload', async () => {
    const r = await h.anon().rpc('pick', { q: 2, a: 1 });
    expect(r.status).toBe(404);
    expect(r.error).toEqual({
      code: 'PGRST202',
      details:
        'Searched for the function public.pick with parameters a, q or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.pick(a, b)',
      message: 'Could not find the function public.pick(a, q) in the schema cache',
    });
    // On GET, a parameter that is no `op.value` expression is an argument, known or not.
    const get = await fetch(`${h.url}/rest/v1/rpc/add?a=1&q=2&limit=1`, { headers: { apikey: ANON_KEY } });
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({
      message: 'Could not find the function public.add(a, q) in the schema cache',
    });
    const name = await h.anon().rpc('pik', {}, { get: true });
    expect(name.error).toEqual({
      code: 'PGRST202',
      details:
        'Searched for the function public.pik without parameters, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.pick',
      message: 'Could not find the function public.pik without parameters in the schema cache',
    });
  });
});
