import type { DbFailure } from '#lib/db.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import { type RestaurantFieldError, restaurantFieldErrorCodes } from '#lib/restaurant/validation.ts';
import { staffMessages } from '#lib/staff/errors.ts';
import * as m from '#paraglide/messages.js';

/**
 * The restaurant forms' one describer: a validation code (restaurant/validation.ts) or a database
 * code from the restaurant, invite and membership RPCs, in the user's language.
 */
export function describeRestaurantError(error: RestaurantFieldError | Pick<DbFailure, 'code'>): string {
  return isFieldError(error) ? describeFieldError(error) : describeTenancyFailure(error);
}

function isFieldError(error: RestaurantFieldError | Pick<DbFailure, 'code'>): error is RestaurantFieldError {
  return (restaurantFieldErrorCodes as readonly string[]).includes(error.code);
}

function describeFieldError(error: RestaurantFieldError): string {
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
    case 'kds_thresholds':
      return m.kds_settings_error_range();
    case 'guest_limit_range':
      return m.admin_settings_guest_limit_range({ min: error.min, max: error.max });
  }
}

/**
 * The restaurant RPCs' codes (supabase/migrations/…0100_tenancy.sql) in the user's language; the
 * invite and membership codes are the staff domain's (joining by code meets them too); others go
 * to the shared table.
 */
const tenancyMessages: Record<string, () => string> = {
  invalid_timezone: m.tenancy_error_invalid_timezone,
  invalid_country: m.tenancy_error_invalid_country,
  invalid_currency: m.tenancy_error_invalid_currency,
  invalid_locale: m.tenancy_error_invalid_locale,
  invalid_tax_rate: m.tenancy_error_invalid_tax_rate,
  invalid_kds_thresholds: m.db_error_invalid_kds_thresholds,
  anonymous_not_allowed: m.tenancy_error_anonymous_not_allowed,
  // A guest limit out of its range (the form checks first) — supabase/migrations/20261203000100.
  invalid_guest_limit: m.db_error_invalid_guest_limit,
  // A CHECK constraint of restaurants (receipt text length, cut-off hour) the form should have caught.
  '23514': m.tenancy_error_check_violation,
  // An update answered no row: RLS hid it, as the person's role changed since the screen loaded.
  PGRST116: m.db_error_forbidden,
};

function describeTenancyFailure(failure: Pick<DbFailure, 'code'>): string {
  const translated = tenancyMessages[failure.code] ?? staffMessages[failure.code];
  return translated ? translated() : describeFailure(failure);
}

/**
 * Which wizard/settings field a database code belongs next to; null means the form as a whole.
 * Passed to `runDb` as `fieldOf`, so failures arrive with their `field`.
 */
export function fieldOfRestaurantCode(code: string): 'name' | 'slug' | 'timezone' | 'currency' | 'tax_rate' | null {
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
