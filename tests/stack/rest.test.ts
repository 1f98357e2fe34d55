import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANON_KEY, SERVICE_ROLE_KEY } from '../../scripts/stack/keys.ts';
import { type RestHarness, startRestHarness } from './rest-harness.ts';

// Reads through /rest/v1 with supabase-js exactly as the app uses it: select grammar, embedding,
// filters, ordering, ranges, counts and the single-object media type.
let h: RestHarness;
beforeAll(async () => {
  h = await startRestHarness(inject('stack').adminDbUrl);
});
afterAll(async () => {
  await h?.stop();
});

describe('select grammar', () => {
  it('selects columns with aliases, casts and JSON paths', async () => {
    const { data, error } = await h
      .anon()
      .from('authors')
      .select('id, who:name, id_text:id::text, born:bio->born, city:bio->address->>city, first_lang:bio->langs->>0')
      .eq('id', 1)
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ id: 1, who: 'Ursula', id_text: '1', born: 1929, city: 'Berkeley', first_lang: 'en' });
  });

  it('names an unaliased JSON path after its last key', async () => {
    const { data } = await h.anon().from('authors').select('bio->born').eq('id', 2);
    expect(data).toEqual([{ born: 1923 }]);
  });

  it('embeds to-one, to-many and many-to-many relationships', async () => {
    const { data, error } = await h
      .anon()
      .from('books')
      .select('title, author:authors!author_id(name), reviews(stars), genres(name)')
      .eq('id', 1)
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({
      title: 'The Dispossessed',
      author: { name: 'Ursula' },
      reviews: expect.arrayContaining([{ stars: 5 }, { stars: 4 }]),
      genres: [{ name: 'scifi' }],
    });
  });

  it('renders a missing to-one as null and an empty to-many as []', async () => {
    const { data } = await h
      .anon()
      .from('books')
      .select('id, editor:authors!books_editor_fkey(name), reviews(id)')
      .eq('id', 2)
      .single();
    expect(data).toEqual({ id: 2, editor: null, reviews: [] });
  });

  it('filters, orders and limits embedded rows, and !inner filters parents', async () => {
    const { data } = await h
      .anon()
      .from('authors')
      .select('name, books!author_id!inner(title)')
      .eq('books.title', 'Invisible Cities');
    expect(data).toEqual([{ name: 'Italo', books: [{ title: 'Invisible Cities' }] }]);

    const { data: ordered } = await h
      .anon()
      .from('authors')
      .select('name, books!author_id(title)')
      .eq('id', 1)
      .order('title', { referencedTable: 'books', ascending: false })
      .limit(1, { referencedTable: 'books' });
    expect(ordered).toEqual([{ name: 'Ursula', books: [{ title: 'The Left Hand of Darkness' }] }]);
  });

  it('keeps parents whose embedded rows were filtered away unless !inner', async () => {
    const { data } = await h.anon().from('books').select('id, reviews(stars)').gte('reviews.stars', 5).order('id');
    expect(data?.map((b) => b.reviews.length)).toEqual([1, 0, 1, 0]);
    const { data: withNull } = await h.anon().from('books').select('id, reviews()').is('reviews', null).order('id');
    expect(withNull).toEqual([{ id: 2 }, { id: 4 }]);
  });

  it('spreads a to-one embed into the parent', async () => {
    const { data } = await h.anon().from('books').select('title, ...authors!author_id(author_name:name)').eq('id', 3);
    expect(data).toEqual([{ title: 'Invisible Cities', author_name: 'Italo' }]);
  });

  it('answers ambiguous embeds with 300 PGRST201 and missing ones with 400 PGRST200', async () => {
    const amb = await h.anon().from('books').select('*, authors(*)');
    expect(amb.status).toBe(300);
    expect(amb.error?.code).toBe('PGRST201');
    expect(amb.error?.hint).toBe(
      "Try changing 'authors' to one of the following: 'authors!books_author_id_fkey', 'authors!books_editor_fkey'. Find the desired relationship in the 'details' key.",
    );
    const none = await h.anon().from('genres').select('*, reviews(*)');
    expect(none.status).toBe(400);
    expect(none.error).toMatchObject({
      code: 'PGRST200',
      message: "Could not find a relationship between 'genres' and 'reviews' in the schema cache",
    });
  });
});

