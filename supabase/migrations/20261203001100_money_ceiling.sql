-- One ceiling for money: an order may not total more than a payment may take, or an order of
-- 100 lines × 99 × the dearest item (up to 10^15 minor units) could never be paid. private.max_amount()
-- is that ceiling (10^11 minor units: a thousand million euros, a hundred thousand million francs),
-- the value the money columns' checks, the app's forms (app/src/lib/payments/validation.ts
-- maxAmount, app/src/lib/shifts/validation.ts maxCashMinor) and the menu's price cap already use.
--
-- * An order whose total would pass it is refused 'order_too_large' {max, total}, however the total
--   got there (placement, a guest's order, a round, a tax): a trigger on orders, after the discount
--   trigger (20261202000100) has computed the row's total. Nothing is written, no number is spent.
-- * record_payment refuses an amount, a tip or cash tendered above it with 'amount_too_large'
--   {field, max} (it answered invalid_amount, invalid_tip and, for tendered, tendered_too_low).

-- triggers ---------------------------------------------------------------------------------------

create function private.max_amount() returns bigint
language sql immutable set search_path = '' as $$
  select 100000000000::bigint
$$;
revoke all on function private.max_amount() from public;

create function private.guard_order_total() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.total > private.max_amount() then
    perform private.raise_error('order_too_large', 'An order may total at most the largest amount a payment may take',
      pg_catalog.jsonb_build_object('max', private.max_amount(), 'total', new.total));
  end if;
  return new;
end $$;
revoke all on function private.guard_order_total() from public;

-- Named to fire after orders_discounted_totals (BEFORE triggers run in name order).
create trigger orders_total_ceiling before insert or update on public.orders
for each row execute function private.guard_order_total();

-- RPCs -------------------------------------------------------------------------------------------

-- As in 20261202000200_payment_tips.sql, with the ceiling from private.max_amount().
create or replace function public.record_payment(
  p_payment_id uuid, p_order_id uuid, p_method public.payment_method, p_amount bigint,
  p_tendered bigint default null, p_shift_id uuid default null, p_reference text default null,
  p_tip bigint default 0
) returns public.payments
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_max bigint := private.max_amount();
  v_order public.orders;
  v_row public.payments;
  -- No tip given (or null) is no tip.
  v_tip bigint := coalesce(p_tip, 0);
  -- Cash tendered defaults to the exact sum (guarded: an absurd amount is refused below, not overflowed here).
  v_tendered bigint := case when p_method = 'cash' then coalesce(p_tendered,
    case when p_amount between 0 and v_max and coalesce(p_tip, 0) between 0 and v_max
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
  if p_amount is null or p_amount <= 0 then
    perform private.raise_error('invalid_amount', 'The amount is a positive number of minor units', pg_catalog.jsonb_build_object('amount', p_amount));
  end if;
  if v_tip < 0 then
    perform private.raise_error('invalid_tip', 'A tip is zero or a positive number of minor units', pg_catalog.jsonb_build_object('tip', p_tip));
  end if;
  -- v_tendered may pass it with amount and tip each within it: no cash can cover both.
  if p_amount > v_max or v_tip > v_max or v_tendered > v_max then
    perform private.raise_error('amount_too_large', 'An amount, a tip or the cash tendered is at most the ceiling',
      pg_catalog.jsonb_build_object('max', v_max,
        'field', case when p_amount > v_max then 'amount' when v_tip > v_max then 'tip' else 'tendered' end));
  end if;
  if p_method <> 'cash' and p_tendered is not null then
    perform private.raise_error('tendered_not_cash', 'Only cash is tendered', '{}');
  end if;
  if v_tendered < p_amount + v_tip then
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

comment on function public.record_payment(uuid, uuid, public.payment_method, bigint, bigint, uuid, text, bigint) is
'Records a payment on an order; idempotent by p_payment_id (a replay must match amount, tip, tendered and
shift). p_tip (default 0) is on top of the amount and is not a sale: the order''s paid amount counts the
amount only. Cash goes into an open shift and may be tendered above amount + tip (the change is computed).
Amount, tip and cash tendered are each at most 100000000000 minor units, the most an order may total
(amount_too_large, detail {field, max}). Returns the payment.

Callers: owners, managers, cashiers and waiters.
Errors: invalid_payment_id, order_not_found, forbidden (42501), idempotency_conflict, invalid_method,
invalid_amount, invalid_tip, amount_too_large, tendered_not_cash, tendered_too_low, reference_too_long,
order_not_payable, overpayment, shift_required, shift_not_found, shift_closed.';

-- The placements name the ceiling's code (the trigger raises it for them).
comment on function public.place_order(jsonb) is
'Staff place an order from the POS: it is placed at once and gets the next number of its business day. The
payload is checked against the menu and priced here; a replay of the same payload (same id) returns the stored
order. Optional keys: ordered_at (the device''s clock; the business date comes from it, at most 5 minutes ahead
and 24 hours old), menu_version (lines are priced as of that version; prices that differ from today''s are kept
and the order is flagged price_override) and provisional_code (the device''s code shown while offline, "A-7").
An order totals at most 100000000000 minor units, the most a payment may take. Returns the order with its lines.

Callers: owners, managers, cashiers and waiters.
Errors: forbidden (42501); payload: invalid_payload, unknown_field, invalid_restaurant_id, invalid_order_id,
idempotency_conflict, invalid_order_type, table_not_found, invalid_note, note_too_long, invalid_ordered_at,
ordered_at_in_future, ordered_at_too_old, invalid_menu_version, invalid_provisional_code, invalid_lines,
empty_order, too_many_lines; lines: invalid_line, invalid_item_id, invalid_qty, qty_out_of_range, item_not_found,
item_unavailable, invalid_modifiers, duplicate_modifier, modifier_not_allowed, modifier_unavailable,
modifier_min_not_met, modifier_max_exceeded; order_too_large (detail {max, total}).';

comment on function public.add_order_round(jsonb) is
'Adds a round of lines (drinks, dessert) to an open order: the lines are checked and priced like place_order''s
(ordered_at and menu_version as there), take the next round number, the totals are recomputed and the kitchen
gets a ticket for the new lines only; a ready order goes back to preparing. Idempotent by the round id: a replay
of the same payload returns the order. Payload { id, order_id, lines, ordered_at?, menu_version? }. The order
then totals at most 100000000000 minor units, the most a payment may take. Returns the order with its lines.

Callers: owners, managers, cashiers and waiters.
Errors: invalid_payload, unknown_field, invalid_round_id, invalid_order_id, order_not_found (also another
restaurant''s order), forbidden (42501), idempotency_conflict, order_closed (completed, cancelled or rejected),
order_not_accepted (a guest draft), invalid_ordered_at, ordered_at_in_future, ordered_at_too_old,
invalid_menu_version, invalid_lines, empty_order, too_many_lines, the line errors of place_order, and
order_too_large (detail {max, total}).';
