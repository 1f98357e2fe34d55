import { knownCurrencyExponents } from '#lib/format/money.ts';
import { byPosition } from '#lib/menu/reorder.ts';
import type {
  DiningTable,
  ItemModifierGroup,
  MenuCategory,
  MenuData,
  MenuItem,
  ModifierGroup,
  ModifierOption,
  Printer,
  RestaurantMoney,
} from '#lib/menu/types.ts';
import { supabase } from '#lib/supabase.ts';

/** Query keys; writes invalidate by these prefixes. */
export const menuKeys = {
  menu: (restaurantId: string) => ['menu', restaurantId] as const,
  money: (restaurantId: string) => ['restaurant-money', restaurantId] as const,
  tables: (restaurantId: string) => ['dining-tables', restaurantId] as const,
  printers: (restaurantId: string) => ['printers', restaurantId] as const,
};

interface ListResponse {
  data: unknown;
  error: { message: string; code?: string } | null;
}

/** The rows or a thrown error: solid-query keeps showing the cached rows and reports the failure. */
function rows<T>(response: ListResponse): T[] {
  if (response.error) throw new Error(response.error.code ?? response.error.message);
  return (response.data ?? []) as T[];
}

export async function fetchMenu(restaurantId: string): Promise<MenuData> {
  const [categories, items, groups, options, links] = await Promise.all([
    supabase.from('menu_categories').select('*').eq('restaurant_id', restaurantId),
    supabase.from('menu_items').select('*').eq('restaurant_id', restaurantId),
    supabase.from('modifier_groups').select('*').eq('restaurant_id', restaurantId),
    supabase.from('modifier_options').select('*').eq('restaurant_id', restaurantId),
    supabase.from('menu_item_modifier_groups').select('*').eq('restaurant_id', restaurantId),
  ]);
  return {
    categories: byPosition(rows<MenuCategory>(categories)),
    items: byPosition(rows<MenuItem>(items)),
    groups: byPosition(rows<ModifierGroup>(groups)),
    options: byPosition(rows<ModifierOption>(options)),
    links: rows<ItemModifierGroup>(links).sort((a, b) => a.position - b.position),
  };
}

export async function fetchRestaurantMoney(restaurantId: string): Promise<RestaurantMoney> {
  const restaurant = await supabase.from('restaurants').select('currency, locale').eq('id', restaurantId).single();
  if (restaurant.error) throw new Error(restaurant.error.code ?? restaurant.error.message);
  const { currency, locale } = restaurant.data as { currency: string; locale: string };
  const known = knownCurrencyExponents[currency];
  if (known !== undefined) return { currency, exponent: known, locale };
  const row = await supabase.from('currencies').select('exponent').eq('code', currency).single();
  if (row.error) throw new Error(row.error.code ?? row.error.message);
  return { currency, exponent: (row.data as { exponent: number }).exponent, locale };
}

export async function fetchTables(restaurantId: string): Promise<DiningTable[]> {
  return byPosition(
    rows<DiningTable>(await supabase.from('dining_tables').select('*').eq('restaurant_id', restaurantId)),
  );
}

export async function fetchPrinters(restaurantId: string): Promise<Printer[]> {
  const list = rows<Printer>(await supabase.from('printers').select('*').eq('restaurant_id', restaurantId));
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

export const menuQueryOptions = (restaurantId: string) => ({
  queryKey: menuKeys.menu(restaurantId),
  queryFn: () => fetchMenu(restaurantId),
});
export const moneyQueryOptions = (restaurantId: string) => ({
  queryKey: menuKeys.money(restaurantId),
  queryFn: () => fetchRestaurantMoney(restaurantId),
});
export const tablesQueryOptions = (restaurantId: string) => ({
  queryKey: menuKeys.tables(restaurantId),
  queryFn: () => fetchTables(restaurantId),
});
export const printersQueryOptions = (restaurantId: string) => ({
  queryKey: menuKeys.printers(restaurantId),
  queryFn: () => fetchPrinters(restaurantId),
});
