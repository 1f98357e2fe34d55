import type { DbFailure } from '#lib/db.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import type { CashInputError, ReasonError } from '#lib/shifts/validation.ts';
import * as m from '#paraglide/messages.js';

/**
 * The shift RPCs' codes (open_shift, record_cash_movement, close_shift, shift_report;
 * supabase/migrations) in the user's language; anything else falls back to the shared describer.
 */
const shiftCodes: Record<string, () => string> = {
  shift_already_open: m.db_error_shift_already_open,
  shift_closed: m.db_error_shift_closed,
  shift_not_found: m.db_error_shift_not_found,
  shift_required: m.db_error_shift_required,
  variance_reason_required: m.db_error_variance_reason_required,
  // A cashier's cash-out above the drawer's expected cash; a manager may record it.
  cash_out_exceeds_drawer: m.db_error_cash_out_exceeds_drawer,
  invalid_amount: m.db_error_invalid_amount,
  invalid_cash_movement: m.db_error_invalid_amount,
  reason_required: m.db_error_reason_required,
  note_too_long: m.db_error_note_too_long,
  // The same shift or movement id sent again with other content: what is stored stands.
  idempotency_conflict: m.drawer_error_idempotency_conflict,
};

export function describeShiftFailure(failure: Pick<DbFailure, 'code'>): string {
  const translated = shiftCodes[failure.code];
  return translated ? translated() : describeFailure(failure);
}

/** A typed amount the drawer refused before sending anything. */
export function describeCashInputError(error: CashInputError): string {
  switch (error.code) {
    case 'empty':
      return m.drawer_error_amount_empty();
    case 'not_a_number':
      return m.drawer_error_amount_not_a_number();
    case 'too_many_decimals':
      return error.allowed === 0
        ? m.drawer_error_amount_no_decimals()
        : m.drawer_error_amount_too_many_decimals({ allowed: error.allowed });
    case 'negative':
      return m.drawer_error_amount_negative();
    case 'zero':
      return m.drawer_error_amount_zero();
    case 'too_large':
      return m.drawer_error_amount_too_large();
  }
}

export function describeReasonError(error: ReasonError): string {
  return error === 'reason_required' ? m.drawer_error_reason_required() : m.drawer_error_reason_too_long();
}
