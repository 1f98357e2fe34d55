import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, type OrderJson, orderPayload, placeOrder, type Restaurant } from './fixtures.ts';
import { type Ops, RPCS, TABLES, WHO, type Who } from './rls-matrix-rules.ts';
import { type Actor, anon, probe, rpc, rpcRows, service, sql, user, uuid } from './support.ts';

/**
 * Who may do what, for every table and RPC in `public`: each cell lists the actors allowed; every
 * other actor must be refused. "outsider" is the owner of another restaurant; "guest" an anonymous
 * sign-in. A probe runs in its own transaction, rolled back, against one fixture restaurant.
 */

let r: Restaurant;
let actors: Record<Who, Actor>;
let order: OrderJson;
let guestOrderId: string;
let shiftId: string;
let paymentId: string;
let inviteCode: string;
let inviteId: string;
let claimedJobId: string;
let failedJobId: string;
let boardToken: string;
let pairingCode: string;
let pairingId: string;
let discountId: string;
let requestId: string;
let kioskId: string;
let kioskCode: string;
let kioskPairingCode: string;
let kioskOrderId: string;

beforeAll(async () => {
  r = await makeRestaurant();
  const other = await makeRestaurant();
  const guestId = await createUser({ anonymous: true });
  actors = {
    anon,
    guest: user(guestId, true),
    outsider: other.as('owner'),
    owner: r.as('owner'),
    manager: r.as('manager'),
    cashier: r.as('cashier'),
    kitchen: r.as('kitchen'),
    waiter: r.as('waiter'),
    print_bridge: r.as('print_bridge'),
    kiosk: anon, // paired below, once the restaurant has orders
    service,
  };
  order = await placeOrder(r);
  guestOrderId = uuid();
  await rpc(actors.guest, 'guest_place_order', {
    p_qr_token: r.qr1,
    p_order: { id: guestOrderId, lines: [{ item_id: r.fries, qty: 1 }] },
  });
  shiftId = uuid();
  await rpc(r.as('cashier'), 'open_shift', {
    p_shift_id: shiftId,
    p_restaurant_id: r.id,
    p_device_id: 'pos-1',
    p_opening_float: 5000,
  });
  await rpc(r.as('cashier'), 'record_cash_movement', {
    p_movement_id: uuid(),
    p_shift_id: shiftId,
    p_kind: 'cash_in',
    p_amount: 1000,
    p_reason: 'change for the float',
  });
  paymentId = uuid();
  await rpc(r.as('cashier'), 'record_payment', {
    p_payment_id: paymentId,
    p_order_id: order.id,
    p_method: 'card',
    p_amount: 500,
  });
  const invite = await rpc<{ id: string; code: string }>(r.as('owner'), 'create_invite', {
    p_restaurant_id: r.id,
    p_role: 'waiter',
  });
  inviteCode = invite.code;
  inviteId = invite.id;
  const [cat] = await sql<{ id: string }>(
    `insert into public.menu_categories (restaurant_id, name) values ($1, 'Gone') returning id`,
    [r.id],
  );
  await sql('delete from public.menu_categories where id = $1', [cat?.id]);
  const jobs = await rpcRows<{ id: string }>(r.as('print_bridge'), 'claim_print_jobs', {
    p_restaurant_id: r.id,
    p_limit: 1,
  });
  claimedJobId = jobs[0]?.id ?? '';
  const [failed] = await sql<{ id: string }>(
    `update public.print_jobs set status = 'failed' where id = (select id from public.print_jobs
       where restaurant_id = $1 and status = 'queued' limit 1) returning id`,
    [r.id],
  );
  failedJobId = failed?.id ?? '';
  // A POS device so pos_devices has a row to read.
  await rpc(r.as('cashier'), 'claim_device_code', { p_restaurant_id: r.id, p_device_id: 'pos-1' });
  // An order round so order_rounds has a row to read, and the board's token.
  await rpc(r.as('waiter'), 'add_order_round', {
    p_round: { id: uuid(), order_id: order.id, lines: [{ item_id: r.fries, qty: 1 }] },
  });
  // A discount so order_discounts has a row to read and remove_discount one to remove; cashiers may give 10 %.
  await sql('update public.restaurants set cashier_discount_limit_bp = 1000 where id = $1', [r.id]);
  discountId = uuid();
  await rpc(r.as('owner'), 'apply_discount', {
    p_discount_id: discountId,
    p_order_id: order.id,
    p_kind: 'amount',
    p_value: 1,
    p_reason: 'probe',
  });
  order = (await sql<{ o: OrderJson }>('select private.order_json($1) as o', [order.id]))[0]?.o ?? order;
  boardToken =
    (await sql<{ t: string }>('select board_token as t from public.restaurants where id = $1', [r.id]))[0]?.t ?? '';
  const pairing = await rpc<{ id: string; code: string }>(r.as('owner'), 'create_bridge_pairing', {
    p_restaurant_id: r.id,
  });
  pairingCode = pairing.code;
  pairingId = pairing.id;
  await sql(`insert into public.stations (restaurant_id, name) values ($1, 'Spare')`, [r.id]);
  // Guest-side rows: a visit, a waiter call and a translation.
  await rpc(actors.guest, 'guest_menu', { p_qr_token: r.qr1 });
  requestId = uuid();
  await rpc(actors.guest, 'guest_request_service', { p_qr_token: r.qr1, p_request: { id: requestId, kind: 'bill' } });
  await sql(
    `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name) values ($1, 'item', $2, 'fr', 'Frites')`,
    [r.id, r.fries],
  );
  // A paired kiosk with an order of its own, and a kiosk code waiting to be claimed.
  const kioskPairing = await rpc<{ id: string; code: string }>(r.as('owner'), 'create_kiosk_pairing', {
    p_restaurant_id: r.id,
  });
  kioskId = kioskPairing.id;
  actors.kiosk = user(await createUser({ anonymous: true }), true);
  const paired = await rpc<{ kiosk: { device_code: string } }>(actors.kiosk, 'claim_kiosk_pairing', {
    p_code: kioskPairing.code,
  });
  kioskCode = paired.kiosk.device_code;
  kioskOrderId = uuid();
  await rpc(actors.kiosk, 'kiosk_place_order', {
    p_order: {
      id: kioskOrderId,
      type: 'takeaway',
      provisional_code: `${kioskCode}-1`,
      lines: [{ item_id: r.soda, qty: 1 }],
    },
  });
  kioskPairingCode = (await rpc<{ code: string }>(r.as('owner'), 'create_kiosk_pairing', { p_restaurant_id: r.id }))
    .code;
});

