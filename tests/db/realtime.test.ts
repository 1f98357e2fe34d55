import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createUser, makeRestaurant, type OrderJson, placeOrder, type Restaurant } from './fixtures.ts';
import { type Actor, anon, rpc, sql, user, uuid } from './support.ts';
import { canReceive, canSendPresence, receiversOf } from './topics.ts';

let r: Restaurant;
let outsider: Actor;
let guest: Actor;
let otherGuest: Actor;
let guestOrder: OrderJson;

beforeAll(async () => {
  r = await makeRestaurant({ autoPrintReceipts: false });
  outsider = (await makeRestaurant()).as('owner');
  guest = user(await createUser({ anonymous: true }), true);
  otherGuest = user(await createUser({ anonymous: true }), true);
  guestOrder = await rpc<OrderJson>(guest, 'guest_place_order', {
    p_qr_token: r.qr1,
    p_order: { id: uuid(), lines: [{ item_id: r.fries, qty: 1 }] },
  });
});

describe('Broadcast from Database', () => {
  it('orders, lines and print jobs are broadcast to the restaurant topics; a guest order to its own topic', async () => {
    const since = new Date();
    const order = await placeOrder(r);
    await advance(r, order, 'preparing');
    await rpc(r.as('waiter'), 'transition_order', {
      p_order_id: guestOrder.id,
      p_to: 'placed',
      p_expected_version: guestOrder.version,
    });
    const rows = await sql<{ topic: string; event: string; tbl: string; id: string }>(
      `select topic, event, payload ->> 'table' as tbl, coalesce(payload -> 'record' ->> 'order_id', payload -> 'record' ->> 'id') as id
       from realtime.messages where inserted_at >= $1::timestamptz at time zone 'UTC' and topic like any ($2)
       order by inserted_at, topic`,
      [since.toISOString(), [`restaurant:${r.id}:%`, `order:${guestOrder.id}`]],
    );
    const summary = rows.map((m) => `${m.topic.replace(r.id, 'R').replace(guestOrder.id, 'G')} ${m.event} ${m.tbl}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'restaurant:R:orders INSERT orders',
        'restaurant:R:orders INSERT order_lines',
        'restaurant:R:orders UPDATE orders',
        'restaurant:R:print INSERT print_jobs',
        'order:G UPDATE orders',
      ]),
    );
    expect(rows.filter((m) => m.topic === `order:${guestOrder.id}`).every((m) => m.id === guestOrder.id)).toBe(true);
  });
});

describe('who may join which private topic', () => {
  it('orders topic: staff of the restaurant only', async () => {
    const topic = `restaurant:${r.id}:orders`;
    const got = await receiversOf(topic, {
      anon,
      guest,
      outsider,
      owner: r.as('owner'),
      manager: r.as('manager'),
      cashier: r.as('cashier'),
      kitchen: r.as('kitchen'),
      waiter: r.as('waiter'),
      print_bridge: r.as('print_bridge'),
    });
    expect(got).toEqual({
      anon: false,
      guest: false,
      outsider: false,
      owner: true,
      manager: true,
      cashier: true,
      kitchen: true,
      waiter: true,
      print_bridge: false,
    });
  });

  it('print topic: the print bridge, owners and managers', async () => {
    const topic = `restaurant:${r.id}:print`;
    expect(await canReceive(r.as('print_bridge'), topic)).toBe(true);
    expect(await canReceive(r.as('manager'), topic)).toBe(true);
    expect(await canReceive(r.as('kitchen'), topic)).toBe(false);
    expect(await canReceive(outsider, topic)).toBe(false);
  });

  it('order topic: only the guest who placed it', async () => {
    const topic = `order:${guestOrder.id}`;
    expect(await canReceive(guest, topic)).toBe(true);
    expect(await canReceive(otherGuest, topic)).toBe(false);
    expect(await canReceive(anon, topic)).toBe(false);
  });

  it('malformed and unknown topics admit nobody', async () => {
    for (const topic of ['restaurant:not-a-uuid:orders', `restaurant:${r.id}:secrets`, 'lobby', `restaurant:${r.id}`]) {
      expect(await canReceive(r.as('owner'), topic)).toBe(false);
    }
  });

  it('presence on the orders topic: staff may track, others may not', async () => {
    const topic = `restaurant:${r.id}:orders`;
    expect(await canSendPresence(r.as('kitchen'), topic)).toBe(true);
    expect(await canSendPresence(outsider, topic)).toBe(false);
    expect(await canSendPresence(guest, topic)).toBe(false);
  });
});
