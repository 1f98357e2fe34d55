import { beforeAll, describe, expect, it } from 'vitest';
import {
  advance,
  createUser,
  makeRestaurant,
  type OrderJson,
  placeOrder,
  type Restaurant,
  STAFF_ROLES,
} from './fixtures.ts';
import { expectCode, failure, rpc, sql, user, uuid } from './support.ts';

/** Every transition that exists and the roles allowed to make it; all other pairs are refused. */
const ALLOWED: Record<string, string[]> = {
  'draft>placed': ['owner', 'manager', 'cashier', 'waiter'],
  'draft>rejected': ['owner', 'manager', 'cashier', 'waiter'],
  'placed>preparing': ['owner', 'manager', 'kitchen'],
  'preparing>ready': ['owner', 'manager', 'kitchen'],
  'ready>preparing': ['owner', 'manager', 'kitchen'], // recall a bumped ticket
  'ready>completed': ['owner', 'manager', 'cashier', 'waiter'],
  'placed>cancelled': ['owner', 'manager', 'cashier'],
  'preparing>cancelled': ['owner', 'manager'],
  'ready>cancelled': ['owner', 'manager'],
};
const STATUSES = ['draft', 'placed', 'preparing', 'ready', 'completed', 'rejected', 'cancelled'];

let r: Restaurant;
const inState: Record<string, OrderJson> = {};

async function guestDraft(rest: Restaurant): Promise<OrderJson> {
  const guest = user(await createUser({ anonymous: true }), true);
  return rpc<OrderJson>(guest, 'guest_place_order', {
    p_qr_token: rest.qr1,
    p_order: { id: uuid(), lines: [{ item_id: rest.fries, qty: 2 }] },
  });
}

beforeAll(async () => {
  r = await makeRestaurant({ guestOrdering: 'draft_first' });
  inState.draft = await guestDraft(r);
  inState.placed = await placeOrder(r);
  inState.preparing = await advance(r, await placeOrder(r), 'preparing');
  inState.ready = await advance(r, await placeOrder(r), 'preparing', 'ready');
  inState.completed = await advance(r, await placeOrder(r), 'preparing', 'ready', 'completed');
  inState.rejected = await advance(r, await guestDraft(r), 'rejected');
  inState.cancelled = await advance(r, await placeOrder(r), 'cancelled');
});

describe('order transitions per role', () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      if (from === to) continue;
      const allowed = ALLOWED[`${from}>${to}`] ?? [];
      it(`${from} → ${to}: ${allowed.length ? allowed.join(', ') : 'nobody'}`, async () => {
        const order = inState[from] as OrderJson;
        const outcome: Record<string, string> = {};
        for (const role of STAFF_ROLES) {
          const call = rpc<OrderJson>(
            r.as(role),
            'transition_order',
            { p_order_id: order.id, p_to: to, p_expected_version: order.version, p_reason: 'because' },
            { rollback: true },
          );
          const res = await call.then(
            (o) => (o.status === to ? 'allowed' : `unexpected ${o.status}`),
            (e: { code: string; message: string }) => e.message,
          );
          outcome[role] = res;
        }
        const expected = Object.fromEntries(
          STAFF_ROLES.map((role) => [
            role,
            allowed.includes(role)
              ? 'allowed'
              : role === 'print_bridge'
                ? 'order_not_found'
                : allowed.length
                  ? 'forbidden'
                  : 'invalid_transition',
          ]),
        );
        expect(outcome).toEqual(expected);
      });
    }
  }
});

