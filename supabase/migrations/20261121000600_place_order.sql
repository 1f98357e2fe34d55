-- Placing orders: staff at the POS (place_order) and guests at their table (guest_place_order).
-- The payload is checked against the menu, names and prices are snapshotted, totals are computed
-- here, and a replay with the same id returns the order already stored.
--
-- Payload (JSON object, unknown keys refused so typos fail loudly):
--   { "id": uuid, "restaurant_id": uuid, "type": "dine_in"|"takeaway", "table_id"?: uuid|null,
--     "note"?: string ≤ 500, "lines": [ { "item_id": uuid, "qty": 1..99, "note"?: string ≤ 500,
--     "modifiers"?: [option uuid, …] } ] (1..100 lines) }
-- Guests send only id, note and lines; the table and restaurant come from the QR token.

-- helpers ----------------------------------------------------------------------------------------

create function private.order_tax(p_subtotal bigint, p_mode public.tax_mode, p_rate_bp integer) returns bigint
language sql immutable set search_path = '' as $$
  -- numeric round() rounds half away from zero: the documented rule.
  select case p_mode
    when 'exclusive' then pg_catalog.round(p_subtotal::numeric * p_rate_bp / 10000)
    else pg_catalog.round(p_subtotal::numeric * p_rate_bp / (10000 + p_rate_bp))
  end::bigint
$$;

-- Validates one line against the menu and returns it priced, ready for order_lines.
create function private.price_line(p_restaurant_id uuid, p_line jsonb, p_position integer) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_ctx jsonb := pg_catalog.jsonb_build_object('line', p_position);
  v_item public.menu_items;
  v_item_id uuid;
  v_qty numeric;
  v_note text := '';
  v_mods jsonb := coalesce(p_line -> 'modifiers', '[]');
  v_bad record;
  v_chosen jsonb;
  v_delta bigint;
  v_unit bigint;
