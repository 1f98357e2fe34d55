import { signInAnonymously } from '#lib/auth/anonymous.ts';
import type { DbResult } from '#lib/db.ts';
import { runDb } from '#lib/db.ts';
import type { GuestCategory, GuestItem } from '#lib/guest/api.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The kiosk's side of the database (issue 15, supabase/migrations 2026120300300…): a store tablet
 * signed in anonymously that claimed a kiosk pairing code. It reads nothing through RLS; every read
 * and write is a kiosk_* RPC. Prices, the restaurant and the status are the database's.
 */

export type KioskMode = 'direct' | 'pay_at_counter';

/** The kiosk JSON several RPCs answer. */
export interface Kiosk {
  id: string;
  restaurant_id: string;
  label: string;
  mode: KioskMode;
  idle_reset_seconds: number;
  max_lines: number;
  max_items: number;
  device_code: string | null;
  paired: boolean;
  revoked: boolean;
  claimed_at: string | null;
  revoked_at: string | null;
  expires_at: string;
}

export interface KioskMenu {
  restaurant: {
    id: string;
    name: string;
    locale: string;
    currency: string;
    currency_exponent: number;
    country?: string | null;
    tax_mode: 'inclusive' | 'exclusive';
    tax_rate_bp: number;
    menu_version: number;
  };
  kiosk: Kiosk;
  categories: GuestCategory[];
  items: GuestItem[];
}

export type KioskOrderType = 'dine_in' | 'takeaway';

export interface KioskOrder {
  id: string;
  kiosk_id: string;
  type: KioskOrderType;
  status: string;
  number: number | null;
  provisional_code: string | null;
  currency: string;
  currency_exponent: number;
  total: number;
  awaiting_payment: boolean;
}

export type ClaimAnswer =
  | { status: 'paired'; restaurant_id: string; restaurant_name: string; kiosk: Kiosk }
  | { status: 'refused'; code: string; hint?: string };

export type ExitAnswer = { status: 'ok' } | { status: 'refused'; code: string; hint?: string };

// One untyped door, as lib/guest/api.ts: the answers are JSON objects the generated types call Json.
type RpcResponse = {
  data: unknown;
  error: { message: string; code?: string; details?: string } | null;
  status: number;
};
export const kioskRpc = (name: string, args: Record<string, unknown>) =>
  (supabase.rpc as unknown as (name: string, args: Record<string, unknown>) => PromiseLike<RpcResponse>)(name, args);

async function call<T>(name: string, args: Record<string, unknown>): Promise<DbResult<T>> {
  const result = await runDb(kioskRpc(name, args));
  return result.ok ? { ok: true, data: result.data as T } : result;
}

export const claimKioskPairing = (code: string) => call<ClaimAnswer>('claim_kiosk_pairing', { p_code: code });

export const fetchKioskOrder = (orderId: string) => call<KioskOrder>('kiosk_order', { p_order_id: orderId });

export const kioskExit = (pin: string) => call<ExitAnswer>('kiosk_exit', { p_pin: pin });

/** The device's anonymous account: a kiosk is never a staff login. */
export async function signInKioskDevice(): Promise<DbResult<string>> {
  try {
    const { data } = await supabase.auth.getSession();
    if (data.session) {
      if (data.session.user.is_anonymous) return { ok: true, data: data.session.user.id };
      return { ok: false, failure: { transient: false, code: 'kiosk_staff_signed_in', message: 'staff session' } };
    }
  } catch (error) {
    return { ok: false, failure: { transient: true, code: 'network', message: String(error) } };
  }
  return signInAnonymously(supabase.auth);
}

/** Unpaired (revoked, or left by a person): the device's anonymous account goes with it. */
export async function signOutKioskDevice(): Promise<void> {
  await supabase.auth.signOut({ scope: 'local' }).catch(() => undefined);
}
