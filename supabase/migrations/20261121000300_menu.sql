-- Menu: categories, items, modifier groups and options, item↔group links. Every change bumps the
-- restaurant's menu_version and stamps the row with it (deletions leave a tombstone), so a POS that
-- cached version N asks get_menu for what changed since N instead of downloading the whole menu.

-- tables -----------------------------------------------------------------------------------------

create table public.menu_categories (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 80),
  position integer not null default 0,
  version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (restaurant_id, id)
);

create table public.menu_items (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  category_id uuid,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  description text not null default '' check (char_length(description) <= 1000),
  price bigint not null check (price between 0 and 100000000000),
  available boolean not null default true,
  -- Where the kitchen ticket goes: a short slug such as 'kitchen' or 'bar' matched by printers.stations.
  station text not null default 'kitchen' check (station ~ '^[a-z][a-z0-9_-]{0,31}$'),
  position integer not null default 0,
  image_path text check (char_length(image_path) <= 500),
  version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (restaurant_id, id),
  -- Composite key: an item can only sit in a category of its own restaurant.
  foreign key (restaurant_id, category_id) references public.menu_categories (restaurant_id, id)
    on delete set null (category_id)
);
create index menu_items_restaurant_category_idx on public.menu_items (restaurant_id, category_id);

create table public.modifier_groups (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 80),
  min_select smallint not null default 0 check (min_select between 0 and 20),
  max_select smallint not null default 1 check (max_select between 1 and 20),
  position integer not null default 0,
  version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (restaurant_id, id),
  check (max_select >= min_select)
);

create table public.modifier_options (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  group_id uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 80),
  price_delta bigint not null default 0 check (price_delta between -100000000 and 100000000),
  available boolean not null default true,
  position integer not null default 0,
  version bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (restaurant_id, id),
  foreign key (restaurant_id, group_id) references public.modifier_groups (restaurant_id, id) on delete cascade
);
create index modifier_options_restaurant_group_idx on public.modifier_options (restaurant_id, group_id);

create table public.menu_item_modifier_groups (
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  item_id uuid not null,
  group_id uuid not null,
  position integer not null default 0,
  version bigint not null default 0,
  primary key (restaurant_id, item_id, group_id),
  foreign key (restaurant_id, item_id) references public.menu_items (restaurant_id, id) on delete cascade,
  foreign key (restaurant_id, group_id) references public.modifier_groups (restaurant_id, id) on delete cascade
);
create index menu_item_modifier_groups_group_idx on public.menu_item_modifier_groups (restaurant_id, group_id);

-- What was deleted at which menu version, so incremental syncs can drop it too.
create table public.menu_tombstones (
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  version bigint not null,
  entity text not null,
  entity_id text not null,
  deleted_at timestamptz not null default now(),
  primary key (restaurant_id, version, entity, entity_id)
);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.menu_categories, public.menu_items, public.modifier_groups, public.modifier_options,
  public.menu_item_modifier_groups, public.menu_tombstones from anon, authenticated;
grant select, insert, update, delete on table public.menu_categories, public.menu_items, public.modifier_groups,
  public.modifier_options, public.menu_item_modifier_groups to authenticated;
grant select on table public.menu_tombstones to authenticated;
grant all on table public.menu_categories, public.menu_items, public.modifier_groups, public.modifier_options,
  public.menu_item_modifier_groups, public.menu_tombstones to service_role;

-- triggers ---------------------------------------------------------------------------------------

-- Stamps the row with the restaurant's next menu version (and tombstones deletions).
create function private.stamp_menu_version() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_version bigint;
  v_restaurant uuid := case when tg_op = 'DELETE' then old.restaurant_id else new.restaurant_id end;
begin
  update public.restaurants set menu_version = menu_version + 1 where id = v_restaurant
  returning menu_version into v_version;
  if tg_op = 'DELETE' then
    -- A cascade from a deleted restaurant finds no restaurant row: nothing left to sync.
    if v_version is not null then
      insert into public.menu_tombstones (restaurant_id, version, entity, entity_id)
      values (v_restaurant, v_version, tg_table_name,
        case when tg_table_name = 'menu_item_modifier_groups'
          then (pg_catalog.to_jsonb(old) ->> 'item_id') || ':' || (pg_catalog.to_jsonb(old) ->> 'group_id')
          else pg_catalog.to_jsonb(old) ->> 'id' end);
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' and new.restaurant_id <> old.restaurant_id then
    perform private.raise_error('restaurant_immutable', 'Menu rows cannot move to another restaurant', '{}');
  end if;
  new.version := v_version;
  if tg_table_name <> 'menu_item_modifier_groups' then
    new.updated_at := pg_catalog.now();
  end if;
  return new;
end $$;
revoke all on function private.stamp_menu_version() from public;

