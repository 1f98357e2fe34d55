import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, serviceClient, signedInClient } from '../support/clients.ts';

const stack = inject('stack');
const BASE = 'http://127.0.0.1:5173';

async function newUser(label: string): Promise<SupabaseClient> {
  const email = `${label}-${randomUUID().slice(0, 8)}@table-card.comanda.test`;
  const { error } = await serviceClient(stack).auth.admin.createUser({
    email,
    password: 'secret-123',
    email_confirm: true,
  });
  if (error) throw error;
  return signedInClient(stack, email, 'secret-123');
}

async function ownerWithRestaurant(name: string): Promise<{ owner: SupabaseClient; restaurantId: string }> {
  const owner = await newUser('owner');
  const created = await owner.rpc('create_restaurant', {
    p_slug: `card-${randomUUID().slice(0, 8)}`,
    p_name: name,
    p_country: 'FR',
    p_timezone: 'Europe/Paris',
    p_currency: 'EUR',
    p_locale: 'fr',
  });
  if (created.error) throw created.error;
  return { owner, restaurantId: created.data.id };
}

/** A member with `role`, joined through an invite as the app does it. */
async function member(owner: SupabaseClient, restaurantId: string, role: string): Promise<SupabaseClient> {
  const invite = await owner.rpc('create_invite', { p_restaurant_id: restaurantId, p_role: role });
  if (invite.error) throw invite.error;
  const person = await newUser(role);
  const joined = await person.rpc('accept_invite', { p_code: invite.data.code });
  if (joined.error) throw joined.error;
  return person;
}

/** GET the function as the admin page does: fetch with the session's access token, no apikey. */
async function card(client: SupabaseClient | null, query: Record<string, string>): Promise<Response> {
  const token = client ? (await client.auth.getSession()).data.session?.access_token : undefined;
  return fetch(`${stack.apiUrl}/functions/v1/table-card?${new URLSearchParams({ base_url: BASE, ...query })}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let owner: SupabaseClient;
let restaurantId: string;
let terrace: { id: string; qr_token: string };

beforeAll(async () => {
  ({ owner, restaurantId } = await ownerWithRestaurant('Chez Carte'));
  const rows = await owner
    .from('dining_tables')
    .insert([
      { restaurant_id: restaurantId, label: 'Terrasse 1', position: 1, active: true },
      { restaurant_id: restaurantId, label: 'Salle 2', position: 2, active: false },
    ])
    .select('id, label, qr_token');
  if (rows.error) throw rows.error;
  terrace = rows.data.find((r) => r.label === 'Terrasse 1') as { id: string; qr_token: string };
});

describe('Edge Functions: table-card (verify_jwt = true)', () => {
  it("gives an owner one table's card as an A6 or 80 mm PNG", { timeout: 60_000 }, async () => {
    const a6 = await card(owner, { restaurant_id: restaurantId, table_id: terrace.id });
    expect(a6.status).toBe(200);
    expect(a6.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await a6.arrayBuffer()))).toEqual({ width: 1260, height: 1776 });
    const strip = await card(owner, { restaurant_id: restaurantId, table_id: terrace.id, size: '80mm' });
    expect(pngSize(Buffer.from(await strip.arrayBuffer()))).toEqual({ width: 576, height: 768 });
  });

  it('gives a manager the print-ready page of every active table', { timeout: 60_000 }, async () => {
    const manager = await member(owner, restaurantId, 'manager');
    const res = await card(manager, { restaurant_id: restaurantId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<title>Chez Carte</title>');
    // The inactive table has no card on the sheet.
    expect([...html.matchAll(/<img [^>]*alt="([^"]*)">/g)].map((m) => m[1])).toEqual(['Terrasse 1']);
  });

  it('refuses staff who are not owners or managers with 403', async () => {
    const cashier = await member(owner, restaurantId, 'cashier');
    const res = await card(cashier, { restaurant_id: restaurantId, table_id: terrace.id });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: 'forbidden', message: "Only the restaurant's owner and managers can print table cards" },
    });
  });

  it("answers another restaurant's owner and a guest exactly like a made-up restaurant", async () => {
    const notFound = { error: { code: 'restaurant_not_found', message: 'No such restaurant' } };
    const stranger = (await ownerWithRestaurant('Chez Autre')).owner;
    const guest = anonClient(stack);
    expect((await guest.auth.signInAnonymously()).error).toBeNull();
    for (const [caller, id] of [
      [stranger, restaurantId],
      [guest, restaurantId],
      [owner, randomUUID()],
    ] as const) {
      const res = await card(caller, { restaurant_id: id, table_id: terrace.id });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(notFound);
    }
  });

  it("answers another restaurant's table like a made-up one", async () => {
    const other = await ownerWithRestaurant('Chez Voisin');
    const theirs = await other.owner
      .from('dining_tables')
      .insert({ restaurant_id: other.restaurantId, label: 'V1' })
      .select('id')
      .single();
    if (theirs.error) throw theirs.error;
    for (const id of [theirs.data.id, randomUUID()]) {
      const res = await card(owner, { restaurant_id: restaurantId, table_id: id });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'table_not_found', message: 'No such table' } });
    }
  });

  it('refuses a caller without a session', async () => {
    expect((await card(null, { restaurant_id: restaurantId })).status).toBe(401);
    const res = await fetch(`${stack.apiUrl}/functions/v1/table-card?restaurant_id=${restaurantId}`, {
      headers: { Authorization: `Bearer ${stack.anonKey}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'not_authenticated', message: 'Sign in to print table cards' } });
  });
});

describe('Edge Functions: qr (verify_jwt = false)', () => {
  it('serves a PNG of the asked size without any Authorization header', async () => {
    const url = encodeURIComponent(`${BASE}/t/${terrace.qr_token}`);
    const res = await fetch(`${stack.apiUrl}/functions/v1/qr?url=${url}&format=png&size=256`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: 256, height: 256 });
  });

  it('refuses a bad size with a 400 and a stable code', async () => {
    const res = await fetch(`${stack.apiUrl}/functions/v1/qr?url=${encodeURIComponent(BASE)}&size=10`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_size', message: 'size must be a whole number of pixels from 64 to 2048' },
    });
  });
});
