import { beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, type OrderJson, type Restaurant } from './fixtures.ts';
import { guestFootprint, guestOrder, guestPayload, messagesOn, newGuest } from './guest-support.ts';
import { type Actor, anon, expectCode, failure, rpc, sql } from './support.ts';
import { canReceive, receiversOf } from './topics.ts';

/**
 * The guest's visit (…20261203000300_guest_visits.sql, …000500_guest_visit_and_cancel.sql): guest_menu
 * records it and opens restaurant:<id>:guest; guest_visit lists the guest's own orders at that table;
 * guest_cancel_order withdraws a draft.
 */

let r: Restaurant;
let other: Restaurant;

beforeAll(async () => {
  r = await makeRestaurant();
  other = await makeRestaurant();
});

interface Menu {
  restaurant: { id: string; guest_ordering: string; limits: Record<string, number> };
  table: { id: string; label: string };
  categories: Array<{ id: string; name: string }>;
  items: Array<{
    id: string;
    name: string;
    description: string;
    available: boolean;
    modifier_groups: Array<{
      id: string;
      name: string;
      options: Array<{ id: string; name: string; available: boolean }>;
    }>;
  }>;
}

const menu = (guest: Actor, token: string, locale?: string | null) =>
  rpc<Menu>(
    guest,
    'guest_menu',
    locale === undefined ? { p_qr_token: token } : { p_qr_token: token, p_locale: locale },
  );

describe('guest_menu', () => {
  it('lists every item with available (sold-out too) and each option with available', async () => {
    const m = await menu(await newGuest(), r.qr1);
    expect(m.restaurant.guest_ordering).toBe('draft_first');
    expect(Object.fromEntries(m.items.map((i) => [i.name, i.available]))).toEqual({
      Burger: true,
      Fries: true,
      Soda: true,
      Lobster: false,
    });
    const extras = m.items.find((i) => i.id === r.burger)?.modifier_groups.find((g) => g.id === r.extras);
    expect(extras?.options.map((o) => [o.name, o.available])).toEqual([
      ['Bacon', true],
      ['Cheese', true],
      ['Egg', true],
      ['Truffle', false],
    ]);
  });

  it('translates names and descriptions to the locale where given, else the restaurant text', async () => {
    const rest = await makeRestaurant();
    await sql(`update public.menu_items set description = 'Crispy' where id = $1`, [rest.fries]);
    await sql(
      `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name, description) values
         ($1, 'item', $2, 'es', 'Patatas', 'Crujientes'), ($1, 'item', $3, 'es', 'Hamburguesa', null),
         ($1, 'category', $4, 'es', 'Comida', null), ($1, 'modifier_group', $5, 'es', 'Extras ES', null),
         ($1, 'modifier_option', $6, 'es', 'Queso', null), ($1, 'item', $2, 'fr', 'Frites', 'Croustillantes')`,
      [rest.id, rest.fries, rest.burger, rest.catFood, rest.extras, rest.cheese],
    );
    const guest = await newGuest();
    for (const locale of ['es', 'es-MX', 'ES_es']) {
      const m = await menu(guest, rest.qr1, locale);
      const fries = m.items.find((i) => i.id === rest.fries);
      expect([fries?.name, fries?.description]).toEqual(['Patatas', 'Crujientes']);
      const burger = m.items.find((i) => i.id === rest.burger);
      // A translation without a description keeps the restaurant's description.
      expect([burger?.name, burger?.description]).toEqual(['Hamburguesa', '']);
      expect(m.items.find((i) => i.id === rest.soda)?.name).toBe('Soda');
      expect(m.categories.map((c) => c.name)).toEqual(['Comida', 'Drinks']);
      const extras = burger?.modifier_groups.find((g) => g.id === rest.extras);
      expect(extras?.name).toBe('Extras ES');
      // In the restaurant's order (by its own names), whatever the language.
      expect(extras?.options.map((o) => o.name)).toEqual(['Bacon', 'Queso', 'Egg', 'Truffle']);
    }
    const fr = await menu(guest, rest.qr1, 'fr');
    expect(fr.items.find((i) => i.id === rest.fries)?.name).toBe('Frites');
    for (const locale of [null, 'de', '', 'xx-YY']) {
      const m = await menu(guest, rest.qr1, locale);
      expect(m.items.find((i) => i.id === rest.fries)?.name).toBe('Fries');
      expect(m.categories.map((c) => c.name)).toEqual(['Food', 'Drinks']);
    }
  });

  it('records one visit per guest, table and token generation', async () => {
    const rest = await makeRestaurant();
    const guest = await newGuest();
    await menu(guest, rest.qr1);
    await menu(guest, rest.qr1, 'fr');
    await menu(guest, rest.qr2);
    const visits = await sql<{ table_id: string; n: number }>(
      `select table_id, count(*)::int as n from public.guest_visits where user_id = $1 group by table_id order by 1`,
      [(guest as { id: string }).id],
    );
    expect(visits.map((v) => v.n)).toEqual([1, 1]);
    expect(visits.map((v) => v.table_id).sort()).toEqual([rest.table1, rest.table2].sort());
  });

  it('unknown, rotated and inactive tokens → table_not_found, and nothing recorded', async () => {
    const rest = await makeRestaurant();
    const guest = await newGuest();
    const count = async () =>
      (
        await sql<{ n: number }>('select count(*)::int as n from public.guest_visits where restaurant_id = $1', [
          rest.id,
        ])
      )[0]?.n;
    await expectCode(menu(guest, 'nope'), 'table_not_found');
    await expectCode(menu(guest, `${rest.qr1.slice(0, -1)}x`), 'table_not_found');
    await rpc(rest.as('owner'), 'rotate_table_token', { p_table_id: rest.table1 });
    await expectCode(menu(guest, rest.qr1), 'table_not_found');
    await sql('update public.dining_tables set active = false where id = $1', [rest.table2]);
    await expectCode(menu(guest, rest.qr2), 'table_not_found');
    expect(await count()).toBe(0);
    expect((await failure(menu(anon, rest.qr2))).code).toBe('42501');
  });
});

