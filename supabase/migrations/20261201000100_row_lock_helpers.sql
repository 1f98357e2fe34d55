-- Row-lock helpers for orders and order lines, like private.print_job_for_update: each locks the row
-- (FOR UPDATE, held until the transaction ends) and hides it from anyone who is not staff of its
-- restaurant, so another tenant's id is answered exactly like a made-up one. The RPCs that carried
-- their own copy of this guard are redefined to call them; signatures, checks, their order and the
-- error codes are unchanged.
--
-- reprint_order keeps its own read on purpose: it takes no lock (it only reads the order) and lets
-- any member past the visibility check, so the print bridge gets 'forbidden' there, not
-- 'order_not_found'.

-- helpers ----------------------------------------------------------------------------------------

-- Locks an order for the caller's change. 'order_not_found' for a missing order and for one outside
-- the caller's restaurants (the print bridge sees no orders); 42501 'not_authenticated' without a user.
-- The role check stays with each RPC: some answer a replay or a stale version before it.
create function private.order_for_update(p_order_id uuid) returns public.orders
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_order public.orders;
begin
  perform private.require_user();
  select * into v_order from public.orders o where o.id = p_order_id for update;
  if v_order.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_order.restaurant_id and m.user_id = auth.uid() and m.role <> 'print_bridge') then
    perform private.raise_error('order_not_found', 'No such order', pg_catalog.jsonb_build_object('id', p_order_id));
  end if;
  return v_order;
end $$;

-- Locks an order line, like order_for_update; its error is 'line_not_found'.
create function private.line_for_update(p_line_id uuid) returns public.order_lines
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_line public.order_lines;
begin
  perform private.require_user();
  select * into v_line from public.order_lines l where l.id = p_line_id for update;
  if v_line.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_line.restaurant_id and m.user_id = auth.uid() and m.role <> 'print_bridge') then
    perform private.raise_error('line_not_found', 'No such order line', pg_catalog.jsonb_build_object('id', p_line_id));
  end if;
  return v_line;
end $$;

-- Only the security-definer RPCs (run as the owner) call them; no API role may.
revoke all on function private.order_for_update(uuid) from public;
revoke all on function private.line_for_update(uuid) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- `create or replace` keeps each function's owner, grants and comment.

create or replace function public.transition_order(
  p_order_id uuid, p_to public.order_status, p_expected_version integer, p_reason text default null
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_order public.orders;
  v_role public.member_role;
  v_allowed public.member_role[];
  v_reason text := nullif(btrim(coalesce(p_reason, '')), '');
  v_date date;
begin
  perform private.require_user();
  if p_to is null or p_expected_version is null then
    perform private.raise_error('invalid_transition', 'Give the target status and the version you last saw', '{}');
  end if;
  v_order := private.order_for_update(p_order_id);
  if v_order.status = p_to then
    return private.order_json(v_order.id);
  end if;
  if v_order.version <> p_expected_version then
    perform private.raise_error('version_conflict', 'This order changed on another device; reload it',
      pg_catalog.jsonb_build_object('id', v_order.id, 'version', v_order.version, 'status', v_order.status));
  end if;
  v_allowed := private.transition_roles(v_order.status, p_to);
  if v_allowed is null then
    perform private.raise_error('invalid_transition', pg_catalog.format('An order cannot go from %s to %s', v_order.status, p_to),
      pg_catalog.jsonb_build_object('from', v_order.status, 'to', p_to));
  end if;
  v_role := private.require_role(v_order.restaurant_id, v_allowed);
  if p_to in ('rejected', 'cancelled') and v_reason is null then
    perform private.raise_error('reason_required', 'Say why the order is rejected or cancelled', '{}');
  end if;
  if char_length(v_reason) > 500 then
    perform private.raise_error('reason_too_long', 'A reason has at most 500 characters', '{}');
  end if;

  if p_to = 'placed' then
    v_date := private.business_date(v_order.restaurant_id, pg_catalog.now());
    update public.order_lines set kitchen_status = 'queued', version = version + 1, updated_at = pg_catalog.now()
    where restaurant_id = v_order.restaurant_id and order_id = v_order.id;
  elsif p_to in ('rejected', 'cancelled') then
    update public.order_lines set kitchen_status = 'cancelled', version = version + 1, updated_at = pg_catalog.now()
    where restaurant_id = v_order.restaurant_id and order_id = v_order.id and kitchen_status <> 'served';
  elsif p_to = 'ready' then
    update public.order_lines set kitchen_status = 'ready', version = version + 1, updated_at = pg_catalog.now()
    where restaurant_id = v_order.restaurant_id and order_id = v_order.id and kitchen_status in ('queued', 'preparing');
  elsif p_to = 'completed' then
    update public.order_lines set kitchen_status = 'served', version = version + 1, updated_at = pg_catalog.now()
    where restaurant_id = v_order.restaurant_id and order_id = v_order.id and kitchen_status in ('queued', 'preparing', 'ready');
  end if;

  update public.orders set
    status = p_to,
    version = version + 1,
    updated_at = pg_catalog.now(),
    status_reason = coalesce(v_reason, status_reason),
    business_date = case when p_to = 'placed' then v_date else business_date end,
    number = case when p_to = 'placed' then private.next_order_number(v_order.restaurant_id, v_date) else number end,
    placed_at = case when p_to = 'placed' then pg_catalog.now() else placed_at end,
    completed_at = case when p_to = 'completed' then pg_catalog.now() else completed_at end,
    cancelled_at = case when p_to in ('cancelled', 'rejected') then pg_catalog.now() else cancelled_at end
  where id = v_order.id;

  insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status, reason)
  values (v_order.restaurant_id, v_order.id, auth.uid(), v_role::text, v_order.status::text, p_to::text, v_reason);
  return private.order_json(v_order.id);