describe('filters', () => {
  const ids = async (q: PromiseLike<{ data: Array<{ id: number }> | null; error: unknown }>) => {
    const { data, error } = await q;
    expect(error).toBeNull();
    return (data ?? []).map((r) => r.id).sort((a, b) => a - b);
  };
  const books = () => h.anon().from('books').select('id');

  it('supports every comparison operator', async () => {
    expect(await ids(books().eq('pages', 387))).toEqual([1]);
    expect(await ids(books().neq('pages', 387))).toEqual([2, 3, 4]);
    expect(await ids(books().gt('pages', 200))).toEqual([1, 2]);
    expect(await ids(books().gte('pages', 286))).toEqual([1, 2]);
    expect(await ids(books().lt('pages', 170))).toEqual([3]);
    expect(await ids(books().lte('pages', 174))).toEqual([3, 4]);
    expect(await ids(books().like('title', '%Dark%'))).toEqual([2]);
    expect(await ids(books().ilike('title', 'the%'))).toEqual([1, 2]);
    expect(await ids(books().is('editor_id', null))).toEqual([2, 4]);
    expect(await ids(books().not('editor_id', 'is', null))).toEqual([1, 3]);
    expect(await ids(books().in('id', [1, 3, 99]))).toEqual([1, 3]);
    expect(await ids(books().in('title', ['Ficciones', 'a,b "quoted"']))).toEqual([4]);
    expect(await ids(books().match({ author_id: 1, pages: 286 }))).toEqual([2]);
    expect(await ids(books().filter('title', 'imatch', '^the'))).toEqual([1, 2]);
    expect(await ids(books().textSearch('title', "'cities'", { config: 'english' }))).toEqual([3]);
    expect(await ids(books().textSearch('title', 'left hand', { type: 'plain' }))).toEqual([2]);
  });

  it('supports array and JSON containment and overlap', async () => {
    const authors = () => h.anon().from('authors').select('id');
    expect(await ids(authors().contains('tags', ['scifi']))).toEqual([1]);
    expect(await ids(authors().containedBy('tags', ['fables', 'x']))).toEqual([2, 3]);
    expect(await ids(authors().overlaps('tags', ['fantasy', 'fables']))).toEqual([1, 2]);
    expect(await ids(authors().contains('bio', { langs: ['fr'] }))).toEqual([2]);
    expect(await ids(authors().eq('bio->>born', '1929'))).toEqual([1]);
  });

  it('combines with or, nested and, and not', async () => {
    expect(await ids(books().or('pages.lt.170,and(author_id.eq.1,pages.gt.300)'))).toEqual([1, 3]);
    expect(await ids(books().not('id', 'in', '(1,2)'))).toEqual([3, 4]);
    expect(await ids(books().or('title.eq.Ficciones,title.eq."Invisible Cities"'))).toEqual([3, 4]);
    expect(await ids(books().or('id.eq.1,id.eq.2').or('id.eq.2,id.eq.3'))).toEqual([2]);
  });

  it('treats SQL-looking input as data', async () => {
    expect(await ids(books().eq('title', "x'; drop table books; --"))).toEqual([]);
    const bad = await h.anon().from('books').select('id; drop table books');
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe('PGRST100');
    const weird = await h.anon().from('books').select('"drop table books"');
    expect(weird.status).toBe(400);
    expect(weird.error).toMatchObject({ code: '42703', message: 'column books.drop table books does not exist' });
    const { count } = await h.anon().from('books').select('*', { count: 'exact', head: true });
    expect(count).toBe(4);
  });

  it('rejects malformed filters with 400 PGRST100', async () => {
    const r = await h.anon().from('books').select('id').filter('pages', 'between', '1');
    expect(r.status).toBe(400);
    expect(r.error?.code).toBe('PGRST100');
    const r2 = await h.anon().from('books').select('id').or('pages.eq.1,(');
    expect(r2.error?.code).toBe('PGRST100');
  });

  it('answers a non-UUID for a uuid column with 400 22P02', async () => {
    const r = await h.anon().from('reviews').select('id').eq('id', 'not-a-uuid');
    expect(r.status).toBe(400);
    expect(r.error?.code).toBe('22P02');
  });
});

