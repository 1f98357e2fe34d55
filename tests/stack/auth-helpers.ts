import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { expect, inject } from 'vitest';
import * as clients from '../support/clients.ts';

// Shared by the /auth/v1 whole-stack tests: clients of the stack started by tests/support/.

export const stackInfo = () => inject('stack');
export const anonClient = () => clients.anonClient(stackInfo());
export const serviceClient = () => clients.serviceClient(stackInfo());
/** A client acting with a given access token, as a server handling a user's request would. */
export const clientWithToken = (accessToken: string) => clients.anonClient(stackInfo(), { bearer: accessToken });

export const newEmail = () => `auth-${randomUUID()}@example.com`;
export const PASSWORD = 'correct-horse-battery';

export function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** A fresh email user signed up through `client`, which then holds the session. */
export async function signedUp(client: SupabaseClient = anonClient(), data: Record<string, unknown> = {}) {
  const email = newEmail();
  const { data: result, error } = await client.auth.signUp({ email, password: PASSWORD, options: { data } });
  expect(error).toBeNull();
  if (!result.session || !result.user) throw new Error('sign-up returned no session');
  return { email, session: result.session, user: result.user, client };
}
