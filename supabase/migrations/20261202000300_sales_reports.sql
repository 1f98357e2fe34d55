-- Sales reports. The X/Z shift report gains the figures a drawer close needs (discounts, tips, the
-- average ticket) and a cashier reads only the shifts they opened; the day report sums one business
-- date of a restaurant for owners and managers. Every figure is computed here, never in a browser.
--
-- Built on 20261202000100_order_discounts.sql (orders.discount, order_discounts) and
-- 20261202000200_payment_tips.sql (payments.tip): a tip is money received but not a sale, so it
-- is reported beside the sales and never inside them.
--
-- What a day is: orders by their business_date (assigned when placed, so a 01:30 order after a 04:00
-- cut-off belongs to the day before); payments and refunds by when they were taken, inside the same
-- local window [date + cut-off, date + 1 day + cut-off) — a refund on Tuesday of Monday's sale is
-- Tuesday's money. Guest drafts rejected before they got a number are counted on the day they were
-- sent.

-- indexes ----------------------------------------------------------------------------------------

-- Day reports list the drafts rejected that day by created_at; such drafts are few, so a partial index.
create index orders_rejected_created_at_idx on public.orders (restaurant_id, created_at) where status = 'rejected';

-- helpers ----------------------------------------------------------------------------------------

-- The instants a business date covers for a restaurant: [from, to), local wall-clock time shifted by
-- the cut-off hour (the inverse of private.business_date).
create function private.business_day_bounds(p_restaurant_id uuid, p_business_date date,
  out day_from timestamptz, out day_to timestamptz)
language sql stable security definer set search_path = '' as $$
  select (p_business_date + pg_catalog.make_interval(hours => r.business_day_cutoff_hour)) at time zone r.timezone,
    (p_business_date + 1 + pg_catalog.make_interval(hours => r.business_day_cutoff_hour)) at time zone r.timezone
  from public.restaurants r where r.id = p_restaurant_id
$$;

-- Whole minor units: half up, as the money columns are rounded elsewhere. 0 without orders.
create function private.average_ticket(p_total numeric, p_orders bigint) returns bigint
language sql immutable set search_path = '' as $$
  select case when coalesce(p_orders, 0) = 0 then 0 else pg_catalog.round(p_total / p_orders)::bigint end
$$;

-- The X report of an open shift, or the Z report of a closed one. Its drawer (payments, refunds, tips
-- and cash movements) is the shift's own; its sales are the restaurant's orders placed while it was
-- open (hours in the restaurant's time zone).
create or replace function private.shift_report_json(p_shift public.shifts) returns jsonb
language sql stable security definer set search_path = '' as $$
  with r as (
    select r.timezone from public.restaurants r where r.id = p_shift.restaurant_id
  ), sold as (
    select o.* from public.orders o
    where o.restaurant_id = p_shift.restaurant_id
      and o.placed_at >= p_shift.opened_at and o.placed_at < coalesce(p_shift.closed_at, pg_catalog.now())
  ), kept as (
    select * from sold where status not in ('cancelled', 'rejected')
  ), lines as (
    select l.* from public.order_lines l join kept k on l.restaurant_id = k.restaurant_id and l.order_id = k.id
  ), pay as (
    select p.* from public.payments p where p.restaurant_id = p_shift.restaurant_id and p.shift_id = p_shift.id
  )
  select pg_catalog.jsonb_build_object(
    'kind', case when p_shift.closed_at is null then 'X' else 'Z' end,
    'shift', pg_catalog.to_jsonb(p_shift),
    'from', p_shift.opened_at,
    'to', coalesce(p_shift.closed_at, pg_catalog.now()),
    'cash', private.shift_cash(p_shift),
    'sales', (select pg_catalog.jsonb_build_object('orders', count(*), 'subtotal', coalesce(sum(subtotal), 0),
      'discount', coalesce(sum(discount), 0), 'tax', coalesce(sum(tax), 0), 'total', coalesce(sum(total), 0),
      'average_ticket', private.average_ticket(sum(total), count(*))) from kept),
    'discounts', (select pg_catalog.jsonb_build_object('count', coalesce(sum(n.live), 0),
      'amount', coalesce(sum(k.discount), 0)) from kept k, lateral (select count(*) as live from public.order_discounts d
        where d.restaurant_id = k.restaurant_id and d.order_id = k.id and d.removed_at is null) n),
    'tips', (select pg_catalog.jsonb_build_object('amount', coalesce(sum(tip), 0)) from pay where amount > 0),
    'sales_by_category', coalesce((select pg_catalog.jsonb_agg(x order by x.amount desc, x.category) from (
      select coalesce(category_name, '—') as category, sum(qty) as qty, sum(line_total) as amount
      from lines group by 1) x), '[]'),
    'sales_by_item', coalesce((select pg_catalog.jsonb_agg(x order by x.amount desc, x.name) from (
      select name, sum(qty) as qty, sum(line_total) as amount from lines group by name) x), '[]'),
    'sales_by_hour', coalesce((select pg_catalog.jsonb_agg(x order by x.hour) from (
      select extract(hour from k.placed_at at time zone (select timezone from r))::integer as hour,
        count(*) as orders, sum(k.total) as total
      from kept k group by 1) x), '[]'),
    'payments_by_method', coalesce((select pg_catalog.jsonb_agg(x order by x.method) from (
      select method, count(*) filter (where amount > 0) as count,
        coalesce(sum(amount) filter (where amount > 0), 0) as amount,
        coalesce(-sum(amount) filter (where amount < 0), 0) as refunded,
        coalesce(sum(tip) filter (where amount > 0), 0) as tips
      from pay group by method) x), '[]'),
    'refunds', (select pg_catalog.jsonb_build_object('count', count(*), 'amount', coalesce(-sum(amount), 0))
      from pay where amount < 0),
    'cancellations', (select pg_catalog.jsonb_build_object('count', count(*), 'total', coalesce(sum(total), 0),
      'orders', coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', id, 'number', number,
        'status', status, 'total', total, 'reason', status_reason) order by number), '[]'))
      from sold where status in ('cancelled', 'rejected'))
  )
