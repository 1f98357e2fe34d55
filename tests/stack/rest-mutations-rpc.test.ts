import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { type RestHarness, startRestHarness } from './rest-harness.ts';

// Writes and calls as PostgREST names and filters them: the statement and the representation
// are named after the table (or the function's returned relation), computed fields filter PATCH
// and DELETE, VARIADIC parameters take repeated query parameters or a JSON array.
const FIXTURES_SQL = `
create table public.mut_items (id int primary key, name text not null, qty int not null default 0);
insert into public.mut_items values (1, 'apple', 3), (2, 'banana', 5), (3, 'cherry', 0);
create function public.label(public.mut_items) returns text language sql stable as
  $$ select $1.name || ':' || $1.qty $$;
create function public.list_mut_items() returns setof public.mut_items language sql stable as
  $$ select * from public.mut_items order by id $$;
create function public.sum_all(variadic nums int[]) returns int language sql immutable as
  $$ select coalesce(sum(n), 0)::int from unnest(nums) n $$;
create function public.join_words(sep text, variadic words text[]) returns text language sql immutable as
  $$ select array_to_string(words, sep) $$;
create type public.mut_pair as (k text, n int);
create function public.mut_pairs() returns setof public.mut_pair language sql stable as
  $$ values ('a', 1), ('b', 2) $$;
create type public."Odd ""Pair""" as (k text, n int);
create function public.odd_pairs() returns setof public."Odd ""Pair""" language sql stable as
  $$ values ('a', 1) $$;
create function public.mut_table() returns table (k text, n int) language sql stable as
  $$ values ('a', 1) $$;
create function public.echo_body(json) returns json language sql immutable as $$ select $1 $$;
create function public.called_with(a int default 1) returns int language sql immutable as $$ select a $$;
create function public.variadic_param(variadic v text[] default '{}') returns text[] language sql immutable as
  $$ select v $$;
`;

let h: RestHarness;
beforeAll(async () => {
  h = await startRestHarness(inject('stack').adminDbUrl, FIXTURES_SQL, {
    dbSettings: { db_aggregates_enabled: 'true' },
  });
});
afterAll(async () => {
  await h?.stop();
});

const groupingError = (column: string) => ({
  code: '42803',
  message: `column "${column}" must appear in the GROUP BY clause or be used in an aggregate function`,
  details: null,
  hint: null,
});

describe('database errors name the table, as PostgREST aliases it', () => {
  it('in the representation of a PATCH', async () => {
    const r = await h.anon().from('mut_items').update({ qty: 4 }).eq('id', 1).select('name, qty.sum()').order('id');
    expect(r.status).toBe(400);
    expect(r.error).toEqual(groupingError('mut_items.id'));
    // The failed statement wrote nothing.
    expect((await h.db.query('select qty from public.mut_items where id = 1')).rows).toEqual([{ qty: 3 }]);
  });

  it('in the representation of a DELETE', async () => {
    const r = await h.anon().from('mut_items').delete().eq('id', 3).select('name, qty.sum()').order('id');
    expect(r.status).toBe(400);
    expect(r.error).toEqual(groupingError('mut_items.id'));
  });

  it('in the result of a function returning a table’s rows', async () => {
    const r = await h.anon().rpc('list_mut_items').select('name, qty.sum()').order('id');
    expect(r.status).toBe(400);
    expect(r.error).toEqual(groupingError('mut_items.id'));
  });

  it('in the result of a function returning a composite type, after the type', async () => {
    const r = await h.anon().rpc('mut_pairs').select('n.sum()').order('k');
    expect(r.error).toEqual(groupingError('mut_pair.k'));
    const odd = await h.anon().rpc('odd_pairs').select('n.sum()').order('k');
    expect(odd.error).toEqual(groupingError('Odd "Pair".k'));
  });

  it('in the result of a function returning TABLE, after the function', async () => {
    const r = await h.anon().rpc('mut_table').select('n.sum()').order('k');
    expect(r.error).toEqual(groupingError('mut_table.k'));
  });
});

