import type { DbFailure } from '#lib/db.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import * as m from '#paraglide/messages.js';

/**
 * The order RPCs' codes (place_order, add_order_round, transition_order; supabase/migrations) in
 * the user's language. Listed one by one so unused messages tree-shake; anything else falls back
 * to the shared describer, which still names the code. Screens load this module when a refusal
 * has to be said (`import()`), so its messages are not part of their first download.
 */
const orderCodes: Record<string, () => string> = {
  // The same order id (or round id) sent again with other content: a device bug or a tampered
  // outbox; the order as stored stands.
  idempotency_conflict: m.db_error_idempotency_conflict,
  item_unavailable: m.db_error_item_unavailable,
  item_not_found: m.db_error_item_not_found,
  modifier_unavailable: m.db_error_modifier_unavailable,
  modifier_not_allowed: m.db_error_modifier_not_allowed,
  modifier_min_not_met: m.db_error_modifier_min_not_met,
  modifier_max_exceeded: m.db_error_modifier_max_exceeded,
  qty_out_of_range: m.db_error_qty_out_of_range,
  note_too_long: m.db_error_note_too_long,
  table_not_found: m.db_error_table_not_found,
  empty_order: m.db_error_empty_order,
  too_many_lines: m.db_error_too_many_lines,
  // The total would pass what one payment may take: such an order could never be paid.
  order_too_large: m.db_error_order_too_large,
  order_not_found: m.db_error_order_not_found,
  invalid_transition: m.db_error_invalid_transition,
  reason_required: m.db_error_reason_required,
  reason_too_long: m.db_error_reason_too_long,
  // add_order_round and place_order's device clock and menu version (issue 10's migrations).
  order_closed: m.db_error_order_closed,
  ordered_at_in_future: m.db_error_ordered_at_in_future,
  ordered_at_too_old: m.db_error_ordered_at_too_old,
  invalid_menu_version: m.db_error_invalid_menu_version,
};

/** A refused order command (parked in the outbox, or answered online) in the user's language. */
export function describeOrderFailure(failure: Pick<DbFailure, 'code'>): string {
  const translated = orderCodes[failure.code];
  return translated ? translated() : describeFailure(failure);
}
