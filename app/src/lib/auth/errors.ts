import type { FieldError } from '#lib/auth/validation.ts';
import * as m from '#paraglide/messages.js';

export function describeFieldError(error: FieldError, field: 'email' | 'password' | 'display_name'): string {
  switch (error.code) {
    case 'required':
      if (field === 'display_name') return m.error_display_name_required();
      return field === 'email' ? m.error_email_required() : m.error_password_required();
    case 'invalid_email':
      return m.error_email_invalid();
    case 'too_short':
      return m.error_password_too_short({ min: error.min });
    case 'too_long':
      return m.error_too_long({ max: error.max });
  }
}

/** The parts of a supabase-js AuthError we read (`code` is GoTrue's stable error code). */
export interface AuthErrorLike {
  code?: string | undefined;
  status?: number | undefined;
  name?: string;
  message: string;
}

/** GoTrue's answer, in the user's language, and which field it concerns (if any). */
export function describeAuthError(error: AuthErrorLike): { field: 'email' | 'password' | null; message: string } {
  switch (error.code) {
    case 'invalid_credentials':
      return { field: null, message: m.error_invalid_credentials() };
    case 'user_already_exists':
    case 'email_exists':
      return { field: 'email', message: m.error_email_taken() };
    case 'weak_password':
      return { field: 'password', message: m.error_weak_password() };
    case 'same_password':
      return { field: 'password', message: m.error_same_password() };
    case 'email_not_confirmed':
      return { field: 'email', message: m.error_email_not_confirmed() };
    case 'email_address_invalid':
      return { field: 'email', message: m.error_email_invalid() };
    case 'over_request_rate_limit':
    case 'over_email_send_rate_limit':
      return { field: null, message: m.error_rate_limited() };
  }
  if (error.name === 'AuthRetryableFetchError' || error.status === 0)
    return { field: null, message: m.error_network() };
  return { field: null, message: m.error_unexpected() };
}
