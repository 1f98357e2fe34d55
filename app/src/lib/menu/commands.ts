import type { TablesInsert, TablesUpdate } from '#lib/database.types.ts';
import { allOk, type DbResult, runDb } from '#lib/db.ts';
import type { MenuCategory, MenuItem, ModifierGroup, ModifierOption } from '#lib/menu/types.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The menu editor's writes. They go straight to the database (RLS limits them to owners and
 * managers) so a refusal shows next to the field while the form is open; only availability
 * switches may wait offline (`update_row`, registered in lib/outbox/commands.ts).
 */

export function addCategory(values: TablesInsert<'menu_categories'>): Promise<DbResult<MenuCategory>> {
  return runDb(supabase.from('menu_categories').insert(values).select().single(), { write: 'menu_categories' });
}

export function updateCategory(id: string, values: TablesUpdate<'menu_categories'>): Promise<DbResult<MenuCategory>> {
  return runDb(supabase.from('menu_categories').update(values).eq('id', id).select().single(), {
    write: 'menu_categories',
  });
}

export function deleteCategory(id: string): Promise<DbResult> {
  return runDb(supabase.from('menu_categories').delete().eq('id', id), { write: 'menu_categories' });
}

/** An item's station that is not (or no longer) on the restaurant's list: said under the station field. */
const stationField = (code: string) => (code === 'station_not_found' ? 'station' : null);

export function addItem(values: TablesInsert<'menu_items'>): Promise<DbResult<MenuItem>> {
  return runDb(supabase.from('menu_items').insert(values).select().single(), {
    write: 'menu_items',
    fieldOf: stationField,
  });
}

export function updateItem(id: string, values: TablesUpdate<'menu_items'>): Promise<DbResult<MenuItem>> {
  return runDb(supabase.from('menu_items').update(values).eq('id', id).select().single(), {
    write: 'menu_items',
    fieldOf: stationField,
  });
}

export function deleteItemRow(id: string): Promise<DbResult> {
  return runDb(supabase.from('menu_items').delete().eq('id', id), { write: 'menu_items' });
}

export function addGroup(values: TablesInsert<'modifier_groups'>): Promise<DbResult<ModifierGroup>> {
  return runDb(supabase.from('modifier_groups').insert(values).select().single(), { write: 'modifier_groups' });
}

export function updateGroup(id: string, values: TablesUpdate<'modifier_groups'>): Promise<DbResult<ModifierGroup>> {
  return runDb(supabase.from('modifier_groups').update(values).eq('id', id).select().single(), {
    write: 'modifier_groups',
  });
}

export function deleteGroup(id: string): Promise<DbResult> {
  return runDb(supabase.from('modifier_groups').delete().eq('id', id), { write: 'modifier_groups' });
}

export function addOption(values: TablesInsert<'modifier_options'>): Promise<DbResult<ModifierOption>> {
  return runDb(supabase.from('modifier_options').insert(values).select().single(), { write: 'modifier_options' });
}

export function updateOption(id: string, values: TablesUpdate<'modifier_options'>): Promise<DbResult<ModifierOption>> {
  return runDb(supabase.from('modifier_options').update(values).eq('id', id).select().single(), {
    write: 'modifier_options',
  });
}

export function deleteOption(id: string): Promise<DbResult> {
  return runDb(supabase.from('modifier_options').delete().eq('id', id), { write: 'modifier_options' });
}

/** Offers a modifier group on an item, at `position` among its groups. */
export function linkGroup(restaurantId: string, itemId: string, groupId: string, position: number) {
  return runDb(
    supabase
      .from('menu_item_modifier_groups')
      .insert({ restaurant_id: restaurantId, item_id: itemId, group_id: groupId, position })
      .select()
      .single(),
    { write: 'menu_item_modifier_groups' },
  );
}

/** Detaches a modifier group from an item (that table's key is the pair, not an id). */
export function unlinkGroup(itemId: string, groupId: string): Promise<DbResult> {
  return runDb(supabase.from('menu_item_modifier_groups').delete().eq('item_id', itemId).eq('group_id', groupId), {
    write: 'menu_item_modifier_groups',
  });
}

/** The menu lists whose order the editor stores. */
export type OrderedMenuTable = 'menu_categories' | 'menu_items' | 'modifier_groups' | 'modifier_options';

const positionWriters: Record<OrderedMenuTable, (id: string, position: number) => Promise<DbResult>> = {
  menu_categories: (id, position) =>
    runDb(supabase.from('menu_categories').update({ position }).eq('id', id), { write: 'menu_categories' }),
  menu_items: (id, position) =>
    runDb(supabase.from('menu_items').update({ position }).eq('id', id), { write: 'menu_items' }),
  modifier_groups: (id, position) =>
    runDb(supabase.from('modifier_groups').update({ position }).eq('id', id), { write: 'modifier_groups' }),
  modifier_options: (id, position) =>
    runDb(supabase.from('modifier_options').update({ position }).eq('id', id), { write: 'modifier_options' }),
};

/**
 * Writes new positions. One request per moved row (PostgREST has no multi-row update by id); each
 * write is idempotent, so after a failure the editor refetches and the person simply moves again.
 */
export function savePositions(
  table: OrderedMenuTable,
  updates: readonly { id: string; position: number }[],
): Promise<DbResult> {
  const write = positionWriters[table];
  return allOk(updates.map(({ id, position }) => write(id, position)));
}
