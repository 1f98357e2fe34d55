import type { MenuCategory, MenuItem } from '#lib/menu/types.ts';

/** One category's block in the items list ("" is the id of the block of items without a category). */
export interface ItemGroup {
  id: string;
  name: string;
  items: MenuItem[];
}

/** Items grouped under their categories, in the categories' order; orphans last under `looseName`. */
export function groupItems(
  categories: readonly Pick<MenuCategory, 'id' | 'name'>[],
  items: readonly MenuItem[],
  looseName: string,
): ItemGroup[] {
  const known = new Set(categories.map((c) => c.id));
  const groups = categories.map((c) => ({
    id: c.id,
    name: c.name,
    items: items.filter((i) => i.category_id === c.id),
  }));
  const loose = items.filter((i) => !i.category_id || !known.has(i.category_id));
  return loose.length > 0 ? [...groups, { id: '', name: looseName, items: loose }] : groups;
}

/**
 * Lower case without accents, so "thieb" finds "Thiéboudienne" and "cote" finds "Côtelettes" on a
 * phone keyboard where accents take a long press.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

/**
 * The groups as seen through a search: every word of the query must appear in the item's name or
 * its category's name ("dessert choc" finds the chocolate desserts). A category whose name matches
 * keeps all its items; groups left empty disappear. An empty query changes nothing.
 */
export function searchItems(groups: readonly ItemGroup[], query: string): ItemGroup[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups.flatMap((group) => {
    const category = foldText(group.name);
    const items = group.items.filter((item) => {
      const haystack = `${foldText(item.name)} ${category}`;
      return words.every((word) => haystack.includes(word));
    });
    return items.length > 0 ? [{ ...group, items }] : [];
  });
}

/** How much of a category can be ordered: a partial state is shown in colour and words. */
export type Availability =
  | { state: 'empty' }
  | { state: 'all'; total: number }
  | { state: 'none'; total: number }
  | { state: 'partial'; total: number; unavailable: number };

export function availabilityOf(items: readonly Pick<MenuItem, 'available'>[]): Availability {
  const total = items.length;
  const unavailable = items.filter((item) => !item.available).length;
  if (total === 0) return { state: 'empty' };
  if (unavailable === 0) return { state: 'all', total };
  if (unavailable === total) return { state: 'none', total };
  return { state: 'partial', total, unavailable };
}

/** Where a device remembers which categories it folded (per restaurant; not worth syncing). */
export interface FoldStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const foldKey = (restaurantId: string) => `comanda.menu-folded.${restaurantId}`;

/** The folded category ids; anything unreadable (private mode, a bad value) counts as none folded. */
export function loadFolded(store: FoldStore | undefined, restaurantId: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(foldKey(restaurantId)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Stores the folded ids, dropping those of categories that no longer exist. */
export function saveFolded(
  store: FoldStore | undefined,
  restaurantId: string,
  folded: ReadonlySet<string>,
  existing: readonly string[],
): void {
  const ids = existing.filter((id) => folded.has(id));
  try {
    store?.setItem(foldKey(restaurantId), JSON.stringify(ids));
  } catch {
    // A full or forbidden storage only costs the fold being forgotten on the next visit.
  }
}

/** The fold state after folding or unfolding one category. */
export function toggleFolded(folded: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(folded);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