describe('transition rules', () => {
  it('writes an audit row per change with actor, from, to and reason', async () => {
    const order = await placeOrder(r);
    await advance(r, order, 'preparing', 'cancelled');
    const events = await sql(
      `select actor_id, actor_role, from_status, to_status, reason from public.order_events
       where order_id = $1 and line_id is null order by id`,
      [order.id],
    );
    expect(events).toEqual([
      { actor_id: r.users.cashier, actor_role: 'cashier', from_status: null, to_status: 'placed', reason: null },
      { actor_id: r.users.owner, actor_role: 'owner', from_status: 'placed', to_status: 'preparing', reason: null },
      {
        actor_id: r.users.owner,
        actor_role: 'owner',
        from_status: 'preparing',
        to_status: 'cancelled',
        reason: 'test',
      },
    ]);
  });

  it('a stale version gets version_conflict and changes nothing', async () => {
    const order = await placeOrder(r);
    await advance(r, order, 'preparing');
    const err = await expectCode(
      rpc(r.as('manager'), 'transition_order', {
        p_order_id: order.id,
        p_to: 'cancelled',
        p_expected_version: order.version,
        p_reason: 'x',
      }),
      'version_conflict',
    );
    expect(JSON.parse(err.detail ?? '{}')).toMatchObject({ version: order.version + 1, status: 'preparing' });
    const [row] = await sql(`select status, version from public.orders where id = $1`, [order.id]);
    expect(row).toEqual({ status: 'preparing', version: order.version + 1 });
  });

  it('repeating a transition already made is a harmless no-op (outbox replay)', async () => {
    const order = await placeOrder(r);
    const moved = await advance(r, order, 'preparing');
    const replay = await rpc<OrderJson>(r.as('kitchen'), 'transition_order', {
      p_order_id: order.id,
      p_to: 'preparing',
      p_expected_version: order.version,
    });
    expect(replay.version).toBe(moved.version);
    const [n] = await sql<{ n: number }>(`select count(*)::int as n from public.order_events where order_id = $1`, [
      order.id,
    ]);
    expect(n?.n).toBe(2);
  });

  it('cancelling and rejecting need a reason', async () => {
    const order = await placeOrder(r);
    await expectCode(
      rpc(r.as('owner'), 'transition_order', {
        p_order_id: order.id,
        p_to: 'cancelled',
        p_expected_version: order.version,
        p_reason: '  ',
      }),
      'reason_required',
    );
  });

  it("another restaurant's staff cannot see or move the order", async () => {
    const other = await makeRestaurant();
    const order = await placeOrder(r);
    await expectCode(
      rpc(other.as('owner'), 'transition_order', {
        p_order_id: order.id,
        p_to: 'cancelled',
        p_expected_version: 1,
        p_reason: 'x',
      }),
      'order_not_found',
    );
  });

  it('lines follow the order: queued when placed, ready with it, served when completed, cancelled with it', async () => {
    const order = await placeOrder(r);
    const statuses = async () =>
      (
        await sql<{ s: string }>(
          `select kitchen_status::text as s from public.order_lines where order_id = $1 order by position`,
          [order.id],
        )
      ).map((x) => x.s);
    expect(await statuses()).toEqual(['queued', 'queued']);
    const ready = await advance(r, order, 'preparing', 'ready');
    expect(await statuses()).toEqual(['ready', 'ready']);
    await advance(r, ready, 'completed');
    expect(await statuses()).toEqual(['served', 'served']);
    await advance(r, await placeOrder(r), 'cancelled');
    const draft = await guestDraft(r);
    expect(draft.lines.map((l) => l.kitchen_status)).toEqual(['pending']);
  });
});

describe('per-line kitchen status', () => {
  it('a cook bumps one line; the order and the other lines stay as they are', async () => {
    const order = await placeOrder(r);
    const [first, second] = order.lines;
    const bumped = await rpc<{ kitchen_status: string; version: number }>(r.as('kitchen'), 'set_line_status', {
      p_line_id: first?.id,
      p_status: 'preparing',
      p_expected_version: first?.version,
    });
    expect(bumped).toMatchObject({ kitchen_status: 'preparing', version: (first?.version ?? 0) + 1 });
    const ready = await rpc<{ kitchen_status: string }>(r.as('kitchen'), 'set_line_status', {
      p_line_id: first?.id,
      p_status: 'ready',
      p_expected_version: bumped.version,
    });
    expect(ready.kitchen_status).toBe('ready');
    const rows = await sql(
      `select id, kitchen_status::text as s from public.order_lines where order_id = $1 order by position`,
      [order.id],
    );
    expect(rows).toEqual([
      { id: first?.id, s: 'ready' },
      { id: second?.id, s: 'queued' },
    ]);
    const events = await sql(
      `select line_id, from_status, to_status from public.order_events where line_id = $1 order by id`,
      [first?.id],
    );
    expect(events).toEqual([
      { line_id: first?.id, from_status: 'queued', to_status: 'preparing' },
      { line_id: first?.id, from_status: 'preparing', to_status: 'ready' },
    ]);
  });

  it('refuses cashiers, stale versions, impossible steps and drafts', async () => {
    const order = await placeOrder(r);
    const line = order.lines[0];
    await expectCode(
      rpc(r.as('cashier'), 'set_line_status', {
        p_line_id: line?.id,
        p_status: 'ready',
        p_expected_version: line?.version,
      }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(r.as('kitchen'), 'set_line_status', { p_line_id: line?.id, p_status: 'ready', p_expected_version: 99 }),
      'version_conflict',
    );
    await expectCode(
      rpc(r.as('kitchen'), 'set_line_status', {
        p_line_id: line?.id,
        p_status: 'pending',
        p_expected_version: line?.version,
      }),
      'invalid_transition',
    );
    const draft = await guestDraft(r);
    const err = await failure(
      rpc(r.as('kitchen'), 'set_line_status', {
        p_line_id: draft.lines[0]?.id,
        p_status: 'preparing',
        p_expected_version: 1,
      }),
    );
    expect(err.message).toBe('invalid_transition');
  });
});
