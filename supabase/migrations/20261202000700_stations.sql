-- Stations: the places a kitchen ticket goes (Kitchen, Bar, Grill…), a list each restaurant manages
-- instead of free text that items and printers had to spell alike. A new restaurant starts with two
-- stations named in its language; existing restaurants keep the names their items and printers
-- already use (or get the defaults when they use none).
--
-- Items and printers keep naming their station by its name, not by an id: order_lines snapshot that
-- name when an order is placed, the kitchen display filters on it and the print routing compares it
-- with printers.stations, so tickets already in the kitchen keep working when a station is renamed
-- or archived later. menu_items reference stations with a foreign key on (restaurant_id, name) with
-- ON UPDATE CASCADE (a rename follows into the items in the same statement, and bumps the menu
-- version so the tills learn it); printers.stations is an array, which a foreign key cannot
-- reference, so a trigger checks it and the rename trigger rewrites it. Both write paths go through
-- a trigger first that matches names case-insensitively and stores the station's own spelling, and
-- answers an unknown name with station_not_found instead of a foreign-key violation.

-- tables -----------------------------------------------------------------------------------------

create table public.stations (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 40 and name = btrim(name)),
  position integer not null default 0,
  -- Archived stations leave the lists the admin offers; items and printers that still name one keep working.
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (restaurant_id, id),
  -- The target of menu_items' foreign key; the index below makes names unique ignoring case.
  unique (restaurant_id, name)
);

-- constraints/indexes ----------------------------------------------------------------------------

create unique index stations_restaurant_lower_name_idx on public.stations (restaurant_id, pg_catalog.lower(name));
-- Renaming or deleting a station looks up the items that name it.
create index menu_items_restaurant_station_idx on public.menu_items (restaurant_id, station);

-- The slug rule ('kitchen') gives way to station names ('Cuisine'); an item inserted without a
-- station ('' by default) gets the restaurant's first active station from the trigger below.
alter table public.menu_items drop constraint menu_items_station_check;
alter table public.menu_items alter column station set default '';

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.stations from anon, authenticated;
grant select, delete on table public.stations to authenticated;
grant insert (id, restaurant_id, name, position, active) on table public.stations to authenticated;
grant update (name, position, active) on table public.stations to authenticated;
grant all on table public.stations to service_role;

-- triggers ---------------------------------------------------------------------------------------

-- The two stations a restaurant starts with, in its language (en for a language without names here).
create function private.default_station_names(p_locale text) returns text[]
language sql immutable set search_path = '' as $$
  select case pg_catalog.split_part(pg_catalog.split_part(coalesce(p_locale, 'en'), '-', 1), '_', 1)
    when 'fr' then array['Cuisine', 'Bar']
    when 'es' then array['Cocina', 'Barra']
    when 'id' then array['Dapur', 'Bar']
    else array['Kitchen', 'Bar'] end
$$;
revoke all on function private.default_station_names(text) from public;

create function private.validate_station() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.name := btrim(coalesce(new.name, ''));
  if char_length(new.name) not between 1 and 40 then
    perform private.raise_error('invalid_station_name', 'A station name is 1 to 40 characters',
      pg_catalog.jsonb_build_object('name', new.name));
  end if;
  if tg_op = 'UPDATE' and new.restaurant_id <> old.restaurant_id then
    perform private.raise_error('restaurant_immutable', 'A station cannot move to another restaurant', '{}');
  end if;
  if exists (select 1 from public.stations s where s.restaurant_id = new.restaurant_id
             and pg_catalog.lower(s.name) = pg_catalog.lower(new.name) and s.id <> new.id) then
    perform private.raise_error('station_name_taken', 'Another station of this restaurant has this name',
      pg_catalog.jsonb_build_object('name', new.name));
  end if;
  new.updated_at := pg_catalog.now();
  return new;
end $$;
revoke all on function private.validate_station() from public;
grant execute on function private.validate_station() to authenticated, service_role;

create trigger stations_validate before insert or update on public.stations
for each row execute function private.validate_station();

-- A rename reaches the printers here (the items follow through their foreign key).
create function private.rename_station_in_printers() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.printers p set stations = pg_catalog.array_replace(p.stations, old.name, new.name)
  where p.restaurant_id = new.restaurant_id and old.name = any (p.stations);
  return null;
end $$;
revoke all on function private.rename_station_in_printers() from public;

create trigger stations_rename_in_printers after update of name on public.stations
for each row when (old.name is distinct from new.name) execute function private.rename_station_in_printers();

-- A station an item or a printer names cannot go: the admin moves them first (or archives it).
create function private.refuse_deleting_used_station() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_items integer;
  v_printers integer;
