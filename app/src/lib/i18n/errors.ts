import type { MoneyParseError } from '#lib/format/money.ts';
import type { OutboxFailure } from '#lib/outbox/types.ts';
import * as m from '#paraglide/messages.js';

/**
 * The database's stable error codes (P0001 messages, see supabase/migrations) in the user's
 * language. Listed explicitly rather than looked up by key so unused messages still tree-shake;
 * a code without a translation falls back to a generic sentence that still names the code.
 */
const databaseMessages: Record<string, () => string> = {
  forbidden: m.db_error_forbidden,
  not_authenticated: m.db_error_not_authenticated,
  version_conflict: m.db_error_version_conflict,
  slug_taken: m.db_error_slug_taken,
  invalid_slug: m.db_error_invalid_slug,
  invalid_name: m.db_error_invalid_name,
  network: m.db_error_network,
  client_error: m.db_error_client_error,
  // An offline availability switch for a menu row deleted meanwhile (lib/menu/commands.ts).
  row_not_found: m.admin_menu_error_row_not_found,
};

export function describeFailure(failure: Pick<OutboxFailure, 'code'>): string {
  const translated = databaseMessages[failure.code];
  return translated ? translated() : m.db_error_generic({ code: failure.code });
}

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

export function describeMoneyError(error: MoneyParseError, currencyCode: string, example: string): string {
  switch (error.code) {
    case 'empty':
      return m.price_error_empty();
    case 'not_a_number':
      return m.price_error_not_a_number({ example });
    case 'too_many_decimals':
      return error.allowed === 0
        ? m.price_error_no_decimals({ currency: currencyCode })
        : m.price_error_too_many_decimals({ currency: currencyCode, allowed: error.allowed });
    case 'negative':
      return m.price_error_negative();
    case 'too_large':
      return m.price_error_too_large();
  }
}
