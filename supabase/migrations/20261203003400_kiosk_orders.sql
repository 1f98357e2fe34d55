-- Kiosk orders (issue 15). The tablet sends its orders through its outbox with client UUIDs, as
-- the POS does, with a provisional code made of its device code and its own sequence ("K-12"), so a
-- customer gets a number even while the kiosk is offline. A kiosk in `direct` mode places the order
-- at once (the day's number, kitchen tickets); in `pay_at_counter` mode it waits as a draft until
-- the cashier takes the payment — record_payment now places a kiosk draft before recording the
-- payment — or accepts it (transition_order draft → placed), or rejects it. Kiosk drafts are the
-- orders awaiting payment: source 'kiosk', status 'draft'. The tablet reads its own orders only.

-- helpers ----------------------------------------------------------------------------------------

-- The tablet's view of one of its orders: the staff order JSON without who created it, plus whether
-- it waits for payment at the counter.
create function private.kiosk_order_json(p_order_id uuid) returns jsonb
language sql stable security definer set search_path = '' as $$
  select private.order_json(o.id) - 'created_by' - 'guest_user_id'
    || pg_catalog.jsonb_build_object('awaiting_payment', o.status = 'draft')
  from public.orders o where o.id = p_order_id
$$;
revoke all on function private.kiosk_order_json(uuid) from public;

-- Places a kiosk draft as transition_order's draft → placed does (the day's number, lines queued for
-- the kitchen, the audit row), for the caller taking its payment.
create function private.place_kiosk_draft(p_order_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_order public.orders;
  v_date date;
begin
  select * into v_order from public.orders o where o.id = p_order_id for update;
  if v_order.status <> 'draft' or v_order.source <> 'kiosk' then return; end if;
  v_date := private.business_date(v_order.restaurant_id, pg_catalog.now());
  update public.order_lines set kitchen_status = 'queued', version = version + 1, updated_at = pg_catalog.now()
  where restaurant_id = v_order.restaurant_id and order_id = v_order.id;
  update public.orders set status = 'placed', version = version + 1, updated_at = pg_catalog.now(),
    business_date = v_date, number = private.next_order_number(v_order.restaurant_id, v_date),
    placed_at = pg_catalog.now()
  where id = v_order.id;
  insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status, reason)
  values (v_order.restaurant_id, v_order.id, auth.uid(), private.actor_role(v_order.restaurant_id), 'draft', 'placed',
    'Paid at the counter');
