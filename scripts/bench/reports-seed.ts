import pg from 'pg';

/** One restaurant's history for the day-report benchmark: 100,000 orders, 400 a day for 250 days. */
export const REPORT_ORDERS = 100_000;
export const ORDERS_PER_DAY = 400;
/** Today's open orders the payment benchmark pays 1 XOF at a time (each has 1,000,000 XOF due). */
export const PAYABLE_ORDERS = 1_000;

const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const reportRestaurantId = id('b5000000', 1);
export const reportOwnerId = id('b5100000', 1);
export const reportCashierId = id('b5100000', 2);
const waiterId = id('b5100000', 3);
const catFood = id('b5200000', 1);
const catDrinks = id('b5200000', 2);
/** The uuid of today's payable order n (0-based). */
export const payableOrderId = (n: number) => id('b5300000', n + 1);

/**
 * Written by set-based SQL as the superuser with triggers off (`session_replication_role = replica`),
 * so paid/refunded are set here rather than by the payments trigger. Per order: two lines (a Food
 * dish, a Drinks bissap); 1 in 50 cancelled with a reason, 1 in 10 a guest QR order, 1 in 20 with a
 * 500 XOF discount; the others paid in one payment (cash or card) half an hour after placing, 1 in 7
 * with a 500 XOF tip, 1 in 100 refunded 500 XOF. Business dates end yesterday; today holds only the
 * payment benchmark's open orders.
 */