function tableProbes(t: string): Record<keyof Ops, { text: string; values: unknown[] }> {
  const where =
    t === 'restaurants'
      ? 'id = $1'
      : t === 'currencies'
        ? "code = 'EUR' and $1::uuid is not null"
        : 'restaurant_id = $1';
  const col: Record<string, string> = {
    currencies: 'name',
    restaurants: 'name',
    memberships: 'role',
    invites: 'role',
    menu_categories: 'position',
    menu_items: 'position',
    modifier_groups: 'position',
    modifier_options: 'position',
    menu_item_modifier_groups: 'position',
    menu_tombstones: 'entity',
    menu_price_history: 'price',
    dining_tables: 'label',
    orders: 'note',
    order_lines: 'note',
    order_events: 'reason',
    order_counters: 'last_number',
    order_rounds: 'payload_hash',
    order_discounts: 'reason',
    pos_devices: 'code',
    shifts: 'device_id',
    cash_movements: 'reason',
    payments: 'reference',
    printers: 'name',
    stations: 'position',
    print_jobs: 'attempts',
    bridge_pairings: 'label',
    kiosks: 'label',
    menu_translations: 'name',
    guest_visits: 'last_seen_at',
    service_requests: 'status',
  };
  const inserts: Record<string, [string, unknown[]]> = {
    currencies: [`insert into public.currencies (code, exponent, name) values ('ZZZ', 2, 'Probe')`, []],
    restaurants: [
      `insert into public.restaurants (slug, name, country, timezone, currency) values ($1, 'Probe', 'FR', 'Europe/Paris', 'EUR')`,
      [`probe-${uuid().slice(0, 8)}`],
    ],
    memberships: [
      `insert into public.memberships (restaurant_id, user_id, role) values ($1, $2, 'waiter')`,
      [r.id, (actors.guest as { id: string }).id],
    ],
    invites: [
      `insert into public.invites (restaurant_id, code, role, expires_at) values ($1, 'ZZZZZZZZZZ', 'waiter', now() + interval '1 day')`,
      [r.id],
    ],
    menu_categories: [`insert into public.menu_categories (restaurant_id, name) values ($1, 'Probe')`, [r.id]],
    menu_items: [`insert into public.menu_items (restaurant_id, name, price) values ($1, 'Probe', 100)`, [r.id]],
    modifier_groups: [`insert into public.modifier_groups (restaurant_id, name) values ($1, 'Probe')`, [r.id]],
    modifier_options: [
      `insert into public.modifier_options (restaurant_id, group_id, name) values ($1, $2, 'Probe')`,
      [r.id, r.extras],
    ],
    menu_item_modifier_groups: [
      `insert into public.menu_item_modifier_groups (restaurant_id, item_id, group_id) values ($1, $2, $3)`,
      [r.id, r.fries, r.extras],
    ],
    menu_tombstones: [
      `insert into public.menu_tombstones (restaurant_id, version, entity, entity_id) values ($1, 999999, 'menu_items', 'x')`,
      [r.id],
    ],
    menu_price_history: [
      `insert into public.menu_price_history (restaurant_id, entity, entity_id, price, valid_from) values ($1, 'menu_items', $2, 1, 999999)`,
      [r.id, r.fries],
    ],
    dining_tables: [`insert into public.dining_tables (restaurant_id, label) values ($1, 'Probe')`, [r.id]],
    orders: [
      `insert into public.orders (id, restaurant_id, source, type, status, currency, currency_exponent, tax_mode, tax_rate_bp, subtotal, tax, total, payload_hash)
              values (gen_random_uuid(), $1, 'pos', 'takeaway', 'draft', 'EUR', 2, 'inclusive', 0, 0, 0, 0, 'x')`,
      [r.id],
    ],
    order_lines: [
      `insert into public.order_lines (restaurant_id, order_id, position, name, station, qty, unit_price, line_total, kitchen_status)
                   values ($1, $2, 99, 'Probe', 'kitchen', 1, 0, 0, 'queued')`,
      [r.id, order.id],
    ],
    order_events: [
      `insert into public.order_events (restaurant_id, order_id, actor_role, to_status) values ($1, $2, 'service', 'placed')`,
      [r.id, order.id],
    ],
    order_counters: [
      `insert into public.order_counters (restaurant_id, business_date, last_number) values ($1, '2000-01-01', 1)`,
      [r.id],
    ],
    order_discounts: [
      `insert into public.order_discounts (id, restaurant_id, order_id, kind, value, reason) values (gen_random_uuid(), $1, $2, 'amount', 1, 'probe')`,
      [r.id, order.id],
    ],
    order_rounds: [
      `insert into public.order_rounds (id, restaurant_id, order_id, round, payload_hash, ordered_at) values (gen_random_uuid(), $1, $2, 99, 'x', now())`,
      [r.id, order.id],
    ],
    pos_devices: [
      `insert into public.pos_devices (restaurant_id, device_id, code) values ($1, 'probe-device', 'ZZZ')`,
      [r.id],
    ],
    shifts: [
      `insert into public.shifts (id, restaurant_id, device_id, opening_float) values (gen_random_uuid(), $1, 'probe', 0)`,
      [r.id],
    ],
    cash_movements: [
      `insert into public.cash_movements (id, restaurant_id, shift_id, kind, amount, reason) values (gen_random_uuid(), $1, $2, 'cash_in', 1, 'probe')`,
      [r.id, shiftId],
    ],
    payments: [
      `insert into public.payments (id, restaurant_id, order_id, method, amount) values (gen_random_uuid(), $1, $2, 'card', 1)`,
      [r.id, order.id],
    ],
    printers: [`insert into public.printers (restaurant_id, name, kind) values ($1, 'Probe', 'receipt')`, [r.id]],
    stations: [`insert into public.stations (restaurant_id, name) values ($1, 'Probe')`, [r.id]],
    bridge_pairings: [
      `insert into public.bridge_pairings (restaurant_id, code_hash, label, expires_at) values ($1, sha256('probe'), 'Probe', now())`,
      [r.id],
    ],
    kiosks: [
      `insert into public.kiosks (restaurant_id, label, code_hash, expires_at) values ($1, 'Probe', sha256('kiosk-probe'), now())`,
      [r.id],
    ],
    menu_translations: [
      `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name) values ($1, 'item', $2, 'es', 'Probe')`,
      [r.id, r.soda],
    ],
    guest_visits: [
      `insert into public.guest_visits (user_id, restaurant_id, table_id, qr_rotated_at) values ($1, $2, $3, now())`,
      [(actors.guest as { id: string }).id, r.id, r.table2],
    ],
    service_requests: [
      `insert into public.service_requests (id, restaurant_id, table_id, kind) values (gen_random_uuid(), $1, $2, 'bill')`,
      [r.id, r.table2],
    ],
    print_jobs: [
      `insert into public.print_jobs (restaurant_id, printer_id, document, dedupe_key, payload) values ($1, $2, 'test', 'probe', '{}')`,
      [r.id, r.receiptPrinter],
    ],
  };
  const [insertText, insertValues] = inserts[t] ?? ['', []];
  return {
    select: { text: `select count(*)::int as n from public.${t} where ${where}`, values: [r.id] },
    insert: { text: insertText, values: insertValues },
    update: { text: `update public.${t} set ${col[t]} = ${col[t]} where ${where}`, values: [r.id] },
    delete: {
      text:
        t === 'currencies'
          ? `delete from public.currencies where code = 'XAF'`
          : t === 'stations'
            ? // Stations in use refuse deletion (station_in_use): probe with the one nothing names.
              `delete from public.stations where restaurant_id = $1 and name = 'Spare'`
            : `delete from public.${t} where ${where}`,
      values: t === 'currencies' ? [] : [r.id],
    },
  };
}

