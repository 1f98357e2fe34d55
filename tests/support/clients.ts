import { createClient, type SupabaseClient } from '@supabase/supabase-js';

/**
 * supabase-js clients as a Node test holds them: no session storage, no refresh timers, no URL
 * sniffing. The type parameter is the schema the client talks to (supabase-js's generated-types
 * parameter, e.g. app/src/lib/database.types.ts's `Database`); untyped by default, as the tests
 * read RPC results and the gateway's fixture databases without it.
 */

/** Where a stack (or a lone gateway) answers and the keys it accepts. */
export interface ClientEndpoint {
  apiUrl: string;
  anonKey: string;
}

export interface NodeClientOptions {
  /** Sent as `Authorization: Bearer …` on every request, as a server acting for a user would. */
  bearer?: string;
}

const NODE_AUTH = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } as const;

/** A client with any key (anon, service_role, publishable, secret, or a user's JWT). */
// biome-ignore lint/suspicious/noExplicitAny: supabase-js's own default: a schema-less client.
export function keyClient<DB = any>(apiUrl: string, key: string, options: NodeClientOptions = {}): SupabaseClient<DB> {
  return createClient<DB>(apiUrl, key, {
    auth: NODE_AUTH,
    ...(options.bearer ? { global: { headers: { Authorization: `Bearer ${options.bearer}` } } } : {}),
  }) as SupabaseClient<DB>;
}

/** Signed out, with the anon key: what a browser opening the app starts with. */
// biome-ignore lint/suspicious/noExplicitAny: see keyClient.
export const anonClient = <DB = any>(stack: ClientEndpoint, options: NodeClientOptions = {}): SupabaseClient<DB> =>
  keyClient<DB>(stack.apiUrl, stack.anonKey, options);

/** With the service_role key: bypasses RLS, reaches the auth admin API. */
// biome-ignore lint/suspicious/noExplicitAny: see keyClient.
export const serviceClient = <DB = any>(stack: { apiUrl: string; serviceRoleKey: string }): SupabaseClient<DB> =>
  keyClient<DB>(stack.apiUrl, stack.serviceRoleKey);

/** A user signed in with a password, as the app does it; the client holds the session. */
// biome-ignore lint/suspicious/noExplicitAny: see keyClient.
export async function signedInClient<DB = any>(
  stack: ClientEndpoint,
  email: string,
  password: string,
): Promise<SupabaseClient<DB>> {
  const client = anonClient<DB>(stack);
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}