const SEED_SQL = `
set session_replication_role = replica;
set synchronous_commit = off;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, is_anonymous)
select '00000000-0000-0000-0000-000000000000'::uuid, u.id, 'authenticated', 'authenticated', u.email, '', '{}', '{}',
  now(), now(), false
from (values ('${reportOwnerId}'::uuid, 'report-owner@bench.comanda.test'),
  ('${reportCashierId}'::uuid, 'report-cashier@bench.comanda.test'),
  ('${waiterId}'::uuid, 'report-waiter@bench.comanda.test')) u(id, email);

insert into public.restaurants (id, slug, name, country, timezone, currency, tax_mode, tax_rate_bp, business_day_cutoff_hour)
values ('${reportRestaurantId}', 'bench-reports', 'Bench reports', 'CI', 'Africa/Abidjan', 'XOF', 'inclusive', 1800, 4);

insert into public.memberships (restaurant_id, user_id, role, display_name) values
  ('${reportRestaurantId}', '${reportOwnerId}', 'owner', 'Owner'),
  ('${reportRestaurantId}', '${reportCashierId}', 'cashier', 'Cashier'),
  ('${reportRestaurantId}', '${waiterId}', 'waiter', 'Waiter');

insert into public.menu_categories (id, restaurant_id, name, position) values
  ('${catFood}', '${reportRestaurantId}', 'Food', 1), ('${catDrinks}', '${reportRestaurantId}', 'Drinks', 2);

create temporary table bench_report_orders on commit drop as
select x.*, x.subtotal - x.discount as total,
  (x.day + time '10:00' + (x.number - 1) * interval '2 minutes') at time zone 'Africa/Abidjan' as placed_at
from (
  select k,
    t.today - 1 - k / ${ORDERS_PER_DAY} as day,
    1 + k % ${ORDERS_PER_DAY} as number,
    (array['Garba', 'Poulet braisé', 'Alloco', 'Attiéké poisson'])[1 + k % 4] as dish,
    (array[1500, 5500, 2000, 3500])[1 + k % 4] as price,
    1 + k % 3 as qty,
    (array[1500, 5500, 2000, 3500])[1 + k % 4] * (1 + k % 3) + 1000 as subtotal,
    case when k % 50 = 7 then 'cancelled' else 'completed' end::public.order_status as status,
    case when k % 10 = 3 then 'qr' else 'pos' end::public.order_source as source,
    case when k % 20 = 5 then 500 else 0 end as discount,
    case when k % 50 <> 7 and k % 100 = 11 then 500 else 0 end as refund,
    md5('bench-report-order:' || k)::uuid as id
  from generate_series(0, ${REPORT_ORDERS - 1}) k,
    (select private.business_date('${reportRestaurantId}', now()) as today) t
) x;

insert into public.orders (id, restaurant_id, source, type, status, business_date, number, currency, currency_exponent,
  tax_mode, tax_rate_bp, subtotal, discount, tax, total, paid, refunded, payment_status, payload_hash, created_by,
  status_reason, placed_at, completed_at, cancelled_at, created_at, updated_at)
select o.id, '${reportRestaurantId}', o.source, 'takeaway', o.status, o.day, o.number, 'XOF', 0, 'inclusive', 1800,
  o.subtotal, o.discount, round(o.total * 1800 / 11800.0), o.total,
  case when o.status = 'completed' then o.total - o.refund else 0 end, o.refund,
  case when o.status = 'completed' then 'paid' else 'unpaid' end::public.payment_status,
  'bench-report',
  case when o.source = 'pos' then (array['${reportOwnerId}', '${reportCashierId}', '${waiterId}'])[1 + o.k % 3]::uuid end,
  case when o.status = 'cancelled' then 'customer left' end,
  o.placed_at, case when o.status = 'completed' then o.placed_at + interval '20 minutes' end,
  case when o.status = 'cancelled' then o.placed_at + interval '5 minutes' end, o.placed_at, o.placed_at
from bench_report_orders o;

insert into public.order_lines (restaurant_id, order_id, position, category_id, category_name, name, station, qty,
  unit_price, line_total, kitchen_status)
select '${reportRestaurantId}'::uuid, o.id, 1, '${catFood}'::uuid, 'Food', o.dish, 'kitchen', o.qty, o.price, o.price * o.qty,
  case when o.status = 'cancelled' then 'cancelled' else 'served' end::public.line_status
from bench_report_orders o
union all
select '${reportRestaurantId}'::uuid, o.id, 2, '${catDrinks}'::uuid, 'Drinks', 'Bissap', 'bar', 1, 1000, 1000,
  case when o.status = 'cancelled' then 'cancelled' else 'served' end::public.line_status
from bench_report_orders o;

insert into public.order_discounts (id, restaurant_id, order_id, kind, value, amount, reason, created_by, created_at)
select md5('bench-report-discount:' || o.k)::uuid, '${reportRestaurantId}', o.id, 'amount', 500, 500, 'regular',
  '${reportOwnerId}', o.placed_at + interval '10 minutes'
from bench_report_orders o where o.discount > 0;

insert into public.payments (id, restaurant_id, order_id, method, amount, tip, created_by, created_at)
select md5('bench-report-payment:' || o.k)::uuid, '${reportRestaurantId}', o.id,
  case when o.k % 2 = 0 then 'cash' else 'card' end::public.payment_method, o.total,
  case when o.k % 7 = 0 then 500 else 0 end, '${reportCashierId}', o.placed_at + interval '30 minutes'
from bench_report_orders o where o.status = 'completed';

insert into public.payments (id, restaurant_id, order_id, method, amount, refund_of, reason, created_by, created_at)
select md5('bench-report-refund:' || o.k)::uuid, '${reportRestaurantId}', o.id,
  case when o.k % 2 = 0 then 'cash' else 'card' end::public.payment_method, -o.refund,
  md5('bench-report-payment:' || o.k)::uuid, 'cold', '${reportOwnerId}', o.placed_at + interval '50 minutes'
from bench_report_orders o where o.refund > 0;

insert into public.orders (id, restaurant_id, source, type, status, business_date, number, currency, currency_exponent,
  tax_mode, tax_rate_bp, subtotal, tax, total, payload_hash, created_by, placed_at)
select ('b5300000-0000-4000-8000-' || lpad((n + 1)::text, 12, '0'))::uuid, '${reportRestaurantId}', 'pos', 'takeaway',
  'placed', private.business_date('${reportRestaurantId}', now()), n + 1, 'XOF', 0, 'inclusive', 1800,
  1000000, 152542, 1000000, 'bench-report', '${reportCashierId}', now()
from generate_series(0, ${PAYABLE_ORDERS - 1}) n;

insert into public.order_counters (restaurant_id, business_date, last_number)
values ('${reportRestaurantId}', private.business_date('${reportRestaurantId}', now()), ${PAYABLE_ORDERS});

set session_replication_role = origin;
`;

/** Seeds the day-report restaurant once per database; returns the business date the bench reads. */
export async function seedReportData(adminUrl: string, log: (line: string) => void = () => {}): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select exists (select 1 from public.restaurants where id = $1) as done`, [
      reportRestaurantId,
    ]);
    if (!rows[0]?.done) {
      const t = performance.now();
      await client.query('begin');
      await client.query(SEED_SQL);
      await client.query('commit');
      await client.query('analyze public.orders, public.order_lines, public.payments, public.order_discounts');
      log(`report data: 1 restaurant, ${REPORT_ORDERS} orders in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const day = await client.query<{ d: string }>(`select (private.business_date($1, now()) - 1)::text as d`, [
      reportRestaurantId,
    ]);
    return day.rows[0]?.d ?? '';
  } finally {
    await client.end();
  }
}