describe('RLS matrix: tables', () => {
  for (const [table, ops] of Object.entries(TABLES)) {
    for (const op of ['select', 'insert', 'update', 'delete'] as const) {
      it(`${table} ${op}`, async () => {
        const { text, values } = tableProbes(table)[op];
        const outcome: Record<string, string> = {};
        for (const who of WHO) outcome[who] = (await probe(actors[who], text, values, op)) ? 'allowed' : 'refused';
        const expected = Object.fromEntries(WHO.map((w) => [w, ops[op].includes(w) ? 'allowed' : 'refused']));
        expect(outcome).toEqual(expected);
      });
    }
  }
});

function rpcCall(fn: string): { sql: string; values: () => unknown[] } {
  const calls: Record<string, [string, () => unknown[]]> = {
    create_restaurant: [
      `p_slug => $1, p_name => 'Probe', p_country => 'FR', p_timezone => 'Europe/Paris', p_currency => 'EUR'`,
      () => [`probe-${uuid().slice(0, 8)}`],
    ],
    create_invite: [`p_restaurant_id => $1, p_role => 'cashier'`, () => [r.id]],
    revoke_invite: [`p_invite_id => $1`, () => [inviteId]],
    accept_invite: [`p_code => $1`, () => [inviteCode]],
    change_member_role: [`p_restaurant_id => $1, p_user_id => $2, p_role => 'cashier'`, () => [r.id, r.users.waiter]],
    remove_member: [`p_restaurant_id => $1, p_user_id => $2`, () => [r.id, r.users.waiter]],
    set_my_display_name: [`p_restaurant_id => $1, p_display_name => 'Probe'`, () => [r.id]],
    get_menu: [`p_restaurant_id => $1`, () => [r.id]],
    set_item_availability: [`p_item_id => $1, p_available => false`, () => [r.fries]],
    rotate_table_token: [`p_table_id => $1`, () => [r.table2]],
    guest_menu: [`p_qr_token => $1`, () => [r.qr1]],
    guest_place_order: [
      `p_qr_token => $1, p_order => $2`,
      () => [r.qr1, { id: uuid(), lines: [{ item_id: r.soda, qty: 1 }] }],
    ],
    guest_order: [`p_order_id => $1`, () => [guestOrderId]],
    guest_visit: [`p_qr_token => $1`, () => [r.qr1]],
    guest_cancel_order: [`p_order_id => $1`, () => [guestOrderId]],
    guest_request_service: [`p_qr_token => $1, p_request => $2`, () => [r.qr1, { id: uuid(), kind: 'call_waiter' }]],
    acknowledge_service_request: [`p_request_id => $1`, () => [requestId]],
    place_order: [`p_order => $1`, () => [orderPayload(r)]],
    add_order_round: [
      `p_round => $1`,
      () => [{ id: uuid(), order_id: order.id, lines: [{ item_id: r.soda, qty: 1 }] }],
    ],
    claim_device_code: [`p_restaurant_id => $1, p_device_id => $2`, () => [r.id, uuid()]],
    transition_order: [
      `p_order_id => $1, p_to => 'preparing', p_expected_version => $2`,
      () => [order.id, order.version],
    ],
    set_line_status: [`p_line_id => $1, p_status => 'preparing', p_expected_version => 1`, () => [order.lines[0]?.id]],
    open_shift: [
      `p_shift_id => $1, p_restaurant_id => $2, p_device_id => 'probe', p_opening_float => 0`,
      () => [uuid(), r.id],
    ],
    record_cash_movement: [
      `p_movement_id => $1, p_shift_id => $2, p_kind => 'cash_out', p_amount => 1, p_reason => 'probe'`,
      () => [uuid(), shiftId],
    ],
    close_shift: [`p_shift_id => $1, p_counted_cash => 0, p_variance_reason => 'count_error'`, () => [shiftId]],
    shift_report: [`p_shift_id => $1`, () => [shiftId]],
    day_report: [`p_restaurant_id => $1, p_business_date => current_date`, () => [r.id]],
    record_payment: [
      `p_payment_id => $1, p_order_id => $2, p_method => 'card', p_amount => 1`,
      () => [uuid(), order.id],
    ],
    refund_payment: [
      `p_refund_id => $1, p_payment_id => $2, p_amount => 1, p_reason => 'probe'`,
      () => [uuid(), paymentId],
    ],
    apply_discount: [
      `p_discount_id => $1, p_order_id => $2, p_kind => 'amount', p_value => 1, p_reason => 'probe'`,
      () => [uuid(), order.id],
    ],
    remove_discount: [`p_discount_id => $1`, () => [discountId]],
    claim_print_jobs: [`p_restaurant_id => $1`, () => [r.id]],
    complete_print_job: [`p_job_id => $1`, () => [claimedJobId]],
    fail_print_job: [`p_job_id => $1, p_error => 'probe'`, () => [claimedJobId]],
    retry_print_job: [`p_job_id => $1`, () => [failedJobId]],
    print_test_page: [`p_printer_id => $1`, () => [r.receiptPrinter]],
    reprint_order: [`p_order_id => $1, p_document => 'receipt'`, () => [order.id]],
    rotate_board_token: [`p_restaurant_id => $1`, () => [r.id]],
    board_orders: [`p_token => $1`, () => [boardToken]],
    create_bridge_pairing: [`p_restaurant_id => $1`, () => [r.id]],
    revoke_bridge_pairing: [`p_pairing_id => $1`, () => [pairingId]],
    claim_bridge_pairing: [`p_code => $1`, () => [pairingCode]],
    report_printer_status: [`p_printer_id => $1, p_status => 'ok'`, () => [r.receiptPrinter]],
    create_kiosk_pairing: [`p_restaurant_id => $1`, () => [r.id]],
    claim_kiosk_pairing: [`p_code => $1`, () => [kioskPairingCode]],
    update_kiosk: [`p_kiosk_id => $1, p_settings => $2`, () => [kioskId, { label: 'Probe' }]],
    revoke_kiosk: [`p_kiosk_id => $1`, () => [kioskId]],
    set_kiosk_exit_pin: [`p_restaurant_id => $1, p_pin => '2468'`, () => [r.id]],
    kiosk_menu: [`p_locale => 'fr'`, () => []],
    kiosk_place_order: [
      `p_order => $1`,
      () => [
        { id: uuid(), type: 'takeaway', provisional_code: `${kioskCode}-2`, lines: [{ item_id: r.soda, qty: 1 }] },
      ],
    ],
    kiosk_order: [`p_order_id => $1`, () => [kioskOrderId]],
    kiosk_exit: [`p_pin => '2468'`, () => []],
  };
  const [args, values] = calls[fn] ?? ['', () => []];
  return { sql: `select public.${fn}(${args}) as v`, values };
}

describe('RLS matrix: RPCs', () => {
  for (const [fn, allowed] of Object.entries(RPCS)) {
    it(`${fn}`, async () => {
      const outcome: Record<string, string> = {};
      for (const who of WHO) {
        const { sql: text, values } = rpcCall(fn);
        outcome[who] = (await probe(
          actors[who],
          text,
          values().map((v) => (typeof v === 'object' && v ? JSON.stringify(v) : v)),
          'insert',
        ))
          ? 'allowed'
          : 'refused';
      }
      expect(outcome).toEqual(Object.fromEntries(WHO.map((w) => [w, allowed.includes(w) ? 'allowed' : 'refused'])));
    });
  }
});

describe('RLS matrix coverage', () => {
  it('has a row for every table in public', async () => {
    const rows = await sql<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    );
    expect(rows.map((x) => x.name).sort()).toEqual(Object.keys(TABLES).sort());
  });

  it('has a row for every function in public', async () => {
    const rows = await sql<{ name: string }>(
      `select distinct p.proname as name from pg_proc p
       where p.pronamespace = 'public'::regnamespace
         and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
       order by 1`,
    );
    expect(rows.map((x) => x.name).sort()).toEqual(Object.keys(RPCS).sort());
  });
});
