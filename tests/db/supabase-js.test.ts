import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, signedInClient } from '../support/clients.ts';
import { stack, uuid } from './support.ts';

/**
 * The same rules through the official client, as the PWA and the print bridge meet them: RPC
 * errors keep their stable code, RLS filters REST reads, guests work through their functions only.
 */
const client = (): SupabaseClient => anonClient(stack);
const signedIn = (email: string, password: string): Promise<SupabaseClient> => signedInClient(stack, email, password);

async function newStaff(label: string): Promise<{ sb: SupabaseClient; id: string }> {
  const admin = serviceClient(stack);
  const email = `${label}-${uuid().slice(0, 8)}@js.comanda.test`;
  const { data, error } = await admin.auth.admin.createUser({ email, password: 'secret-123', email_confirm: true });
  if (error) throw error;
  return { sb: await signedIn(email, 'secret-123'), id: data.user.id };
}

let owner: SupabaseClient;
let cashier: SupabaseClient;
let restaurantId: string;
let itemId: string;

beforeAll(async () => {
  owner = (await newStaff('owner')).sb;
  const created = await owner.rpc('create_restaurant', {
    p_slug: `js-${uuid().slice(0, 8)}`,
    p_name: 'Chez JS',
    p_country: 'CI',
    p_timezone: 'Africa/Abidjan',
    p_currency: 'XOF',
    p_tax_mode: 'exclusive',
    p_tax_rate_bp: 1800,
  });
  if (created.error) throw created.error;
  restaurantId = created.data.id;
  const item = await owner
    .from('menu_items')
    .insert({ restaurant_id: restaurantId, name: 'Garba', price: 1500 })
    .select()
    .single();
  if (item.error) throw item.error;
  itemId = item.data.id;
  const invite = await owner.rpc('create_invite', { p_restaurant_id: restaurantId, p_role: 'cashier' });
  const staff = await newStaff('cashier');
  cashier = staff.sb;
  const joined = await cashier.rpc('accept_invite', { p_code: invite.data.code });
  if (joined.error) throw joined.error;
});

describe('through supabase-js', () => {
  it('the seeded demo users can sign in with their documented passwords', async () => {
    const sb = await signedIn('cashier@comanda.test', 'comanda-cashier');
    const { data, error } = await sb.from('restaurants').select('slug');
    expect(error).toBeNull();
    expect(data).toEqual([{ slug: 'chez-awa' }]);
  });

  it('place_order computes totals, replays idempotently, and active orders read back through REST', async () => {
    const payload = { id: uuid(), restaurant_id: restaurantId, type: 'takeaway', lines: [{ item_id: itemId, qty: 2 }] };
    const first = await cashier.rpc('place_order', { p_order: payload });
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ subtotal: 3000, tax: 540, total: 3540, status: 'placed', currency: 'XOF' });
    const again = await cashier.rpc('place_order', { p_order: payload });
    expect(again.data.number).toBe(first.data.number);
    const active = await cashier
      .from('orders')
      .select('id, number, status, order_lines(name, qty)')
      .eq('restaurant_id', restaurantId)
      .in('status', ['placed', 'preparing', 'ready'])
      .order('created_at');
    expect(active.error).toBeNull();
    expect(active.data).toContainEqual({
      id: payload.id,
      number: first.data.number,
      status: 'placed',
      order_lines: [{ name: 'Garba', qty: 2 }],
    });
  });

  it('bad input comes back as a stable code with a hint (HTTP 400, P0001)', async () => {
    const { data, error, status } = await cashier.rpc('place_order', {
      p_order: { id: uuid(), restaurant_id: restaurantId, type: 'takeaway', lines: [{ item_id: itemId, qty: 0 }] },
    });
    expect(data).toBeNull();
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'P0001', message: 'qty_out_of_range' });
    expect(error?.hint).toBeTruthy();
  });

  it('a stale device gets version_conflict; a cashier may not start cooking (403)', async () => {
    const placed = await cashier.rpc('place_order', {
      p_order: { id: uuid(), restaurant_id: restaurantId, type: 'takeaway', lines: [{ item_id: itemId, qty: 1 }] },
    });
    const forbidden = await cashier.rpc('transition_order', {
      p_order_id: placed.data.id,
      p_to: 'preparing',
      p_expected_version: 1,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.error).toMatchObject({ code: '42501', message: 'forbidden' });
    await owner.rpc('transition_order', { p_order_id: placed.data.id, p_to: 'preparing', p_expected_version: 1 });
    const stale = await owner.rpc('transition_order', {
      p_order_id: placed.data.id,
      p_to: 'cancelled',
      p_expected_version: 1,
      p_reason: 'x',
    });
    expect(stale.error).toMatchObject({ code: 'P0001', message: 'version_conflict' });
  });

  it('without signing in nothing is readable or callable', async () => {
    const sb = client();
    const orders = await sb.from('orders').select('id');
    expect(orders.data ?? []).toEqual([]);
    const call = await sb.rpc('get_menu', { p_restaurant_id: restaurantId });
    expect(call.error).not.toBeNull();
  });

  it('a guest (anonymous sign-in) orders through the QR functions and sees only their order', async () => {
    await owner.from('restaurants').update({ guest_ordering: 'draft_first' }).eq('id', restaurantId);
    const table = await owner
      .from('dining_tables')
      .insert({ restaurant_id: restaurantId, label: 'T9' })
      .select('qr_token')
      .single();
    const guest = client();
    const signIn = await guest.auth.signInAnonymously();
    expect(signIn.error).toBeNull();
    const menu = await guest.rpc('guest_menu', { p_qr_token: table.data?.qr_token });
    expect(menu.data.items.map((i: { name: string }) => i.name)).toEqual(['Garba']);
    const draft = await guest.rpc('guest_place_order', {
      p_qr_token: table.data?.qr_token,
      p_order: { id: uuid(), lines: [{ item_id: itemId, qty: 1 }] },
    });
    expect(draft.data).toMatchObject({ status: 'draft', number: null, total: 1770 });
    const direct = await guest.from('orders').select('id');
    expect(direct.data).toEqual([]);
    const mine = await guest.rpc('guest_order', { p_order_id: draft.data.id });
    expect(mine.data.status).toBe('draft');
  });
});