end $$;

create or replace function public.set_line_status(p_line_id uuid, p_status public.line_status, p_expected_version integer)
returns public.order_lines
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_line public.order_lines;
  v_order_status public.order_status;
  v_role public.member_role;
  v_from public.line_status;
begin
  perform private.require_user();
  if p_status is null or p_expected_version is null then
    perform private.raise_error('invalid_transition', 'Give the target status and the version you last saw', '{}');
  end if;
  v_line := private.line_for_update(p_line_id);
  v_role := private.require_role(v_line.restaurant_id, '{owner,manager,kitchen}');
  if v_line.kitchen_status = p_status then
    return v_line;
  end if;
  if v_line.version <> p_expected_version then
    perform private.raise_error('version_conflict', 'This line changed on another device; reload it',
      pg_catalog.jsonb_build_object('id', v_line.id, 'version', v_line.version, 'status', v_line.kitchen_status));
  end if;
  select o.status into v_order_status from public.orders o
  where o.restaurant_id = v_line.restaurant_id and o.id = v_line.order_id;
  if v_order_status not in ('placed', 'preparing', 'ready') or not private.line_step_allowed(v_line.kitchen_status, p_status) then
    perform private.raise_error('invalid_transition',
      pg_catalog.format('A line cannot go from %s to %s while its order is %s', v_line.kitchen_status, p_status, v_order_status),
      pg_catalog.jsonb_build_object('from', v_line.kitchen_status, 'to', p_status, 'order_status', v_order_status));
  end if;
  v_from := v_line.kitchen_status;
  update public.order_lines set kitchen_status = p_status, version = version + 1, updated_at = pg_catalog.now()
  where id = v_line.id returning * into v_line;
  insert into public.order_events (restaurant_id, order_id, line_id, actor_id, actor_role, from_status, to_status)
  values (v_line.restaurant_id, v_line.order_id, v_line.id, auth.uid(), v_role::text,
    v_from::text, p_status::text);
  return v_line;
end $$;

create or replace function public.record_payment(
  p_payment_id uuid, p_order_id uuid, p_method public.payment_method, p_amount bigint,
  p_tendered bigint default null, p_shift_id uuid default null, p_reference text default null
) returns public.payments
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_order public.orders;
  v_row public.payments;
  v_tendered bigint := case when p_method = 'cash' then coalesce(p_tendered, p_amount) end;
