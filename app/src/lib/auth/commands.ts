import type { AuthErrorLike } from '#lib/auth/errors.ts';
import { supabase } from '#lib/supabase.ts';

/** Signs in with email and password; GoTrue's refusal, or null once signed in. */
export async function signIn(credentials: { email: string; password: string }): Promise<AuthErrorLike | null> {
  const { error } = await supabase.auth.signInWithPassword(credentials);
  return error;
}

export type SignUpOutcome = { ok: false; error: AuthErrorLike } | { ok: true; signedIn: boolean };

/**
 * Creates an account. The chosen language travels in user metadata so emails and onboarding can
 * use it; the name too: the database copies it onto each restaurant the person joins. With email
 * confirmations on (hosted default) there is no session until confirmed: `signedIn` is false.
 */
export async function signUp(input: {
  email: string;
  password: string;
  displayName: string | undefined;
  locale: string;
}): Promise<SignUpOutcome> {
  const { data, error } = await supabase.auth.signUp({
    email: input.email,
    password: input.password,
    options: { data: { locale: input.locale, display_name: input.displayName } },
  });
  if (error) return { ok: false, error };
  return { ok: true, signedIn: data.session !== null };
}
