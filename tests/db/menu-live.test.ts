import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, orderPayload, placeOrder, type Restaurant } from './fixtures.ts';
import { type Actor, anon, expectCode, rpc, sql, user, uuid } from './support.ts';
import { receiversOf } from './topics.ts';

/** Live 86 (…20261201001300_menu_topic.sql): the restaurant:<id>:menu topic and set_item_availability. */

let r: Restaurant;
let outsider: Actor;

beforeAll(async () => {
  r = await makeRestaurant();
  outsider = (await makeRestaurant()).as('owner');
});

interface MenuMessage {
  event: string;
  private: boolean;
  payload: { menu_version: number; entity: string; id: string; op: string; available: boolean | null };
}

/** The menu topic's messages since `since`, oldest first. */
const menuMessages = (rest: Restaurant, since: Date) =>
  sql<MenuMessage>(
    `select event, private, payload from realtime.messages
     where topic = $1 and inserted_at >= $2::timestamptz at time zone 'UTC' order by inserted_at, id`,
    [`restaurant:${rest.id}:menu`, since.toISOString()],
  );

const version = async (rest: Restaurant) =>
  Number((await sql<{ v: string }>('select menu_version as v from public.restaurants where id = $1', [rest.id]))[0]?.v);

describe('menu_changed broadcasts', () => {
  it('an item marked unavailable is broadcast with its menu version; unrelated edits are not', async () => {
    const rest = await makeRestaurant();
    const since = new Date();
    await rpc(rest.as('manager'), 'set_item_availability', { p_item_id: rest.fries, p_available: false });
    const v = await version(rest);
    await sql(`update public.menu_items set description = 'golden' where id = $1`, [rest.fries]);
    await sql('update public.menu_items set position = 5 where id = $1', [rest.soda]);
    await sql('update public.menu_items set price = 500 where id = $1', [rest.soda]);
    await sql(`update public.modifier_options set name = 'Cheddar' where id = $1`, [rest.cheese]);
    await sql('update public.modifier_options set available = false where id = $1', [rest.bacon]);
    const messages = await menuMessages(rest, since);
    expect(
      messages.map((m) => [m.event, m.private, m.payload.entity, m.payload.id, m.payload.op, m.payload.available]),
    ).toEqual([
      ['menu_changed', true, 'menu_items', rest.fries, 'UPDATE', false],
      ['menu_changed', true, 'menu_items', rest.soda, 'UPDATE', true],
      ['menu_changed', true, 'modifier_options', rest.bacon, 'UPDATE', false],
    ]);
    expect(messages[0]?.payload.menu_version).toBe(v);
    expect(messages[2]?.payload.menu_version).toBe(await version(rest));
  });

  it('new and deleted items are broadcast too', async () => {
    const rest = await makeRestaurant();
    const since = new Date();
    const id = uuid();
    await sql(`insert into public.menu_items (id, restaurant_id, name, price) values ($1, $2, 'Juice', 200)`, [
      id,
      rest.id,
    ]);
    await sql('delete from public.menu_items where id = $1', [id]);
    const messages = await menuMessages(rest, since);
    expect(messages.map((m) => [m.payload.op, m.payload.id, m.payload.available])).toEqual([
      ['INSERT', id, true],
      ['DELETE', id, null],
    ]);
    const [tomb] = await sql<{ version: string }>('select version from public.menu_tombstones where entity_id = $1', [
      id,
    ]);
    expect(messages[1]?.payload.menu_version).toBe(Number(tomb?.version));
  });

  it('a stale cart with an item marked unavailable is refused with item_unavailable', async () => {
    const rest = await makeRestaurant();
    await rpc(rest.as('owner'), 'set_item_availability', { p_item_id: rest.soda, p_available: false });
    await expectCode(placeOrder(rest, orderPayload(rest)), 'item_unavailable');
  });
});

/** Probed as the Realtime server checks a join (topics.ts). */
describe('who may join the menu topic', () => {
  it("the restaurant's staff only", async () => {
    const topic = `restaurant:${r.id}:menu`;
    const guest = user(await createUser({ anonymous: true }), true);
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
});

describe('set_item_availability', () => {
  it("owners and managers only; others are forbidden, another restaurant's item is not found", async () => {
    const outcome: Record<string, string> = {};
    for (const role of ['owner', 'manager', 'cashier', 'kitchen', 'waiter', 'print_bridge'] as const) {
      outcome[role] = await rpc<{ available: boolean }>(
        r.as(role),
        'set_item_availability',
        { p_item_id: r.fries, p_available: false },
        { rollback: true },
      ).then(
        (item) => (item.available === false ? 'allowed' : 'unchanged'),
        (e: { message: string }) => e.message,
      );
    }
    expect(outcome).toEqual({
      owner: 'allowed',
      manager: 'allowed',
      cashier: 'forbidden',
      kitchen: 'forbidden',
      waiter: 'forbidden',
      print_bridge: 'item_not_found',
    });
    await expectCode(
      rpc(outsider, 'set_item_availability', { p_item_id: r.fries, p_available: false }),
      'item_not_found',
    );
    await expectCode(
      rpc(r.as('owner'), 'set_item_availability', { p_item_id: uuid(), p_available: false }),
      'item_not_found',
    );
    await expectCode(
      rpc(r.as('owner'), 'set_item_availability', { p_item_id: r.fries, p_available: null }),
      'invalid_availability',
    );
  });

  it('setting what it already is changes nothing: no new menu version', async () => {
    const before = await version(r);
    const item = await rpc<{ available: boolean }>(r.as('manager'), 'set_item_availability', {
      p_item_id: r.burger,
      p_available: true,
    });
    expect(item.available).toBe(true);
    expect(await version(r)).toBe(before);
    await rpc(r.as('manager'), 'set_item_availability', { p_item_id: r.burger, p_available: false });
    expect(await version(r)).toBe(before + 1);
    await rpc(r.as('manager'), 'set_item_availability', { p_item_id: r.burger, p_available: true });
  });
});
