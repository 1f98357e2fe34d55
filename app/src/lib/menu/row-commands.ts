import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types.ts';
import { resultFromResponse, type SupabaseResponseLike } from '#lib/outbox/classify.ts';
import type { Executor } from '#lib/outbox/types.ts';

/** Outbox command kind for "set these columns on this row": simple admin edits that may wait. */
export const updateRowKind = 'update_row';

/** Rows whose simple flags the admin may change offline; others go through forms online. */
export type OfflineEditableTable = 'menu_items' | 'modifier_options';

export interface UpdateRowPayload {
  table: OfflineEditableTable;
  id: string;
  values: Record<string, boolean | number | string | null>;
}

export interface TableClient {
  from(table: string): {
    update(values: Record<string, unknown>): {
      eq(
        column: string,
        value: string,
      ): { select(columns: string): PromiseLike<SupabaseResponseLike & { data: unknown }> };
    };
  };
}

/**
 * Sends `update_row` commands as a table update (setting a value twice is harmless, so a replay
 * after a lost reply is safe) and every other kind through `rpc`. A row that matches nothing
 * (deleted meanwhile, or hidden by RLS) is a permanent refusal for a person to see, not a success.
 */
export function rowCommandExecutor(client: SupabaseClient<Database> | TableClient, rpc: Executor): Executor {
  // The table is data read back from IndexedDB, so the typed client's literal table names cannot apply.
  const tables = client as TableClient;
  return async (command) => {
    if (command.kind !== updateRowKind) return rpc(command);
    const { table, id, values } = command.payload as UpdateRowPayload;
    const response = await tables.from(table).update(values).eq('id', id).select('id');
    const result = resultFromResponse(response);
    if (result.ok && Array.isArray(response.data) && response.data.length === 0) {
      return { ok: false, failure: { transient: false, code: 'row_not_found', message: 'row_not_found' } };
    }
    return result;
  };
}
