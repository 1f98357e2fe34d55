import { read } from '#lib/db.ts';
import { knownCurrencyExponents } from '#lib/format/money.ts';
import { byPosition } from '#lib/menu/reorder.ts';
import type {
  ItemModifierGroup,
  MenuCategory,
  MenuData,
  MenuItem,
  ModifierGroup,
  ModifierOption,
  RestaurantMoney,
} from '#lib/menu/types.ts';
import { supabase } from '#lib/supabase.ts';

/** Query keys; writes invalidate by these prefixes. */
export const menuKeys = {
  menu: (restaurantId: string) => ['menu', restaurantId] as const,
  money: (restaurantId: string) => ['restaurant-money', restaurantId] as const,
};

export async function fetchMenu(restaurantId: string): Promise<MenuData> {
  // Reads throw (solid-query keeps showing the cached menu and reports the failure).
  const [categories, items, groups, options, links] = await Promise.all([
    read(supabase.from('menu_categories').select('*').eq('restaurant_id', restaurantId)),
    read(supabase.from('menu_items').select('*').eq('restaurant_id', restaurantId)),
    read(supabase.from('modifier_groups').select('*').eq('restaurant_id', restaurantId)),
    read(supabase.from('modifier_options').select('*').eq('restaurant_id', restaurantId)),
    read(supabase.from('menu_item_modifier_groups').select('*').eq('restaurant_id', restaurantId)),
  ]);
  return {
    categories: byPosition<MenuCategory>(categories),
    items: byPosition<MenuItem>(items),
    groups: byPosition<ModifierGroup>(groups),
    options: byPosition<ModifierOption>(options),
    links: [...links].sort((a: ItemModifierGroup, b: ItemModifierGroup) => a.position - b.position),
  };
}

export async function fetchRestaurantMoney(restaurantId: string): Promise<RestaurantMoney> {
  const { currency, locale, country } = await read(
    supabase.from('restaurants').select('currency, locale, country').eq('id', restaurantId).single(),
  );
  const known = knownCurrencyExponents[currency];
  if (known !== undefined) return { currency, exponent: known, locale, country };
  const row = await read(supabase.from('currencies').select('exponent').eq('code', currency).single());
  return { currency, exponent: row.exponent, locale, country };
}

export const menuQueryOptions = (restaurantId: string) => ({
  queryKey: menuKeys.menu(restaurantId),
  queryFn: () => fetchMenu(restaurantId),
});
export const moneyQueryOptions = (restaurantId: string) => ({
  queryKey: menuKeys.money(restaurantId),
  queryFn: () => fetchRestaurantMoney(restaurantId),
});
