import type { DbFailure } from '#lib/db.ts';
import { describeWriteFailure } from '#lib/i18n/errors.ts';
import * as m from '#paraglide/messages.js';

const menuCodes: Record<string, () => string> = {
  duplicate: m.admin_menu_error_duplicate,
  // The photo could not be stored (lib/menu/save-item.ts); the row was not written.
  upload_failed: m.admin_menu_photo_upload_failed,
};

/** A refused menu write (category, item, group, option) in the user's language. */
export function describeMenuFailure(failure: Pick<DbFailure, 'code' | 'field'>): string {
  return describeWriteFailure(failure, menuCodes);
}