begin
  if pg_catalog.jsonb_typeof(p_line) is distinct from 'object' then
    perform private.raise_error('invalid_line', 'Each line must be an object', v_ctx);
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_line) k where k not in ('item_id', 'qty', 'note', 'modifiers')) then
    perform private.raise_error('unknown_field', 'A line has item_id, qty, note and modifiers only', v_ctx);
  end if;
  v_item_id := private.try_uuid(p_line -> 'item_id');
  if v_item_id is null then
    perform private.raise_error('invalid_item_id', 'item_id must be a UUID', v_ctx);
  end if;
  if pg_catalog.jsonb_typeof(p_line -> 'qty') is distinct from 'number' then
    perform private.raise_error('invalid_qty', 'qty must be a whole number from 1 to 99', v_ctx);
  end if;
  v_qty := (p_line ->> 'qty')::numeric;
  if v_qty <> pg_catalog.trunc(v_qty) or v_qty not between 1 and 99 then
    perform private.raise_error('qty_out_of_range', 'qty must be a whole number from 1 to 99',
      v_ctx || pg_catalog.jsonb_build_object('qty', p_line -> 'qty'));
  end if;
  if p_line ? 'note' and pg_catalog.jsonb_typeof(p_line -> 'note') <> 'null' then
    if pg_catalog.jsonb_typeof(p_line -> 'note') <> 'string' then
      perform private.raise_error('invalid_note', 'A note is text', v_ctx);
    end if;
    v_note := p_line ->> 'note';
    if char_length(v_note) > 500 then
      perform private.raise_error('note_too_long', 'A note has at most 500 characters', v_ctx);
    end if;
  end if;
  select * into v_item from public.menu_items i where i.restaurant_id = p_restaurant_id and i.id = v_item_id;
  if v_item.id is null then
    -- Same answer for another restaurant's item as for a made-up id: nothing leaks across tenants.
    perform private.raise_error('item_not_found', 'This item is not on this restaurant''s menu',
      v_ctx || pg_catalog.jsonb_build_object('item_id', v_item_id));
  end if;
  if not v_item.available then
    perform private.raise_error('item_unavailable', 'This item is not available right now',
      v_ctx || pg_catalog.jsonb_build_object('item_id', v_item_id, 'name', v_item.name));
  end if;

  if pg_catalog.jsonb_typeof(v_mods) = 'null' then v_mods := '[]'; end if;
  if pg_catalog.jsonb_typeof(v_mods) <> 'array' or pg_catalog.jsonb_array_length(v_mods) > 50
     or exists (select 1 from pg_catalog.jsonb_array_elements(v_mods) e where private.try_uuid(e) is null) then
    perform private.raise_error('invalid_modifiers', 'modifiers is a list of at most 50 option ids', v_ctx);
  end if;
  if (select count(distinct e) from pg_catalog.jsonb_array_elements(v_mods) e) <> pg_catalog.jsonb_array_length(v_mods) then
    perform private.raise_error('duplicate_modifier', 'Each option may be chosen once', v_ctx);
  end if;
  -- Every chosen option must belong to one of this item's groups and be available.
  select e.value as option_id, o.id, o.available, l.group_id into v_bad
  from pg_catalog.jsonb_array_elements(v_mods) e
  left join public.modifier_options o on o.restaurant_id = p_restaurant_id and o.id = private.try_uuid(e.value)
  left join public.menu_item_modifier_groups l
    on l.restaurant_id = p_restaurant_id and l.item_id = v_item_id and l.group_id = o.group_id
  where l.group_id is null or not o.available
  limit 1;
  if found then
    if v_bad.group_id is null then
      perform private.raise_error('modifier_not_allowed', 'This option is not offered with this item',
        v_ctx || pg_catalog.jsonb_build_object('option_id', v_bad.option_id));
    end if;
    perform private.raise_error('modifier_unavailable', 'This option is not available right now',
      v_ctx || pg_catalog.jsonb_build_object('option_id', v_bad.option_id));
  end if;
  -- Each of the item's groups: between min_select and max_select options.
  select g.id, g.name, g.min_select, g.max_select, count(o.id) as chosen into v_bad
  from public.menu_item_modifier_groups l
  join public.modifier_groups g on g.restaurant_id = l.restaurant_id and g.id = l.group_id
  left join public.modifier_options o on o.restaurant_id = g.restaurant_id and o.group_id = g.id
    and o.id in (select private.try_uuid(e) from pg_catalog.jsonb_array_elements(v_mods) e)
  where l.restaurant_id = p_restaurant_id and l.item_id = v_item_id
  group by g.id
  having count(o.id) < g.min_select or count(o.id) > g.max_select
  limit 1;
  if found then
    perform private.raise_error(
      case when v_bad.chosen < v_bad.min_select then 'modifier_min_not_met' else 'modifier_max_exceeded' end,
      pg_catalog.format('Choose %s to %s options in %s', v_bad.min_select, v_bad.max_select, v_bad.name),
      v_ctx || pg_catalog.jsonb_build_object('group_id', v_bad.id, 'min', v_bad.min_select,
        'max', v_bad.max_select, 'chosen', v_bad.chosen));
  end if;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('option_id', o.id, 'group_id', g.id,
           'group_name', g.name, 'name', o.name, 'price_delta', o.price_delta) order by l.position, o.position, o.name), '[]'),
         coalesce(sum(o.price_delta), 0)
    into v_chosen, v_delta
  from public.modifier_options o
  join public.modifier_groups g on g.restaurant_id = o.restaurant_id and g.id = o.group_id
  join public.menu_item_modifier_groups l on l.restaurant_id = o.restaurant_id and l.item_id = v_item_id and l.group_id = g.id
  where o.restaurant_id = p_restaurant_id
    and o.id in (select private.try_uuid(e) from pg_catalog.jsonb_array_elements(v_mods) e);

  v_unit := greatest(v_item.price + v_delta, 0);
  return pg_catalog.jsonb_build_object(
    'position', p_position, 'item_id', v_item.id, 'category_id', v_item.category_id,
    'category_name', (select c.name from public.menu_categories c
                      where c.restaurant_id = p_restaurant_id and c.id = v_item.category_id),
    'name', v_item.name, 'station', v_item.station, 'qty', v_qty::integer, 'unit_price', v_unit,
    'modifiers', v_chosen, 'note', v_note, 'line_total', v_unit * v_qty::bigint);
end $$;

