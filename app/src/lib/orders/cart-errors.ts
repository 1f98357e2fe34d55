import type { CartErrorCode } from '#lib/orders/validation.ts';
import * as m from '#paraglide/messages.js';

/** A cart check (orders/validation.ts) in the user's language. */
export function describeCartError(code: CartErrorCode, detail: { min?: number; max?: number } = {}): string {
  switch (code) {
    case 'qty_out_of_range':
      return m.pos_error_qty({ max: 99 });
    case 'note_too_long':
      return m.pos_error_note_too_long({ max: 500 });
    case 'modifier_min_not_met':
      return m.pos_error_modifier_min({ min: detail.min ?? 1 });
    case 'modifier_max_exceeded':
      return m.pos_error_modifier_max({ max: detail.max ?? 1 });
    case 'empty_order':
      return m.db_error_empty_order();
    case 'table_required':
      return m.pos_error_table_required();
    case 'item_unavailable':
      return m.db_error_item_unavailable();
  }
}
