-- Closing a shift and the X (mid-shift) / Z (closed shift) reports. A report covers the shift's
-- drawer (its payments, refunds and cash movements) and the restaurant's sales while it was open
-- (orders placed between opened_at and closed_at, hours in the restaurant's time zone).

-- helpers ----------------------------------------------------------------------------------------

create function private.shift_cash(p_shift public.shifts) returns jsonb
language sql stable security definer set search_path = '' as $$
  with drawer as (
    select
      coalesce(sum(p.amount) filter (where p.method = 'cash' and p.amount > 0), 0) as cash_payments,
      coalesce(sum(p.amount) filter (where p.method = 'cash' and p.amount < 0), 0) as cash_refunds
    from public.payments p where p.restaurant_id = p_shift.restaurant_id and p.shift_id = p_shift.id
  ), moves as (
    select
      coalesce(sum(c.amount) filter (where c.kind = 'cash_in'), 0) as cash_in,
      coalesce(sum(c.amount) filter (where c.kind = 'cash_out'), 0) as cash_out
    from public.cash_movements c where c.restaurant_id = p_shift.restaurant_id and c.shift_id = p_shift.id
  )
  select pg_catalog.jsonb_build_object(
    'opening_float', p_shift.opening_float, 'cash_payments', d.cash_payments, 'cash_refunds', d.cash_refunds,
    'cash_in', m.cash_in, 'cash_out', m.cash_out,
    'expected', p_shift.opening_float + d.cash_payments + d.cash_refunds + m.cash_in - m.cash_out,
    'counted', p_shift.counted_cash, 'variance', p_shift.variance,
    'variance_reason', p_shift.variance_reason, 'variance_note', p_shift.variance_note)
  from drawer d, moves m
$$;

create function private.shift_report_json(p_shift public.shifts) returns jsonb
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
      'tax', coalesce(sum(tax), 0), 'total', coalesce(sum(total), 0)) from kept),
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
        coalesce(-sum(amount) filter (where amount < 0), 0) as refunded
      from pay group by method) x), '[]'),
    'refunds', (select pg_catalog.jsonb_build_object('count', count(*), 'amount', coalesce(-sum(amount), 0))
      from pay where amount < 0),
    'cancellations', (select pg_catalog.jsonb_build_object('count', count(*), 'total', coalesce(sum(total), 0),
      'orders', coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', id, 'number', number,
        'status', status, 'total', total, 'reason', status_reason) order by number), '[]'))
      from sold where status in ('cancelled', 'rejected'))
  )
$$;

revoke all on function private.shift_cash(public.shifts) from public;
revoke all on function private.shift_report_json(public.shifts) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- Closes a shift with the cash counted in the drawer; a variance needs a reason code. Replaying the
-- same close returns the same Z report. Returns the Z report.
create function public.close_shift(
  p_shift_id uuid, p_counted_cash bigint, p_variance_reason public.variance_reason default null,
  p_variance_note text default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_shift public.shifts;
  v_expected bigint;
begin
  select * into v_shift from public.shifts s where s.id = p_shift_id for update;
  if v_shift.id is null then
    perform private.raise_error('shift_not_found', 'No such shift', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  perform private.require_role(v_shift.restaurant_id, '{owner,manager,cashier}');
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

-- The X report of an open shift or the Z report of a closed one.
create function public.shift_report(p_shift_id uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_shift public.shifts;
begin
  select * into v_shift from public.shifts s where s.id = p_shift_id;
  if v_shift.id is null then
    perform private.raise_error('shift_not_found', 'No such shift', pg_catalog.jsonb_build_object('shift_id', p_shift_id));
  end if;
  perform private.require_role(v_shift.restaurant_id, '{owner,manager,cashier}');
  return private.shift_report_json(v_shift);
end $$;

revoke all on function public.close_shift(uuid, bigint, public.variance_reason, text) from public, anon;
revoke all on function public.shift_report(uuid) from public, anon;
grant execute on function public.close_shift(uuid, bigint, public.variance_reason, text) to authenticated, service_role;
grant execute on function public.shift_report(uuid) to authenticated, service_role;