$$;

-- One business date of a restaurant (see the top of this file for what a day holds). The caller's
-- rights are checked by public.day_report; the benchmark calls this directly as its no-RLS floor.
create function private.day_report_json(p_restaurant_id uuid, p_business_date date) returns jsonb
language sql stable security definer set search_path = '' as $$
  with r as (
    select r.id, r.timezone, r.currency, c.exponent, b.day_from, b.day_to
    from public.restaurants r
    join public.currencies c on c.code = r.currency
    cross join private.business_day_bounds(r.id, p_business_date) b
    where r.id = p_restaurant_id
  ), sold as (
    select o.id, o.number, o.status, o.source, o.created_by, o.placed_at, o.subtotal, o.discount, o.tax, o.total,
      o.status_reason
    from public.orders o
    where o.restaurant_id = p_restaurant_id and o.business_date = p_business_date
  ), kept as (
    select * from sold where status not in ('cancelled', 'rejected', 'draft')
  ), dropped as (
    select id, number, status, total, status_reason from sold where status in ('cancelled', 'rejected')
    union all
    -- Guest drafts rejected before they had a number (and so a business date).
    select o.id, o.number, o.status, o.total, o.status_reason
    from public.orders o, r
    where o.restaurant_id = p_restaurant_id and o.status = 'rejected' and o.business_date is null
      and o.created_at >= r.day_from and o.created_at < r.day_to
  ), lines as (
    select l.category_name, l.name, l.qty, l.line_total
    from kept k join public.order_lines l on l.restaurant_id = p_restaurant_id and l.order_id = k.id
  ), pay as (
    select p.method, p.amount, p.tip
    from public.payments p, r
    where p.restaurant_id = p_restaurant_id and p.created_at >= r.day_from and p.created_at < r.day_to
  )
  select pg_catalog.jsonb_build_object(
    'business_date', p_business_date,
    'currency', r.currency,
    'currency_exponent', r.exponent,
    'timezone', r.timezone,
    'from', r.day_from,
    'to', r.day_to,
    'sales', (select pg_catalog.jsonb_build_object('orders', count(*), 'subtotal', coalesce(sum(subtotal), 0),
      'discount', coalesce(sum(discount), 0), 'tax', coalesce(sum(tax), 0), 'total', coalesce(sum(total), 0),
      'average_ticket', private.average_ticket(sum(total), count(*))) from kept),
    'payments_by_method', coalesce((select pg_catalog.jsonb_agg(x order by x.method) from (
      select method, count(*) filter (where amount > 0) as count,
        coalesce(sum(amount) filter (where amount > 0), 0) as amount,
        coalesce(-sum(amount) filter (where amount < 0), 0) as refunded,
        coalesce(sum(tip) filter (where amount > 0), 0) as tips
      from pay group by method) x), '[]'),
    'refunds', (select pg_catalog.jsonb_build_object('count', count(*), 'amount', coalesce(-sum(amount), 0))
      from pay where amount < 0),
    -- Per order through its index: the day's orders are few, the restaurant's discounts are not.
    'discounts', (select pg_catalog.jsonb_build_object('count', coalesce(sum(n.live), 0),
      'amount', coalesce(sum(k.discount), 0)) from kept k, lateral (select count(*) as live from public.order_discounts d
        where d.restaurant_id = p_restaurant_id and d.order_id = k.id and d.removed_at is null) n),
    'tips', (select pg_catalog.jsonb_build_object('amount', coalesce(sum(tip), 0)) from pay where amount > 0),
    'sales_by_hour', coalesce((select pg_catalog.jsonb_agg(x order by x.hour) from (
      select extract(hour from k.placed_at at time zone r.timezone)::integer as hour,
        count(*) as orders, sum(k.total) as total
      from kept k group by 1) x), '[]'),
    'sales_by_category', coalesce((select pg_catalog.jsonb_agg(x order by x.amount desc, x.category) from (
      select coalesce(category_name, '—') as category, sum(qty) as qty, sum(line_total) as amount
      from lines group by 1) x), '[]'),
    'sales_by_item', coalesce((select pg_catalog.jsonb_agg(x order by x.amount desc, x.name) from (
      select name, sum(qty) as qty, sum(line_total) as amount from lines group by name) x), '[]'),
    -- Who placed it: the member who sent a POS order; a guest's QR order has no staff member, even
    -- when staff accepted it.
    'sales_by_staff', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('user_id', x.user_id,
      'name', m.display_name, 'orders', x.orders, 'total', x.total) order by x.total desc, m.display_name, x.user_id)
      from (
        select case when source = 'pos' then created_by end as user_id, count(*) as orders, sum(total) as total
        from kept group by 1) x
      left join public.memberships m on m.restaurant_id = p_restaurant_id and m.user_id = x.user_id), '[]'),
    'sales_by_source', coalesce((select pg_catalog.jsonb_agg(x order by x.source) from (
      select source, count(*) as orders, sum(total) as total from kept group by source) x), '[]'),
    'cancellations', (select pg_catalog.jsonb_build_object('count', count(*), 'total', coalesce(sum(total), 0),
      'orders', coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', id, 'number', number,
        'status', status, 'total', total, 'reason', status_reason) order by number nulls last, id), '[]'))
      from dropped)
  )
  from r
