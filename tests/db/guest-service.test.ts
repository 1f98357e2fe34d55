import { beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, type Restaurant } from './fixtures.ts';
import { guestFootprint, messagesOn, newGuest } from './guest-support.ts';
import { type Actor, expectCode, rpc, sql, tx, uuid } from './support.ts';

/**
 * Service requests (…20261203000400_service_requests.sql) and menu translations
 * (…20261203000200_menu_translations.sql).
 */

let r: Restaurant;
let other: Restaurant;

beforeAll(async () => {
  r = await makeRestaurant();
  other = await makeRestaurant();
});

interface Request {
  id: string;
  kind: string;
  status: string;
  table_id: string;
  created_at: string;
  acknowledged_at: string | null;
}

const ask = (guest: Actor, token: string, request: unknown) =>
  rpc<Request>(guest, 'guest_request_service', { p_qr_token: token, p_request: request });

describe('guest_request_service', () => {
  it('a call reaches the POS and the guest; a retry or a second press returns the open one', async () => {
    const rest = await makeRestaurant();
    const guest = await newGuest();
    const gid = (guest as { id: string }).id;
    const since = new Date();
    const id = uuid();
    const call = await ask(guest, rest.qr1, { id, kind: 'call_waiter' });
    expect(call).toMatchObject({
      id,
      kind: 'call_waiter',
      status: 'open',
      table_id: rest.table1,
      acknowledged_at: null,
    });
    expect(Object.keys(call).sort()).toEqual(['acknowledged_at', 'created_at', 'id', 'kind', 'status', 'table_id']);
    expect(await ask(guest, rest.qr1, { id, kind: 'call_waiter' })).toEqual(call);
    expect(await ask(guest, rest.qr1, { id: uuid(), kind: 'call_waiter' })).toEqual(call);
    const bill = await ask(guest, rest.qr1, { id: uuid(), kind: 'bill' });
    expect(bill.id).not.toBe(id);
    // Same id, different content → idempotency_conflict.
    await expectCode(ask(guest, rest.qr1, { id, kind: 'bill' }), 'idempotency_conflict');
    await expectCode(ask(await newGuest(), rest.qr1, { id, kind: 'call_waiter' }), 'idempotency_conflict');

    const pos = await messagesOn(`restaurant:${rest.id}:orders`, since);
    expect(pos.map((m) => [m.event, m.payload.table, (m.payload.record as { id: string }).id])).toEqual([
      ['INSERT', 'service_requests', id],
      ['INSERT', 'service_requests', bill.id],
    ]);
    const mine = await messagesOn(`guest:${gid}`, since);
    expect(mine.map((m) => [m.event, m.private, m.payload.id, m.payload.status])).toEqual([
      ['service_request', true, id, 'open'],
      ['service_request', true, bill.id, 'open'],
    ]);

    // Staff acknowledge it: the guest hears it, a second acknowledgement changes nothing.
    const acked = await rpc<{ status: string; acknowledged_by: string; acknowledged_at: string }>(
      rest.as('waiter'),
      'acknowledge_service_request',
      { p_request_id: id },
    );
    expect([acked.status, acked.acknowledged_by]).toEqual(['acknowledged', rest.users.waiter]);
    const again = await rpc<{ acknowledged_at: string; acknowledged_by: string }>(
      rest.as('cashier'),
      'acknowledge_service_request',
      { p_request_id: id },
    );
    expect([again.acknowledged_at, again.acknowledged_by]).toEqual([acked.acknowledged_at, rest.users.waiter]);
    const heard = await messagesOn(`guest:${gid}`, since);
    expect(heard.map((m) => m.payload.status)).toEqual(['open', 'open', 'acknowledged']);
    // Once answered, pressing again is a new request.
    const next = await ask(guest, rest.qr1, { id: uuid(), kind: 'call_waiter' });
    expect(next.id).not.toBe(id);

    const visit = await rpc<{ requests: Request[] }>(guest, 'guest_visit', { p_qr_token: rest.qr1 });
    expect(visit.requests.map((q) => [q.id, q.status])).toEqual([
      [next.id, 'open'],
      [bill.id, 'open'],
      [id, 'acknowledged'],
    ]);
    const elsewhere = await rpc<{ requests: Request[] }>(guest, 'guest_visit', { p_qr_token: rest.qr2 });
    expect(elsewhere.requests).toEqual([]);
  });

  it('bad requests, bad tokens and ordering off are refused and write nothing', async () => {
    const rest = await makeRestaurant();
    const guest = await newGuest();
    const before = await guestFootprint(rest.id);
    const cases: Array<[string, unknown, string]> = [
      ['unknown token', null, 'table_not_found'],
      ['not an object', '[1]', 'invalid_payload'],
      ['extra field', { id: uuid(), kind: 'bill', table_id: rest.table2 }, 'unknown_field'],
      ['status in the body', { id: uuid(), kind: 'bill', status: 'acknowledged' }, 'unknown_field'],
      ['no id', { kind: 'bill' }, 'invalid_request_id'],
      ['bad id', { id: 'x', kind: 'bill' }, 'invalid_request_id'],
      ['bad kind', { id: uuid(), kind: 'dance' }, 'invalid_request_kind'],
      ['kind not text', { id: uuid(), kind: 1 }, 'invalid_request_kind'],
    ];
    for (const [name, request, code] of cases) {
      const token = name === 'unknown token' ? 'nope' : rest.qr1;
      const err = await expectCode(ask(guest, token, request ?? { id: uuid(), kind: 'bill' }), code);
      expect(err.hint, name).toBeTruthy();
    }
    expect(await guestFootprint(rest.id)).toEqual(before);
    await rpc(rest.as('owner'), 'rotate_table_token', { p_table_id: rest.table2 });
    const rotated = await guestFootprint(rest.id);
    await expectCode(ask(guest, rest.qr2, { id: uuid(), kind: 'bill' }), 'table_not_found');
    await sql(`update public.restaurants set guest_ordering = 'off' where id = $1`, [rest.id]);
    await expectCode(ask(guest, rest.qr1, { id: uuid(), kind: 'bill' }), 'guest_ordering_disabled');
    expect(await guestFootprint(rest.id)).toEqual(rotated);
  });

  it('rate limit: guest_request_limit {limit}, per guest, nothing written', async () => {
    const rest = await makeRestaurant();
    await sql('update public.restaurants set guest_requests_per_guest = 2 where id = $1', [rest.id]);
    const guest = await newGuest();
    const first = await ask(guest, rest.qr1, { id: uuid(), kind: 'call_waiter' });
    await rpc(rest.as('waiter'), 'acknowledge_service_request', { p_request_id: first.id });
    await ask(guest, rest.qr1, { id: uuid(), kind: 'call_waiter' });
    const before = await guestFootprint(rest.id);
    const err = await expectCode(ask(guest, rest.qr2, { id: uuid(), kind: 'bill' }), 'guest_request_limit');
    expect(JSON.parse(err.detail ?? '{}')).toEqual({ limit: 2 });
    expect(await guestFootprint(rest.id)).toEqual(before);
    // Pressing again for the open call still answers with it, and another guest may call.
    expect((await ask(guest, rest.qr1, { id: uuid(), kind: 'call_waiter' })).status).toBe('open');
    await ask(await newGuest(), rest.qr1, { id: uuid(), kind: 'bill' });
    await sql(
      `update public.service_requests set created_at = now() - interval '11 minutes' where restaurant_id = $1`,
      [rest.id],
    );
    await ask(guest, rest.qr2, { id: uuid(), kind: 'bill' });
  });

  it('acknowledge: unknown and other restaurants’ requests look alike; kitchen and bridge may not', async () => {
    const guest = await newGuest();
    const req = await ask(guest, r.qr1, { id: uuid(), kind: 'bill' });
    for (const actor of [other.as('owner'), guest]) {
      await expectCode(
        rpc(actor, 'acknowledge_service_request', { p_request_id: req.id }),
        'service_request_not_found',
      );
    }
    await expectCode(
      rpc(r.as('owner'), 'acknowledge_service_request', { p_request_id: uuid() }),
      'service_request_not_found',
    );
    await expectCode(
      rpc(r.as('kitchen'), 'acknowledge_service_request', { p_request_id: req.id }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(r.as('print_bridge'), 'acknowledge_service_request', { p_request_id: req.id }),
      'service_request_not_found',
    );
    const [row] = await sql('select status from public.service_requests where id = $1', [req.id]);
    expect(row).toEqual({ status: 'open' });
  });
});

describe('menu translations', () => {
  const insert = (actor: Actor, values: unknown[]) =>
    tx(actor, (c) =>
      c.query(
        `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name, description)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (entity_id, locale) do update set name = excluded.name, description = excluded.description`,
        values,
      ),
    );

  it('the entity must be the row restaurant’s own; bad text and languages get stable codes', async () => {
    const rest = await makeRestaurant();
    const owner = rest.as('owner');
    await insert(owner, [rest.id, 'item', rest.fries, 'fr', '  Frites  ', '  ']);
    const [row] = await sql('select name, description from public.menu_translations where entity_id = $1', [
      rest.fries,
    ]);
    expect(row).toEqual({ name: 'Frites', description: null });
    // An upsert (what the admin sends) replaces the text.
    await insert(rest.as('manager'), [rest.id, 'item', rest.fries, 'fr', 'Des frites', 'Croustillantes']);
    const cases: Array<[string, unknown[], string]> = [
      ['another restaurant’s item', [rest.id, 'item', other.fries, 'es', 'x', null], 'translation_target_not_found'],
      ['a made-up id', [rest.id, 'item', uuid(), 'es', 'x', null], 'translation_target_not_found'],
      ['an item id as a category', [rest.id, 'category', rest.fries, 'es', 'x', null], 'translation_target_not_found'],
      ['an unknown entity', [rest.id, 'table', rest.table1, 'es', 'x', null], 'translation_target_not_found'],
      ['an unknown language', [rest.id, 'item', rest.fries, 'de', 'x', null], 'invalid_translation'],
      ['an empty name', [rest.id, 'item', rest.fries, 'es', '   ', null], 'invalid_translation'],
      ['a long name', [rest.id, 'item', rest.fries, 'es', 'x'.repeat(121), null], 'invalid_translation'],
      ['a long description', [rest.id, 'item', rest.fries, 'es', 'x', 'y'.repeat(1001)], 'invalid_translation'],
    ];
    for (const [name, values, code] of cases) {
      const err = await expectCode(insert(owner, values), code);
      expect(err.hint, name).toBeTruthy();
    }
    // Moving a row to another restaurant's entity is checked as well.
    await expectCode(
      tx(owner, (c) =>
        c.query('update public.menu_translations set entity_id = $2 where entity_id = $1', [rest.fries, other.soda]),
      ),
      'translation_target_not_found',
    );
    // Another restaurant's owner cannot write into this restaurant (RLS).
    const outsider = await expectCode(
      insert(other.as('owner'), [rest.id, 'item', rest.soda, 'es', 'x', null]),
      'new row violates row-level security policy for table "menu_translations"',
      '42501',
    );
    expect(outsider.code).toBe('42501');
    const [kept] = await sql('select name, description from public.menu_translations where entity_id = $1', [
      rest.fries,
    ]);
    expect(kept).toEqual({ name: 'Des frites', description: 'Croustillantes' });
  });

  it('deleting an entity deletes its translations', async () => {
    const rest = await makeRestaurant();
    for (const [entity, id] of [
      ['item', rest.soda],
      ['category', rest.catDrinks],
      ['modifier_group', rest.extras],
      ['modifier_option', rest.cheese],
    ] as const) {
      await sql(
        `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name) values ($1, $2, $3, 'es', 'x')`,
        [rest.id, entity, id],
      );
    }
    await sql('delete from public.menu_items where id = $1', [rest.soda]);
    await sql('delete from public.menu_categories where id = $1', [rest.catDrinks]);
    // A group's deletion cascades to its options: both lose their translations.
    await sql('delete from public.modifier_groups where id = $1', [rest.extras]);
    const [left] = await sql<{ n: number }>(
      'select count(*)::int as n from public.menu_translations where restaurant_id = $1',
      [rest.id],
    );
    expect(left?.n).toBe(0);
  });
});
