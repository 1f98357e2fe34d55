import type { DbFailure } from '#lib/db.ts';
import { describeWriteFailure } from '#lib/i18n/errors.ts';
import * as m from '#paraglide/messages.js';

const printerCodes: Record<string, () => string> = {
  duplicate: m.admin_printers_error_name_taken,
  // print_test_page (supabase/migrations).
  printer_not_found: m.admin_printers_error_not_found,
};

/** A refused printer write in the user's language. */
export function describePrintersFailure(failure: Pick<DbFailure, 'code' | 'field'>): string {
  return describeWriteFailure(failure, printerCodes);
}
