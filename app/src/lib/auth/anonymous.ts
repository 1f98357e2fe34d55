import type { DbResult } from '#lib/db.ts';

/** The part of an auth client (supabase-js's, or the guest page's own) that signs in anonymously. */
interface AnonymousSignIn {
  signInAnonymously(): Promise<{ data: { user: { id: string } | null }; error: unknown }>;
}

/**
 * A new anonymous account (a guest's phone, a kiosk tablet), as a DbResult: a refusal or an
 * unreachable server is transient, so the person can simply try again. Callers check for an
 * existing session first; this only signs in.
 */
export async function signInAnonymously(auth: AnonymousSignIn): Promise<DbResult<string>> {
  try {
    const signedIn = await auth.signInAnonymously();
    if (signedIn.error || !signedIn.data.user) {
      const status = (signedIn.error as { status?: number } | null)?.status ?? 0;
      return {
        ok: false,
        failure: {
          transient: true,
          code: status === 0 ? 'network' : 'sign_in_failed',
          message: String(signedIn.error),
        },
      };
    }
    return { ok: true, data: signedIn.data.user.id };
  } catch (error) {
    return { ok: false, failure: { transient: true, code: 'network', message: String(error) } };
  }
}
