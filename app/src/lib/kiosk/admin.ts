import type { Tables } from '#lib/database.types.ts';
import { type DbResult, read, runDb } from '#lib/db.ts';
import type { Kiosk, KioskMode } from '#lib/kiosk/api.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The admin's side of kiosks (owners and managers): the `kiosks` rows through RLS, and the
 * create_kiosk_pairing / update_kiosk / revoke_kiosk / set_kiosk_exit_pin RPCs.
 */
export type KioskRow = Pick<
  Tables<'kiosks'>,
  | 'id'
  | 'label'
  | 'mode'
  | 'idle_reset_seconds'
  | 'max_lines'
  | 'max_items'
  | 'device_code'
  | 'expires_at'
  | 'claimed_at'
  | 'revoked_at'
  | 'created_at'
>;

/** What create_kiosk_pairing answers: the code, shown this once. */
export interface NewKioskPairing {
  id: string;
  code: string;
  label: string;
  expires_at: string;
}

export interface KioskSettings {
  label: string;
  mode: KioskMode;
  idle_reset_seconds: number;
  max_lines: number;
  max_items: number;
}

export type KioskState = 'paired' | 'waiting' | 'expired' | 'revoked';

export function kioskState(
  row: Pick<KioskRow, 'claimed_at' | 'revoked_at' | 'expires_at'>,
  now = Date.now(),
): KioskState {
  if (row.revoked_at) return 'revoked';
  if (row.claimed_at) return 'paired';
  return Date.parse(row.expires_at) > now ? 'waiting' : 'expired';
}

export const kioskAdminKeys = {
  kiosks: (restaurantId: string) => ['kiosks', restaurantId] as const,
};

export const kiosksQueryOptions = (restaurantId: string) => ({
  queryKey: kioskAdminKeys.kiosks(restaurantId),
  queryFn: () =>
    read(
      supabase
        .from('kiosks')
        .select(
          'id, label, mode, idle_reset_seconds, max_lines, max_items, device_code, expires_at, claimed_at, revoked_at, created_at',
        )
        .eq('restaurant_id', restaurantId)
        .order('created_at', { ascending: false }),
    ),
  // The tablet claims its code on its own: coming back to the page shows it paired.
  refetchOnMount: 'always' as const,
});

export async function createKioskPairing(restaurantId: string, label: string): Promise<DbResult<NewKioskPairing>> {
  const result = await runDb(
    supabase.rpc('create_kiosk_pairing', { p_restaurant_id: restaurantId, p_label: label.trim() || undefined }),
  );
  return result.ok ? { ok: true, data: result.data as unknown as NewKioskPairing } : result;
}

export async function updateKiosk(kioskId: string, settings: Partial<KioskSettings>): Promise<DbResult<Kiosk>> {
  const result = await runDb(supabase.rpc('update_kiosk', { p_kiosk_id: kioskId, p_settings: settings }));
  return result.ok ? { ok: true, data: result.data as unknown as Kiosk } : result;
}

export const revokeKiosk = (kioskId: string) => runDb(supabase.rpc('revoke_kiosk', { p_kiosk_id: kioskId }));

export const setKioskExitPin = (restaurantId: string, pin: string) =>
  runDb(supabase.rpc('set_kiosk_exit_pin', { p_restaurant_id: restaurantId, p_pin: pin }));
