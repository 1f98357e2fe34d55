-- Realtime: Broadcast from Database on private topics, authorised by RLS on realtime.messages.
--   restaurant:<id>:orders  orders and their lines (drafts included): POS, KDS, waiters
--   restaurant:<id>:print   print jobs: the print bridge, owners and managers
--   order:<id>              one order, for the guest whose phone placed it
-- Each message is `realtime.broadcast_changes` shaped ({operation, table, schema, record, old_record})
-- with the event named after the operation (INSERT / UPDATE / DELETE).

-- triggers ---------------------------------------------------------------------------------------

create function private.broadcast_order_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row record := case when tg_op = 'DELETE' then old else new end;
  v_guest uuid;
begin
  perform realtime.broadcast_changes('restaurant:' || v_row.restaurant_id || ':orders', tg_op, tg_op,
    tg_table_name, tg_table_schema, new, old);
  if tg_table_name = 'orders' then
    v_guest := (pg_catalog.to_jsonb(v_row) ->> 'guest_user_id')::uuid;
    if v_guest is not null then
      perform realtime.broadcast_changes('order:' || (pg_catalog.to_jsonb(v_row) ->> 'id'), tg_op, tg_op,
        tg_table_name, tg_table_schema, new, old);
    end if;
  end if;
  return null;
end $$;

create function private.broadcast_print_job_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform realtime.broadcast_changes('restaurant:' || new.restaurant_id || ':print', tg_op, tg_op,
    tg_table_name, tg_table_schema, new, old);
  return null;
end $$;

revoke all on function private.broadcast_order_change() from public;
revoke all on function private.broadcast_print_job_change() from public;

create trigger orders_broadcast after insert or update on public.orders
for each row execute function private.broadcast_order_change();
create trigger order_lines_broadcast after insert or update on public.order_lines
for each row execute function private.broadcast_order_change();
create trigger print_jobs_broadcast after insert or update on public.print_jobs
for each row execute function private.broadcast_print_job_change();

-- helpers ----------------------------------------------------------------------------------------

-- Whether the caller may receive a topic's messages: members for their restaurant's topics (the
-- print topic only for the bridge, owners and managers), the guest for their own order's topic.
create function private.can_receive_topic(p_topic text) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  v_parts text[] := pg_catalog.string_to_array(p_topic, ':');
  v_id uuid;
begin
  if auth.uid() is null or p_topic is null or cardinality(v_parts) not between 2 and 3
     or v_parts[2] !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  v_id := v_parts[2]::uuid;
  if v_parts[1] = 'restaurant' and v_parts[3] = 'orders' then
    return exists (select 1 from public.memberships m where m.restaurant_id = v_id and m.user_id = auth.uid()
      and m.role <> 'print_bridge');
  elsif v_parts[1] = 'restaurant' and v_parts[3] = 'print' then
    return exists (select 1 from public.memberships m where m.restaurant_id = v_id and m.user_id = auth.uid()
      and m.role in ('owner', 'manager', 'print_bridge'));
  elsif v_parts[1] = 'order' and cardinality(v_parts) = 2 then
    return exists (select 1 from public.orders o where o.id = v_id and o.guest_user_id = auth.uid());
  end if;
  return false;
end $$;

revoke all on function private.can_receive_topic(text) from public;
grant execute on function private.can_receive_topic(text) to authenticated;

-- policies ---------------------------------------------------------------------------------------

create policy "Members and the ordering guest can receive their topics" on realtime.messages
for select to authenticated using (
  extension in ('broadcast', 'presence') and (select private.can_receive_topic((select realtime.topic())))
);

-- Presence lets the POS and KDS screens show who is on shift; only members of the restaurant.
create policy "Members can share presence on their restaurant's topics" on realtime.messages
for insert to authenticated with check (
  extension = 'presence' and (select private.can_receive_topic((select realtime.topic())))
);
