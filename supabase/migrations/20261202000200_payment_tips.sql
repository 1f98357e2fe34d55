-- Tips: a payment may carry a tip on top of its amount. A tip is not a sale: orders.paid (and so the
-- payment status) counts the amount only, reports show tips apart, and a refund never gives a tip
-- back (refund_payment is unchanged: it refunds at most the payment's amount). Cash tendered covers
-- amount + tip, and a cash tip stays in the drawer, so the shift's expected cash counts it.
-- Receipts print the order's discounts and each payment's tip.

-- tables -----------------------------------------------------------------------------------------

alter table public.payments add column tip bigint not null default 0;

-- constraints ------------------------------------------------------------------------------------

alter table public.payments
  add constraint payments_tip_check check (tip between 0 and 100000000000),
  -- A refund row carries no tip: tips are never refunded.
  add constraint payments_tip_refund_check check (amount > 0 or tip = 0);
-- The unnamed check of 20261121000900 (tendered − change = amount), found by its definition.
do $$
declare
  v_name name;
begin
  select c.conname into strict v_name from pg_catalog.pg_constraint c
  where c.conrelid = 'public.payments'::regclass and c.contype = 'c'
    and pg_catalog.pg_get_constraintdef(c.oid) like '%(tendered - change) = amount%';
  execute pg_catalog.format('alter table public.payments drop constraint %I', v_name);
end $$;
alter table public.payments add constraint payments_tendered_covers_check
  check (tendered is null or tendered - change = amount + tip);

-- helpers ----------------------------------------------------------------------------------------

-- As in 20261121001000, with the cash tips: they go into the drawer with the payment.
--   expected = opening float + cash payments + cash tips − cash refunds + cash in − cash out
create or replace function private.shift_cash(p_shift public.shifts) returns jsonb
language sql stable security definer set search_path = '' as $$
  with drawer as (
    select
      coalesce(sum(p.amount) filter (where p.method = 'cash' and p.amount > 0), 0) as cash_payments,
      coalesce(sum(p.tip) filter (where p.method = 'cash' and p.amount > 0), 0) as cash_tips,
      coalesce(sum(p.amount) filter (where p.method = 'cash' and p.amount < 0), 0) as cash_refunds
    from public.payments p where p.restaurant_id = p_shift.restaurant_id and p.shift_id = p_shift.id
  ), moves as (
    select
      coalesce(sum(c.amount) filter (where c.kind = 'cash_in'), 0) as cash_in,
      coalesce(sum(c.amount) filter (where c.kind = 'cash_out'), 0) as cash_out
    from public.cash_movements c where c.restaurant_id = p_shift.restaurant_id and c.shift_id = p_shift.id
  )
  select pg_catalog.jsonb_build_object(
    'opening_float', p_shift.opening_float, 'cash_payments', d.cash_payments, 'cash_tips', d.cash_tips,
    'cash_refunds', d.cash_refunds, 'cash_in', m.cash_in, 'cash_out', m.cash_out,
    'expected', p_shift.opening_float + d.cash_payments + d.cash_tips + d.cash_refunds + m.cash_in - m.cash_out,
    'counted', p_shift.counted_cash, 'variance', p_shift.variance,
    'variance_reason', p_shift.variance_reason, 'variance_note', p_shift.variance_note)
  from drawer d, moves m
$$;

-- As in 20261201001100, with the order's live discounts ({label: reason, amount}) and each payment's
-- tip, which the shared receipt layout prints.
create or replace function private.ticket_payload(p_order public.orders, p_printer public.printers, p_document public.print_document)
returns jsonb language sql stable security definer set search_path = '' as $$
  select pg_catalog.jsonb_build_object(
    'document', p_document,
    'printer', pg_catalog.jsonb_build_object('id', p_printer.id, 'name', p_printer.name, 'chars_per_line', p_printer.chars_per_line),
    'restaurant', (select pg_catalog.jsonb_build_object('name', r.name, 'locale', r.locale, 'timezone', r.timezone,
      'currency', r.currency, 'receipt_header', r.receipt_header, 'receipt_footer', r.receipt_footer)
      from public.restaurants r where r.id = p_order.restaurant_id),
    'order', (pg_catalog.to_jsonb(p_order) - 'payload_hash' - 'created_by' - 'guest_user_id')
      || pg_catalog.jsonb_build_object('table_label',
        (select t.label from public.dining_tables t where t.restaurant_id = p_order.restaurant_id and t.id = p_order.table_id))
      || case when p_document = 'receipt' then pg_catalog.jsonb_build_object('discounts',
        coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('label', d.reason, 'amount', d.amount)
            order by d.created_at, d.id)
          from public.order_discounts d
          where d.restaurant_id = p_order.restaurant_id and d.order_id = p_order.id and d.removed_at is null), '[]'))
        else '{}'::jsonb end,
    'lines', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('position', l.position, 'name', l.name,
        'qty', l.qty, 'station', l.station, 'note', l.note, 'unit_price', l.unit_price, 'line_total', l.line_total,
        'round', l.round,
        'modifiers', (select coalesce(pg_catalog.jsonb_agg(m ->> 'name'), '[]') from pg_catalog.jsonb_array_elements(l.modifiers) m))
        order by l.position)
      from public.order_lines l
      where l.restaurant_id = p_order.restaurant_id and l.order_id = p_order.id
        and (p_document = 'receipt' or l.station = any (p_printer.stations))), '[]'),
    'payments', case when p_document = 'receipt' then coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'method', p.method, 'amount', p.amount, 'tendered', p.tendered, 'change', p.change, 'tip', p.tip) order by p.created_at)
      from public.payments p where p.restaurant_id = p_order.restaurant_id and p.order_id = p_order.id), '[]') end)