describe('guest topics', () => {
  it('restaurant:<id>:guest: a guest with a live visit; not after a rotation, on an inactive table, or elsewhere', async () => {
    const rest = await makeRestaurant();
    const topic = `restaurant:${rest.id}:guest`;
    const guest = await newGuest();
    const stranger = await newGuest();
    expect(await canReceive(guest, topic)).toBe(false);
    await menu(guest, rest.qr1);
    await menu(stranger, other.qr1);
    expect(
      await receiversOf(topic, { anon, guest, stranger, owner: rest.as('owner'), outsider: other.as('owner') }),
    ).toEqual({ anon: false, guest: true, stranger: false, owner: false, outsider: false });
    // Older than 12 hours: gone.
    await sql(`update public.guest_visits set last_seen_at = now() - interval '13 hours' where restaurant_id = $1`, [
      rest.id,
    ]);
    expect(await canReceive(guest, topic)).toBe(false);
    await menu(guest, rest.qr1);
    expect(await canReceive(guest, topic)).toBe(true);
    await sql('update public.dining_tables set active = false where id = $1', [rest.table1]);
    expect(await canReceive(guest, topic)).toBe(false);
    await sql('update public.dining_tables set active = true where id = $1', [rest.table1]);
    await rpc(rest.as('manager'), 'rotate_table_token', { p_table_id: rest.table1 });
    expect(await canReceive(guest, topic)).toBe(false);
  });

  it('guest:<uid>: only that user', async () => {
    const guest = await newGuest();
    const id = (guest as { id: string }).id;
    expect(await receiversOf(`guest:${id}`, { anon, guest, other: await newGuest(), owner: r.as('owner') })).toEqual({
      anon: false,
      guest: true,
      other: false,
      owner: false,
    });
    expect(await canReceive(guest, `guest:${id}:x`)).toBe(false);
  });

  it('the staff topics still work as before', async () => {
    expect(await canReceive(r.as('waiter'), `restaurant:${r.id}:orders`)).toBe(true);
    expect(await canReceive(r.as('waiter'), `restaurant:${r.id}:menu`)).toBe(true);
    expect(await canReceive(r.as('print_bridge'), `restaurant:${r.id}:print`)).toBe(true);
    expect(await canReceive(r.as('waiter'), `restaurant:${r.id}:print`)).toBe(false);
  });

  it('menu changes and translations reach the guest topic; a rotation says table_rotated', async () => {
    const rest = await makeRestaurant();
    const since = new Date();
    await rpc(rest.as('manager'), 'set_item_availability', { p_item_id: rest.fries, p_available: false });
    await sql(
      `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name) values ($1, 'item', $2, 'fr', 'Frites')`,
      [rest.id, rest.fries],
    );
    await sql(`update public.menu_translations set name = 'Des frites' where entity_id = $1`, [rest.fries]);
    await sql('delete from public.menu_translations where entity_id = $1', [rest.fries]);
    await rpc(rest.as('owner'), 'rotate_table_token', { p_table_id: rest.table2 });
    const got = await messagesOn(`restaurant:${rest.id}:guest`, since);
    expect(got.map((m) => [m.event, m.private, m.payload.entity ?? null, m.payload.op ?? null])).toEqual([
      ['menu_changed', true, 'menu_items', 'UPDATE'],
      ['menu_changed', true, 'menu_translations', 'INSERT'],
      ['menu_changed', true, 'menu_translations', 'UPDATE'],
      ['menu_changed', true, 'menu_translations', 'DELETE'],
      ['table_rotated', true, null, null],
    ]);
    expect(got[0]?.payload).toMatchObject({ id: rest.fries, available: false });
    expect(got[1]?.payload).toMatchObject({ id: rest.fries });
    expect(got[4]?.payload).toMatchObject({ table_id: rest.table2 });
    // The staff menu topic is unchanged by translations.
    const staff = await messagesOn(`restaurant:${rest.id}:menu`, since);
    expect(staff.map((m) => m.payload.entity)).toEqual(['menu_items']);
  });
});