-- Validates the payload, prices it and stores the order (placed with its number, or a draft).
-- Returns the order id; a replay of an identical payload returns the stored order's id.
create function private.create_order(
  p_restaurant_id uuid, p_payload jsonb, p_source public.order_source, p_place boolean, p_guest_user_id uuid
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_id uuid := private.try_uuid(p_payload -> 'id');
  v_hash text;
  v_existing public.orders;
  v_restaurant public.restaurants;
  v_type public.order_type;
  v_table_id uuid;
  v_note text := '';
  v_lines jsonb := '[]';
  v_subtotal bigint;
  v_tax bigint;
  v_date date;
  v_status public.order_status := case when p_place then 'placed' else 'draft' end;
begin
  if v_id is null then
    perform private.raise_error('invalid_order_id', 'id must be a UUID generated by the client', '{}');
  end if;
  v_hash := pg_catalog.md5(pg_catalog.jsonb_build_array(p_restaurant_id, p_source, p_guest_user_id, p_payload)::text);
  select * into v_existing from public.orders o where o.id = v_id;
  if v_existing.id is not null then
    if v_existing.payload_hash = v_hash then return v_id; end if;
    perform private.raise_error('idempotency_conflict', 'An order with this id exists with different content',
      pg_catalog.jsonb_build_object('id', v_id));
  end if;

  if p_payload ? 'type' then
    if pg_catalog.jsonb_typeof(p_payload -> 'type') <> 'string' or (p_payload ->> 'type') not in ('dine_in', 'takeaway') then
      perform private.raise_error('invalid_order_type', 'type is dine_in or takeaway', '{}');
    end if;
    v_type := (p_payload ->> 'type')::public.order_type;
  else
    perform private.raise_error('invalid_order_type', 'type is dine_in or takeaway', '{}');
  end if;
  if p_payload ? 'table_id' and pg_catalog.jsonb_typeof(p_payload -> 'table_id') <> 'null' then
    v_table_id := private.try_uuid(p_payload -> 'table_id');
    if v_table_id is null or not exists (select 1 from public.dining_tables t
        where t.restaurant_id = p_restaurant_id and t.id = v_table_id and t.active) then
      perform private.raise_error('table_not_found', 'This table is not in this restaurant',
        pg_catalog.jsonb_build_object('table_id', p_payload -> 'table_id'));
    end if;
  end if;
  if p_payload ? 'note' and pg_catalog.jsonb_typeof(p_payload -> 'note') <> 'null' then
    if pg_catalog.jsonb_typeof(p_payload -> 'note') <> 'string' then
      perform private.raise_error('invalid_note', 'A note is text', '{}');
    end if;
    v_note := p_payload ->> 'note';
    if char_length(v_note) > 500 then
      perform private.raise_error('note_too_long', 'A note has at most 500 characters', '{}');
    end if;
  end if;
  if pg_catalog.jsonb_typeof(p_payload -> 'lines') is distinct from 'array' then
    perform private.raise_error('invalid_lines', 'lines must be a list', '{}');
  end if;
  if pg_catalog.jsonb_array_length(p_payload -> 'lines') = 0 then
    perform private.raise_error('empty_order', 'An order needs at least one line', '{}');
  end if;
  if pg_catalog.jsonb_array_length(p_payload -> 'lines') > 100 then
    perform private.raise_error('too_many_lines', 'An order has at most 100 lines',
      pg_catalog.jsonb_build_object('lines', pg_catalog.jsonb_array_length(p_payload -> 'lines')));
  end if;

  select coalesce(pg_catalog.jsonb_agg(private.price_line(p_restaurant_id, e.value, e.ordinality::integer) order by e.ordinality), '[]')
  into v_lines from pg_catalog.jsonb_array_elements(p_payload -> 'lines') with ordinality e;

  select * into v_restaurant from public.restaurants r where r.id = p_restaurant_id;
  select sum((l ->> 'line_total')::bigint) into v_subtotal from pg_catalog.jsonb_array_elements(v_lines) l;
  v_tax := private.order_tax(v_subtotal, v_restaurant.tax_mode, v_restaurant.tax_rate_bp);

  begin
    -- The counter is taken last, so its lock (held until commit) covers as little work as possible.
    if p_place then v_date := private.business_date(p_restaurant_id, pg_catalog.now()); end if;
    insert into public.orders (id, restaurant_id, source, type, table_id, status, business_date, number, note,
      currency, currency_exponent, tax_mode, tax_rate_bp, subtotal, tax, total, payload_hash, created_by,
      guest_user_id, placed_at)
    values (v_id, p_restaurant_id, p_source, v_type, v_table_id, v_status, v_date,
      case when p_place then private.next_order_number(p_restaurant_id, v_date) end, v_note,
      v_restaurant.currency, (select c.exponent from public.currencies c where c.code = v_restaurant.currency),
      v_restaurant.tax_mode, v_restaurant.tax_rate_bp, v_subtotal, v_tax,
      v_subtotal + case when v_restaurant.tax_mode = 'exclusive' then v_tax else 0 end,
      v_hash, auth.uid(), p_guest_user_id, case when p_place then pg_catalog.now() end);
  exception when unique_violation then
    -- The same id was placed concurrently and committed first; its subtransaction (and counter
    -- increment) is rolled back, so no number is spent.
    select * into v_existing from public.orders o where o.id = v_id;
    if v_existing.payload_hash = v_hash then return v_id; end if;
    perform private.raise_error('idempotency_conflict', 'An order with this id exists with different content',
      pg_catalog.jsonb_build_object('id', v_id));
  end;

  insert into public.order_lines (restaurant_id, order_id, position, item_id, category_id, category_name, name,
    station, qty, unit_price, modifiers, note, line_total, kitchen_status)
  select p_restaurant_id, v_id, l.position, l.item_id, l.category_id, l.category_name, l.name, l.station, l.qty,
    l.unit_price, l.modifiers, l.note, l.line_total, case when p_place then 'queued' else 'pending' end::public.line_status
  from pg_catalog.jsonb_to_recordset(v_lines) as l(position smallint, item_id uuid, category_id uuid,
    category_name text, name text, station text, qty smallint, unit_price bigint, modifiers jsonb, note text, line_total bigint);

  insert into public.order_events (restaurant_id, order_id, actor_id, actor_role, from_status, to_status)
  values (p_restaurant_id, v_id, auth.uid(), private.actor_role(p_restaurant_id), null, v_status::text);
  return v_id;
end $$;

revoke all on function private.order_tax(bigint, public.tax_mode, integer) from public;
revoke all on function private.price_line(uuid, jsonb, integer) from public;
revoke all on function private.create_order(uuid, jsonb, public.order_source, boolean, uuid) from public;

-- RPCs -------------------------------------------------------------------------------------------

-- Staff place an order from the POS; it is placed at once and gets the day's next number.
create function public.place_order(p_order jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_restaurant_id uuid;
  v_id uuid;
begin
  if pg_catalog.jsonb_typeof(p_order) is distinct from 'object' then
    perform private.raise_error('invalid_payload', 'The order must be a JSON object', '{}');
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_order) k
             where k not in ('id', 'restaurant_id', 'type', 'table_id', 'note', 'lines')) then
    perform private.raise_error('unknown_field', 'An order has id, restaurant_id, type, table_id, note and lines only', '{}');
  end if;
  v_restaurant_id := private.try_uuid(p_order -> 'restaurant_id');
  if v_restaurant_id is null then
    perform private.raise_error('invalid_restaurant_id', 'restaurant_id must be a UUID', '{}');
  end if;
  perform private.require_role(v_restaurant_id, '{owner,manager,cashier,waiter}');
  -- Two statements: order_json is STABLE and must see the rows create_order just wrote.
  v_id := private.create_order(v_restaurant_id, p_order, 'pos', true, null);
  return private.order_json(v_id);
