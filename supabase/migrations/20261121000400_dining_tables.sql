-- Dining tables and their QR tokens. The token is the only thing a guest's phone knows: 144 random
-- bits, unguessable, and rotatable when a printed card leaks (the old card then stops working).

-- tables -----------------------------------------------------------------------------------------

create table public.dining_tables (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  label text not null check (char_length(btrim(label)) between 1 and 40),
  seats smallint not null default 4 check (seats between 1 and 100),
  position integer not null default 0,
  active boolean not null default true,
  qr_token text not null unique default private.random_token(18),
  qr_rotated_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  unique (restaurant_id, id),
  unique (restaurant_id, label)
);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.dining_tables from anon, authenticated;
grant select, delete on table public.dining_tables to authenticated;
-- The token is chosen by the database, never by a client: insert/update exclude it.
grant insert (id, restaurant_id, label, seats, position, active) on table public.dining_tables to authenticated;
grant update (label, seats, position, active) on table public.dining_tables to authenticated;
grant all on table public.dining_tables to service_role;
-- The column default runs as the inserting user.
grant execute on function private.random_token(integer) to authenticated, service_role;

-- RLS --------------------------------------------------------------------------------------------

alter table public.dining_tables enable row level security;

-- policies ---------------------------------------------------------------------------------------

create policy "Staff can see their restaurant's tables" on public.dining_tables
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can add tables" on public.dining_tables
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can edit tables" on public.dining_tables
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can remove tables" on public.dining_tables
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));

-- RPCs -------------------------------------------------------------------------------------------

-- Issues a new QR token for a table; the previous one stops working at once.
create function public.rotate_table_token(p_table_id uuid) returns public.dining_tables
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
  return v_row;
end $$;

-- What a guest's phone shows after scanning a table's QR code: the restaurant's public details,
-- the table, and the available part of the menu. Null fields are never secrets.
create function public.guest_menu(p_qr_token text) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_table public.dining_tables;
  v_restaurant public.restaurants;
begin
  perform private.require_user();
  select * into v_table from public.dining_tables t where t.qr_token = p_qr_token and t.active;
  if v_table.id is null then
    perform private.raise_error('table_not_found', 'This QR code is not valid any more; ask the staff', '{}');
  end if;
  select * into v_restaurant from public.restaurants r where r.id = v_table.restaurant_id;
  return pg_catalog.jsonb_build_object(
    'restaurant', pg_catalog.jsonb_build_object('id', v_restaurant.id, 'name', v_restaurant.name,
      'currency', v_restaurant.currency, 'locale', v_restaurant.locale, 'tax_mode', v_restaurant.tax_mode,
      'tax_rate_bp', v_restaurant.tax_rate_bp, 'guest_ordering', v_restaurant.guest_ordering,
      'currency_exponent', (select c.exponent from public.currencies c where c.code = v_restaurant.currency)),
    'table', pg_catalog.jsonb_build_object('id', v_table.id, 'label', v_table.label),
    'categories', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', c.id, 'name', c.name,
      'position', c.position) order by c.position, c.name)
      from public.menu_categories c where c.restaurant_id = v_table.restaurant_id), '[]'),
    'items', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', i.id, 'category_id', i.category_id,
      'name', i.name, 'description', i.description, 'price', i.price, 'image_path', i.image_path,
      'modifier_groups', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', g.id, 'name', g.name,
        'min_select', g.min_select, 'max_select', g.max_select,
        'options', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', o.id, 'name', o.name,
          'price_delta', o.price_delta) order by o.position, o.name)
          from public.modifier_options o where o.restaurant_id = g.restaurant_id and o.group_id = g.id and o.available), '[]'))
        order by l.position)
        from public.menu_item_modifier_groups l
        join public.modifier_groups g on g.restaurant_id = l.restaurant_id and g.id = l.group_id
        where l.restaurant_id = i.restaurant_id and l.item_id = i.id), '[]')) order by i.position, i.name)
      from public.menu_items i where i.restaurant_id = v_table.restaurant_id and i.available), '[]')
  );
end $$;

revoke all on function public.rotate_table_token(uuid) from public, anon;
revoke all on function public.guest_menu(text) from public, anon;
grant execute on function public.rotate_table_token(uuid) to authenticated, service_role;
grant execute on function public.guest_menu(text) to authenticated, service_role;