end $$;
revoke all on function private.place_kiosk_draft(uuid) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- Payload { id, type, lines, provisional_code, note?, ordered_at?, menu_version? }: the restaurant,
-- the table, prices and status are never the tablet's to say.
create function public.kiosk_place_order(p_order jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_kiosk public.kiosks := private.require_kiosk();
  v_existing public.orders;
  v_lines integer;
  v_items numeric;
  v_id uuid;
begin
  if pg_catalog.jsonb_typeof(p_order) is distinct from 'object' then
    perform private.raise_error('invalid_payload', 'The order must be a JSON object', '{}');
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_order) k
             where k not in ('id', 'type', 'note', 'lines', 'provisional_code', 'ordered_at', 'menu_version')) then
    perform private.raise_error('unknown_field',
      'A kiosk order has id, type, note, lines, provisional_code, ordered_at and menu_version only', '{}');
  end if;
  -- A replay is answered as stored, even after the kiosk's mode or limits changed; another kiosk's
  -- (or a till's) order with this id is a conflict, as a different payload is.
  select * into v_existing from public.orders o where o.id = private.try_uuid(p_order -> 'id');
  if v_existing.id is not null and v_existing.kiosk_id is distinct from v_kiosk.id then
    perform private.raise_error('idempotency_conflict', 'An order with this id exists with different content',
      pg_catalog.jsonb_build_object('id', v_existing.id));
  end if;
  if v_existing.id is null then
    if pg_catalog.jsonb_typeof(p_order -> 'provisional_code') is distinct from 'string'
       or (p_order ->> 'provisional_code') !~ ('^' || v_kiosk.device_code || '-[0-9]{1,6}$') then
      perform private.raise_error('invalid_provisional_code',
        pg_catalog.format('A kiosk order carries this kiosk''s provisional code, %s-<number>', v_kiosk.device_code),
        pg_catalog.jsonb_build_object('provisional_code', p_order -> 'provisional_code', 'device_code', v_kiosk.device_code));
    end if;
    if pg_catalog.jsonb_typeof(p_order -> 'lines') = 'array' then
      v_lines := pg_catalog.jsonb_array_length(p_order -> 'lines');
      if v_lines > v_kiosk.max_lines then
        perform private.raise_error('too_many_lines', pg_catalog.format('A kiosk order has at most %s lines', v_kiosk.max_lines),
          pg_catalog.jsonb_build_object('max', v_kiosk.max_lines, 'limit', v_kiosk.max_lines, 'lines', v_lines));
      end if;
      select coalesce(sum(case when pg_catalog.jsonb_typeof(l -> 'qty') = 'number' then (l ->> 'qty')::numeric end), 0)
        into v_items from pg_catalog.jsonb_array_elements(p_order -> 'lines') l
      where pg_catalog.jsonb_typeof(l) = 'object';
      if v_items > v_kiosk.max_items then
        perform private.raise_error('too_many_items', pg_catalog.format('A kiosk order has at most %s items', v_kiosk.max_items),
          pg_catalog.jsonb_build_object('max', v_kiosk.max_items, 'items', v_items));
      end if;
    end if;
  end if;
  -- The kiosk's id rides in the hashed payload, so the same body from another kiosk conflicts.
  v_id := private.create_order(v_kiosk.restaurant_id, p_order || pg_catalog.jsonb_build_object('kiosk_id', v_kiosk.id),
    'kiosk', v_kiosk.mode = 'direct', null);
  return private.kiosk_order_json(v_id);
end $$;

create function public.kiosk_order(p_order_id uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_kiosk public.kiosks := private.require_kiosk();
  v_json jsonb;
begin
  select private.kiosk_order_json(o.id) into v_json
  from public.orders o where o.id = p_order_id and o.kiosk_id = v_kiosk.id;
  if v_json is null then
    perform private.raise_error('order_not_found', 'No such order', pg_catalog.jsonb_build_object('id', p_order_id));
  end if;
  return v_json;
end $$;

-- As in 20261203001100_money_ceiling.sql, plus placing a kiosk draft when it is paid.
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
  -- A kiosk order waiting for payment at the counter: taking the payment sends it to the kitchen.
  if v_order.status = 'draft' and v_order.source = 'kiosk' then
    perform private.place_kiosk_draft(v_order.id);
    select * into v_order from public.orders o where o.id = v_order.id;
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

revoke all on function public.kiosk_place_order(jsonb) from public, anon;
revoke all on function public.kiosk_order(uuid) from public, anon;
grant execute on function public.kiosk_place_order(jsonb) to authenticated, service_role;
grant execute on function public.kiosk_order(uuid) to authenticated, service_role;

comment on function public.kiosk_place_order(jsonb) is
'A customer orders at a kiosk. Payload {id (client UUID), type (dine_in | takeaway), lines, provisional_code
(this kiosk''s device code and its own sequence, "K-12"), note?, ordered_at?, menu_version?}; checked and priced
like place_order. A direct kiosk places it at once (the day''s number, kitchen tickets); a pay_at_counter kiosk
leaves it a draft awaiting payment, placed when the cashier takes a payment (record_payment) or accepts it. The
kiosk''s limits apply to a new order: max_lines lines (too_many_lines, detail {max, lines}) and max_items items
in all (too_many_items, detail {max, items}). A replay of the same payload (same id) returns the stored order.
Returns the kiosk''s view of the order (with awaiting_payment).

Callers: paired kiosks.
Errors: not_authenticated (42501), kiosk_not_paired (42501), invalid_payload, unknown_field, invalid_order_id,
idempotency_conflict, invalid_provisional_code, too_many_lines, too_many_items, invalid_order_type, invalid_note,
note_too_long, invalid_ordered_at, ordered_at_in_future, ordered_at_too_old, invalid_menu_version, invalid_lines,
empty_order, the line errors of place_order (invalid_line, invalid_item_id, invalid_qty, qty_out_of_range,
item_not_found, item_unavailable, invalid_modifiers, duplicate_modifier, modifier_not_allowed,
modifier_unavailable, modifier_min_not_met, modifier_max_exceeded) and order_too_large (detail {max, total}).';

comment on function public.kiosk_order(uuid) is
'One of the calling kiosk''s own orders, as kiosk_place_order returns it (status, number once placed,
provisional_code, awaiting_payment, totals, lines). Another kiosk''s or a made-up id: order_not_found.

Callers: paired kiosks.
Errors: not_authenticated (42501), kiosk_not_paired (42501), order_not_found.';

comment on function public.record_payment(uuid, uuid, public.payment_method, bigint, bigint, uuid, text, bigint) is
'Records a payment on an order; idempotent by p_payment_id (a replay must match amount, tip, tendered and
shift). p_tip (default 0) is on top of the amount and is not a sale: the order''s paid amount counts the
amount only. Cash goes into an open shift and may be tendered above amount + tip (the change is computed).
A payment on a kiosk order waiting at the counter (source kiosk, status draft) places it first: it gets the
day''s number and goes to the kitchen. Amount, tip and cash tendered are each at most 100000000000 minor
units, the most an order may total
(amount_too_large, detail {field, max}). Returns the payment.

Callers: owners, managers, cashiers and waiters.
Errors: invalid_payment_id, order_not_found, forbidden (42501), idempotency_conflict, invalid_method,
invalid_amount, invalid_tip, amount_too_large, tendered_not_cash, tendered_too_low, reference_too_long,
order_not_payable, overpayment, shift_required, shift_not_found, shift_closed.';
