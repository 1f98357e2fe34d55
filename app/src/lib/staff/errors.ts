import type { DbFailure } from '#lib/db.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import * as m from '#paraglide/messages.js';

/**
 * The invite and membership RPCs' codes (supabase/migrations/…0200_members_and_invites.sql and
 * …2100_member_display_names.sql) in the user's language.
 */
export const staffMessages: Record<string, () => string> = {
  invalid_validity: m.tenancy_error_invalid_validity,
  invite_not_found: m.tenancy_error_invite_not_found,
  invite_used: m.tenancy_error_invite_used,
  invite_expired: m.tenancy_error_invite_expired,
  already_member: m.tenancy_error_already_member,
  member_not_found: m.tenancy_error_member_not_found,
  last_owner: m.tenancy_error_last_owner,
  // set_my_display_name.
  display_name_required: m.tenancy_error_display_name_required,
  display_name_too_long: m.tenancy_error_display_name_too_long,
};

// Codes of the restaurant RPCs the staff screens also meet.
const sharedMessages: Record<string, () => string> = {
  anonymous_not_allowed: m.tenancy_error_anonymous_not_allowed,
  '23514': m.tenancy_error_check_violation,
  PGRST116: m.db_error_forbidden,
};

/** A refused staff change (invite, role, removal, rename) in the user's language. */
export function describeStaffFailure(failure: Pick<DbFailure, 'code'>): string {
  const translated = staffMessages[failure.code] ?? sharedMessages[failure.code];
  return translated ? translated() : describeFailure(failure);
}
