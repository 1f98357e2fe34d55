import { describe, expect, it } from 'vitest';
import {
  type CardFetchDeps,
  cardFileName,
  describeCardFailure,
  fetchTableCard,
  tableCardUrl,
} from '#lib/tables/cards.ts';

const query = {
  restaurantId: 'r-1',
  tableId: 't-1',
  tableLabel: 'Été 1',
  size: 'a6' as const,
  baseUrl: 'https://order.example',
};

function deps(response: Response | Error, token: string | null = 'jwt-1') {
  const calls: { url: string; headers: Headers }[] = [];
  const d: CardFetchDeps = {
    apiUrl: 'http://api.example/',
    accessToken: async () => token,
    fetch: async (input, init) => {
      calls.push({ url: String(input), headers: new Headers(init?.headers) });
      if (response instanceof Error) throw response;
      return response;
    },
  };
  return { d, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('table cards', () => {
  it('asks for one table as PNG, all tables as the HTML sheet', () => {
    expect(tableCardUrl('http://api.example/', query)).toBe(
      'http://api.example/functions/v1/table-card?restaurant_id=r-1&size=a6&base_url=https%3A%2F%2Forder.example&table_id=t-1&format=png',
    );
    expect(tableCardUrl('http://api.example', { ...query, tableId: undefined, size: '80mm' })).toBe(
      'http://api.example/functions/v1/table-card?restaurant_id=r-1&size=80mm&base_url=https%3A%2F%2Forder.example&format=html',
    );
  });

  it("sends the session's token and names the file after the table, as the function does", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const { d, calls } = deps(new Response(png, { headers: { 'Content-Type': 'image/png' } }));
    const file = await fetchTableCard(query, d);
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer jwt-1');
    expect(file.ok && file.fileName).toBe('table-card-ete-1-a6.png');
    expect(cardFileName({ tableId: undefined, size: '80mm' })).toBe('table-cards-80mm.html');
    expect(file.ok && new Uint8Array(await file.blob.arrayBuffer())).toEqual(png);
  });

  it("answers the function's error code, or network when it cannot be reached", async () => {
    const forbidden = { error: { code: 'forbidden', message: 'Only owners' } };
    expect(await fetchTableCard(query, deps(json(403, forbidden)).d)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await fetchTableCard(query, deps(new Response('bad gateway', { status: 502 })).d)).toEqual({
      ok: false,
      reason: 'network',
    });
    expect(await fetchTableCard(query, deps(new TypeError('Failed to fetch')).d)).toEqual({
      ok: false,
      reason: 'network',
    });
    expect(await fetchTableCard(query, deps(new Response('<html>', { status: 500 })).d)).toEqual({
      ok: false,
      reason: 'http_500',
    });
    const signedOut = deps(json(200, {}), null);
    expect(await fetchTableCard(query, signedOut.d)).toEqual({ ok: false, reason: 'not_authenticated' });
    expect(signedOut.calls).toEqual([]);
  });

  it('says what went wrong in words', () => {
    expect(describeCardFailure('forbidden')).toBe('Only owners and managers can print table cards.');
    expect(describeCardFailure('no_active_tables')).toBe('No active table to print a card for.');
    expect(describeCardFailure('network')).toMatch(/No connection/);
    expect(describeCardFailure('http_500')).toBe('The card could not be made (http_500). Try again.');
  });
});