describe('order, ranges and counts', () => {
  it('orders by several columns with nulls placement', async () => {
    const { data } = await h
      .anon()
      .from('books')
      .select('id')
      .order('editor_id', { ascending: false, nullsFirst: true })
      .order('id');
    expect(data?.map((b) => b.id)).toEqual([2, 4, 1, 3]);
  });

  it('reports Content-Range counts and 206 for partial pages', async () => {
    const r = await h.anon().from('books').select('id', { count: 'exact' }).order('id').range(1, 2);
    expect(r.status).toBe(206);
    expect(r.count).toBe(4);
    expect(r.data).toEqual([{ id: 2 }, { id: 3 }]);
    const all = await h.anon().from('books').select('id', { count: 'exact' });
    expect(all.status).toBe(200);
    expect(all.count).toBe(4);
  });

  it('counts with HEAD without a body', async () => {
    const r = await h.anon().from('books').select('*', { count: 'exact', head: true }).gt('pages', 200);
    expect(r).toMatchObject({ status: 200, count: 2, data: null, error: null });
  });

  it('answers an offset past the end with 416 PGRST103', async () => {
    const r = await h.anon().from('books').select('id', { count: 'exact' }).range(10, 12);
    expect(r.status).toBe(416);
    expect(r.error).toMatchObject({
      code: 'PGRST103',
      message: 'Requested range not satisfiable',
      details: 'An offset of 10 was requested, but there are only 4 rows.',
    });
  });

  it('reads the Range header on GET as PostgREST does, and refuses an inverted one with 416 PGRST103', async () => {
    const get = (range: string, query = 'select=id&order=id') =>
      fetch(`${h.url}/rest/v1/books?${query}`, { headers: { apikey: ANON_KEY, Range: range, Prefer: 'count=exact' } });
    const page = await get('1-2');
    expect(page.status).toBe(206);
    expect(page.headers.get('content-range')).toBe('1-2/4');
    expect(await page.json()).toEqual([{ id: 2 }, { id: 3 }]);
    // The header meets limit/offset: rows 1..2 of the header and 2..3 of the query leave row 2.
    const both = await get('1-2', 'select=id&order=id&offset=2&limit=2');
    expect(await both.json()).toEqual([{ id: 3 }]);

    const inverted = await get('5-1');
    expect(inverted.status).toBe(416);
    expect(await inverted.json()).toEqual({
      code: 'PGRST103',
      details: 'The lower boundary must be lower than or equal to the upper boundary in the Range header.',
      hint: null,
      message: 'Requested range not satisfiable',
    });
    const disjoint = await get('0-1', 'select=id&offset=3');
    expect(disjoint.status).toBe(416);
    expect(((await disjoint.json()) as { details: string }).details).toBe(
      'Limit should be greater than or equal to zero.',
    );
    // Not a range PostgREST knows (RangeQuery's `^[0-9]+-[0-9]*$`): every row.
    expect(await (await get('items=0-1')).json()).toHaveLength(4);
  });

  it('parses limit and offset as PostgREST does: a negative limit is 416, a non-integer is ignored', async () => {
    const get = (query: string) =>
      fetch(`${h.url}/rest/v1/books?select=id&${query}`, { headers: { apikey: ANON_KEY } });
    const negative = await get('limit=-1');
    expect(negative.status).toBe(416);
    expect(await negative.json()).toEqual({
      code: 'PGRST103',
      details: 'Limit should be greater than or equal to zero.',
      hint: null,
      message: 'Requested range not satisfiable',
    });
    // PostgREST reads limit and offset with Haskell's readMaybe (QueryParams.hs: limitParams and
    // offsetParams) and drops what does not read as an integer, so these ask for every row.
    for (const query of ['limit=abc', 'limit=1.5', 'offset=abc']) {
      const r = await get(query);
      expect(r.status).toBe(200);
      expect(await r.json()).toHaveLength(4);
    }
    const none = await get('limit=0');
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual([]);
  });

  it('caps huge limits at max rows instead of failing', async () => {
    const r = await h.anon().from('books').select('id').limit(Number.MAX_SAFE_INTEGER);
    expect(r.error).toBeNull();
    expect(r.data).toHaveLength(4);
    const r2 = await fetch(`${h.url}/rest/v1/books?select=id&limit=99999999999999999999999`, {
      headers: { apikey: ANON_KEY },
    });
    expect(r2.status).toBe(200);
  });

  it('single() returns an object, or 406 PGRST116; maybeSingle() gives null for no row', async () => {
    const one = await h.anon().from('authors').select('name').eq('id', 3).single();
    expect(one.data).toEqual({ name: 'Jorge' });
    const none = await h.anon().from('authors').select('name').eq('id', 42).single();
    expect(none.status).toBe(406);
    expect(none.error).toMatchObject({
      code: 'PGRST116',
      message: 'Cannot coerce the result to a single JSON object',
      details: 'The result contains 0 rows',
    });
    const many = await h.anon().from('authors').select('name').single();
    expect(many.error?.details).toBe('The result contains 3 rows');
    const maybe = await h.anon().from('authors').select('name').eq('id', 42).maybeSingle();
    expect(maybe).toMatchObject({ data: null, error: null });
  });

  it('answers unknown tables with 404 PGRST205 and unknown columns with 400', async () => {
    const t = await h.anon().from('bookz').select('*');
    expect(t.status).toBe(404);
    expect(t.error).toMatchObject({
      code: 'PGRST205',
      message: "Could not find the table 'public.bookz' in the schema cache",
      hint: "Perhaps you meant the table 'public.books'",
    });
    const c = await h.anon().from('books').select('nope');
    expect(c.status).toBe(400);
    expect(c.error).toMatchObject({ code: '42703', message: 'column books.nope does not exist' });
  });
});

describe('the OpenAPI root', () => {
  it('lists only the tables and functions the caller’s role may use (follow-privileges)', async () => {
    const pathsFor = async (bearer?: string) => {
      const headers: Record<string, string> = { apikey: ANON_KEY };
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      const res = await fetch(`${h.url}/rest/v1/`, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/openapi+json; charset=utf-8');
      return Object.keys(((await res.json()) as { paths: Record<string, unknown> }).paths);
    };
    const anon = await pathsFor();
    expect(anon).toEqual(expect.arrayContaining(['/books', '/authors', '/rpc/add', '/rpc/whoami']));
    expect(anon).not.toContain('/secrets');
    expect(anon).not.toContain('/rpc/members_only');

    const { token } = await h.signUp(`openapi-${Date.now()}@example.com`);
    const member = await pathsFor(token);
    expect(member).toContain('/rpc/members_only');
    expect(member).not.toContain('/secrets');

    const service = await pathsFor(SERVICE_ROLE_KEY);
    expect(service).toEqual(expect.arrayContaining(['/secrets', '/rpc/members_only', '/books']));
  });
});
