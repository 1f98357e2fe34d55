import { describeFailure } from '#lib/i18n/errors.ts';
import type { OutboxFailure } from '#lib/outbox/types.ts';
import * as m from '#paraglide/messages.js';

// The admin's table writes only: kept apart from errors.ts so the POS and the KDS, which never
// write tables directly, do not download these messages.

/** Messages for a column a constraint guards, shared by the admin's table writes. */
const columnMessages: Record<string, () => string> = {
  name: m.admin_menu_error_name,
  label: m.admin_tables_error_label,
  description: m.admin_menu_error_description,
  price: m.admin_menu_error_price_range,
  price_delta: m.admin_menu_error_price_range,
  station: m.admin_menu_error_station,
  min_select: m.admin_menu_error_min_max,
  max_select: m.admin_menu_error_min_max,
  seats: m.admin_tables_error_seats,
  chars_per_line: m.admin_printers_error_chars_per_line,
  stations: m.admin_printers_error_stations,
  // printers_connection_check: a TCP printer's host or port (supabase/migrations/…_printer_address.sql).
  connection: m.admin_printers_error_connection,
  category_id: m.admin_menu_error_category,
};

/**
 * A refused table write (`runDb(…, { write })`) in the user's language: a constraint is described
 * by its column, `duplicate` and the domain's own codes by `own`, anything else as above.
 */
export function describeWriteFailure(
  failure: Pick<OutboxFailure, 'code' | 'field'>,
  own: Record<string, () => string>,
): string {
  if (failure.code === '23514' || failure.code === '23503' || failure.code === '22001') {
    const message = failure.field ? columnMessages[failure.field] : undefined;
    return message ? message() : m.admin_menu_error_invalid();
  }
  const translated = own[failure.code];
  return translated ? translated() : describeFailure(failure);
}
