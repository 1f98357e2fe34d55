import { afterAll, describe, expect, it, vi } from 'vitest';

// The client captures fetch when it loads: the stub goes in first.
const fetchStub = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchStub);
const { guestRpc } = await import('#lib/guest/client.ts');

afterAll(() => {
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the guest client’s RPCs', () => {
  it('POSTs the arguments to /rest/v1/rpc/<name> with the API key and answers the data', async () => {
    fetchStub.mockResolvedValueOnce(json(200, { id: 'o1', status: 'draft' }));
    const result = await guestRpc('guest_order', { p_order_id: 'o1' });
    expect(result).toEqual({ ok: true, data: { id: 'o1', status: 'draft' } });
    const [url, init] = fetchStub.mock.calls[0] ?? [];
    expect(String(url)).toMatch(/\/rest\/v1\/rpc\/guest_order$/);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ p_order_id: 'o1' });
    const headers = new Headers(init?.headers);
    expect(headers.get('apikey')).toBeTruthy();
    expect(headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('turns a refusal into the database’s code, with its details for the limit', async () => {
    fetchStub.mockResolvedValueOnce(
      json(400, { code: 'P0001', message: 'guest_order_limit', hint: 'Too many orders', details: '{"limit": 5}' }),
    );
    const result = await guestRpc('guest_place_order', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ code: 'guest_order_limit', transient: false, detail: '{"limit": 5}' });
  });

  it('calls an unreached API a transient network failure', async () => {
    fetchStub.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const result = await guestRpc('guest_menu', {});
    expect(result).toMatchObject({ ok: false, failure: { code: 'network', transient: true } });
  });
});
