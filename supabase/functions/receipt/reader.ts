import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type {
  PrintLine,
  PrintModifier,
  PrintPayment,
  PrintRestaurant,
  TicketPayload,
} from '../_shared/print-layouts.ts';
import type { ReceiptReader } from './handler.ts';

export interface ReaderEnv {
  supabaseUrl: string;
  anonKey: string;
}

/** Width of the preview when the caller cannot see a receipt printer (guests) or there is none. */
export const DEFAULT_CHARS_PER_LINE = 42;

type Row = Record<string, unknown>;

function unwrap<T>(result: { data: T | null; error: { message: string } | null }, what: string): T | null {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  return result.data;
}

const modifierNames = (modifiers: unknown): PrintModifier[] =>
  Array.isArray(modifiers) ? modifiers.map((m) => (typeof m === 'string' ? m : String(m?.name ?? ''))) : [];

function toLine(l: Row): PrintLine {
  return {
    position: l.position as number,
    name: l.name as string,
    qty: l.qty as number,
    station: l.station as string,
    note: l.note as string | null,
    unit_price: l.unit_price as number,
    line_total: l.line_total as number,
    round: l.round as number | undefined,
    modifiers: modifierNames(l.modifiers),
  };
}

/** Discounts as the receipt prints them: order_json's (reason) or order_discounts rows (reason). */
const discountsPart = (rows: unknown): { label: string; amount: number }[] =>
  (Array.isArray(rows) ? (rows as Row[]) : []).map((d) => ({
    label: String(d.reason ?? ''),
    amount: d.amount as number,
  }));

function orderPart(o: Row, tableLabel: string | null, discounts: unknown = o.discounts): TicketPayload['order'] {
  const { payload_hash: _h, created_by: _c, guest_user_id: _g, lines: _l, discounts: _d, ...order } = o;
  return {
    ...(order as unknown as TicketPayload['order']),
    table_label: tableLabel,
    discounts: discountsPart(discounts),
  };
}

/** Staff: the tables RLS lets them read, as private.ticket_payload reads them for a receipt job. */
async function staffPayload(sb: SupabaseClient, order: Row): Promise<TicketPayload> {
  const restaurantId = order.restaurant_id as string;
  const [restaurant, table, lines, payments, printer, discounts] = await Promise.all([
    sb
      .from('restaurants')
      .select('name, locale, timezone, currency, receipt_header, receipt_footer')
      .eq('id', restaurantId)
      .maybeSingle(),
    order.table_id
      ? sb
          .from('dining_tables')
          .select('label')
          .eq('restaurant_id', restaurantId)
          .eq('id', order.table_id)
          .maybeSingle()
      : Promise.resolve({ data: null, error: null }),
    sb.from('order_lines').select('*').eq('restaurant_id', restaurantId).eq('order_id', order.id).order('position'),
    // Cooks may not read payments: RLS answers no rows and the receipt shows none.
    sb
      .from('payments')
      .select('method, amount, tendered, change, tip')
      .eq('restaurant_id', restaurantId)
      .eq('order_id', order.id)
      .order('created_at'),
    sb
      .from('printers')
      .select('id, name, chars_per_line')
      .eq('restaurant_id', restaurantId)
      .eq('kind', 'receipt')
      .eq('active', true)
      .order('name')
      .limit(1)
      .maybeSingle(),
    // The live discounts, as private.ticket_payload lists them.
    sb
      .from('order_discounts')
      .select('reason, amount')
      .eq('restaurant_id', restaurantId)
      .eq('order_id', order.id)
      .is('removed_at', null)
      .order('created_at')
      .order('id'),
  ]);
  const r = unwrap(restaurant, 'restaurants') as PrintRestaurant | null;
  if (!r) throw new Error('restaurants: the order is visible but not its restaurant');
  const p = unwrap(printer, 'printers') as Row | null;
  return {
    document: 'receipt',
    printer: p
      ? { id: p.id as string, name: p.name as string, chars_per_line: p.chars_per_line as number }
      : { name: 'preview', chars_per_line: DEFAULT_CHARS_PER_LINE },
    restaurant: r,
    order: orderPart(
      order,
      ((unwrap(table, 'dining_tables') as Row | null)?.label as string | undefined) ?? null,
      unwrap(discounts, 'order_discounts'),
    ),
    lines: ((unwrap(lines, 'order_lines') ?? []) as Row[]).map(toLine),
    payments: (unwrap(payments, 'payments') ?? []) as PrintPayment[],
  };
}

/**
 * A guest reaches their own order through guest_order only: no restaurant row, table or payments
 * are visible to them, so the receipt carries the order alone, in English and UTC.
 */
function guestPayload(order: Row): TicketPayload {
  return {
    document: 'receipt',
    printer: { name: 'preview', chars_per_line: DEFAULT_CHARS_PER_LINE },
    restaurant: { name: '', locale: 'en', timezone: 'UTC', currency: order.currency as string },
    order: orderPart(order, null),
    lines: ((order.lines ?? []) as Row[]).map(toLine),
    payments: [],
  };
}

/** Reads as the caller: anon key plus the caller's JWT, so RLS and the guest_* functions decide. */
export function supabaseReceiptReader(env: ReaderEnv): ReceiptReader {
  return async (token, orderId) => {
    const sb = createClient(env.supabaseUrl, env.anonKey, {
      global: { headers: { Authorization: `Bearer ${token}` } },
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    });
    const staff = unwrap(await sb.from('orders').select('*').eq('id', orderId).maybeSingle(), 'orders') as Row | null;
    if (staff) return staffPayload(sb, staff);
    const guest = await sb.rpc('guest_order', { p_order_id: orderId });
    if (guest.error?.message === 'order_not_found') return null;
    return guestPayload(unwrap(guest, 'guest_order') as Row);
  };
}
