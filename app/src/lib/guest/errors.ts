import type { DbFailure } from '#lib/db.ts';
import * as m from '#paraglide/messages.js';

/**
 * Every code a guest can meet (the guest_* RPCs, supabase/migrations) as a friendly sentence in
 * the guest's language: what happened and what to do, never the code. Limits carry their number
 * in the error's details ({limit} or {max}).
 */
const byCode: Record<string, (limit: number) => string> = {
  network: () => m.guest_error_network(),
  table_not_found: () => m.guest_invalid_title(),
  guest_ordering_disabled: () => m.guest_error_ordering_disabled(),
  guest_order_limit: (limit) => m.guest_error_order_limit({ limit }),
  table_draft_limit: () => m.guest_error_table_draft_limit(),
  restaurant_guest_limit: () => m.guest_error_restaurant_limit(),
  too_many_lines: (limit) => m.guest_error_too_many_lines({ limit }),
  guest_request_limit: () => m.guest_error_request_limit(),
  item_unavailable: () => m.guest_error_item_unavailable(),
  item_not_found: () => m.guest_error_item_unavailable(),
  modifier_unavailable: () => m.guest_error_item_unavailable(),
  modifier_not_allowed: () => m.guest_error_item_unavailable(),
  modifier_min_not_met: () => m.guest_error_choices(),
  modifier_max_exceeded: () => m.guest_error_choices(),
  qty_out_of_range: () => m.guest_error_qty(),
  note_too_long: () => m.guest_error_note_too_long(),
  empty_order: () => m.guest_error_empty_order(),
  order_not_found: () => m.guest_error_order_not_found(),
  order_not_cancellable: () => m.guest_error_not_cancellable(),
  idempotency_conflict: () => m.guest_error_generic(),
};

/** The number a limit refusal carries (details {limit} or {max}); 0 when absent. */
export function limitOf(failure: Pick<DbFailure, 'detail' | 'hint'>): number {
  for (const text of [failure.detail, failure.hint]) {
    if (!text) continue;
    try {
      const details = JSON.parse(text) as { limit?: unknown; max?: unknown };
      const value = Number(details.limit ?? details.max);
      if (Number.isFinite(value) && value > 0) return value;
    } catch {
      // Not JSON: no number to say.
    }
  }
  return 0;
}

export function describeGuestFailure(failure: Pick<DbFailure, 'code' | 'detail' | 'hint' | 'transient'>): string {
  const describe = byCode[failure.code];
  if (describe) return describe(limitOf(failure));
  return failure.transient ? m.guest_error_network() : m.guest_error_generic();
}
