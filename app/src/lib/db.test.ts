import { describe, expect, it } from 'vitest';
import { failureFromThrown, resultFromResponse } from '#lib/outbox/classify.ts';

describe('resultFromResponse', () => {
  it('treats a response without error as success', () => {
    expect(resultFromResponse({ error: null, status: 200 })).toEqual({ ok: true });
  });

  it.each([0, 408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    const result = resultFromResponse({ error: { message: 'TypeError: fetch failed', code: '' }, status });
    expect(result).toMatchObject({ ok: false, failure: { transient: true, status } });
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