describe('computed fields filter PATCH and DELETE', () => {
  it('PATCH matches rows by a function of the row', async () => {
    const r = await h.anon().from('mut_items').update({ qty: 6 }).eq('label', 'banana:5').select('id, qty, label');
    expect(r.error).toBeNull();
    expect(r.status).toBe(200);
    expect(r.data).toEqual([{ id: 2, qty: 6, label: 'banana:6' }]);
  });

  it('DELETE matches rows by a function of the row, in a logic tree too', async () => {
    await h.db.query(`insert into public.mut_items values (10, 'gone', 1), (11, 'kept', 1)`);
    const r = await h.anon().from('mut_items').delete().or('label.eq.gone:1,label.eq.nothing:0').select('id');
    expect(r.error).toBeNull();
    expect(r.data).toEqual([{ id: 10 }]);
    expect((await h.db.query('select id from public.mut_items where id >= 10')).rows).toEqual([{ id: 11 }]);
  });
});

describe('VARIADIC parameters', () => {
  const raw = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${h.url}/rest/v1/rpc/${path}`, {
      ...init,
      headers: { apikey: ANON_KEY, ...(init.headers as Record<string, string>) },
    });
    return { status: res.status, body: await res.json() };
  };
  const form = (body: string) =>
    raw('variadic_param', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });

  it('take a JSON array from a POST body', async () => {
    const r = await h.anon().rpc('variadic_param', { v: ['hi', 'hello', 'there'] });
    expect(r.error).toBeNull();
    expect(r.data).toEqual(['hi', 'hello', 'there']);
    const s = await h.anon().rpc('sum_all', { nums: [1, 2, 3] });
    expect(s.data).toBe(6);
    const j = await h.anon().rpc('join_words', { sep: '-', words: ['a', 'b'] });
    expect(j.data).toBe('a-b');
  });

  it('take repeated query parameters on GET, none through the default, one as an array of one', async () => {
    expect(await raw('variadic_param')).toEqual({ status: 200, body: [] });
    expect(await raw('variadic_param?v=hi')).toEqual({ status: 200, body: ['hi'] });
    expect(await raw('variadic_param?v=hi&v=there&v=a%22b%5Cc')).toEqual({
      status: 200,
      body: ['hi', 'there', 'a"b\\c'],
    });
    expect(await raw('sum_all?nums=4&nums=5')).toEqual({ status: 200, body: 9 });
    // A repeated argument that is not VARIADIC keeps its last value.
    expect(await raw('join_words?sep=x&sep=%2B&words=a&words=b')).toEqual({ status: 200, body: 'a+b' });
  });

  it('take repeated fields of a form body', async () => {
    expect(await form('')).toEqual({ status: 200, body: [] });
    expect(await form('v=hi')).toEqual({ status: 200, body: ['hi'] });
    expect(await form('v=hi&v=there')).toEqual({ status: 200, body: ['hi', 'there'] });
  });
});

describe('a JSON scalar body sent to a function', () => {
  it('reaches a single unnamed json parameter as an empty array, as PostgREST truncates it', async () => {
    for (const scalar of [5, 'hello', true]) {
      const r = await h.anon().rpc('echo_body', scalar as unknown as Record<string, unknown>);
      expect(r.error).toBeNull();
      expect(r.status).toBe(200);
      expect(r.data).toEqual([]);
    }
    // An object still arrives whole.
    expect((await h.anon().rpc('echo_body', { a: 1 })).data).toEqual({ a: 1 });
  });

  it('gives no arguments to named parameters, so defaults apply', async () => {
    const r = await h.anon().rpc('called_with', 42 as unknown as Record<string, unknown>);
    expect(r.error).toBeNull();
    expect(r.data).toBe(1);
  });

  it('refuses an array of scalars as arguments with PGRST102', async () => {
    const r = await h.anon().rpc('echo_body', [1, 2] as unknown as Record<string, unknown>);
    expect(r.status).toBe(400);
    expect(r.error).toEqual({ code: 'PGRST102', message: 'All object keys must match', details: null, hint: null });
  });
});
