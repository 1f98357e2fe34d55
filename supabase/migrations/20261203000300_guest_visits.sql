-- Guest visits and the guests' live topics. Scanning a table's QR code (guest_menu) records a
-- visit: who, which table, and which generation of its token (qr_rotated_at). A visit lets the
-- guest's page listen to two private topics:
--   restaurant:<id>:guest  while they visited in the last 12 hours a table that is still active and
--                          whose token has not rotated since: 'menu_changed' (the staff menu topic's
--                          payload, plus translation changes) and 'table_rotated' {table_id}
--   guest:<user id>        that user only: 'service_request' (20261203000400)
-- guest_menu now takes the guest's locale and returns every item, sold-out ones included, with
-- `available` (the page greys them out live) and the restaurant's guest limits.

-- tables -----------------------------------------------------------------------------------------

create table public.guest_visits (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  table_id uuid not null,
  -- The token generation the guest scanned: a later rotation ends what the visit allows.
  qr_rotated_at timestamptz not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  unique (user_id, table_id, qr_rotated_at),
  foreign key (restaurant_id, table_id) references public.dining_tables (restaurant_id, id) on delete cascade
);

-- indexes ----------------------------------------------------------------------------------------

create index guest_visits_user_restaurant_idx on public.guest_visits (user_id, restaurant_id, last_seen_at);
create index guest_visits_table_idx on public.guest_visits (restaurant_id, table_id);

-- grants -----------------------------------------------------------------------------------------

-- Written only by guest_menu (security definer); owners and managers may read who scanned.
revoke all on table public.guest_visits from anon, authenticated;
grant select on table public.guest_visits to authenticated;
grant all on table public.guest_visits to service_role;

-- triggers ---------------------------------------------------------------------------------------

-- As in 20261201001300, plus the same message on restaurant:<id>:guest for guests' pages.
create or replace function private.broadcast_menu_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row jsonb := pg_catalog.to_jsonb(case when tg_op = 'DELETE' then old else new end);
  v_old jsonb;
  v_version bigint;
  v_payload jsonb;
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
  v_payload := pg_catalog.jsonb_build_object('menu_version', v_version, 'entity', tg_table_name, 'id', v_row ->> 'id',
    'op', tg_op, 'available', case when tg_op = 'DELETE' then null else (v_row -> 'available') end);
  perform realtime.send(v_payload, 'menu_changed', 'restaurant:' || (v_row ->> 'restaurant_id') || ':menu', true);
  perform realtime.send(v_payload, 'menu_changed', 'restaurant:' || (v_row ->> 'restaurant_id') || ':guest', true);
  return null;
end $$;

-- RLS --------------------------------------------------------------------------------------------

alter table public.guest_visits enable row level security;

-- helpers ----------------------------------------------------------------------------------------

-- As in 20261201001300, plus restaurant:<id>:guest for a guest with a live visit there and
-- guest:<user id> for that user.
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
  elsif v_parts[1] = 'restaurant' and v_parts[3] = 'guest' then
    return private.has_live_visit(v_id);
  elsif v_parts[1] = 'order' and cardinality(v_parts) = 2 then
    return exists (select 1 from public.orders o where o.id = v_id and o.guest_user_id = auth.uid());
  elsif v_parts[1] = 'guest' and cardinality(v_parts) = 2 then
    return v_id = auth.uid();
  end if;
  return false;
end $$;

-- Whether the caller scanned a table of the restaurant in the last 12 hours whose card still works.
create function private.has_live_visit(p_restaurant_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.guest_visits v
    join public.dining_tables t on t.restaurant_id = v.restaurant_id and t.id = v.table_id
    where v.user_id = (select auth.uid()) and v.restaurant_id = p_restaurant_id
      and v.last_seen_at > pg_catalog.now() - interval '12 hours'
      and t.active and t.qr_rotated_at = v.qr_rotated_at)
$$;
revoke all on function private.has_live_visit(uuid) from public;
grant execute on function private.has_live_visit(uuid) to authenticated;

-- The menu in the guest's language: a translation's text where one exists for p_locale, else the
-- restaurant's own. 'es-MX' or 'fr_FR' count as their language; an unknown one gets the own text.
create function private.guest_locale(p_locale text) returns text
language sql immutable set search_path = '' as $$
  select case when l in ('en', 'fr', 'es', 'id') then l end
  from (select pg_catalog.lower(pg_catalog.split_part(pg_catalog.replace(coalesce(p_locale, ''), '_', '-'), '-', 1)) as l) x
$$;
revoke all on function private.guest_locale(text) from public;

-- policies ---------------------------------------------------------------------------------------

create policy "Owners and managers can read their restaurant's guest visits" on public.guest_visits
for select to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

-- RPCs -------------------------------------------------------------------------------------------

