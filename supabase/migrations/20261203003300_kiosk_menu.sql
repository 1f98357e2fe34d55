-- The kiosk's menu (issue 15): what guest_menu gives a phone at a table — categories and every item
-- with `available` (sold-out ones greyed out, live through restaurant:<id>:guest), options with
-- `available`, names in the customer's language — for the tablet, with the restaurant's details and
-- the kiosk's own settings. The categories and items are built by private.menu_json, guest_menu's
-- expression (20261203000300) factored out, so the phone and the tablet show the same menu.

-- helpers ----------------------------------------------------------------------------------------

-- {categories, items} of a restaurant's menu in p_locale's language (private.guest_locale) where
-- translated, else the restaurant's own text.
create function private.menu_json(p_restaurant_id uuid, p_locale text) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_locale text := private.guest_locale(p_locale);
begin
  return pg_catalog.jsonb_build_object(
    'categories', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', c.id,
        'name', coalesce(tr.name, c.name), 'position', c.position) order by c.position, c.name)
      from public.menu_categories c
      left join public.menu_translations tr on tr.entity_id = c.id and tr.locale = v_locale
        and tr.restaurant_id = c.restaurant_id and tr.entity = 'category'
      where c.restaurant_id = p_restaurant_id), '[]'),
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
      where i.restaurant_id = p_restaurant_id), '[]')
  );
end $$;
revoke all on function private.menu_json(uuid, text) from public;

-- RPCs -------------------------------------------------------------------------------------------

create function public.kiosk_menu(p_locale text default null) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_kiosk public.kiosks := private.require_kiosk();
  v_r public.restaurants;
begin
  select * into v_r from public.restaurants r where r.id = v_kiosk.restaurant_id;
  return pg_catalog.jsonb_build_object(
    'restaurant', pg_catalog.jsonb_build_object('id', v_r.id, 'name', v_r.name, 'locale', v_r.locale,
      'currency', v_r.currency, 'currency_exponent', (select c.exponent from public.currencies c where c.code = v_r.currency),
      'tax_mode', v_r.tax_mode, 'tax_rate_bp', v_r.tax_rate_bp, 'menu_version', v_r.menu_version),
    'kiosk', private.kiosk_json(v_kiosk)
  ) || private.menu_json(v_r.id, p_locale);
end $$;

revoke all on function public.kiosk_menu(text) from public, anon;
grant execute on function public.kiosk_menu(text) to authenticated, service_role;

comment on function public.kiosk_menu(text) is
'What a kiosk shows: the restaurant (id, name, locale, currency and its exponent, tax mode and rate,
menu_version), the kiosk''s own settings (mode, idle_reset_seconds, max_lines, max_items, device_code…), and
the whole menu as guest_menu gives it: categories, items with `available` (sold-out ones too), options with
`available`, names and descriptions in p_locale (en, fr, es, id; ''es-MX'' counts as es) where translated.

Callers: paired kiosks.
Errors: not_authenticated (42501), kiosk_not_paired (42501).';
