import pg from 'pg';

export const BENCH_RESTAURANTS = 10_000;
export const ORDERS_PER_RESTAURANT = 100;
/** The first N restaurants get a cashier (the benchmark's signed-in members). */
export const BENCH_CASHIERS = 100;
/** Of each restaurant's 100 orders, the newest 8 are still active (placed / preparing / ready). */
export const ACTIVE_PER_RESTAURANT = 8;

const uuidOf = (prefix: string, n: string) => `('${prefix}-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;
export const restaurantIdSql = (n: string) => uuidOf('b2000000', n);
export const cashierIdSql = (n: string) => uuidOf('b1100000', n);
export const restaurantId = (n: number) => `b2000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const cashierId = (n: number) => `b1100000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const itemId = (n: number, k: number) =>
  `b3000000-0000-4000-${String(k).padStart(4, '0')}-${String(n).padStart(12, '0')}`;

/**
 * 10,000 restaurants with owners, menus and 100 orders each (1,000,000 orders, 1,080,000 lines),
 * written by set-based SQL as the superuser with triggers off (`session_replication_role =
 * replica`): the history is synthetic, so no tickets, broadcasts or audit rows are wanted for it.
 * Today's numbers 1–10 are taken and the counters say so, so new orders continue at 11.
 */
const SEED_SQL = `
set session_replication_role = replica;
set synchronous_commit = off;
set maintenance_work_mem = '256MB';

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, is_anonymous)
select '00000000-0000-0000-0000-000000000000'::uuid, ${uuidOf('b1000000', 'g')}, 'authenticated', 'authenticated',
  'bench-owner-' || g || '@bench.comanda.test', '', '{}'::jsonb, '{}'::jsonb, now(), now(), false
from generate_series(1, ${BENCH_RESTAURANTS}) g
union all
select '00000000-0000-0000-0000-000000000000'::uuid, ${cashierIdSql('g')}, 'authenticated', 'authenticated',
  'bench-cashier-' || g || '@bench.comanda.test', '', '{}'::jsonb, '{}'::jsonb, now(), now(), false
from generate_series(1, ${BENCH_CASHIERS}) g;

insert into public.restaurants (id, slug, name, country, timezone, currency, tax_mode, tax_rate_bp, business_day_cutoff_hour)
select ${restaurantIdSql('g')}, 'bench-' || g, 'Bench ' || g, 'CI',
  (array['Africa/Abidjan', 'Asia/Jakarta', 'America/Argentina/Buenos_Aires', 'Europe/Paris'])[1 + g % 4],
  'XOF', 'inclusive', 1800, 4
from generate_series(1, ${BENCH_RESTAURANTS}) g;

insert into public.memberships (restaurant_id, user_id, role)
select ${restaurantIdSql('g')}, ${uuidOf('b1000000', 'g')}, 'owner'::public.member_role from generate_series(1, ${BENCH_RESTAURANTS}) g
union all
select ${restaurantIdSql('g')}, ${cashierIdSql('g')}, 'cashier'::public.member_role from generate_series(1, ${BENCH_CASHIERS}) g;

insert into public.menu_items (id, restaurant_id, name, price, station, version)
select ('b3000000-0000-4000-' || lpad(k::text, 4, '0') || '-' || lpad(g::text, 12, '0'))::uuid, ${restaurantIdSql('g')},
  (array['Garba', 'Poulet braisé', 'Bissap'])[k], (array[1500, 5500, 1000])[k], (array['kitchen', 'kitchen', 'bar'])[k], 1
from generate_series(1, ${BENCH_RESTAURANTS}) g, generate_series(1, 3) k;
update public.restaurants set menu_version = 1 where slug like 'bench-%';

create temporary table bench_days as
select r.id as restaurant_id, private.business_date(r.id, now()) as today
from public.restaurants r where r.slug like 'bench-%';

insert into public.orders (id, restaurant_id, source, type, status, business_date, number, currency, currency_exponent,
  tax_mode, tax_rate_bp, subtotal, tax, total, paid, payment_status, payload_hash, placed_at, completed_at, created_at, updated_at)
select md5(d.restaurant_id::text || ':' || k)::uuid, d.restaurant_id, 'pos', 'takeaway',
  case when k < ${ACTIVE_PER_RESTAURANT} then (array['placed', 'preparing', 'ready'])[1 + k % 3]::public.order_status else 'completed' end,
  d.today - (k / 10), 1 + k % 10, 'XOF', 0, 'inclusive', 1800, 4000, 610, 4000,
  case when k < ${ACTIVE_PER_RESTAURANT} then 0 else 4000 end,
  case when k < ${ACTIVE_PER_RESTAURANT} then 'unpaid' else 'paid' end::public.payment_status,
  'bench', now() - k * interval '20 minutes',
  case when k < ${ACTIVE_PER_RESTAURANT} then null else now() - k * interval '20 minutes' + interval '15 minutes' end,
  now() - k * interval '20 minutes', now()
from bench_days d, generate_series(0, ${ORDERS_PER_RESTAURANT - 1}) k;

insert into public.order_lines (restaurant_id, order_id, position, item_id, name, station, qty, unit_price, line_total, kitchen_status)
select o.restaurant_id, o.id, 1, null::uuid, 'Garba', 'kitchen', 2, 1500, 3000,
  case o.status when 'placed' then 'queued' when 'preparing' then 'preparing' when 'ready' then 'ready' else 'served' end::public.line_status
from public.orders o where o.payload_hash = 'bench'
union all
select o.restaurant_id, o.id, 2, null::uuid, 'Bissap', 'bar', 1, 1000, 1000,
  case o.status when 'placed' then 'queued' when 'preparing' then 'preparing' else 'ready' end::public.line_status
from public.orders o where o.payload_hash = 'bench' and o.status <> 'completed';

insert into public.order_counters (restaurant_id, business_date, last_number)
select d.restaurant_id, d.today, 10 from bench_days d;

set session_replication_role = origin;
analyze auth.users, public.restaurants, public.memberships, public.menu_items, public.orders, public.order_lines, public.order_counters;
`;

/** Builds the benchmark's data once per database (skipped when it is already there). */
export async function seedBenchData(adminUrl: string, log: (line: string) => void = () => {}): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select exists (select 1 from public.restaurants where slug = 'bench-1') as done`,
    );
    if (rows[0]?.done) return;
    const t = performance.now();
    await client.query(SEED_SQL);
    log(
      `bench data: ${BENCH_RESTAURANTS} restaurants, ${BENCH_RESTAURANTS * ORDERS_PER_RESTAURANT} orders in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}
