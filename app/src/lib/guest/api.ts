import { supabaseUrl } from '#lib/env.ts';

/**
 * What the guest_* RPCs answer (supabase/migrations, issue 13) — the calls are in ./commands.ts.
 * Types and addresses only: the kiosk and other surfaces import from here without pulling in the
 * guests' own Supabase client (./client.ts).
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
  /** Bumped by every change of the order: the newer of two answers is the one with the higher. */
  version: number;
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

/** The box a photo is shown in, in CSS pixels: Storage renders it at that size (cropped to fill). */
export interface PhotoBox {
  width: number;
  height: number;
}

/**
 * A dish's photo in the public menu-images bucket (lib/menu/item-image.ts writes it there), as
 * storage-js's getPublicUrl builds the address. With a box, the address is Storage's image
 * transformation at twice the box (sharp on a phone's screen) instead of the stored photo of up to
 * 1200 px: a phone on a slow network downloads a thumbnail, not the original.
 */
export function photoUrl(path: string, box?: PhotoBox): string {
  const base = supabaseUrl.replace(/\/+$/, '');
  const object = path.replace(/^\/+/, '');
  if (!box) return encodeURI(`${base}/storage/v1/object/public/menu-images/${object}`);
  const query = new URLSearchParams({
    width: String(Math.round(box.width * 2)),
    height: String(Math.round(box.height * 2)),
    resize: 'cover',
  });
  return `${encodeURI(`${base}/storage/v1/render/image/public/menu-images/${object}`)}?${query}`;
}
