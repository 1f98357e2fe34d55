import { createContext, useContext } from 'solid-js';
import type { DbFailure } from '#lib/db.ts';
import { patchMenu, refreshMenu } from '#lib/menu/cache.ts';
import { type OrderedMenuTable, savePositions } from '#lib/menu/commands.ts';
import { type Positioned, positionUpdates } from '#lib/menu/reorder.ts';
import type { TranslationTarget } from '#lib/menu/translations.ts';
import type { MenuData, RestaurantMoney } from '#lib/menu/types.ts';

type ListKey = 'categories' | 'items' | 'groups' | 'options';

const tableOfList: Record<ListKey, OrderedMenuTable> = {
  categories: 'menu_categories',
  items: 'menu_items',
  groups: 'modifier_groups',
  options: 'modifier_options',
};

/** What every part of the menu editor shares: whose menu, its money, the data, and a notice line. */
export interface MenuEditor {
  restaurantId: string;
  money: RestaurantMoney;
  menu: () => MenuData;
  /** A refused write (described with describeMenuError), a sentence, or null to clear. */
  showError: (error: DbFailure | string | null) => void;
  refresh: () => Promise<void>;
  /** Stores a new order of some rows of one list (the rows of one category, one group…). */
  reorder: (list: ListKey, ordered: readonly Positioned[]) => Promise<void>;
  /** Opens the guest-language names (and description) of a category, item, group or option. */
  translate: (target: TranslationTarget) => void;
}

const MenuEditorContext = createContext<MenuEditor>();

export const MenuEditorProvider = MenuEditorContext.Provider;

export function useMenuEditor(): MenuEditor {
  const editor = useContext(MenuEditorContext);
  if (!editor) throw new Error('useMenuEditor outside MenuEditorProvider');
  return editor;
}

/** The reorder action: shows the new order at once, writes it, and re-reads on a refusal. */
export function createReorder(restaurantId: string, showError: MenuEditor['showError']): MenuEditor['reorder'] {
  return async (list, ordered) => {
    const updates = positionUpdates(ordered);
    if (updates.length === 0) return;
    const position = new Map(updates.map((u) => [u.id, u.position]));
    patchMenu(restaurantId, (menu) => ({
      ...menu,
      [list]: [...menu[list]]
        .map((row) => ({ ...row, position: position.get(row.id) ?? row.position }))
        .sort((a, b) => a.position - b.position),
    }));
    const result = await savePositions(tableOfList[list], updates);
    if (!result.ok) showError(result.failure);
    await refreshMenu(restaurantId);
  };
}
