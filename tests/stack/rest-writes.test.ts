import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signJwt } from '../../scripts/stack/gateway/jwt.ts';
import { ANON_KEY, JWT_SECRET, SERVICE_ROLE_KEY } from '../../scripts/stack/keys.ts';
import { type RestHarness, startRestHarness } from './rest-harness.ts';

// Writes, RLS, errors, auth and RPC through /rest/v1 with supabase-js only; the database is only
// read directly to prove that failed requests wrote nothing.
let h: RestHarness;
beforeAll(async () => {
  h = await startRestHarness(inject('stack').adminDbUrl);
});
afterAll(async () => {
  await h?.stop();
});
const service = () => h.withToken(SERVICE_ROLE_KEY);
const countRows = async (sql: string, params: unknown[] = []) => Number((await h.db.query(sql, params)).rows[0].n);

describe('insert, update, delete, upsert', () => {
  it('inserts one row and returns it with select()', async () => {
    const r = await h
      .anon()
      .from('authors')
      .insert({ name: 'Octavia', tags: ['scifi'] })
      .select()
      .single();
    expect(r.status).toBe(201);
    expect(r.data).toMatchObject({ name: 'Octavia', tags: ['scifi'], bio: null });
    const minimal = await h.anon().from('authors').insert({ name: 'Minimal' });
    expect(minimal).toMatchObject({ status: 201, data: null, error: null });
  });

  it('bulk inserts with columns= and missing=default', async () => {
    const r = await h
      .anon()
      .from('books')
      .insert([{ title: 'Kindred', pages: 264 }, { title: 'Dawn' }], { defaultToNull: false })
      .select('title, pages, price');
    expect(r.error).toBeNull();
    expect(r.data).toEqual([
      { title: 'Kindred', pages: 264, price: 9.99 },
      { title: 'Dawn', pages: null, price: 9.99 },
    ]);
    const nulls = await h
      .anon()
      .from('books')
      .insert([{ title: 'N1', price: 1 }, { title: 'N2' }])
      .select('price');
    expect(nulls.data).toEqual([{ price: 1 }, { price: null }]);
  });

  it('a failing bulk insert writes nothing', async () => {
    const before = await countRows('select count(*) n from books');
    const r = await h
      .anon()
      .from('books')
      .insert([{ title: 'ok one' }, { title: 'bad', pages: -1 }]);
    expect(r.status).toBe(400);
    expect(r.error?.code).toBe('23514');
    expect(await countRows('select count(*) n from books')).toBe(before);
  });

  it('maps constraint violations to PostgREST statuses', async () => {
    const dup = await h.anon().from('authors').insert({ name: 'Ursula' });
    expect(dup.status).toBe(409);
    expect(dup.error).toMatchObject({ code: '23505', details: 'Key (name)=(Ursula) already exists.' });
    const fk = await h.anon().from('books').insert({ title: 'orphan', author_id: 999 });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');
    const notNull = await h.anon().from('books').insert({ pages: 3 });
    expect(notNull.status).toBe(400);
    expect(notNull.error?.code).toBe('23502');
  });

  it('rejects unknown columns with 400 PGRST204 and bad JSON with PGRST102', async () => {
    const r = await h.anon().from('authors').insert({ name: 'x', nope: 1 });
    expect(r.status).toBe(400);
    expect(r.error).toMatchObject({
      code: 'PGRST204',
      message: "Could not find the 'nope' column of 'authors' in the schema cache",
    });
    const raw = await fetch(`${h.url}/rest/v1/authors`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { code: string }).code).toBe('PGRST102');
    const text = await fetch(`${h.url}/rest/v1/authors`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'text/plain' },
      body: 'name=x',
    });
    expect(text.status).toBe(400);
    expect(await text.json()).toEqual({
      code: 'PGRST102',
      details: null,
      hint: null,
      message: 'Content-Type not acceptable: text/plain',
    });
    const huge = await fetch(`${h.url}/rest/v1/authors`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'big', bio: { blob: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect(await countRows(`select count(*) n from authors where name in ('x', 'big')`)).toBe(0);
  });

  it('updates and deletes with filters, returning rows or counts', async () => {
    await h
      .anon()
      .from('genres')
      .insert([
        { id: 10, name: 'ten' },
        { id: 11, name: 'eleven' },
      ]);
    const up = await h.anon().from('genres').update({ name: 'TEN' }).eq('id', 10).select();
    expect(up).toMatchObject({ status: 200, data: [{ id: 10, name: 'TEN' }] });
    const none = await h.anon().from('genres').update({ name: 'x' }, { count: 'exact' }).eq('id', 12345);
    expect(none).toMatchObject({ status: 204, count: 0 });
    const del = await h.anon().from('genres').delete({ count: 'exact' }).in('id', [10, 11]);
    expect(del).toMatchObject({ status: 204, count: 2 });
    const single = await h.anon().from('genres').delete().eq('id', 999).select().single();
    expect(single.status).toBe(406);
  });

  it('rolls a mutation back when single() does not get exactly one row', async () => {
    const r = await h.anon().from('books').update({ pages: 999 }).in('id', [1, 2]).select().single();
    expect(r.status).toBe(406);
    expect(r.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 2 rows' });
    expect(await countRows('select count(*) n from books where pages = 999')).toBe(0);
  });

  it('upserts with merge-duplicates, ignore-duplicates and on_conflict', async () => {
    const merged = await h.anon().from('genres').upsert({ id: 1, name: 'science fiction' }).select();
    expect(merged).toMatchObject({ status: 200, data: [{ id: 1, name: 'science fiction' }] });
    const created = await h.anon().from('genres').upsert({ id: 30, name: 'thirty' }).select();
    expect(created.status).toBe(201);
    const ignored = await h
      .anon()
      .from('genres')
      .upsert({ id: 1, name: 'ignored' }, { ignoreDuplicates: true })
      .select();
    expect(ignored.data).toEqual([]);
    const byName = await h.anon().from('genres').upsert({ id: 31, name: 'thirty' }, { onConflict: 'name' }).select();
    expect(byName.data).toEqual([{ id: 31, name: 'thirty' }]);
    expect(await countRows(`select count(*) n from genres where name = 'thirty'`)).toBe(1);
  });
});

