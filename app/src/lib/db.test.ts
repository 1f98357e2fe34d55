import { describe, expect, it } from 'vitest';
import {
  type DbResponse,
  failureFromThrown,
  fieldOfConstraint,
  resultFromResponse,
  runDb,
  type TableName,
} from '#lib/db.ts';

describe('resultFromResponse', () => {
  it('treats a response without error as success', () => {
    expect(resultFromResponse({ error: null, status: 200 })).toEqual({ ok: true });
  });

  it.each([0, 408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    const result = resultFromResponse({ error: { message: 'TypeError: fetch failed', code: '' }, status });
    expect(result).toMatchObject({ ok: false, failure: { transient: true, status } });
  });

  it('calls a request that never reached a server (status 0) a network failure, not "http_0"', () => {
    const result = resultFromResponse({ error: { message: 'TypeError: Failed to fetch', code: '' }, status: 0 });
    expect(result).toMatchObject({ ok: false, failure: { transient: true, code: 'network' } });
  });

  it.each(['40001', '40P01'])('retries SQLSTATE %s even though PostgREST answers 4xx', (code) => {
    const result = resultFromResponse({ error: { message: 'could not serialize access', code }, status: 409 });
    expect(result).toMatchObject({ ok: false, failure: { transient: true } });
  });

  it('keeps the database code of a P0001 refusal for translation', () => {
    const result = resultFromResponse({
      error: { message: 'invalid_slug', code: 'P0001', hint: 'Use a-z, 0-9 and dashes.', details: '{"slug":"A"}' },
      status: 400,
    });
    expect(result).toEqual({
      ok: false,
      failure: {
        transient: false,
        code: 'invalid_slug',
        message: 'invalid_slug',
        status: 400,
        hint: 'Use a-z, 0-9 and dashes.',
        detail: '{"slug":"A"}',
      },
    });
  });

  it('uses the SQLSTATE or PostgREST code when the message is prose', () => {
    const rls = resultFromResponse({
      error: { message: 'new row violates row-level security policy', code: '42501' },
      status: 403,
    });
    expect(rls).toMatchObject({ ok: false, failure: { transient: false, code: '42501' } });
    const missing = resultFromResponse({
      error: { message: 'Could not find the function', code: 'PGRST202' },
      status: 404,
    });
    expect(missing).toMatchObject({ ok: false, failure: { transient: false, code: 'PGRST202' } });
  });
});

describe('failureFromThrown', () => {
  it('retries a failed fetch', () => {
    expect(failureFromThrown(new TypeError('Failed to fetch'))).toMatchObject({ transient: true, code: 'network' });
  });

  it('parks a bug rather than retrying it forever', () => {
    expect(failureFromThrown(new RangeError('bad'))).toMatchObject({ transient: false, code: 'client_error' });
  });
});

describe('runDb', () => {
  it('answers the data, or a failure instead of throwing', async () => {
    expect(await runDb(Promise.resolve({ data: [1], error: null, status: 200 }))).toEqual({ ok: true, data: [1] });
    const thrown = await runDb(Promise.reject(new TypeError('Failed to fetch')));
    expect(thrown).toMatchObject({ ok: false, failure: { transient: true, code: 'network' } });
  });

  it('places an RPC code on a field when told which', async () => {
    const result = await runDb(
      Promise.resolve({ data: null, error: { message: 'slug_taken', code: 'P0001' }, status: 400 }),
      { fieldOf: (code) => (code === 'slug_taken' ? 'slug' : null) },
    );
    expect(result).toMatchObject({ ok: false, failure: { code: 'slug_taken', field: 'slug' } });
  });
});

describe('fieldOfConstraint', () => {
  it('finds the column from Postgres default constraint names', () => {
    expect(fieldOfConstraint('menu_items', 'menu_items_price_check')).toBe('price');
    expect(fieldOfConstraint('dining_tables', 'dining_tables_restaurant_id_label_key')).toBe('label');
    expect(fieldOfConstraint('modifier_groups', 'modifier_groups_check')).toBe('max_select');
    expect(fieldOfConstraint('menu_items', 'printers_name_key')).toBeNull();
  });
});

/** The failure of a refused table write, as `runDb(…, { write: table })` answers it. */
async function writeError(table: TableName, response: DbResponse) {
  const result = await runDb(Promise.resolve({ ...response, data: null }), { write: table });
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

describe('a refused table write', () => {
  it('places a check violation next to its field', async () => {
    const error = await writeError('menu_items', {
      error: {
        code: '23514',
        message: 'new row for relation "menu_items" violates check constraint "menu_items_station_check"',
      },
      status: 400,
    });
    expect(error.field).toBe('station');
    expect(error.code).toBe('23514');
  });

  it('reports a duplicate table name on the label field', async () => {
    const error = await writeError('dining_tables', {
      error: {
        code: '23505',
        message: 'duplicate key value violates unique constraint "dining_tables_restaurant_id_label_key"',
      },
      status: 409,
    });
    expect(error).toMatchObject({ code: 'duplicate', field: 'label' });
  });

  it('turns RLS refusals and network trouble into their codes', async () => {
    expect(
      (
        await writeError('printers', {
          error: { code: '42501', message: 'new row violates row-level security policy' },
          status: 403,
        })
      ).code,
    ).toBe('forbidden');
    expect((await writeError('printers', { error: { message: 'fetch failed' }, status: 0 })).code).toBe('network');
    expect(
      (await writeError('printers', { error: { code: 'P0001', message: 'printer_not_found' }, status: 400 })).code,
    ).toBe('printer_not_found');
  });

  it('reports an edit of a menu row deleted meanwhile as such', async () => {
    const noRow = {
      error: { code: 'PGRST116', message: 'Cannot coerce the result to a single JSON object' },
      status: 406,
    };
    expect(await writeError('modifier_options', noRow)).toMatchObject({ code: 'row_not_found', field: null });
    expect((await writeError('printers', noRow)).code).toBe('PGRST116');
  });
});
