import { type DbResult, runDb } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The guests' side of the database: the guest_* RPCs (supabase/migrations, issue 13), callable by
 * any signed-in user, anonymous included. A guest knows only the table's QR token; the restaurant,
 * the table and every price come from the database. Nothing here imports the staff app.
 */

export interface GuestOption {
  id: string;
  name: string;
  price_delta: number;
  /** Sold-out options stay listed, greyed out (absent from older answers: available). */
  available?: boolean;
}

export interface GuestGroup {
  id: string;
  name: string;
  min_select: number;
  max_select: number;
  options: GuestOption[];
}

export interface GuestItem {
  id: string;
  category_id: string | null;
  name: string;
  description: string | null;
  price: number;
  image_path: string | null;
  available?: boolean;
  modifier_groups: GuestGroup[];
}

export interface GuestCategory {
  id: string;
  name: string;
  position: number;
}

export type GuestOrderingMode = 'off' | 'draft_first' | 'auto_accept';

export interface GuestMenu {
  restaurant: {
    id: string;
    name: string;
    currency: string;
    currency_exponent: number;
    locale: string;
    country?: string | null;
    tax_mode: 'inclusive' | 'exclusive';
    tax_rate_bp: number;
    guest_ordering: GuestOrderingMode;
    limits?: { lines_per_order?: number } | null;
  };
  table: { id: string; label: string };
  categories: GuestCategory[];
  items: GuestItem[];
}

export type GuestOrderStatus = 'draft' | 'placed' | 'preparing' | 'ready' | 'completed' | 'rejected' | 'cancelled';

export interface GuestOrderLine {
  id: string;
  position: number;
  name: string;
  qty: number;
  unit_price: number;
  line_total: number;
  note: string;
  modifiers: { option_id: string; name: string; group_name: string; price_delta: number }[];
  kitchen_status: string;
}

/** What the database stored, as guest_order answers it. */
export interface GuestOrder {
  id: string;
  status: GuestOrderStatus;
  status_reason: string | null;
  number: number | null;
  table_id: string | null;
  note: string;
  currency: string;
  currency_exponent: number;
  subtotal: number;
  tax: number;
  total: number;
  created_at: string;
  lines: GuestOrderLine[];
}

export type ServiceKind = 'call_waiter' | 'bill';

export interface ServiceRequest {
  id: string;
  kind: ServiceKind;
  status: 'open' | 'acknowledged';
  table_id: string;
  created_at: string;
  acknowledged_at: string | null;
}

export interface GuestVisit {
  orders: GuestOrder[];
  requests: ServiceRequest[];
}

export interface GuestOrderPayload {
  id: string;
  note?: string;
  lines: { item_id: string; qty: number; note?: string; modifiers?: string[] }[];
}

// The new guest RPCs are typed once database.types.ts is regenerated with them; until then (and to
// keep this file independent of the generated names) they are called through one untyped door.
type RpcResponse = {
  data: unknown;
  error: { message: string; code?: string; details?: string } | null;
  status: number;
};
const rpc = (name: string, args: Record<string, unknown>) =>
  (supabase.rpc as unknown as (name: string, args: Record<string, unknown>) => PromiseLike<RpcResponse>)(name, args);

async function call<T>(name: string, args: Record<string, unknown>): Promise<DbResult<T>> {
  const result = await runDb(rpc(name, args));
  return result.ok ? { ok: true, data: result.data as T } : result;
}

export const fetchGuestMenu = (qrToken: string, locale: string) =>
  call<GuestMenu>('guest_menu', { p_qr_token: qrToken, p_locale: locale });

export const fetchGuestVisit = (qrToken: string) => call<GuestVisit>('guest_visit', { p_qr_token: qrToken });

export const fetchGuestOrder = (orderId: string) => call<GuestOrder>('guest_order', { p_order_id: orderId });

/** The payload's id makes a retry after a lost answer return the same order, never a second one. */
export const placeGuestOrder = (qrToken: string, order: GuestOrderPayload) =>
  call<GuestOrder>('guest_place_order', { p_qr_token: qrToken, p_order: order });

export const cancelGuestOrder = (orderId: string) => call<GuestOrder>('guest_cancel_order', { p_order_id: orderId });

export const requestService = (qrToken: string, request: { id: string; kind: ServiceKind }) =>
  call<ServiceRequest>('guest_request_service', { p_qr_token: qrToken, p_request: request });

/** The guest's anonymous account, kept in localStorage so a reload is the same guest. */
export async function guestUserId(): Promise<DbResult<string>> {
  try {
    const { data } = await supabase.auth.getSession();
    if (data.session) return { ok: true, data: data.session.user.id };
    const signedIn = await supabase.auth.signInAnonymously();
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