end $$;

-- A guest at a table orders from their phone: a draft for staff to accept, or placed at once when
-- the restaurant auto-accepts. Returns the guest's view of the order.
create function public.guest_place_order(p_qr_token text, p_order jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_table public.dining_tables;
  v_mode public.guest_ordering_mode;
  v_id uuid;
begin
  select * into v_table from public.dining_tables t where t.qr_token = p_qr_token and t.active;
  if v_table.id is null then
    perform private.raise_error('table_not_found', 'This QR code is not valid any more; ask the staff', '{}');
  end if;
  select r.guest_ordering into v_mode from public.restaurants r where r.id = v_table.restaurant_id;
  if v_mode = 'off' then
    perform private.raise_error('guest_ordering_disabled', 'This restaurant takes orders at the counter', '{}');
  end if;
  if pg_catalog.jsonb_typeof(p_order) is distinct from 'object' then
    perform private.raise_error('invalid_payload', 'The order must be a JSON object', '{}');
  end if;
  if exists (select 1 from pg_catalog.jsonb_object_keys(p_order) k where k not in ('id', 'note', 'lines')) then
    perform private.raise_error('unknown_field', 'A guest order has id, note and lines only', '{}');
  end if;
  v_id := private.create_order(v_table.restaurant_id,
    p_order || pg_catalog.jsonb_build_object('type', 'dine_in', 'table_id', v_table.id),
    'qr', v_mode = 'auto_accept', v_uid);
  return public.guest_order(v_id);
end $$;

-- The guest's own order (status, number, lines, totals); someone else's order is 'order_not_found'.
create function public.guest_order(p_order_id uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_json jsonb;
begin
  perform private.require_user();
  select private.order_json(o.id) - 'created_by' - 'guest_user_id' into v_json
  from public.orders o where o.id = p_order_id and o.guest_user_id = auth.uid();
  if v_json is null then
    perform private.raise_error('order_not_found', 'No such order', pg_catalog.jsonb_build_object('id', p_order_id));
  end if;
  return v_json;
end $$;

revoke all on function public.place_order(jsonb) from public, anon;
revoke all on function public.guest_place_order(text, jsonb) from public, anon;
revoke all on function public.guest_order(uuid) from public, anon;
grant execute on function public.place_order(jsonb) to authenticated, service_role;
grant execute on function public.guest_place_order(text, jsonb) to authenticated, service_role;
grant execute on function public.guest_order(uuid) to authenticated, service_role;