$$;

-- RPCs -------------------------------------------------------------------------------------------

-- Recreated with p_tip last (named arguments keep every caller working); the old signature goes so
-- there is one record_payment.
drop function public.record_payment(uuid, uuid, public.payment_method, bigint, bigint, uuid, text);

create function public.record_payment(
  p_payment_id uuid, p_order_id uuid, p_method public.payment_method, p_amount bigint,
  p_tendered bigint default null, p_shift_id uuid default null, p_reference text default null,
  p_tip bigint default 0
) returns public.payments
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_order public.orders;
  v_row public.payments;
  -- No tip given (or null) is no tip.
  v_tip bigint := coalesce(p_tip, 0);
  -- Cash tendered defaults to the exact sum (guarded: an absurd amount is refused below, not overflowed here).
  v_tendered bigint := case when p_method = 'cash' then coalesce(p_tendered,
    case when p_amount between 0 and 100000000000 and coalesce(p_tip, 0) between 0 and 100000000000
      then p_amount + coalesce(p_tip, 0) end) end;
begin
  perform private.require_user();
  if p_payment_id is null then
    perform private.raise_error('invalid_payment_id', 'The client generates the payment id (a UUID)', '{}');
  end if;
  v_order := private.order_for_update(p_order_id);
  perform private.require_role(v_order.restaurant_id, '{owner,manager,cashier,waiter}');
  select * into v_row from public.payments p where p.id = p_payment_id;
  if v_row.id is not null then
    if v_row.order_id = p_order_id and v_row.method = p_method and v_row.amount = p_amount and v_row.tip = v_tip
       and v_row.tendered is not distinct from v_tendered and v_row.shift_id is not distinct from p_shift_id then
      return v_row;
    end if;
    perform private.raise_error('idempotency_conflict', 'A payment with this id exists with different content', '{}');
  end if;
  if p_method is null then
    perform private.raise_error('invalid_method', 'method is cash, card, mobile_money or other', '{}');
  end if;
  if p_amount is null or p_amount <= 0 or p_amount > 100000000000 then
    perform private.raise_error('invalid_amount', 'The amount is a positive number of minor units', pg_catalog.jsonb_build_object('amount', p_amount));
  end if;
  if v_tip < 0 or v_tip > 100000000000 then
    perform private.raise_error('invalid_tip', 'A tip is zero or a positive number of minor units', pg_catalog.jsonb_build_object('tip', p_tip));
  end if;
  if p_method <> 'cash' and p_tendered is not null then
    perform private.raise_error('tendered_not_cash', 'Only cash is tendered', '{}');
  end if;
  if v_tendered < p_amount + v_tip or v_tendered > 100000000000 then
    perform private.raise_error('tendered_too_low', 'The cash tendered must cover the amount and the tip',
      pg_catalog.jsonb_build_object('amount', p_amount, 'tip', v_tip, 'tendered', v_tendered));
  end if;
  if char_length(p_reference) > 200 then
    perform private.raise_error('reference_too_long', 'A reference has at most 200 characters', '{}');
  end if;
  if v_order.status not in ('placed', 'preparing', 'ready', 'completed') then
    perform private.raise_error('order_not_payable', pg_catalog.format('A %s order cannot be paid', v_order.status),
      pg_catalog.jsonb_build_object('status', v_order.status));
  end if;
  if p_amount > v_order.total - v_order.paid then
    perform private.raise_error('overpayment', 'The amount is more than what is still due',
      pg_catalog.jsonb_build_object('due', v_order.total - v_order.paid, 'amount', p_amount));
  end if;
  if p_method = 'cash' and p_shift_id is null then
    perform private.raise_error('shift_required', 'Cash goes into a drawer: open a shift first', '{}');
  end if;
  if p_shift_id is not null then
    perform private.open_shift_for_update(v_order.restaurant_id, p_shift_id);
  end if;
  insert into public.payments (id, restaurant_id, order_id, method, amount, tip, tendered, change, reference, shift_id, created_by)
  values (p_payment_id, v_order.restaurant_id, v_order.id, p_method, p_amount, v_tip, v_tendered, v_tendered - p_amount - v_tip,
    nullif(btrim(p_reference), ''), p_shift_id, auth.uid())
  returning * into v_row;
  return v_row;
end $$;

revoke all on function public.record_payment(uuid, uuid, public.payment_method, bigint, bigint, uuid, text, bigint) from public, anon;
grant execute on function public.record_payment(uuid, uuid, public.payment_method, bigint, bigint, uuid, text, bigint) to authenticated, service_role;

comment on function public.record_payment(uuid, uuid, public.payment_method, bigint, bigint, uuid, text, bigint) is
'Records a payment on an order; idempotent by p_payment_id (a replay must match amount, tip, tendered and
shift). p_tip (default 0) is on top of the amount and is not a sale: the order''s paid amount counts the
amount only. Cash goes into an open shift and may be tendered above amount + tip (the change is computed).
Returns the payment.

Callers: owners, managers, cashiers and waiters.
Errors: invalid_payment_id, order_not_found, forbidden (42501), idempotency_conflict, invalid_method,
invalid_amount, invalid_tip, tendered_not_cash, tendered_too_low, reference_too_long, order_not_payable,
overpayment, shift_required, shift_not_found, shift_closed.';
