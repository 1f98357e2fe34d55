import type { DbFailure } from '#lib/db.ts';
import { describeWriteFailure } from '#lib/i18n/write-errors.ts';
import { describeAdminFieldError } from '#lib/menu/errors.ts';
import type { PrinterField, PrinterFieldError } from '#lib/printers/validation.ts';
import * as m from '#paraglide/messages.js';

const printerCodes: Record<string, () => string> = {
  duplicate: m.admin_printers_error_name_taken,
  // print_test_page (supabase/migrations).
  printer_not_found: m.admin_printers_error_not_found,
  // retry_print_job: someone else retried it, or the job is gone with its printer.
  print_job_not_failed: m.admin_printers_error_job_not_failed,
  print_job_not_found: m.admin_printers_error_job_not_found,
  // Pairing a print bridge (…20261202000400_bridge_pairing.sql).
  too_many_pairing_codes: m.db_error_too_many_pairing_codes,
  invalid_bridge_label: m.db_error_invalid_bridge_label,
  pairing_not_found: m.db_error_pairing_not_found,
  pairing_code_invalid: m.db_error_pairing_code_invalid,
  pairing_code_used: m.db_error_pairing_code_used,
  pairing_code_expired: m.db_error_pairing_code_expired,
  pairing_rate_limited: m.db_error_pairing_rate_limited,
  pairing_needs_anonymous: m.db_error_pairing_needs_anonymous,
  // Kiosk codes are lib/kiosk/errors.ts's: the kiosks' section loads on its own, after the page.
  // A ticked station deleted meanwhile (…20261202000700_stations.sql).
  station_not_found: m.db_error_station_not_found,
};

/** A refused printer write in the user's language. */
export function describePrintersFailure(failure: Pick<DbFailure, 'code' | 'field'>): string {
  return describeWriteFailure(failure, printerCodes);
}

/** A printer form field's validation code (printers/validation.ts) in the user's language. */
export function describePrinterFieldError(error: PrinterFieldError): string {
  switch (error.code) {
    case 'invalid_station':
      return m.admin_menu_error_station();
    case 'too_many_stations':
      return m.admin_printers_error_stations();
    case 'no_station':
      return m.admin_printers_error_no_station();
    case 'invalid_host':
      return m.admin_printers_error_host();
    case 'invalid_path':
      return m.admin_printers_error_path();
    case 'invalid_chars_per_line':
      return m.admin_printers_error_chars_per_line();
    default:
      return describeAdminFieldError(error);
  }
}

/** Every refused field of the form, described. */
export function describePrinterFieldErrors(
  errors: Partial<Record<PrinterField, PrinterFieldError>>,
): Partial<Record<PrinterField, string>> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, error]) => [field, describePrinterFieldError(error)]),
  ) as Partial<Record<PrinterField, string>>;
}
