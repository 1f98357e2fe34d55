import type { DbFailure } from '#lib/db.ts';
import { describeWriteFailure } from '#lib/i18n/write-errors.ts';
import * as m from '#paraglide/messages.js';

const tableCodes: Record<string, () => string> = {
  duplicate: m.admin_tables_error_label_taken,
  // rotate_table_token (supabase/migrations).
  table_not_found: m.admin_tables_error_not_found,
};

/** A refused dining-table write in the user's language. */
export function describeTablesFailure(failure: Pick<DbFailure, 'code' | 'field'>): string {
  return describeWriteFailure(failure, tableCodes);
}
