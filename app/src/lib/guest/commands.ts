import { signInAnonymously } from '#lib/auth/anonymous.ts';
import type { DbResult } from '#lib/db.ts';
import type {
  GuestMenu,
  GuestOrder,
  GuestOrderPayload,
  GuestVisit,
  ServiceKind,
  ServiceRequest,
} from '#lib/guest/api.ts';
import { guestAuth, guestRpc } from '#lib/guest/client.ts';

/**
 * The guest_* RPCs (supabase/migrations, issue 13), callable by any signed-in user, anonymous
 * included. A guest knows only the table's QR token; the restaurant, the table and every price
 * come from the database.
 */

const call = <T>(name: string, args: Record<string, unknown>): Promise<DbResult<T>> => guestRpc<T>(name, args);

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
    const { data } = await guestAuth.getSession();
    if (data.session) return { ok: true, data: data.session.user.id };
  } catch (error) {
    return { ok: false, failure: { transient: true, code: 'network', message: String(error) } };
  }
  return signInAnonymously(guestAuth);
}