begin
  -- A restaurant being deleted takes its stations, items and printers with it.
  if not exists (select 1 from public.restaurants r where r.id = old.restaurant_id) then
    return old;
  end if;
  select pg_catalog.count(*) into v_items from public.menu_items i
  where i.restaurant_id = old.restaurant_id and i.station = old.name;
  select pg_catalog.count(*) into v_printers from public.printers p
  where p.restaurant_id = old.restaurant_id and old.name = any (p.stations);
  if v_items > 0 or v_printers > 0 then
    perform private.raise_error('station_in_use',
      'Items or printers still use this station: move them to another one, or archive it',
      pg_catalog.jsonb_build_object('station', old.name, 'items', v_items, 'printers', v_printers));
  end if;
  return old;
end $$;
revoke all on function private.refuse_deleting_used_station() from public;

create trigger stations_refuse_delete_in_use before delete on public.stations
for each row execute function private.refuse_deleting_used_station();

-- The station's own spelling for a name given in any case, or station_not_found.
create function private.station_name(p_restaurant_id uuid, p_name text) returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  v_name text;
begin
  select s.name into v_name from public.stations s
  where s.restaurant_id = p_restaurant_id and pg_catalog.lower(s.name) = pg_catalog.lower(btrim(p_name));
  if v_name is null then
    perform private.raise_error('station_not_found', 'Choose one of the restaurant''s stations',
      pg_catalog.jsonb_build_object('station', p_name));
  end if;
  return v_name;
end $$;
revoke all on function private.station_name(uuid, text) from public;

-- Named "a_…" so it runs before menu_items_version: triggers of one event fire in name order.
create function private.check_item_station() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if coalesce(btrim(new.station), '') = '' then
    select s.name into new.station from public.stations s
    where s.restaurant_id = new.restaurant_id and s.active order by s.position, s.name limit 1;
  end if;
  new.station := private.station_name(new.restaurant_id, new.station);
  return new;
end $$;
revoke all on function private.check_item_station() from public;

create trigger menu_items_a_station before insert or update of station on public.menu_items
for each row execute function private.check_item_station();

create function private.check_printer_stations() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- Each name in the station's spelling, once, in the order given.
  select coalesce(pg_catalog.array_agg(n order by first_at), '{}') into new.stations
  from (select private.station_name(new.restaurant_id, x.name) as n, pg_catalog.min(x.ord) as first_at
        from pg_catalog.unnest(new.stations) with ordinality as x(name, ord)
        group by 1) named;
  return new;
end $$;
revoke all on function private.check_printer_stations() from public;

create trigger printers_a_stations before insert or update of stations on public.printers
for each row execute function private.check_printer_stations();

-- Every new restaurant starts with its language's stations.
create function private.create_default_stations() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.stations (restaurant_id, name, position)
  select new.id, d.name, d.ord from pg_catalog.unnest(private.default_station_names(new.locale)) with ordinality as d(name, ord);
  return null;
end $$;
revoke all on function private.create_default_stations() from public;

create trigger restaurants_default_stations after insert on public.restaurants
for each row execute function private.create_default_stations();

-- Existing restaurants: the names already in use (items first, most used first), so nothing that
-- routes today stops routing; a restaurant that uses none gets the defaults.
insert into public.stations (restaurant_id, name, position)
select u.restaurant_id, u.name, pg_catalog.row_number() over (partition by u.restaurant_id order by u.uses desc, u.name)
from (
  select distinct on (x.restaurant_id, pg_catalog.lower(btrim(x.name))) x.restaurant_id, btrim(x.name) as name,
    pg_catalog.count(*) over (partition by x.restaurant_id, pg_catalog.lower(btrim(x.name))) as uses
  from (select i.restaurant_id, i.station as name from public.menu_items i
        union all
        select p.restaurant_id, s.name from public.printers p, pg_catalog.unnest(p.stations) as s(name)) x
  where btrim(x.name) <> ''
  order by x.restaurant_id, pg_catalog.lower(btrim(x.name)), x.name collate "C"
) u;

insert into public.stations (restaurant_id, name, position)
select r.id, d.name, d.ord
from public.restaurants r, pg_catalog.unnest(private.default_station_names(r.locale)) with ordinality as d(name, ord)
where not exists (select 1 from public.stations s where s.restaurant_id = r.id);

-- Items and printers that spelt a station in another case now use the station's spelling.
update public.menu_items i set station = i.station
where not exists (select 1 from public.stations s where s.restaurant_id = i.restaurant_id and s.name = i.station);
update public.printers p set stations = p.stations where cardinality(p.stations) > 0;

alter table public.menu_items add constraint menu_items_station_fkey
  foreign key (restaurant_id, station) references public.stations (restaurant_id, name) on update cascade;

-- RLS --------------------------------------------------------------------------------------------

alter table public.stations enable row level security;

-- policies ---------------------------------------------------------------------------------------

create policy "Staff can read their restaurant's stations" on public.stations
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can add stations" on public.stations
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can rename, reorder and archive stations" on public.stations
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can remove unused stations" on public.stations
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
