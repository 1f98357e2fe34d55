import type { TablesUpdate } from '#lib/database.types.ts';
import { resultFromResponse } from '#lib/db.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { supabase } from '#lib/supabase.ts';

// The menu's one offline command, apart from menu/commands.ts: the outbox registry (in every
// screen's first download) needs only this sender, not the admin's other menu writes.

/** Rows whose simple flags the admin may change offline; others go through forms online. */
export type OfflineEditableTable = 'menu_items' | 'modifier_options';

/** The `update_row` outbox command: "set these columns on this row", for edits that may wait. */
export interface UpdateRowPayload {
  table: OfflineEditableTable;
  id: string;
  values: Pick<TablesUpdate<'menu_items'> & TablesUpdate<'modifier_options'>, 'available'>;
}

/**
 * Sends an `update_row` command as a table update (setting a value twice is harmless, so a replay
 * after a lost reply is safe). A row that matches nothing (deleted meanwhile, or hidden by RLS) is
 * a permanent refusal for a person to see, not a success.
 */
export async function sendRowUpdate({ table, id, values }: UpdateRowPayload): Promise<ExecutionResult> {
  const response =
    table === 'menu_items'
      ? await supabase.from('menu_items').update(values).eq('id', id).select('id')
      : await supabase.from('modifier_options').update(values).eq('id', id).select('id');
  const result = resultFromResponse(response);
  if (result.ok && Array.isArray(response.data) && response.data.length === 0) {
    return { ok: false, failure: { transient: false, code: 'row_not_found', message: 'row_not_found' } };
  }
  return result;
}