-- As in 20261121000400, plus the guests' topic: pages open on the old code learn it stopped working.
create or replace function public.rotate_table_token(p_table_id uuid) returns public.dining_tables
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.dining_tables;
begin
  select * into v_row from public.dining_tables t where t.id = p_table_id;
  if v_row.id is null then
    perform private.raise_error('table_not_found', 'No such table', pg_catalog.jsonb_build_object('table_id', p_table_id));
  end if;
  perform private.require_role(v_row.restaurant_id, '{owner,manager}');
  update public.dining_tables set qr_token = private.random_token(18), qr_rotated_at = pg_catalog.now()
  where id = p_table_id returning * into v_row;
  perform realtime.send(pg_catalog.jsonb_build_object('table_id', v_row.id), 'table_rotated',
    'restaurant:' || v_row.restaurant_id || ':guest', true);
  return v_row;
end $$;

drop function public.guest_menu(text);

create function public.guest_menu(p_qr_token text, p_locale text default null) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_uid uuid := private.require_user();
  v_table public.dining_tables;
  v_r public.restaurants;
  v_locale text := private.guest_locale(p_locale);
begin
  select * into v_table from public.dining_tables t where t.qr_token = p_qr_token and t.active;
  if v_table.id is null then
    perform private.raise_error('table_not_found', 'This QR code is not valid any more; ask the staff', '{}');
  end if;
  insert into public.guest_visits (user_id, restaurant_id, table_id, qr_rotated_at)
  values (v_uid, v_table.restaurant_id, v_table.id, v_table.qr_rotated_at)
  on conflict (user_id, table_id, qr_rotated_at) do update set last_seen_at = pg_catalog.now();
  select * into v_r from public.restaurants r where r.id = v_table.restaurant_id;
  return pg_catalog.jsonb_build_object(
    'restaurant', pg_catalog.jsonb_build_object('id', v_r.id, 'name', v_r.name,
      'currency', v_r.currency, 'locale', v_r.locale, 'tax_mode', v_r.tax_mode,
      'tax_rate_bp', v_r.tax_rate_bp, 'guest_ordering', v_r.guest_ordering,
      'currency_exponent', (select c.exponent from public.currencies c where c.code = v_r.currency),
      'limits', pg_catalog.jsonb_build_object('lines_per_order', v_r.guest_lines_per_order,
        'orders_per_guest', v_r.guest_orders_per_guest, 'open_drafts_per_table', v_r.guest_open_drafts_per_table,
        'orders_per_hour', v_r.guest_orders_per_hour, 'requests_per_guest', v_r.guest_requests_per_guest)),
    'table', pg_catalog.jsonb_build_object('id', v_table.id, 'label', v_table.label),
    'categories', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', c.id,
        'name', coalesce(tr.name, c.name), 'position', c.position) order by c.position, c.name)
      from public.menu_categories c
      left join public.menu_translations tr on tr.entity_id = c.id and tr.locale = v_locale
        and tr.restaurant_id = c.restaurant_id and tr.entity = 'category'
      where c.restaurant_id = v_table.restaurant_id), '[]'),
    'items', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', i.id, 'category_id', i.category_id,
      'name', coalesce(tr.name, i.name), 'description', coalesce(tr.description, i.description), 'price', i.price,
      'image_path', i.image_path, 'available', i.available,
      'modifier_groups', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', g.id,
        'name', coalesce(gt.name, g.name), 'min_select', g.min_select, 'max_select', g.max_select,
        'options', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', o.id,
          'name', coalesce(ot.name, o.name), 'price_delta', o.price_delta, 'available', o.available)
          order by o.position, o.name)
          from public.modifier_options o
          left join public.menu_translations ot on ot.entity_id = o.id and ot.locale = v_locale
            and ot.restaurant_id = o.restaurant_id and ot.entity = 'modifier_option'
          where o.restaurant_id = g.restaurant_id and o.group_id = g.id), '[]'))
        order by l.position)
        from public.menu_item_modifier_groups l
        join public.modifier_groups g on g.restaurant_id = l.restaurant_id and g.id = l.group_id
        left join public.menu_translations gt on gt.entity_id = g.id and gt.locale = v_locale
          and gt.restaurant_id = g.restaurant_id and gt.entity = 'modifier_group'
        where l.restaurant_id = i.restaurant_id and l.item_id = i.id), '[]')) order by i.position, i.name)
      from public.menu_items i
      left join public.menu_translations tr on tr.entity_id = i.id and tr.locale = v_locale
        and tr.restaurant_id = i.restaurant_id and tr.entity = 'item'
      where i.restaurant_id = v_table.restaurant_id), '[]')
  );
end $$;

revoke all on function public.guest_menu(text, text) from public, anon;
grant execute on function public.guest_menu(text, text) to authenticated, service_role;

comment on function public.guest_menu(text, text) is
'What a guest''s phone shows after scanning a table''s QR code: the restaurant''s public details and guest
limits, the table, and the whole menu with each item''s and option''s `available` (sold-out ones greyed out),
names and descriptions in p_locale (en, fr, es, id; ''es-MX'' counts as es) where the owner translated them,
else the restaurant''s own text. Records the visit, which lets the caller receive restaurant:<id>:guest.

Callers: any signed-in user, anonymous guests included.
Errors: table_not_found (unknown, rotated or inactive QR token), not_authenticated (42501).';
