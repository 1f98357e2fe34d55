-- Order status changes: one function for every transition, checking who may make it, refusing
-- stale devices (version), and writing the audit trail. Cooks bump single lines with set_line_status.
--
--   from       to          who
--   draft      placed      owner, manager, cashier, waiter   (accepting a guest draft: gets its number)
--   draft      rejected    owner, manager, cashier, waiter   (reason required)
--   placed     preparing   owner, manager, kitchen
--   preparing  ready       owner, manager, kitchen
--   ready      completed   owner, manager, cashier, waiter
--   placed     cancelled   owner, manager, cashier           (reason required)
--   preparing  cancelled   owner, manager                    (reason required)
--   ready      cancelled   owner, manager                    (reason required)

-- helpers ----------------------------------------------------------------------------------------

-- The roles allowed to move an order from p_from to p_to; null when the transition does not exist.
create function private.transition_roles(p_from public.order_status, p_to public.order_status)
returns public.member_role[] language sql immutable set search_path = '' as $$
  select case (p_from::text || '>' || p_to::text)
    when 'draft>placed' then '{owner,manager,cashier,waiter}'
    when 'draft>rejected' then '{owner,manager,cashier,waiter}'
    when 'placed>preparing' then '{owner,manager,kitchen}'
    when 'preparing>ready' then '{owner,manager,kitchen}'
    when 'ready>completed' then '{owner,manager,cashier,waiter}'
    when 'placed>cancelled' then '{owner,manager,cashier}'
    when 'preparing>cancelled' then '{owner,manager}'
    when 'ready>cancelled' then '{owner,manager}'
  end::public.member_role[]
$$;

-- Line steps a cook may take (including undoing 'ready' back to 'preparing').
create function private.line_step_allowed(p_from public.line_status, p_to public.line_status)
returns boolean language sql immutable set search_path = '' as $$
  select (p_from::text || '>' || p_to::text) in
    ('queued>preparing', 'queued>ready', 'preparing>ready', 'ready>preparing', 'ready>served', 'preparing>queued')
$$;

revoke all on function private.transition_roles(public.order_status, public.order_status) from public;
revoke all on function private.line_step_allowed(public.line_status, public.line_status) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- Moves an order to p_to. p_expected_version is the version the caller last saw; if the order has
-- moved on since, the call fails with 'version_conflict' (unless it already is in p_to, which makes
-- replays from the offline outbox harmless). Returns the order with its lines.
create function public.transition_order(
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
  select * into v_order from public.orders o where o.id = p_order_id for update;
  if v_order.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_order.restaurant_id and m.user_id = auth.uid() and m.role <> 'print_bridge') then
    perform private.raise_error('order_not_found', 'No such order', pg_catalog.jsonb_build_object('id', p_order_id));
  end if;
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

-- A cook bumps one line (queued → preparing → ready → served). Returns the line.
create function public.set_line_status(p_line_id uuid, p_status public.line_status, p_expected_version integer)
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
  select * into v_line from public.order_lines l where l.id = p_line_id for update;
  if v_line.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_line.restaurant_id and m.user_id = auth.uid() and m.role <> 'print_bridge') then
    perform private.raise_error('line_not_found', 'No such order line', pg_catalog.jsonb_build_object('id', p_line_id));
  end if;
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

revoke all on function public.transition_order(uuid, public.order_status, integer, text) from public, anon;
revoke all on function public.set_line_status(uuid, public.line_status, integer) from public, anon;
grant execute on function public.transition_order(uuid, public.order_status, integer, text) to authenticated, service_role;
grant execute on function public.set_line_status(uuid, public.line_status, integer) to authenticated, service_role;
