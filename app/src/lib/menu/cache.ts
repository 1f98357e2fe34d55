import type { OfflineEditableTable, UpdateRowPayload } from '#lib/menu/availability-command.ts';
import { menuKeys } from '#lib/menu/queries.ts';
import type { MenuData } from '#lib/menu/types.ts';
import { OutboxStorageError } from '#lib/outbox/types.ts';
import { queryClient } from '#lib/query.ts';
import { outbox } from '#lib/sync.ts';

/** Applies a change to the cached menu at once, so the editor shows it before the server answers. */
export function patchMenu(restaurantId: string, change: (menu: MenuData) => MenuData): void {
  queryClient.setQueryData<MenuData>(menuKeys.menu(restaurantId), (menu) => (menu ? change(menu) : menu));
}

export function refreshMenu(restaurantId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: menuKeys.menu(restaurantId) });
}

export type AvailabilityOutcome = { ok: true } | { ok: false; reason: 'storage_full' | 'storage_unavailable' };

/**
 * Marks items or options (un)available through the outbox: a waiter saying "no more fish" at the
 * counter with no network still takes effect on this device now and reaches the database later.
 * The cache is patched first and put back if the device cannot even store the command.
 */
export async function setAvailability(
  restaurantId: string,
  table: OfflineEditableTable,
  ids: readonly string[],
  available: boolean,
): Promise<AvailabilityOutcome> {
  const before = queryClient.getQueryData<MenuData>(menuKeys.menu(restaurantId));
  const wanted = new Set(ids);
  patchMenu(restaurantId, (menu) =>
    table === 'menu_items'
      ? { ...menu, items: menu.items.map((row) => (wanted.has(row.id) ? { ...row, available } : row)) }
      : { ...menu, options: menu.options.map((row) => (wanted.has(row.id) ? { ...row, available } : row)) },
  );
  try {
    for (const id of ids) {
      const payload: UpdateRowPayload = { table, id, values: { available } };
      await outbox.enqueue('update_row', payload);
    }
    return { ok: true };
  } catch (error) {
    if (before) queryClient.setQueryData(menuKeys.menu(restaurantId), before);
    if (error instanceof OutboxStorageError && error.kind === 'quota') return { ok: false, reason: 'storage_full' };
    return { ok: false, reason: 'storage_unavailable' };
  }
}
