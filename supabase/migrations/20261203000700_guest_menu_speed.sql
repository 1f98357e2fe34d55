-- guest_menu builds each modifier group's JSON (with its options) once rather than once per item
-- carrying it, and reads the locale's translations once: a 150-item menu whose items share a few
-- groups repeated the same option work ~1,500 times. Same arguments, same answer, same grants and
-- comment (create or replace keeps them); scripts/bench/guest-menu.ts measures it.

-- RPCs -------------------------------------------------------------------------------------------

create or replace function public.guest_menu(p_qr_token text, p_locale text default null) returns jsonb
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
  return (
    with tr as (
      select t.entity, t.entity_id, t.name, t.description from public.menu_translations t
      where t.restaurant_id = v_r.id and t.locale = v_locale
    ), opts as (
      select o.group_id, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', o.id,
          'name', coalesce(tr.name, o.name), 'price_delta', o.price_delta, 'available', o.available)
          order by o.position, o.name) as options
      from public.modifier_options o
      left join tr on tr.entity = 'modifier_option' and tr.entity_id = o.id
      where o.restaurant_id = v_r.id
      group by o.group_id
    ), grp as (
      select g.id, pg_catalog.jsonb_build_object('id', g.id, 'name', coalesce(tr.name, g.name),
          'min_select', g.min_select, 'max_select', g.max_select, 'options', coalesce(opts.options, '[]')) as json
      from public.modifier_groups g
      left join tr on tr.entity = 'modifier_group' and tr.entity_id = g.id
      left join opts on opts.group_id = g.id
      where g.restaurant_id = v_r.id
    ), item_groups as (
      select l.item_id, pg_catalog.jsonb_agg(grp.json order by l.position) as groups
      from public.menu_item_modifier_groups l
      join grp on grp.id = l.group_id
      where l.restaurant_id = v_r.id
      group by l.item_id
    )
    select pg_catalog.jsonb_build_object(
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
        left join tr on tr.entity = 'category' and tr.entity_id = c.id
        where c.restaurant_id = v_r.id), '[]'),
      'items', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', i.id,
          'category_id', i.category_id, 'name', coalesce(tr.name, i.name),
          'description', coalesce(tr.description, i.description), 'price', i.price, 'image_path', i.image_path,
          'available', i.available, 'modifier_groups', coalesce(ig.groups, '[]')) order by i.position, i.name)
        from public.menu_items i
        left join tr on tr.entity = 'item' and tr.entity_id = i.id
        left join item_groups ig on ig.item_id = i.id
        where i.restaurant_id = v_r.id), '[]'))
  );
end $$;
