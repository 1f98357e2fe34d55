-- kiosk_menu as fast as guest_menu: private.menu_json (20261203003300) gets the shape
-- 20261203000700_guest_menu_speed.sql gave guest_menu — each modifier group's JSON built once
-- rather than once per item carrying it, the locale's translations read once. Same arguments, same
-- answer; the kiosk and the phone at the table still show the same menu.

-- helpers ----------------------------------------------------------------------------------------

create or replace function private.menu_json(p_restaurant_id uuid, p_locale text) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_locale text := private.guest_locale(p_locale);
begin
  return (
    with tr as (
      select t.entity, t.entity_id, t.name, t.description from public.menu_translations t
      where t.restaurant_id = p_restaurant_id and t.locale = v_locale
    ), opts as (
      select o.group_id, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', o.id,
          'name', coalesce(tr.name, o.name), 'price_delta', o.price_delta, 'available', o.available)
          order by o.position, o.name) as options
      from public.modifier_options o
      left join tr on tr.entity = 'modifier_option' and tr.entity_id = o.id
      where o.restaurant_id = p_restaurant_id
      group by o.group_id
    ), grp as (
      select g.id, pg_catalog.jsonb_build_object('id', g.id, 'name', coalesce(tr.name, g.name),
          'min_select', g.min_select, 'max_select', g.max_select, 'options', coalesce(opts.options, '[]')) as json
      from public.modifier_groups g
      left join tr on tr.entity = 'modifier_group' and tr.entity_id = g.id
      left join opts on opts.group_id = g.id
      where g.restaurant_id = p_restaurant_id
    ), item_groups as (
      select l.item_id, pg_catalog.jsonb_agg(grp.json order by l.position) as groups
      from public.menu_item_modifier_groups l
      join grp on grp.id = l.group_id
      where l.restaurant_id = p_restaurant_id
      group by l.item_id
    )
    select pg_catalog.jsonb_build_object(
      'categories', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', c.id,
          'name', coalesce(tr.name, c.name), 'position', c.position) order by c.position, c.name)
        from public.menu_categories c
        left join tr on tr.entity = 'category' and tr.entity_id = c.id
        where c.restaurant_id = p_restaurant_id), '[]'),
      'items', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', i.id,
          'category_id', i.category_id, 'name', coalesce(tr.name, i.name),
          'description', coalesce(tr.description, i.description), 'price', i.price, 'image_path', i.image_path,
          'available', i.available, 'modifier_groups', coalesce(ig.groups, '[]')) order by i.position, i.name)
        from public.menu_items i
        left join tr on tr.entity = 'item' and tr.entity_id = i.id
        left join item_groups ig on ig.item_id = i.id
        where i.restaurant_id = p_restaurant_id), '[]'))
  );
end $$;
