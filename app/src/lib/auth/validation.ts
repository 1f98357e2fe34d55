/**
 * Client-side checks run before a sign-in or sign-up request, so a person sees what to fix next
 * to the field without a round trip. The server checks again; these only mirror its limits.
 */
export const passwordMinLength = 8;
/** GoTrue hashes with bcrypt, which ignores bytes past 72. */
export const passwordMaxLength = 72;
export const emailMaxLength = 254;
/** The database's limit on `memberships.display_name`, in characters. */
export const displayNameMaxLength = 100;

export type FieldError =
  | { code: 'required' }
  | { code: 'invalid_email' }
  | { code: 'too_short'; min: number }
  | { code: 'too_long'; max: number };

// Deliberately loose: one @, something on each side, a dot in the domain. The server decides.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(value: string): FieldError | null {
  const email = value.trim();
  if (email === '') return { code: 'required' };
  if (email.length > emailMaxLength) return { code: 'too_long', max: emailMaxLength };
  return emailShape.test(email) ? null : { code: 'invalid_email' };
}

/** On sign-up the password must meet our length rules; on sign-in it only has to be present. */
export function validatePassword(value: string, purpose: 'sign-in' | 'sign-up'): FieldError | null {
  if (value === '') return { code: 'required' };
  if (purpose === 'sign-in') return null;
  if (value.length < passwordMinLength) return { code: 'too_short', min: passwordMinLength };
  if (new TextEncoder().encode(value).length > passwordMaxLength) return { code: 'too_long', max: passwordMaxLength };
  return null;
}

/**
 * The name staff see for a person: required, at most 100 characters once trimmed. Counted in code
 * points, as PostgreSQL's char_length does, so "é" or an emoji counts once.
 */
export function validateDisplayName(value: string): FieldError | null {
  const name = value.trim();
  if (name === '') return { code: 'required' };
  return [...name].length > displayNameMaxLength ? { code: 'too_long', max: displayNameMaxLength } : null;
}

export interface CredentialErrors {
  email: FieldError | null;
  password: FieldError | null;
}

export function validateCredentials(
  input: { email: string; password: string },
  purpose: 'sign-in' | 'sign-up',
): CredentialErrors | null {
  const errors = { email: validateEmail(input.email), password: validatePassword(input.password, purpose) };
  return errors.email || errors.password ? errors : null;
}