describe('headers and preferences', () => {
  it('ignores Prefer: tx=rollback under the default pgrst.db_tx_end, and reports errors with Proxy-Status', async () => {
    // db_tx_end defaults to `commit`: tx= is recognised but not applied (rest-tx-end.test.ts covers overrides).
    const res = await fetch(`${h.url}/rest/v1/genres`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json', prefer: 'return=representation, tx=rollback' },
      body: JSON.stringify({ id: 77, name: 'not rolled back' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBe('return=representation');
    expect(await res.json()).toEqual([{ id: 77, name: 'not rolled back' }]);
    expect(await countRows('select count(*) n from genres where id = 77')).toBe(1);
    const bad = await fetch(`${h.url}/rest/v1/genres?id=nope.1`, { headers: { apikey: ANON_KEY } });
    expect(bad.headers.get('proxy-status')).toBe('PostgREST; error=PGRST100');
    expect(bad.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('refuses schemas that are not exposed with 406 PGRST106', async () => {
    const r = await h.anon().schema('auth').from('users').select('*');
    expect(r.status).toBe(406);
    expect(r.error).toMatchObject({
      code: 'PGRST106',
      hint: 'Only the following schemas are exposed: public, graphql_public',
    });
  });
});

describe('RLS and roles', () => {
  it('keeps each user to their own rows', async () => {
    const alice = await h.signUp('alice-rest@example.com');
    const bob = await h.signUp('bob-rest@example.com');
    const a = await alice.client.from('notes').insert({ body: 'alice note' }).select().single();
    expect(a.data).toMatchObject({ owner: alice.userId, body: 'alice note' });
    await bob.client.from('notes').insert({ body: 'bob note' });
    expect((await alice.client.from('notes').select('body')).data).toEqual([{ body: 'alice note' }]);
    expect((await bob.client.from('notes').select('body')).data).toEqual([{ body: 'bob note' }]);
    // Another user's row is invisible: updating or deleting it affects nothing.
    const hijack = await bob.client.from('notes').update({ body: 'hijacked' }, { count: 'exact' }).eq('id', a.data?.id);
    expect(hijack).toMatchObject({ status: 204, count: 0 });
    const forged = await bob.client.from('notes').insert({ body: 'as alice', owner: alice.userId });
    expect(forged.status).toBe(403);
    expect(forged.error?.code).toBe('42501');
    const all = await service().from('notes').select('body', { count: 'exact' });
    expect(all.count).toBe(2);
  });

  it('answers anon privilege errors with 401 and sees no RLS rows', async () => {
    expect((await h.anon().from('notes').select('*')).data).toEqual([]);
    const write = await h.anon().from('notes').insert({ body: 'anon' });
    expect(write.status).toBe(401);
    expect(write.error?.code).toBe('42501');
    const secret = await h.anon().from('secrets').select('*');
    expect(secret.status).toBe(401);
    expect(secret.error?.code).toBe('42501');
    expect((await service().from('secrets').select('*')).status).toBe(200);
  });

  it('refuses forged and expired JWTs with PostgREST codes', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: '00000000-0000-0000-0000-000000000001', role: 'authenticated', aud: 'authenticated' };
    const forged = await h
      .withToken(await signJwt({ ...claims, exp: now + 60 }, 'another-secret-of-at-least-32-characters!'))
      .from('books')
      .select('id');
    expect(forged.status).toBe(401);
    expect(forged.error?.code).toBe('PGRST301');
    const expired = await h
      .withToken(await signJwt({ ...claims, exp: now - 60 }, JWT_SECRET))
      .from('books')
      .select('id');
    expect(expired.status).toBe(401);
    expect(expired.error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
    const badRole = await h
      .withToken(await signJwt({ ...claims, role: 'nobody', exp: now + 60 }, JWT_SECRET))
      .from('books')
      .select('id');
    expect(badRole.status).toBe(401);
    expect(badRole.error).toMatchObject({ code: '22023', message: 'role "nobody" does not exist' });
    const garbage = await fetch(`${h.url}/rest/v1/books`, { headers: { apikey: 'garbage' } });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get('www-authenticate')).toContain('Bearer');
    const missing = await fetch(`${h.url}/rest/v1/books`);
    expect(missing.status).toBe(401);
  });
});

describe('RPC', () => {
  it('calls scalar, composite, set-returning and table functions', async () => {
    expect((await h.anon().rpc('add', { a: 2, b: 3 })).data).toBe(5);
    expect((await h.anon().rpc('add', { a: 2, b: 3 }, { get: true })).data).toBe(5);
    const author = await h.anon().rpc('author_by_name', { p_name: 'Italo' });
    expect(author.data).toMatchObject({ id: 2, name: 'Italo' });
    const set = await h
      .anon()
      .rpc('books_by_author', { p_author: 1 })
      .select('title')
      .order('id', { ascending: false })
      .limit(1);
    expect(set.data).toEqual([{ title: 'The Left Hand of Darkness' }]);
    const embedded = await h.anon().rpc('books_by_author', { p_author: 2 }).select('title, reviews(stars)');
    expect(embedded.data).toEqual([{ title: 'Invisible Cities', reviews: [{ stars: 5 }] }]);
    const viaGet = await h.anon().rpc('books_by_author', { p_author: 1 }, { get: true }).eq('pages', 286).select('id');
    expect(viaGet.data).toEqual([{ id: 2 }]);
    const table = await h.anon().rpc('book_counts', {}, { count: 'exact' }).eq('author', 'Ursula');
    expect(table).toMatchObject({ data: [{ author: 'Ursula', n: 2 }], count: 1 });
    expect((await h.anon().rpc('sum_json', { x: 1, y: 2 })).data).toBe(3);
    expect((await h.anon().rpc('tags_of', { p_tags: ['a', 'b', 'c'] }, { get: true })).data).toBe(3);
  });

  it('answers void with 204 and runs stable functions read-only', async () => {
    const alice = await h.signUp('carol-rest@example.com');
    const v = await alice.client.rpc('add_note', { p_body: 'via rpc' });
    expect(v).toMatchObject({ status: 204, data: null, error: null });
    const viaGet = await alice.client.rpc('add_note', { p_body: 'via get' }, { get: true });
    expect(viaGet.status).toBe(405);
    expect(viaGet.error?.code).toBe('25006');
    const who = await alice.client.rpc('whoami');
    expect(who.data).toMatchObject({
      user: 'authenticated',
      claims: { role: 'authenticated', sub: alice.userId },
      method: 'POST',
      path: '/rpc/whoami',
      read_only: 'on',
    });
    expect((await h.anon().rpc('whoami')).data).toMatchObject({ user: 'anon', claims: { role: 'anon' } });
  });

  it('reports raised errors and unknown functions like PostgREST', async () => {
    const raised = await h.anon().rpc('fail_with', { p_msg: 'nope' });
    expect(raised.status).toBe(400);
    expect(raised.error).toMatchObject({
      code: 'P0001',
      message: 'nope',
      details: 'some detail',
      hint: 'from fail_with',
    });
    const missing = await h.anon().rpc('no_such_fn', { a: 1, b: 2 });
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.no_such_fn(a, b) in the schema cache',
      details:
        'Searched for the function public.no_such_fn with parameters a, b or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
    });
  });
});
