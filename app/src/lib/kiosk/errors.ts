import type { DbFailure } from '#lib/db.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import * as m from '#paraglide/messages.js';

/**
 * The codes a kiosk and its admin meet (claim_kiosk_pairing's and kiosk_exit's answers, the admin
 * RPCs' errors) as sentences; anything else is the app's shared describer.
 */
const byCode: Record<string, (details: Record<string, unknown>) => string> = {
  network: () => m.kiosk_error_network(),
  kiosk_staff_signed_in: () => m.kiosk_pair_staff_signed_in(),
  pairing_code_invalid: () => m.kiosk_error_pairing_code_invalid(),
  pairing_code_used: () => m.kiosk_error_pairing_code_used(),
  pairing_code_expired: () => m.kiosk_error_pairing_code_expired(),
  already_member: () => m.kiosk_error_already_member(),
  pairing_rate_limited: () => m.kiosk_error_rate_limited(),
  kiosk_not_paired: () => m.db_error_kiosk_not_paired(),
  too_many_lines: () => m.db_error_too_many_lines(),
  too_many_items: () => m.db_error_too_many_items(),
  kiosk_pin_wrong: () => m.db_error_kiosk_pin_wrong(),
  kiosk_pin_not_set: () => m.db_error_kiosk_pin_not_set(),
  kiosk_exit_rate_limited: () => m.db_error_kiosk_exit_rate_limited(),
  invalid_kiosk_label: () => m.db_error_invalid_kiosk_label(),
  too_many_pairing_codes: () => m.db_error_too_many_pairing_codes(),
  kiosk_not_found: () => m.db_error_kiosk_not_found(),
  kiosk_revoked: () => m.db_error_kiosk_revoked(),
  invalid_kiosk_pin: () => m.db_error_invalid_kiosk_pin(),
  invalid_kiosk_setting: (details) =>
    typeof details.min === 'number' && typeof details.max === 'number'
      ? m.admin_kiosks_error_setting({ min: details.min, max: details.max })
      : m.db_error_invalid_kiosk_setting(),
};

function detailsOf(failure: Pick<DbFailure, 'detail' | 'hint'>): Record<string, unknown> {
  for (const text of [failure.detail, failure.hint]) {
    if (!text) continue;
    try {
      const value = JSON.parse(text) as unknown;
      if (value && typeof value === 'object') return value as Record<string, unknown>;
    } catch {
      // Not JSON: no details to say.
    }
  }
  return {};
}

export function describeKioskFailure(failure: Pick<DbFailure, 'code' | 'detail' | 'hint'>): string {
  const describe = byCode[failure.code];
  return describe ? describe(detailsOf(failure)) : describeFailure(failure);
}
