import { randomUUID } from 'node:crypto';
import { FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { anonClient, serviceClient, signedInClient } from '../support/clients.ts';

const stack = inject('stack');

/** A confirmed user signed in through the anon key, as the PWA signs in. */
async function newUser(label: string): Promise<SupabaseClient> {
  const email = `${label}-${randomUUID().slice(0, 8)}@receipt.comanda.test`;
  const { error } = await serviceClient(stack).auth.admin.createUser({
    email,
    password: 'secret-123',
    email_confirm: true,
  });
  if (error) throw error;
  return signedInClient(stack, email, 'secret-123');
}

/** An owner with a restaurant and one dish at 1,500 XOF, 18 % tax on top. */
async function ownerWithRestaurant(
  name: string,
): Promise<{ owner: SupabaseClient; restaurantId: string; itemId: string }> {
  const owner = await newUser('owner');
  const created = await owner.rpc('create_restaurant', {
    p_slug: `receipt-${randomUUID().slice(0, 8)}`,
    p_name: name,
    p_country: 'CI',
    p_timezone: 'Africa/Abidjan',
    p_currency: 'XOF',
    p_tax_mode: 'exclusive',
    p_tax_rate_bp: 1800,
  });
  if (created.error) throw created.error;
  const item = await owner
    .from('menu_items')
    .insert({ restaurant_id: created.data.id, name: 'Garba', price: 1500 })
    .select('id')
    .single();
  if (item.error) throw item.error;
  return { owner, restaurantId: created.data.id, itemId: item.data.id };
}

/** The characters an SVG shows, in order: receiptline draws one <tspan> per character. */
const shown = (svg: string): string =>
  svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&amp;/g, '&')
    .replace(/[\u00a0\u202f]/g, ' ');

async function failure(error: unknown): Promise<{ status: number; body: unknown }> {
  expect(error).toBeInstanceOf(FunctionsHttpError);
  const res = (error as FunctionsHttpError).context as Response;
  return { status: res.status, body: await res.json() };
}

const NOT_FOUND = { status: 404, body: { error: { code: 'order_not_found', message: 'No such order' } } };

let owner: SupabaseClient;
let restaurantId: string;
let itemId: string;
let order: { id: string; number: number; total: number };

beforeAll(async () => {
  ({ owner, restaurantId, itemId } = await ownerWithRestaurant('Chez Reçu'));
  const placed = await owner.rpc('place_order', {
    p_order: { id: randomUUID(), restaurant_id: restaurantId, type: 'takeaway', lines: [{ item_id: itemId, qty: 2 }] },
  });
  if (placed.error) throw placed.error;
  order = placed.data;
});

