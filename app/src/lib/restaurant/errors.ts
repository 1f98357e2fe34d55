import { describeFailure } from '#lib/i18n/errors.ts';
import type { OutboxFailure } from '#lib/outbox/types.ts';
import type { RestaurantFieldError } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';

export function describeRestaurantFieldError(error: RestaurantFieldError): string {
  switch (error.code) {
    case 'required':
      return m.tenancy_field_required();
    case 'too_long':
      return m.error_too_long({ max: error.max });
    case 'slug_too_short':
      return m.tenancy_slug_too_short({ min: error.min });
    case 'slug_characters':
      return m.tenancy_slug_characters();
    case 'slug_edges':
      return m.tenancy_slug_edges();
    case 'slug_double_hyphen':
      return m.tenancy_slug_double_hyphen();
    case 'tax_rate_format':
      return m.tenancy_tax_rate_format();
    case 'tax_rate_range':
      return m.tenancy_tax_rate_range();
    case 'cutoff_range':
      return m.tenancy_cutoff_range();
    case 'timezone_unknown':
      return m.tenancy_error_invalid_timezone();
    case 'join_code_format':
      return m.tenancy_join_code_format({ length: error.length });
  }
}

/**
 * The restaurant, invite and membership RPCs' codes (supabase/migrations/…0100_tenancy.sql,
 * …0200_members_and_invites.sql and …2100_member_display_names.sql) in the user's language; others
 * go to the shared table.
 */
const tenancyMessages: Record<string, () => string> = {
  invalid_timezone: m.tenancy_error_invalid_timezone,
  invalid_country: m.tenancy_error_invalid_country,
  invalid_currency: m.tenancy_error_invalid_currency,
  invalid_locale: m.tenancy_error_invalid_locale,
  invalid_tax_rate: m.tenancy_error_invalid_tax_rate,
  anonymous_not_allowed: m.tenancy_error_anonymous_not_allowed,
  invalid_validity: m.tenancy_error_invalid_validity,
  invite_not_found: m.tenancy_error_invite_not_found,
  invite_used: m.tenancy_error_invite_used,
  invite_expired: m.tenancy_error_invite_expired,
  already_member: m.tenancy_error_already_member,
  member_not_found: m.tenancy_error_member_not_found,
  last_owner: m.tenancy_error_last_owner,
  // set_my_display_name (…2100_member_display_names.sql).
  display_name_required: m.tenancy_error_display_name_required,
  display_name_too_long: m.tenancy_error_display_name_too_long,
  // A CHECK constraint of restaurants (receipt text length, cut-off hour) the form should have caught.
  '23514': m.tenancy_error_check_violation,
  // An update answered no row: RLS hid it, as the person's role changed since the screen loaded.
  PGRST116: m.db_error_forbidden,
};

export function describeTenancyFailure(failure: Pick<OutboxFailure, 'code'>): string {
  const translated = tenancyMessages[failure.code];
  return translated ? translated() : describeFailure(failure);
}

/** Which wizard/settings field a database code belongs next to; null means the form as a whole. */
export function fieldOfFailure(code: string): 'name' | 'slug' | 'timezone' | 'currency' | 'tax_rate' | null {
  switch (code) {
    case 'invalid_name':
      return 'name';
    case 'invalid_slug':
    case 'slug_taken':
      return 'slug';
    case 'invalid_timezone':
      return 'timezone';
    case 'invalid_currency':
      return 'currency';
    case 'invalid_tax_rate':
      return 'tax_rate';
    default:
      return null;
  }
}
