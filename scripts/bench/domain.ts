import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { signJwt } from '../stack/gateway/jwt.ts';
import type { RunningStack } from '../stack/stack.ts';
import { cashierId, itemId, restaurantId, seedBenchData } from './domain-seed.ts';
import { type BenchRow, runLoad } from './measure.ts';

/** The POS "active orders" screen: open orders with their lines, oldest first. */
const ACTIVE_SELECT =
  'id, number, status, type, table_id, total, paid, payment_status, version, created_at, order_lines(id, name, qty, modifiers, note, kitchen_status, station, version)';
const ACTIVE_SQL = `
  select o.id, o.number, o.status, o.type, o.table_id, o.total, o.paid, o.payment_status, o.version, o.created_at,
    coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'qty', l.qty, 'modifiers', l.modifiers,
      'note', l.note, 'kitchen_status', l.kitchen_status, 'station', l.station, 'version', l.version))
      from public.order_lines l where l.restaurant_id = o.restaurant_id and l.order_id = o.id), '[]') as order_lines
  from public.orders o
  where o.restaurant_id = $1 and o.status in ('draft', 'placed', 'preparing', 'ready')
  order by o.created_at`;

/** The KDS "tickets" of one station: lines still to cook, with their order's number and table. */
const TICKETS_SELECT =
  'id, order_id, name, qty, modifiers, note, kitchen_status, version, orders!inner(number, type, table_id, placed_at)';
const TICKETS_SQL = `
  select l.id, l.order_id, l.name, l.qty, l.modifiers, l.note, l.kitchen_status, l.version,
    json_build_object('number', o.number, 'type', o.type, 'table_id', o.table_id, 'placed_at', o.placed_at) as orders
  from public.order_lines l join public.orders o on o.restaurant_id = l.restaurant_id and o.id = l.order_id
  where l.restaurant_id = $1 and l.station = 'kitchen' and l.kitchen_status in ('queued', 'preparing')`;

export async function memberClient(stack: RunningStack, userId: string): Promise<SupabaseClient> {
  const now = Math.floor(Date.now() / 1000);
  const token = await signJwt(
    { sub: userId, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600, is_anonymous: false },
    stack.jwtSecret,
  );
  return createClient(stack.apiUrl, stack.anonKey, {
    accessToken: async () => token,
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/**
 * One statement in a PostgREST-shaped transaction (begin, settings, statement, commit): as the member
 * (role authenticated, RLS on) or, with the same round trips, as the connecting superuser (no RLS).
 */
export function transactional(pool: pg.Pool, text: string, member: string | null) {
  const claims = JSON.stringify({ sub: member, role: member ? 'authenticated' : 'service_role' });
  const role = member ? 'authenticated' : 'supabase_admin';
  return async (params: unknown[]) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [claims, role]);
      const res = await c.query(text, params);
      await c.query('commit');
      return res;
    } finally {
      c.release();
    }
  };
}

const orderFor = (n: number) => ({
  id: randomUUID(),
  restaurant_id: restaurantId(n),
  type: 'takeaway',
  lines: [
    { item_id: itemId(n, 1), qty: 2 },
    { item_id: itemId(n, 3), qty: 1 },
  ],
});

/**
 * Issue 4's benchmark: with 10,000 restaurants and 1,000,000 orders, the POS active-orders read and
 * the KDS tickets read through REST as a member (RLS on) beside the same SQL as the superuser
 * (RLS off) — target ratio ≤ 1.5×, p95 ≤ 10 ms — plus the same reads straight to Postgres as the
 * member (RLS cost alone), and place_order through REST at concurrency 1 and 32, on one restaurant
 * (every call queues on its daily counter) and spread over 100 restaurants.
 */
export async function benchDomain(
  stack: RunningStack,
  durationMs = 5000,
  log: (line: string) => void = console.log,
): Promise<BenchRow[]> {
  await seedBenchData(stack.adminDbUrl, log);
  const admin = new pg.Pool({ connectionString: stack.adminDbUrl, max: 32 });
  const owner = new pg.Pool({ connectionString: stack.dbUrl, max: 32 });
  const rows: BenchRow[] = [];
  try {
    const reader = cashierId(1);
    const rid = restaurantId(1);
    // service_role has BYPASSRLS: the REST floor is the same request without RLS.
    const memberRest = await memberClient(stack, reader);
    const serviceRest = createClient(stack.apiUrl, stack.serviceRoleKey, { auth: { persistSession: false } });
    const restActive = (sb: SupabaseClient) => async () => {
      const { data, error } = await sb
        .from('orders')
        .select(ACTIVE_SELECT)
        .eq('restaurant_id', rid)
        .in('status', ['draft', 'placed', 'preparing', 'ready'])
        .order('created_at');
      if (error || !data?.length) throw error ?? new Error('active orders: no rows (RLS or seed problem)');
    };
    const restTickets = (sb: SupabaseClient) => async () => {
      const { data, error } = await sb
        .from('order_lines')
        .select(TICKETS_SELECT)
        .eq('restaurant_id', rid)
        .eq('station', 'kitchen')
        .in('kitchen_status', ['queued', 'preparing']);
      if (error || !data?.length) throw error ?? new Error('tickets: no rows (RLS or seed problem)');
    };
    const opts = { concurrency: 1, durationMs };
    const pair = async (
      name: string,
      subject: () => Promise<unknown>,
      floor: () => Promise<unknown>,
      floorName: string,
    ) => rows.push({ name, subject: await runLoad(subject, opts), floor: await runLoad(floor, opts), floorName });
    await pair(
      'POS active orders: REST as member',
      restActive(memberRest),
      restActive(serviceRest),
      'REST as service_role (no RLS)',
    );
    await pair(
      'POS active orders: SQL as member',
      () => transactional(owner, ACTIVE_SQL, reader)([rid]),
      () => transactional(admin, ACTIVE_SQL, null)([rid]),
      'SQL as superuser (no RLS)',
    );
    await pair(
      'KDS tickets: REST as member',
      restTickets(memberRest),
      restTickets(serviceRest),
      'REST as service_role (no RLS)',
    );
    await pair(
      'KDS tickets: SQL as member',
      () => transactional(owner, TICKETS_SQL, reader)([rid]),
      () => transactional(admin, TICKETS_SQL, null)([rid]),
      'SQL as superuser (no RLS)',
    );

    // place_order: one cashier per restaurant (restaurants 1..100 each have one).
    const cashiers = await Promise.all(Array.from({ length: 100 }, (_, i) => memberClient(stack, cashierId(i + 1))));
    let turn = 0;
    const place = (spread: boolean) => async () => {
      const n = spread ? 1 + (turn++ % 100) : 1;
      const client = cashiers[n - 1] as SupabaseClient;
      const { error } = await client.rpc('place_order', { p_order: orderFor(n) });
      if (error) throw error;
    };
    const directPlace = transactional(owner, 'select public.place_order($1)', reader);
    for (const concurrency of [1, 32]) {
      const o = { concurrency, durationMs };
      rows.push({
        name: 'place_order, 1 restaurant',
        subject: await runLoad(place(false), o),
        floor: await runLoad(() => directPlace([JSON.stringify(orderFor(1))]), o),
        floorName: 'SQL as member',
      });
      rows.push({ name: 'place_order, 100 restaurants', subject: await runLoad(place(true), o) });
    }
  } finally {
    await admin.end();
    await owner.end();
  }
  return rows;
}
