import type { AuthErrorLike } from '#lib/auth/errors.ts';
import { siteUrl } from '#lib/env.ts';
import { supabase } from '#lib/supabase.ts';

/** The page the emailed link brings the person back to, on the site's address (the LAN one with --lan). */
export const resetPasswordPath = '/reset-password';

/**
 * Asks for a reset link. The server answers the same whether or not an account uses the address,
 * so the caller can only say "if an account uses it, a mail is on its way"; an error here is a
 * refusal of the request itself (rate limit, bad address, no network).
 */
export async function requestPasswordReset(email: string): Promise<AuthErrorLike | null> {
  const { error } = await supabase.auth.resetPasswordForEmail(email, {
    redirectTo: `${siteUrl()}${resetPasswordPath}`,
  });
  return error;
}

/**
 * The refusal the link came back with, if any: GoTrue redirects a used or expired link to the
 * page with `#error_code=otp_expired&…`, and auth-js leaves that fragment in place (it clears
 * only a successful one, after storing the session).
 */
export function recoveryLinkError(hash = globalThis.location?.hash ?? ''): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('error_code') ?? params.get('error');
}

/** Sets the signed-in person's new password (the link signed them in). */
export async function setNewPassword(password: string): Promise<AuthErrorLike | null> {
  const { error } = await supabase.auth.updateUser({ password });
  return error;
}