$$;

revoke all on function private.business_day_bounds(uuid, date) from public;
revoke all on function private.average_ticket(numeric, bigint) from public;
revoke all on function private.day_report_json(uuid, date) from public;

-- The shift a caller may read: owners and managers any of their restaurant's, a cashier only the
-- shifts they opened. Another cashier's shift, and another restaurant's, is answered exactly like an
-- id that does not exist; other members of the restaurant (kitchen, waiter) are told 'forbidden'.
create function private.readable_shift(p_shift_id uuid, p_for_update boolean) returns public.shifts
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_shift public.shifts;
begin
  if p_for_update then
    select * into v_shift from public.shifts s where s.id = p_shift_id for update;
  else
    select * into v_shift from public.shifts s where s.id = p_shift_id;
  end if;
  perform private.require_user();
  if v_shift.id is not null and (
       not exists (select 1 from public.memberships m where m.restaurant_id = v_shift.restaurant_id and m.user_id = auth.uid())
       or (private.require_role(v_shift.restaurant_id, '{owner,manager,cashier}') = 'cashier'
           and v_shift.opened_by is distinct from auth.uid())) then
    v_shift := null;
  end if;
  if v_shift.id is null then
    perform private.raise_error('shift_not_found', 'No such shift', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  return v_shift;
end $$;
revoke all on function private.readable_shift(uuid, boolean) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- As in 20261121001000_shift_reports.sql, but through private.readable_shift.
create or replace function public.close_shift(
  p_shift_id uuid, p_counted_cash bigint, p_variance_reason public.variance_reason default null,
  p_variance_note text default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_shift public.shifts := private.readable_shift(p_shift_id, true);
  v_expected bigint;
begin
  if v_shift.closed_at is not null then
    if v_shift.counted_cash = p_counted_cash then return private.shift_report_json(v_shift); end if;
    perform private.raise_error('shift_closed', 'This shift is already closed', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  if p_counted_cash is null or p_counted_cash not between 0 and 100000000000 then
    perform private.raise_error('invalid_amount', 'The counted cash is a positive amount in minor units',
      pg_catalog.jsonb_build_object('counted_cash', p_counted_cash));
  end if;
  if char_length(p_variance_note) > 500 then
    perform private.raise_error('note_too_long', 'A note has at most 500 characters', '{}');
  end if;
  v_expected := (private.shift_cash(v_shift) ->> 'expected')::bigint;
  if p_counted_cash <> v_expected and p_variance_reason is null then
    perform private.raise_error('variance_reason_required', 'The count differs from the expected cash: give a reason',
      pg_catalog.jsonb_build_object('expected', v_expected, 'counted', p_counted_cash, 'variance', p_counted_cash - v_expected));
  end if;
  update public.shifts set closed_at = pg_catalog.now(), closed_by = auth.uid(), counted_cash = p_counted_cash,
    expected_cash = v_expected, variance = p_counted_cash - v_expected,
    variance_reason = case when p_counted_cash <> v_expected then p_variance_reason end,
    variance_note = nullif(btrim(p_variance_note), '')
  where id = p_shift_id returning * into v_shift;
  return private.shift_report_json(v_shift);
end $$;

create or replace function public.shift_report(p_shift_id uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  return private.shift_report_json(private.readable_shift(p_shift_id, false));
end $$;

-- The day report of one business date (today's when p_business_date is null).
create function public.day_report(p_restaurant_id uuid, p_business_date date default null) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  -- A restaurant the caller does not manage, another tenant's or none at all, is refused alike.
  perform private.require_role(p_restaurant_id, '{owner,manager}');
  return private.day_report_json(p_restaurant_id,
    coalesce(p_business_date, private.business_date(p_restaurant_id, pg_catalog.now())));
end $$;

revoke all on function public.day_report(uuid, date) from public, anon;
grant execute on function public.day_report(uuid, date) to authenticated, service_role;

comment on function public.close_shift(uuid, bigint, public.variance_reason, text) is
'Closes a shift with the cash counted in the drawer; a difference from the expected cash needs a variance
reason. Replaying the same close returns the same Z report. Returns the Z report (see shift_report).

Callers: owners and managers (any shift of their restaurant); cashiers (only the shifts they opened: another
cashier''s shift, like another restaurant''s, is shift_not_found).
Errors: shift_not_found, forbidden (42501), shift_closed, invalid_amount, note_too_long,
variance_reason_required.';

comment on function public.shift_report(uuid) is
'The X report of an open shift or the Z report of a closed one: { kind X|Z, shift, from, to, cash {opening_float,
cash_payments, cash_refunds, cash_in, cash_out, expected, counted, variance, variance_reason, variance_note},
sales {orders, subtotal, discount, tax, total, average_ticket}, discounts {count, amount}, tips {amount},
payments_by_method [{method, count, amount, refunded, tips}], refunds {count, amount}, sales_by_hour,
sales_by_category, sales_by_item, cancellations }. The drawer figures are the shift''s own payments; sales
are the restaurant''s orders placed while it was open. Tips are not sales.

Callers: owners and managers (any shift of their restaurant); cashiers (only the shifts they opened: another
cashier''s shift, like another restaurant''s, is shift_not_found).
Errors: shift_not_found, forbidden (42501).';

comment on function public.day_report(uuid, date) is
'The report of one business date (today''s when p_business_date is null): { business_date, currency,
currency_exponent, timezone, from, to, sales {orders, subtotal, discount, tax, total, average_ticket},
payments_by_method [{method, count, amount, refunded, tips}], refunds {count, amount}, discounts {count, amount},
tips {amount}, sales_by_hour [{hour, orders, total}] (local hours with sales), sales_by_category
[{category, qty, amount}], sales_by_item [{name, qty, amount}], sales_by_staff [{user_id, name, orders, total}]
(guest QR orders: user_id and name null), sales_by_source [{source, orders, total}], cancellations {count,
total, orders [{id, number, status, total, reason}]} }. Sales are the orders of that business date that were
placed and not cancelled; payments, refunds and tips are those taken between from and to. Tips are not sales.

Callers: owners and managers.
Errors: forbidden (42501; also for a restaurant that does not exist).';