describe('Edge Functions: receipt (verify_jwt = true)', () => {
  it('renders the order as SVG for its restaurant staff, with the number and the total', async () => {
    expect(order.total).toBe(3540);
    const { data, error } = await owner.functions.invoke(`receipt?order=${order.id}`, { method: 'GET' });
    expect(error).toBeNull();
    expect(data).toMatch(/^<svg /);
    const text = shown(data);
    expect(text).toContain('Chez Reçu');
    expect(text).toContain(`Order #${order.number}Takeaway`);
    // 2 × 1,500 + 18 % = 3,540 F CFA, right after the Total label (English, no decimals).
    expect(text).toMatch(/TotalF CFA 3,540/);
  });

  it('answers the markup and the plain text on request', async () => {
    const markup = await owner.functions.invoke(`receipt?order=${order.id}&format=markup`, { method: 'GET' });
    expect(markup.error).toBeNull();
    expect(markup.data).toContain('Garba');
    const text = await owner.functions.invoke(`receipt?order=${order.id}&format=text`, { method: 'GET' });
    expect(text.error).toBeNull();
    expect(text.data).toMatch(/^Total +F CFA 3,540$/m);
  });

  it("refuses another restaurant's owner with the same 404 as a made-up id", async () => {
    const stranger = (await ownerWithRestaurant('Chez Autre')).owner;
    const foreign = await stranger.functions.invoke(`receipt?order=${order.id}`, { method: 'GET' });
    expect(foreign.data).toBeNull();
    expect(await failure(foreign.error)).toEqual(NOT_FOUND);
    const madeUp = await owner.functions.invoke(`receipt?order=${randomUUID()}`, { method: 'GET' });
    expect(await failure(madeUp.error)).toEqual(NOT_FOUND);
  });

  it('refuses a signed-out caller with 401', async () => {
    const res = await fetch(`${stack.apiUrl}/functions/v1/receipt?order=${order.id}`);
    expect(res.status).toBe(401);
    const anon = await anonClient(stack).functions.invoke(`receipt?order=${order.id}`, { method: 'GET' });
    expect(await failure(anon.error)).toEqual({
      status: 401,
      body: { error: { code: 'not_authenticated', message: 'Sign in to read a receipt' } },
    });
  });

  it('prints the discounts and a payment’s tip', async () => {
    const placed = await owner.rpc('place_order', {
      p_order: {
        id: randomUUID(),
        restaurant_id: restaurantId,
        type: 'takeaway',
        lines: [{ item_id: itemId, qty: 2 }],
      },
    });
    if (placed.error) throw placed.error;
    const discounted = await owner.rpc('apply_discount', {
      p_discount_id: randomUUID(),
      p_order_id: placed.data.id,
      p_kind: 'amount',
      p_value: 500,
      p_reason: 'Happy hour',
    });
    if (discounted.error) throw discounted.error;
    // 3,000 − 500 = 2,500 + 18 % = 2,950.
    expect(discounted.data.total).toBe(2950);
    const paid = await owner.rpc('record_payment', {
      p_payment_id: randomUUID(),
      p_order_id: placed.data.id,
      p_method: 'card',
      p_amount: 2950,
      p_tip: 300,
    });
    if (paid.error) throw paid.error;
    const text = await owner.functions.invoke(`receipt?order=${placed.data.id}&format=text`, { method: 'GET' });
    expect(text.error).toBeNull();
    expect(text.data).toMatch(/^Discount Happy hour +-F CFA 500$/m);
    expect(text.data).toMatch(/^ +Tip +F CFA 300$/m);
    expect(text.data).toMatch(/^Total +F CFA 2,950$/m);
  });

  it('refuses a bad order id or format with 400 and a stable code', async () => {
    const badId = await owner.functions.invoke('receipt?order=42', { method: 'GET' });
    expect(await failure(badId.error)).toMatchObject({ status: 400, body: { error: { code: 'invalid_order_id' } } });
    const badFormat = await owner.functions.invoke(`receipt?order=${order.id}&format=pdf`, { method: 'GET' });
    expect(await failure(badFormat.error)).toMatchObject({ status: 400, body: { error: { code: 'invalid_format' } } });
  });

  it('lets a guest read the receipt of their own order only', async () => {
    await owner.from('restaurants').update({ guest_ordering: 'draft_first' }).eq('id', restaurantId);
    const table = await owner
      .from('dining_tables')
      .insert({ restaurant_id: restaurantId, label: 'T9' })
      .select('qr_token')
      .single();
    if (table.error) throw table.error;
    const guest = anonClient(stack);
    const signIn = await guest.auth.signInAnonymously();
    expect(signIn.error).toBeNull();
    const draft = await guest.rpc('guest_place_order', {
      p_qr_token: table.data.qr_token,
      p_order: { id: randomUUID(), lines: [{ item_id: itemId, qty: 1 }] },
    });
    if (draft.error) throw draft.error;
    const mine = await guest.functions.invoke(`receipt?order=${draft.data.id}&format=text`, { method: 'GET' });
    expect(mine.error).toBeNull();
    expect(mine.data).toContain('Garba');
    expect(mine.data).toMatch(/^Total +F CFA 1,770$/m);
    const theirs = await guest.functions.invoke(`receipt?order=${order.id}`, { method: 'GET' });
    expect(await failure(theirs.error)).toEqual(NOT_FOUND);
  });
});