create trigger menu_categories_version before insert or update on public.menu_categories
for each row execute function private.stamp_menu_version();
create trigger menu_categories_tombstone after delete on public.menu_categories
for each row execute function private.stamp_menu_version();
create trigger menu_items_version before insert or update on public.menu_items
for each row execute function private.stamp_menu_version();
create trigger menu_items_tombstone after delete on public.menu_items
for each row execute function private.stamp_menu_version();
create trigger modifier_groups_version before insert or update on public.modifier_groups
for each row execute function private.stamp_menu_version();
create trigger modifier_groups_tombstone after delete on public.modifier_groups
for each row execute function private.stamp_menu_version();
create trigger modifier_options_version before insert or update on public.modifier_options
for each row execute function private.stamp_menu_version();
create trigger modifier_options_tombstone after delete on public.modifier_options
for each row execute function private.stamp_menu_version();
create trigger menu_item_modifier_groups_version before insert or update on public.menu_item_modifier_groups
for each row execute function private.stamp_menu_version();
create trigger menu_item_modifier_groups_tombstone after delete on public.menu_item_modifier_groups
for each row execute function private.stamp_menu_version();

-- RLS --------------------------------------------------------------------------------------------

alter table public.menu_categories enable row level security;
alter table public.menu_items enable row level security;
alter table public.modifier_groups enable row level security;
alter table public.modifier_options enable row level security;
alter table public.menu_item_modifier_groups enable row level security;
alter table public.menu_tombstones enable row level security;

-- policies ---------------------------------------------------------------------------------------

create policy "Staff can read their restaurant's menu categories" on public.menu_categories
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can add menu categories" on public.menu_categories
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can edit menu categories" on public.menu_categories
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can delete menu categories" on public.menu_categories
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

create policy "Staff can read their restaurant's menu items" on public.menu_items
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can add menu items" on public.menu_items
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can edit menu items" on public.menu_items
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can delete menu items" on public.menu_items
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

create policy "Staff can read their restaurant's modifier groups" on public.modifier_groups
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can add modifier groups" on public.modifier_groups
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can edit modifier groups" on public.modifier_groups
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can delete modifier groups" on public.modifier_groups
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

create policy "Staff can read their restaurant's modifier options" on public.modifier_options
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can add modifier options" on public.modifier_options
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can edit modifier options" on public.modifier_options
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can delete modifier options" on public.modifier_options
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

create policy "Staff can read which modifier groups an item offers" on public.menu_item_modifier_groups
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can attach modifier groups to items" on public.menu_item_modifier_groups
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can reorder an item's modifier groups" on public.menu_item_modifier_groups
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can detach modifier groups from items" on public.menu_item_modifier_groups
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

create policy "Staff can read their restaurant's menu deletions" on public.menu_tombstones
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));

-- RPCs -------------------------------------------------------------------------------------------

-- The whole menu (p_since_version null) or what changed after p_since_version, for the POS cache:
-- { restaurant_id, version, full, categories, items, modifier_groups, modifier_options,
--   item_modifier_groups, deleted: [{entity, id}] }.
create function public.get_menu(p_restaurant_id uuid, p_since_version bigint default null) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_version bigint;
  v_since bigint;
begin
  perform private.require_role(p_restaurant_id, '{owner,manager,cashier,kitchen,waiter}');
  select r.menu_version into v_version from public.restaurants r where r.id = p_restaurant_id;
  -- A client ahead of the server (restored backup) or without a version gets everything.
  v_since := case when p_since_version is null or p_since_version > v_version or p_since_version < 0
    then -1 else p_since_version end;
  return pg_catalog.jsonb_build_object(
    'restaurant_id', p_restaurant_id,
    'version', v_version,
    'since', case when v_since < 0 then null else v_since end,
    'full', v_since < 0,
    'categories', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(c) order by c.position, c.name)
      from public.menu_categories c where c.restaurant_id = p_restaurant_id and c.version > v_since), '[]'),
    'items', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(i) order by i.position, i.name)
      from public.menu_items i where i.restaurant_id = p_restaurant_id and i.version > v_since), '[]'),
    'modifier_groups', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(g) order by g.position, g.name)
      from public.modifier_groups g where g.restaurant_id = p_restaurant_id and g.version > v_since), '[]'),
    'modifier_options', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(o) order by o.position, o.name)
      from public.modifier_options o where o.restaurant_id = p_restaurant_id and o.version > v_since), '[]'),
    'item_modifier_groups', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(l) order by l.item_id, l.position)
      from public.menu_item_modifier_groups l where l.restaurant_id = p_restaurant_id and l.version > v_since), '[]'),
    'deleted', case when v_since < 0 then '[]'::jsonb else coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('entity', t.entity, 'id', t.entity_id) order by t.version)
      from public.menu_tombstones t where t.restaurant_id = p_restaurant_id and t.version > v_since), '[]') end
  );
end $$;

revoke all on function public.get_menu(uuid, bigint) from public, anon;
grant execute on function public.get_menu(uuid, bigint) to authenticated, service_role;
