import { describe, expect, it } from 'vitest';
import { describeReprint, fetchReceiptSvg, type ReceiptFetchDeps, receiptUrl } from '#lib/orders/receipt.ts';

const orderId = '4b0c7a9e-5d1f-4f7e-9a51-3c1f0b2d7e6a';

function deps(
  respond: (url: string, init?: RequestInit) => Response | Promise<Response>,
  token: string | null = 'jwt',
) {
  const calls: { url: string; headers: Headers }[] = [];
  const value: ReceiptFetchDeps = {
    fetch: async (input, init) => {
      calls.push({ url: String(input), headers: new Headers(init?.headers) });
      return respond(String(input), init);
    },
    accessToken: async () => token,
    apiUrl: 'http://127.0.0.1:54321/',
    anonKey: 'anon-key',
  };
  return { value, calls };
}

describe('receiptUrl', () => {
  it('asks the receipt function for the order as SVG', () => {
    expect(receiptUrl('https://x.supabase.co/', orderId)).toBe(
      `https://x.supabase.co/functions/v1/receipt?order=${orderId}&format=svg`,
    );
  });
});

describe('fetchReceiptSvg', () => {
  it("sends the person's token (not the API key) as bearer and answers the SVG", async () => {
    const { value, calls } = deps(
      () => new Response('<svg>42</svg>', { headers: { 'Content-Type': 'image/svg+xml' } }),
    );
    expect(await fetchReceiptSvg(orderId, value)).toEqual({ ok: true, svg: '<svg>42</svg>' });
    expect(calls[0]?.url).toBe(`http://127.0.0.1:54321/functions/v1/receipt?order=${orderId}&format=svg`);
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer jwt');
    expect(calls[0]?.headers.get('apikey')).toBe('anon-key');
  });

  it('asks nothing without a session', async () => {
    const { value, calls } = deps(() => new Response(''), null);
    expect(await fetchReceiptSvg(orderId, value)).toEqual({ ok: false, reason: 'refused', code: 'not_authenticated' });
    expect(calls).toHaveLength(0);
  });

  it('tells an unknown order, a refusal with its code, and no network apart', async () => {
    const json = (status: number, code: string) =>
      new Response(JSON.stringify({ error: { code, message: '' } }), { status });
    expect(await fetchReceiptSvg(orderId, deps(() => json(404, 'order_not_found')).value)).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await fetchReceiptSvg(orderId, deps(() => json(401, 'not_authenticated')).value)).toEqual({
      ok: false,
      reason: 'refused',
      code: 'not_authenticated',
    });
    expect(await fetchReceiptSvg(orderId, deps(() => new Response('<html>', { status: 500 })).value)).toEqual({
      ok: false,
      reason: 'refused',
      code: 'http_500',
    });
    expect(await fetchReceiptSvg(orderId, deps(() => new Response('', { status: 503 })).value)).toEqual({
      ok: false,
      reason: 'network',
    });
    const offline = deps(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchReceiptSvg(orderId, offline.value)).toEqual({ ok: false, reason: 'network' });
  });
});

describe('describeReprint', () => {
  it('says how many printers got a new copy, or that none prints it', () => {
    expect(describeReprint({ ok: true, data: 2 })).toEqual({ text: expect.stringContaining('2'), error: false });
    expect(describeReprint({ ok: true, data: 0 }).error).toBe(true);
    const refused = describeReprint({
      ok: false,
      failure: { code: 'forbidden', transient: false, message: 'forbidden' },
    });
    expect(refused.error).toBe(true);
    expect(refused.text).not.toContain('forbidden');
  });
});
