-- Recall: the kitchen bumped a ticket by mistake (or a dish came back) and takes it back from the
-- pass. An order may go ready → preparing (owners, managers, kitchen), and its ready lines go back to
-- preparing with it. Lines already had the ready → preparing step (set_line_status).
-- Adding a round to a ready order takes the same step (20261201001100_order_rounds.sql).

-- helpers ----------------------------------------------------------------------------------------

-- As in 20261121000700, plus ready → preparing.
create or replace function private.transition_roles(p_from public.order_status, p_to public.order_status)
returns public.member_role[] language sql immutable set search_path = '' as $$
  select case (p_from::text || '>' || p_to::text)
    when 'draft>placed' then '{owner,manager,cashier,waiter}'
    when 'draft>rejected' then '{owner,manager,cashier,waiter}'
    when 'placed>preparing' then '{owner,manager,kitchen}'
    when 'preparing>ready' then '{owner,manager,kitchen}'
    when 'ready>preparing' then '{owner,manager,kitchen}'
    when 'ready>completed' then '{owner,manager,cashier,waiter}'
    when 'placed>cancelled' then '{owner,manager,cashier}'
    when 'preparing>cancelled' then '{owner,manager}'
    when 'ready>cancelled' then '{owner,manager}'
  end::public.member_role[]
$$;

-- RPCs -------------------------------------------------------------------------------------------

-- As in 20261201000100_row_lock_helpers.sql, plus the lines' recall.
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
  elsif p_to = 'preparing' and v_order.status = 'ready' then
    update public.order_lines set kitchen_status = 'preparing', version = version + 1, updated_at = pg_catalog.now()
    where restaurant_id = v_order.restaurant_id and order_id = v_order.id and kitchen_status = 'ready';
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

comment on function public.transition_order(uuid, public.order_status, integer, text) is
'Moves an order to another status (draft → placed/rejected, placed → preparing → ready → completed, a ready
order recalled to preparing, or cancelled), with the version the caller last saw; already being in the target
status returns the order, so offline replays are harmless. A recall takes the ready lines back to preparing.
Returns the order with its lines.

Callers: depends on the step: accept, reject and complete: owners, managers, cashiers, waiters; preparing, ready
and recall: owners, managers, kitchen; cancel a placed order: owners, managers, cashiers; cancel later: owners
and managers.
Errors: invalid_transition, order_not_found (also another restaurant''s order), version_conflict, forbidden
(42501), reason_required (reject, cancel), reason_too_long.';
