import type { Tables } from '#lib/database.types.ts';
import { type DbResult, read, runDb } from '#lib/db.ts';
import { supabaseAnonKey, supabaseUrl } from '#lib/env.ts';
import { supabase } from '#lib/supabase.ts';

/** A paired print bridge: a print_bridge member of the restaurant. */
export type Bridge = Pick<Tables<'memberships'>, 'user_id' | 'display_name' | 'created_at'>;
/** A pairing code waiting to be claimed (its code itself is shown once, when created). */
export type PendingPairing = Pick<Tables<'bridge_pairings'>, 'id' | 'label' | 'expires_at'>;
/** What create_bridge_pairing answers: the code, shown this once. */
export interface NewPairing {
  id: string;
  code: string;
  label: string;
  expires_at: string;
}

export const bridgeKeys = {
  bridges: (restaurantId: string) => ['printers', restaurantId, 'bridges'] as const,
};

/** The paired bridges and the codes still waiting (unclaimed, not withdrawn, not expired). */
export async function fetchBridges(restaurantId: string): Promise<{ bridges: Bridge[]; pending: PendingPairing[] }> {
  const [bridges, pending] = await Promise.all([
    read(
      supabase
        .from('memberships')
        .select('user_id, display_name, created_at')
        .eq('restaurant_id', restaurantId)
        .eq('role', 'print_bridge')
        .order('created_at', { ascending: true }),
    ),
    read(
      supabase
        .from('bridge_pairings')
        .select('id, label, expires_at')
        .eq('restaurant_id', restaurantId)
        .is('claimed_at', null)
        .is('revoked_at', null)
        .gt('expires_at', new Date().toISOString())
        .order('created_at', { ascending: false }),
    ),
  ]);
  return { bridges, pending };
}

export const bridgesQueryOptions = (restaurantId: string) => ({
  queryKey: bridgeKeys.bridges(restaurantId),
  queryFn: () => fetchBridges(restaurantId),
  // The bridge claims its code on the store PC: coming back to the page shows it paired.
  refetchOnMount: 'always' as const,
});

export async function createPairing(restaurantId: string, label: string): Promise<DbResult<NewPairing>> {
  const result = await runDb(
    supabase.rpc('create_bridge_pairing', { p_restaurant_id: restaurantId, p_label: label.trim() || undefined }),
  );
  return result.ok ? { ok: true, data: result.data as unknown as NewPairing } : result;
}

export function revokePairing(pairingId: string) {
  return runDb(supabase.rpc('revoke_bridge_pairing', { p_pairing_id: pairingId }));
}

/** Unpairs a bridge: its membership goes, its next claim is refused and it stops. */
export function removeBridge(restaurantId: string, userId: string) {
  return runDb(supabase.rpc('remove_member', { p_restaurant_id: restaurantId, p_user_id: userId }));
}

/** The command the person types on the store PC, with this project's URL and public anon key. */
export function pairCommand(code: string): string {
  const url = new URL(supabaseUrl, globalThis.location?.href ?? 'http://localhost').href.replace(/\/$/, '');
  return `npm start -- pair ${code} --url ${url} --anon-key ${supabaseAnonKey}`;
}
