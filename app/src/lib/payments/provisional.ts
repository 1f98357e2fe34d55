import type { MenuData } from '#lib/menu/types.ts';
import { type CartLine, cartTotals, lineTotal, type TaxMode } from '#lib/orders/cart.ts';
import type { PlaceOrderPayload } from '#lib/orders/commands.ts';

/**
 * An order placed offline is paid offline too (a takeaway sale with no network): the database has
 * not priced it yet, so the checkout shows the total as this device priced it from the cached menu,
 * with the same rule the cart used (lib/orders/cart.ts, the database's price_line and order_tax).
 * The payment follows the order's place_order in the outbox; if the database prices the order
 * differently, it refuses a payment above the due (`overpayment`) and the till says so.
 */

/** What the checkout needs of an order, stored or provisional. */
export interface PayableOrder {
  id: string;
  number: number | null;
  provisional_code?: string | null | undefined;
  status: 'draft' | 'placed' | 'preparing' | 'ready' | 'completed' | 'rejected' | 'cancelled';
  currency: string;
  currency_exponent: number;
  subtotal: number;
  total: number;
  paid: number;
  payment_status: 'unpaid' | 'partially_paid' | 'paid' | 'refunded';
  lines: { id: string; name: string; qty: number; line_total: number }[];
}

/**
 * The queued order priced from the cached menu; null when a line's item is not in it (the device
 * cannot say what it costs, so it does not guess).
 */
export function provisionalOrder(
  payload: PlaceOrderPayload,
  menu: MenuData,
  settings: { taxMode: TaxMode; taxRateBp: number },
  money: { currency: string; exponent: number },
): PayableOrder | null {
  const lines: PayableOrder['lines'] = [];
  const cartLines: CartLine[] = [];
  for (const [index, line] of payload.lines.entries()) {
    const item = menu.items.find((row) => row.id === line.item_id);
    if (!item) return null;
    const modifiers = (line.modifiers ?? []).map((optionId) => {
      const option = menu.options.find((row) => row.id === optionId);
      return {
        optionId,
        groupId: option?.group_id ?? '',
        name: option?.name ?? '',
        priceDelta: option?.price_delta ?? 0,
      };
    });
    const cartLine = {
      key: String(index),
      itemId: item.id,
      name: item.name,
      basePrice: item.price,
      qty: line.qty,
      note: '',
      modifiers,
    };
    cartLines.push(cartLine);
    lines.push({ id: `${payload.id}:${index}`, name: item.name, qty: line.qty, line_total: lineTotal(cartLine) });
  }
  const totals = cartTotals(cartLines, settings.taxMode, settings.taxRateBp);
  return {
    id: payload.id,
    number: null,
    provisional_code: payload.provisional_code ?? null,
    status: 'placed',
    currency: money.currency,
    currency_exponent: money.exponent,
    subtotal: totals.subtotal,
    total: totals.total,
    paid: 0,
    payment_status: 'unpaid',
    lines,
  };
}
