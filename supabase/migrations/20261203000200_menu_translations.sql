-- Menu translations: owners and managers may give a category, item, modifier group or option a
-- name and description per locale (en, fr, es, id). guest_menu (20261203000300) shows the guest's
-- locale where given and the restaurant's own text otherwise; staff screens keep the own text.
-- The admin writes rows directly (PostgREST upsert on (entity_id, locale), and delete); a trigger
-- checks the entity is one of the row's restaurant, and deleting an entity deletes its translations.
-- Changes bump no menu version (nothing at the till changes) but tell guests' pages to re-read the
-- menu: 'menu_changed' on restaurant:<id>:guest.

-- tables -----------------------------------------------------------------------------------------

create table public.menu_translations (
  restaurant_id uuid not null references public.restaurants (id) on delete cascade,
  entity text not null check (entity in ('category', 'item', 'modifier_group', 'modifier_option')),
  entity_id uuid not null,
  locale text not null check (locale in ('en', 'fr', 'es', 'id')),
  name text not null check (char_length(btrim(name)) between 1 and 120),
  description text check (char_length(description) <= 1000),
  updated_at timestamptz not null default now(),
  primary key (entity_id, locale)
);

-- indexes ----------------------------------------------------------------------------------------

create index menu_translations_restaurant_idx on public.menu_translations (restaurant_id, locale);

-- grants -----------------------------------------------------------------------------------------

revoke all on table public.menu_translations from anon, authenticated;
-- An upsert updates every column it sends, keys included; the trigger re-checks them.
grant select, delete on table public.menu_translations to authenticated;
grant insert (restaurant_id, entity, entity_id, locale, name, description) on table public.menu_translations to authenticated;
grant update (restaurant_id, entity, entity_id, locale, name, description) on table public.menu_translations to authenticated;
grant all on table public.menu_translations to service_role;

-- triggers ---------------------------------------------------------------------------------------

-- Stable codes before the check constraints: the entity must be this restaurant's (another
-- restaurant's id is answered like a made-up one), the text within its lengths.
create function private.validate_menu_translation() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_found boolean;
begin
  if new.locale is null or new.locale not in ('en', 'fr', 'es', 'id') then
    perform private.raise_error('invalid_translation', 'The language is one of en, fr, es and id',
      pg_catalog.jsonb_build_object('field', 'locale'));
  end if;
  new.name := btrim(coalesce(new.name, ''));
  if char_length(new.name) not between 1 and 120 then
    perform private.raise_error('invalid_translation', 'A translated name has 1 to 120 characters',
      pg_catalog.jsonb_build_object('field', 'name', 'max', 120));
  end if;
  new.description := nullif(btrim(new.description), '');
  if char_length(new.description) > 1000 then
    perform private.raise_error('invalid_translation', 'A translated description has at most 1000 characters',
      pg_catalog.jsonb_build_object('field', 'description', 'max', 1000));
  end if;
  v_found := case new.entity
    when 'category' then exists (select 1 from public.menu_categories x
      where x.restaurant_id = new.restaurant_id and x.id = new.entity_id)
    when 'item' then exists (select 1 from public.menu_items x
      where x.restaurant_id = new.restaurant_id and x.id = new.entity_id)
    when 'modifier_group' then exists (select 1 from public.modifier_groups x
      where x.restaurant_id = new.restaurant_id and x.id = new.entity_id)
    when 'modifier_option' then exists (select 1 from public.modifier_options x
      where x.restaurant_id = new.restaurant_id and x.id = new.entity_id)
    else false
  end;
  if not coalesce(v_found, false) then
    perform private.raise_error('translation_target_not_found', 'Nothing to translate with this id on this menu',
      pg_catalog.jsonb_build_object('entity', new.entity, 'entity_id', new.entity_id));
  end if;
  new.updated_at := pg_catalog.now();
  return new;
end $$;
revoke all on function private.validate_menu_translation() from public;

create trigger menu_translations_validate before insert or update on public.menu_translations
for each row execute function private.validate_menu_translation();

-- Guests' pages re-read the menu. A cascade from a deleted restaurant tells nobody.
create function private.broadcast_menu_translation_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_row public.menu_translations := case when tg_op = 'DELETE' then old else new end;
  v_version bigint;
begin
  select r.menu_version into v_version from public.restaurants r where r.id = v_row.restaurant_id;
  if v_version is null then return null; end if;
  perform realtime.send(
    pg_catalog.jsonb_build_object('menu_version', v_version, 'entity', 'menu_translations', 'id', v_row.entity_id,
      'op', tg_op, 'available', null),
    'menu_changed', 'restaurant:' || v_row.restaurant_id || ':guest', true);
  return null;
end $$;
revoke all on function private.broadcast_menu_translation_change() from public;

create trigger menu_translations_broadcast after insert or update or delete on public.menu_translations
for each row execute function private.broadcast_menu_translation_change();

-- A deleted category, item, group or option takes its translations with it.
create function private.delete_menu_translations() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.menu_translations t where t.entity_id = old.id and t.restaurant_id = old.restaurant_id;
  return null;
end $$;
revoke all on function private.delete_menu_translations() from public;

create trigger menu_categories_translations after delete on public.menu_categories
for each row execute function private.delete_menu_translations();
create trigger menu_items_translations after delete on public.menu_items
for each row execute function private.delete_menu_translations();
create trigger modifier_groups_translations after delete on public.modifier_groups
for each row execute function private.delete_menu_translations();
create trigger modifier_options_translations after delete on public.modifier_options
for each row execute function private.delete_menu_translations();

-- RLS --------------------------------------------------------------------------------------------

alter table public.menu_translations enable row level security;

-- policies ---------------------------------------------------------------------------------------

create policy "Staff can read their restaurant's menu translations" on public.menu_translations
for select to authenticated using (restaurant_id in (select private.member_restaurant_ids()));
create policy "Owners and managers can add menu translations" on public.menu_translations
for insert to authenticated with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can edit menu translations" on public.menu_translations
for update to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')))
with check (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
create policy "Owners and managers can delete menu translations" on public.menu_translations
for delete to authenticated using (restaurant_id in (select private.restaurant_ids_with_role('{owner,manager}')));
