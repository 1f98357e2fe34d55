-- Live 86: when an item runs out (or comes back, or changes price or name), every open POS learns it
-- within a second, without reloading. Menu changes that matter at the till are broadcast on the
-- private topic restaurant:<id>:menu, event 'menu_changed', payload
--   { menu_version, entity: 'menu_items'|'modifier_options', id, op: 'INSERT'|'UPDATE'|'DELETE', available }
-- (available is null for a deletion). The POS then asks get_menu for what changed since its version.
-- set_item_availability is the POS's "mark unavailable" for managers.

-- triggers ---------------------------------------------------------------------------------------

create function private.broadcast_menu_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row jsonb := pg_catalog.to_jsonb(case when tg_op = 'DELETE' then old else new end);
  v_old jsonb;
  v_version bigint;
begin
  if tg_op = 'UPDATE' then
    -- Only what the till shows: availability, and an item's price and name.
    v_old := pg_catalog.to_jsonb(old);
    if v_row -> 'available' = v_old -> 'available' and (tg_table_name = 'modifier_options'
        or (v_row -> 'price' = v_old -> 'price' and v_row -> 'name' = v_old -> 'name')) then
      return null;
    end if;
  end if;
  if tg_op = 'DELETE' then
    -- The tombstone's version; a cascade from a deleted restaurant finds none and tells nobody.
    select r.menu_version into v_version from public.restaurants r where r.id = (v_row ->> 'restaurant_id')::uuid;
    if v_version is null then return null; end if;
  else
    v_version := (v_row ->> 'version')::bigint;
  end if;
  perform realtime.send(
    pg_catalog.jsonb_build_object('menu_version', v_version, 'entity', tg_table_name, 'id', v_row ->> 'id',
      'op', tg_op, 'available', case when tg_op = 'DELETE' then null else (v_row -> 'available') end),
    'menu_changed', 'restaurant:' || (v_row ->> 'restaurant_id') || ':menu', true);
  return null;
end $$;
revoke all on function private.broadcast_menu_change() from public;

-- Triggers of one event fire in name order: "zz" runs these after the deletion's tombstone, whose
-- version they announce.
create trigger menu_items_zz_broadcast after insert or update or delete on public.menu_items
for each row execute function private.broadcast_menu_change();
create trigger modifier_options_zz_broadcast after insert or update or delete on public.modifier_options
for each row execute function private.broadcast_menu_change();

-- helpers ----------------------------------------------------------------------------------------

-- As in 20261121001300, plus restaurant:<id>:menu for the restaurant's staff (not the print bridge).
create or replace function private.can_receive_topic(p_topic text) returns boolean
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
  if v_parts[1] = 'restaurant' and v_parts[3] in ('orders', 'menu') then
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

-- RPCs -------------------------------------------------------------------------------------------

create function public.set_item_availability(p_item_id uuid, p_available boolean) returns public.menu_items
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_item public.menu_items;
begin
  perform private.require_user();
  select * into v_item from public.menu_items i where i.id = p_item_id for update;
  if v_item.id is null or not exists (select 1 from public.memberships m
      where m.restaurant_id = v_item.restaurant_id and m.user_id = auth.uid() and m.role <> 'print_bridge') then
    perform private.raise_error('item_not_found', 'This item is not on this restaurant''s menu',
      pg_catalog.jsonb_build_object('item_id', p_item_id));
  end if;
  perform private.require_role(v_item.restaurant_id, '{owner,manager}');
  if p_available is null then
    perform private.raise_error('invalid_availability', 'Say whether the item is available (true or false)', '{}');
  end if;
  -- Already so: nothing changes, no new menu version, no broadcast.
  if v_item.available = p_available then
    return v_item;
  end if;
  update public.menu_items set available = p_available where id = v_item.id returning * into v_item;
  return v_item;
end $$;

revoke all on function public.set_item_availability(uuid, boolean) from public, anon;
grant execute on function public.set_item_availability(uuid, boolean) to authenticated, service_role;

comment on function public.set_item_availability(uuid, boolean) is
'Marks a menu item available or sold out ("86"); every open POS hears it on restaurant:<id>:menu. Setting what
it already is changes nothing. Returns the item.

Callers: owners and managers.
Errors: item_not_found (also another restaurant''s item), forbidden (42501), invalid_availability.';
