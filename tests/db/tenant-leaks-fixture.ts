import { createUser, placeOrder, type Restaurant } from './fixtures.ts';
import { rpc, rpcRows, sql, user, uuid } from './support.ts';

/** What tenant-leaks.test.ts probes with: one id per table (and a few named rows) of a restaurant. */
export type Fixture = Record<string, string>;

async function hasRpc(name: string): Promise<boolean> {
  const [row] = await sql<{ n: number }>(
    `select count(*)::int as n from pg_proc where proname = $1 and pronamespace = 'public'::regnamespace`,
    [name],
  );
  return (row?.n ?? 0) > 0;
}

/** One row of each kind a restaurant has, as the RPCs' id arguments name them. */
export async function populate(r: Restaurant, guest: string): Promise<Fixture> {
  const guestOrder = uuid();
  await rpc(user(guest, true), 'guest_place_order', {
    p_qr_token: r.qr1,
    p_order: { id: guestOrder, lines: [{ item_id: r.fries, qty: 1 }] },
  });
  const order = await placeOrder(r);
  const shift = uuid();
  await rpc(r.as('cashier'), 'open_shift', {
    p_shift_id: shift,
    p_restaurant_id: r.id,
    p_device_id: 'pos-1',
    p_opening_float: 5000,
  });
  const movement = uuid();
  await rpc(r.as('cashier'), 'record_cash_movement', {
    p_movement_id: movement,
    p_shift_id: shift,
    p_kind: 'cash_in',
    p_amount: 1000,
    p_reason: 'change',
  });
  const payment = uuid();
  await rpc(r.as('cashier'), 'record_payment', {
    p_payment_id: payment,
    p_order_id: order.id,
    p_method: 'card',
    p_amount: 500,
  });
  const invite = await rpc<{ id: string }>(r.as('owner'), 'create_invite', { p_restaurant_id: r.id, p_role: 'waiter' });
  const discount = uuid();
  await rpc(r.as('owner'), 'apply_discount', {
    p_discount_id: discount,
    p_order_id: order.id,
    p_kind: 'amount',
    p_value: 1,
    p_reason: 'probe',
  });
  const pairing = await rpc<{ id: string }>(r.as('owner'), 'create_bridge_pairing', { p_restaurant_id: r.id });
  await rpcRows(r.as('print_bridge'), 'claim_print_jobs', { p_restaurant_id: r.id, p_limit: 1 });
  const [job] = await sql<{ id: string }>(
    `select id::text from public.print_jobs where restaurant_id = $1 order by created_at, id limit 1`,
    [r.id],
  );
  await rpc(r.as('cashier'), 'claim_device_code', { p_restaurant_id: r.id, p_device_id: 'pos-1' });
  // A guest's call for the waiter, once the database has them (issue 13).
  if (await hasRpc('guest_request_service')) {
    await rpc(user(guest, true), 'guest_menu', { p_qr_token: r.qr1 });
    await rpc(user(guest, true), 'guest_request_service', {
      p_qr_token: r.qr1,
      p_request: { id: uuid(), kind: 'call_waiter' },
    });
  }
  // A paired self-order kiosk with an order of its own, once the database has them (issue 15).
  const kiosk: Fixture = {};
  if (await hasRpc('claim_kiosk_pairing')) {
    const pairing = await rpc<{ id: string; code: string }>(r.as('owner'), 'create_kiosk_pairing', {
      p_restaurant_id: r.id,
    });
    const tablet = await createUser({ anonymous: true });
    const paired = await rpc<{ kiosk: { device_code: string } }>(user(tablet, true), 'claim_kiosk_pairing', {
      p_code: pairing.code,
    });
    const kioskOrder = uuid();
    await rpc(user(tablet, true), 'kiosk_place_order', {
      p_order: {
        id: kioskOrder,
        type: 'takeaway',
        provisional_code: `${paired.kiosk.device_code}-1`,
        lines: [{ item_id: r.fries, qty: 1 }],
      },
    });
    Object.assign(kiosk, {
      kiosks: pairing.id,
      kiosk_user: tablet,
      kiosk_orders: kioskOrder,
      kiosk_code: `${paired.kiosk.device_code}-2`,
    });
  }
  const explicit: Fixture = {
    ...kiosk,
    restaurants: r.id,
    members: r.users.waiter,
    orders: order.id,
    guest_orders: guestOrder,
    order_lines: order.lines[0]?.id ?? '',
    shifts: shift,
    cash_movements: movement,
    payments: payment,
    invites: invite.id,
    order_discounts: discount,
    bridge_pairings: pairing.id,
    print_jobs: job?.id ?? '',
    printers: r.receiptPrinter,
    dining_tables: r.table1,
    menu_items: r.burger,
    menu_categories: r.catFood,
    modifier_groups: r.cooking,
    modifier_options: r.medium,
    qr: r.qr1,
  };
  // Any other table with ids: its first row of this restaurant.
  const tables = await sql<{ name: string }>(
    `select c.table_name as name from information_schema.columns c
     where c.table_schema = 'public' and c.column_name = 'id'
       and exists (select 1 from information_schema.columns r where r.table_schema = 'public'
         and r.table_name = c.table_name and r.column_name = 'restaurant_id')`,
  );
  for (const { name } of tables) {
    if (explicit[name]) continue;
    const [row] = await sql<{ id: string }>(
      `select id::text from public.${name} where restaurant_id = $1 order by id limit 1`,
      [r.id],
    );
    if (row) explicit[name] = row.id;
  }
  return explicit;
}
