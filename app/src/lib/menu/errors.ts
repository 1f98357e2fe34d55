import type { DbFailure } from '#lib/db.ts';
import { describeWriteFailure } from '#lib/i18n/write-errors.ts';
import { type AdminFieldError, adminFieldErrorCodes } from '#lib/menu/validation.ts';
import * as m from '#paraglide/messages.js';

const menuCodes: Record<string, () => string> = {
  duplicate: m.admin_menu_error_duplicate,
  // The photo could not be stored (lib/menu/save-item.ts); the row was not written.
  upload_failed: m.admin_menu_photo_upload_failed,
  // The chosen station was deleted meanwhile (…20261202000700_stations.sql).
  station_not_found: m.db_error_station_not_found,
};

/**
 * The menu forms' one describer: a validation code (menu/validation.ts, also used by the tables
 * and printers forms) or a refused menu write (category, item, group, option), in the user's language.
 */
export function describeMenuError(error: AdminFieldError | Pick<DbFailure, 'code' | 'field'>): string {
  return isFieldError(error) ? describeAdminFieldError(error) : describeWriteFailure(error, menuCodes);
}

function isFieldError(error: AdminFieldError | Pick<DbFailure, 'code'>): error is AdminFieldError {
  return (adminFieldErrorCodes as readonly string[]).includes(error.code);
}

export function describeAdminFieldError(error: AdminFieldError): string {
  switch (error.code) {
    case 'required':
      return m.admin_menu_error_required();
    case 'too_long':
      return m.admin_menu_error_too_long({ max: error.max });
    case 'invalid_station':
      return m.admin_menu_error_station();
    case 'whole_number':
      return m.admin_menu_error_whole_number({ min: error.min, max: error.max });
    case 'min_max':
      return m.admin_menu_error_min_max();
  }
}
