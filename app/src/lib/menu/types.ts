import type { Tables } from '#lib/database.types.ts';

export type MenuCategory = Tables<'menu_categories'>;
export type MenuItem = Tables<'menu_items'>;
export type ModifierGroup = Tables<'modifier_groups'>;
export type ModifierOption = Tables<'modifier_options'>;
export type ItemModifierGroup = Tables<'menu_item_modifier_groups'>;

/** Everything the menu editor shows, each list in display order. */
export interface MenuData {
  categories: MenuCategory[];
  items: MenuItem[];
  groups: ModifierGroup[];
  options: ModifierOption[];
  links: ItemModifierGroup[];
}

/** The restaurant's money settings the editor needs to read and show prices. */
export interface RestaurantMoney {
  currency: string;
  exponent: number;
  locale: string;
  /** The restaurant's country: prices are shown as it writes them (absent in an older cached copy). */
  country?: string;
}
