import type { SupabaseClient } from '@supabase/supabase-js';
import type { Restaurant } from '../../../tests/db/fixtures.ts';
import { sql, stack } from '../../../tests/db/support.ts';
import { serviceClient, signedInClient } from '../../../tests/support/clients.ts';

/**
 * A test restaurant's print_bridge member (tests/db/fixtures) signed in through supabase-js, as
 * the bridge runs: fixture users have no password, so one is set with the auth admin API.
 */
export async function bridgeLogin(r: Restaurant): Promise<{ email: string; password: string; client: SupabaseClient }> {
  const [row] = await sql<{ email: string }>('select email from auth.users where id = $1', [r.users.print_bridge]);
  const login = { email: row?.email as string, password: 'bridge-test-password' };
  const { error } = await serviceClient(stack).auth.admin.updateUserById(r.users.print_bridge, {
    password: login.password,
  });
  if (error) throw error;
  return { ...login, client: await signedInClient(stack, login.email, login.password) };
}

/** Polls `read` until `ok`, failing with the last value after `ms`. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