begin
  perform private.require_user();
  if p_payment_id is null then
    perform private.raise_error('invalid_payment_id', 'The client generates the payment id (a UUID)', '{}');
  end if;
  v_order := private.order_for_update(p_order_id);
  perform private.require_role(v_order.restaurant_id, '{owner,manager,cashier,waiter}');
  select * into v_row from public.payments p where p.id = p_payment_id;
  if v_row.id is not null then
    if v_row.order_id = p_order_id and v_row.method = p_method and v_row.amount = p_amount
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
  if p_method <> 'cash' and p_tendered is not null then
    perform private.raise_error('tendered_not_cash', 'Only cash is tendered', '{}');
  end if;
  if v_tendered < p_amount or v_tendered > 100000000000 then
    perform private.raise_error('tendered_too_low', 'The cash tendered must cover the amount',
      pg_catalog.jsonb_build_object('amount', p_amount, 'tendered', v_tendered));
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
  insert into public.payments (id, restaurant_id, order_id, method, amount, tendered, change, reference, shift_id, created_by)
  values (p_payment_id, v_order.restaurant_id, v_order.id, p_method, p_amount, v_tendered, v_tendered - p_amount,
    nullif(btrim(p_reference), ''), p_shift_id, auth.uid())
  returning * into v_row;
  return v_row;
end $$;

create or replace function public.refund_payment(
  p_refund_id uuid, p_payment_id uuid, p_amount bigint, p_reason text, p_shift_id uuid default null
) returns public.payments
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_original public.payments;
  v_row public.payments;
  v_refundable bigint;
begin
  perform private.require_user();
  select * into v_original from public.payments p where p.id = p_payment_id and p.amount > 0;
  if v_original.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_original.restaurant_id and m.user_id = auth.uid() and m.role <> 'print_bridge') then
    perform private.raise_error('payment_not_found', 'No such payment', pg_catalog.jsonb_build_object('id', p_payment_id));
  end if;
  perform private.require_role(v_original.restaurant_id, '{owner,manager}');
  -- Lock the order: concurrent refunds of one payment are serialised on it.
  perform private.order_for_update(v_original.order_id);
  if p_refund_id is null then
    perform private.raise_error('invalid_payment_id', 'The client generates the refund id (a UUID)', '{}');
  end if;
  select * into v_row from public.payments p where p.id = p_refund_id;
  if v_row.id is not null then
    if v_row.refund_of = p_payment_id and v_row.amount = -p_amount then return v_row; end if;
    perform private.raise_error('idempotency_conflict', 'A payment with this id exists with different content', '{}');
  end if;
  if p_amount is null or p_amount <= 0 then
    perform private.raise_error('invalid_amount', 'The refund is a positive number of minor units', pg_catalog.jsonb_build_object('amount', p_amount));
  end if;
  if p_reason is null or char_length(btrim(p_reason)) not between 1 and 500 then
    perform private.raise_error('reason_required', 'Say why the money is refunded (up to 500 characters)', '{}');
  end if;
  v_refundable := v_original.amount + coalesce((select sum(p.amount) from public.payments p where p.refund_of = v_original.id), 0);
  if p_amount > v_refundable then
    perform private.raise_error('refund_exceeds_payment', 'You cannot refund more than was paid',
      pg_catalog.jsonb_build_object('refundable', v_refundable, 'amount', p_amount));
  end if;
  if v_original.method = 'cash' and p_shift_id is null then
    perform private.raise_error('shift_required', 'A cash refund comes out of a drawer: give the open shift', '{}');
  end if;
  if p_shift_id is not null then
    perform private.open_shift_for_update(v_original.restaurant_id, p_shift_id);
  end if;
  insert into public.payments (id, restaurant_id, order_id, method, amount, refund_of, reason, shift_id, created_by)
  values (p_refund_id, v_original.restaurant_id, v_original.order_id, v_original.method, -p_amount, v_original.id,
    btrim(p_reason), p_shift_id, auth.uid())
  returning * into v_row;
  return v_row;
end $$;
