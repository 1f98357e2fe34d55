-- One 'menu_changed' per statement and restaurant for translations, not one per row: the admin saves
-- an entity's languages in one upsert, and every guest's page re-reads the whole menu on each
-- message. The payload is the menu topic's: `id` is the translated entity when the statement
-- touched one, null when it touched several. (20261203000200 sent one per row.)

-- triggers ---------------------------------------------------------------------------------------

drop trigger menu_translations_broadcast on public.menu_translations;
drop function private.broadcast_menu_translation_change();

create function private.broadcast_menu_translation_changes() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_rows jsonb;
  v_change record;
begin
  -- Each branch names only the transition table its event has.
  if tg_op = 'DELETE' then
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('restaurant_id', o.restaurant_id, 'entity_id', o.entity_id))
    into v_rows from old_rows o;
  else
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('restaurant_id', n.restaurant_id, 'entity_id', n.entity_id))
    into v_rows from new_rows n;
  end if;
  for v_change in
    select x.restaurant_id, r.menu_version,
      case when count(distinct x.entity_id) = 1 then min(x.entity_id::text) end as entity_id
    from pg_catalog.jsonb_to_recordset(coalesce(v_rows, '[]')) as x(restaurant_id uuid, entity_id uuid)
    -- A cascade from a deleted restaurant finds no restaurant and tells nobody.
    join public.restaurants r on r.id = x.restaurant_id
    group by x.restaurant_id, r.menu_version
  loop
    perform realtime.send(
      pg_catalog.jsonb_build_object('menu_version', v_change.menu_version, 'entity', 'menu_translations',
        'id', v_change.entity_id, 'op', tg_op, 'available', null),
      'menu_changed', 'restaurant:' || v_change.restaurant_id || ':guest', true);
  end loop;
  return null;
end $$;
revoke all on function private.broadcast_menu_translation_changes() from public;

-- Transition tables allow one event per trigger.
create trigger menu_translations_broadcast_insert after insert on public.menu_translations
referencing new table as new_rows
for each statement execute function private.broadcast_menu_translation_changes();
create trigger menu_translations_broadcast_update after update on public.menu_translations
referencing old table as old_rows new table as new_rows
for each statement execute function private.broadcast_menu_translation_changes();
create trigger menu_translations_broadcast_delete after delete on public.menu_translations
referencing old table as old_rows
for each statement execute function private.broadcast_menu_translation_changes();
