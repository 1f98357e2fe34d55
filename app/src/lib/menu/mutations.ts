import { attempt, type WriteResult } from '#lib/menu/errors.ts';
import { supabase } from '#lib/supabase.ts';

/** The tables the admin writes directly (RLS limits them to owners and managers). */
export type AdminTable =
  | 'menu_categories'
  | 'menu_items'
  | 'modifier_groups'
  | 'modifier_options'
  | 'menu_item_modifier_groups'
  | 'dining_tables'
  | 'printers';

type Values = Record<string, unknown>;

// The client is typed on the generated schema; these helpers take the table name as data, so they
// go through an untyped view of `from()` and callers pass values shaped by TablesInsert/TablesUpdate.
const from = (table: AdminTable) => (supabase as unknown as { from(t: string): UntypedTable }).from(table);

interface UntypedTable {
  insert(values: Values | Values[]): { select(): { single(): PromiseLike<Response> } };
  update(values: Values): { eq(column: string, value: string): Filtered };
  delete(): { eq(column: string, value: string): Filtered };
}
interface Filtered extends PromiseLike<Response> {
  eq(column: string, value: string): Filtered;
  select(): { single(): PromiseLike<Response> };
}
interface Response {
  data: unknown;
  error: { message: string; code?: string; hint?: string; details?: string } | null;
  status: number;
}

/** Inserts one row and answers it as stored (defaults and triggers applied). */
export function insertRow<Row>(table: AdminTable, values: Values): Promise<WriteResult<Row>> {
  return attempt(
    table,
    () => from(table).insert(values).select().single(),
    (data) => data as Row,
  );
}

/** Updates one row by id and answers it as stored. */
export function updateRow<Row>(table: AdminTable, id: string, values: Values): Promise<WriteResult<Row>> {
  return attempt(
    table,
    () => from(table).update(values).eq('id', id).select().single(),
    (data) => data as Row,
  );
}

export function deleteRow(table: AdminTable, id: string): Promise<WriteResult> {
  return attempt(
    table,
    () => from(table).delete().eq('id', id),
    () => undefined,
  );
}

/** Detaches a modifier group from an item (that table's key is the pair, not an id). */
export function unlinkGroup(itemId: string, groupId: string): Promise<WriteResult> {
  return attempt(
    'menu_item_modifier_groups',
    () => from('menu_item_modifier_groups').delete().eq('item_id', itemId).eq('group_id', groupId),
    () => undefined,
  );
}

export function linkGroup(restaurantId: string, itemId: string, groupId: string, position: number) {
  return insertRow('menu_item_modifier_groups', {
    restaurant_id: restaurantId,
    item_id: itemId,
    group_id: groupId,
    position,
  });
}

/**
 * Writes new positions. One request per moved row (PostgREST has no multi-row update by id); each
 * write is idempotent, so after a failure the editor refetches and the person simply moves again.
 */
export async function savePositions(
  table: AdminTable,
  updates: readonly { id: string; position: number }[],
): Promise<WriteResult> {
  const results = await Promise.all(
    updates.map(({ id, position }) =>
      attempt(
        table,
        () => from(table).update({ position }).eq('id', id),
        () => undefined,
      ),
    ),
  );
  return results.find((result) => !result.ok) ?? { ok: true, value: undefined };
}

export async function rotateTableToken(tableId: string): Promise<WriteResult> {
  return attempt(
    'dining_tables',
    () => supabase.rpc('rotate_table_token', { p_table_id: tableId }),
    () => undefined,
  );
}

export async function printTestPage(printerId: string): Promise<WriteResult<{ id: string; status: string }>> {
  return attempt(
    'printers',
    () => supabase.rpc('print_test_page', { p_printer_id: printerId }),
    (data) => data as { id: string; status: string },
  );
}
