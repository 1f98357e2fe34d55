-- The guest's side of a visit: guest_visit lists what this guest sent from this table in the last
-- 12 hours (orders and service requests), so the page survives reloads; guest_cancel_order lets
-- them withdraw an order the staff have not accepted yet.
-- A withdrawn draft is 'cancelled' without ever having had a number: the orders check that only
-- drafts and rejected orders may lack a number now also allows a cancelled order never placed
-- (placed_at null). Reports count neither (they read numbered orders and rejected drafts).

-- constraints ------------------------------------------------------------------------------------

alter table public.orders drop constraint orders_check1;
alter table public.orders add constraint orders_number_once_placed
  check (number is not null or status in ('draft', 'rejected') or (status = 'cancelled' and placed_at is null));

-- RPCs -------------------------------------------------------------------------------------------

create function public.guest_visit(p_qr_token text) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_table public.dining_tables;
begin
  select * into v_table from public.dining_tables t where t.qr_token = p_qr_token and t.active;
  if v_table.id is null then
    perform private.raise_error('table_not_found', 'This QR code is not valid any more; ask the staff', '{}');
  end if;
  return pg_catalog.jsonb_build_object(
    'orders', coalesce((select pg_catalog.jsonb_agg(private.order_json(o.id) - 'created_by' - 'guest_user_id'
        order by o.created_at desc, o.id)
      from public.orders o
      where o.guest_user_id = v_uid and o.restaurant_id = v_table.restaurant_id and o.table_id = v_table.id
        and o.created_at > pg_catalog.now() - interval '12 hours'), '[]'),
    'requests', coalesce((select pg_catalog.jsonb_agg(private.service_request_json(s) order by s.created_at desc, s.id)
      from public.service_requests s
      where s.guest_user_id = v_uid and s.restaurant_id = v_table.restaurant_id and s.table_id = v_table.id
        and s.created_at > pg_catalog.now() - interval '12 hours'), '[]'));
end $$;

create function public.guest_cancel_order(p_order_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_order public.orders;
begin
  select * into v_order from public.orders o where o.id = p_order_id and o.guest_user_id = v_uid for update;
  if v_order.id is null then
    perform private.raise_error('order_not_found', 'No such order', pg_catalog.jsonb_build_object('id', p_order_id));
  end if;
  -- Already withdrawn (only a guest cancels an order that was never placed): a harmless retry.
  if v_order.status = 'cancelled' and v_order.placed_at is null then
    return public.guest_order(v_order.id);
  end if;
  if v_order.status <> 'draft' then
    perform private.raise_error('order_not_cancellable', 'The staff have already answered this order',
      pg_catalog.jsonb_build_object('id', v_order.id, 'status', v_order.status));
  end if;
  update public.order_lines set kitchen_status = 'cancelled', version = version + 1, updated_at = pg_catalog.now()
  where restaurant_id = v_order.restaurant_id and order_id = v_order.id;
  update public.orders set status = 'cancelled', version = version + 1, updated_at = pg_catalog.now(),
    cancelled_at = pg_catalog.now()
  where id = v_order.id;
  insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status)
  values (v_order.restaurant_id, v_order.id, v_uid, private.actor_role(v_order.restaurant_id), 'draft', 'cancelled');
  return public.guest_order(v_order.id);
end $$;

revoke all on function public.guest_visit(text) from public, anon;
revoke all on function public.guest_cancel_order(uuid) from public, anon;
grant execute on function public.guest_visit(text) to authenticated, service_role;
grant execute on function public.guest_cancel_order(uuid) to authenticated, service_role;

comment on function public.guest_visit(text) is
'What the guest sent from this table in the last 12 hours, newest first: { orders: [the guest''s view of each
order], requests: [{ id, kind, status, table_id, created_at, acknowledged_at }] }. Other guests'' orders and
other tables are not listed.

Callers: any signed-in user, anonymous guests included, holding the table''s QR token.
Errors: table_not_found (unknown, rotated or inactive QR token), not_authenticated (42501).';

comment on function public.guest_cancel_order(uuid) is
'The guest withdraws their own order while the staff have not accepted or rejected it (a draft): it becomes
cancelled, without a number. Withdrawing it again returns it. Returns the guest''s view of the order.

Callers: the guest who placed it (anyone else gets order_not_found).
Errors: order_not_found, order_not_cancellable (details {status}), not_authenticated (42501).';