describe('translation broadcasts', () => {
  it('one message per statement: an entity’s languages saved at once, several entities deleted at once', async () => {
    const rest = await makeRestaurant();
    const since = new Date();
    await sql(
      `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name) values
         ($1, 'item', $2, 'fr', 'Frites'), ($1, 'item', $2, 'es', 'Patatas'), ($1, 'item', $2, 'id', 'Kentang')`,
      [rest.id, rest.fries],
    );
    await sql(
      `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name) values ($1, 'item', $2, 'fr', 'Soda')`,
      [rest.id, rest.soda],
    );
    // Nothing matched: no message.
    await sql(`update public.menu_translations set name = 'x' where restaurant_id = $1 and locale = 'en'`, [rest.id]);
    await sql('delete from public.menu_translations where restaurant_id = $1', [rest.id]);
    const got = await messagesOn(`restaurant:${rest.id}:guest`, since);
    expect(got.map((m) => [m.event, m.payload.entity, m.payload.op, m.payload.id])).toEqual([
      ['menu_changed', 'menu_translations', 'INSERT', rest.fries],
      ['menu_changed', 'menu_translations', 'INSERT', rest.soda],
      ['menu_changed', 'menu_translations', 'DELETE', null],
    ]);
  });
});

describe('guest_visit and guest_cancel_order', () => {
  it('lists this guest’s orders at this table only, newest first; other guests and tables are not listed', async () => {
    const rest = await makeRestaurant();
    const guest = await newGuest();
    const first = await guestOrder(guest, rest.qr1, guestPayload(rest));
    const second = await guestOrder(guest, rest.qr1, guestPayload(rest, { note: '<b>no onions</b>' }));
    await guestOrder(guest, rest.qr2, guestPayload(rest));
    await guestOrder(await newGuest(), rest.qr1, guestPayload(rest));
    await sql(`update public.orders set created_at = created_at - interval '1 minute' where id = $1`, [first.id]);
    const visit = await rpc<{ orders: OrderJson[]; requests: unknown[] }>(guest, 'guest_visit', {
      p_qr_token: rest.qr1,
    });
    expect(visit.orders.map((o) => o.id)).toEqual([second.id, first.id]);
    expect(visit.orders[0]).not.toHaveProperty('guest_user_id');
    expect(visit.orders[0]).not.toHaveProperty('created_by');
    expect((visit.orders[0] as unknown as { note: string }).note).toBe('<b>no onions</b>');
    expect(visit.requests).toEqual([]);
    const stranger = await rpc<{ orders: unknown[] }>(await newGuest(), 'guest_visit', { p_qr_token: rest.qr1 });
    expect(stranger.orders).toEqual([]);
    await expectCode(rpc(guest, 'guest_visit', { p_qr_token: 'nope' }), 'table_not_found');
    await rpc(rest.as('owner'), 'rotate_table_token', { p_table_id: rest.table1 });
    await expectCode(rpc(guest, 'guest_visit', { p_qr_token: rest.qr1 }), 'table_not_found');
  });

  it('a guest withdraws their own draft (idempotent); not once the staff answered; never another guest’s', async () => {
    const rest = await makeRestaurant();
    const guest = await newGuest();
    const draft = await guestOrder(guest, rest.qr1, guestPayload(rest));
    const since = new Date();
    const cancelled = await rpc<OrderJson & { status: string; number: number | null }>(guest, 'guest_cancel_order', {
      p_order_id: draft.id,
    });
    expect([cancelled.status, cancelled.number]).toEqual(['cancelled', null]);
    expect(cancelled.lines.map((l) => (l as { kitchen_status: string }).kitchen_status)).toEqual(['cancelled']);
    expect((await rpc<{ status: string }>(guest, 'guest_cancel_order', { p_order_id: draft.id })).status).toBe(
      'cancelled',
    );
    const events = await sql<{ actor_role: string; from_status: string; to_status: string }>(
      'select actor_role, from_status, to_status from public.order_events where order_id = $1 order by id',
      [draft.id],
    );
    expect(events.slice(1)).toEqual([{ actor_role: 'guest', from_status: 'draft', to_status: 'cancelled' }]);
    // The POS and the guest's page hear it.
    const pos = await messagesOn(`restaurant:${rest.id}:orders`, since);
    expect(
      pos.some((m) => m.payload.table === 'orders' && (m.payload.record as { status: string }).status === 'cancelled'),
    ).toBe(true);
    expect((await messagesOn(`order:${draft.id}`, since)).length).toBeGreaterThan(0);

    const accepted = await guestOrder(guest, rest.qr1, guestPayload(rest));
    await rpc(rest.as('waiter'), 'transition_order', {
      p_order_id: accepted.id,
      p_to: 'placed',
      p_expected_version: accepted.version,
    });
    const err = await expectCode(
      rpc(guest, 'guest_cancel_order', { p_order_id: accepted.id }),
      'order_not_cancellable',
    );
    expect(JSON.parse(err.detail ?? '{}')).toMatchObject({ status: 'placed' });
    const rejected = await guestOrder(guest, rest.qr1, guestPayload(rest));
    await rpc(rest.as('waiter'), 'transition_order', {
      p_order_id: rejected.id,
      p_to: 'rejected',
      p_expected_version: rejected.version,
      p_reason: 'Kitchen closed',
    });
    await expectCode(rpc(guest, 'guest_cancel_order', { p_order_id: rejected.id }), 'order_not_cancellable');

    const theirs = await guestOrder(await newGuest(), rest.qr1, guestPayload(rest));
    const before = await guestFootprint(rest.id);
    await expectCode(rpc(guest, 'guest_cancel_order', { p_order_id: theirs.id }), 'order_not_found');
    await expectCode(rpc(rest.as('owner'), 'guest_cancel_order', { p_order_id: theirs.id }), 'order_not_found');
    await expectCode(
      rpc(guest, 'guest_cancel_order', { p_order_id: '00000000-0000-0000-0000-000000000000' }),
      'order_not_found',
    );
    expect(await guestFootprint(rest.id)).toEqual(before);
    // A staff cancellation of a placed order still needs its number (the check only lets drafts go without).
    const stillNumbered = await sql<{ ok: boolean }>(
      `select bool_and(number is not null) as ok from public.orders where restaurant_id = $1 and placed_at is not null`,
      [rest.id],
    );
    expect(stillNumbered[0]?.ok).toBe(true);
  });
});
