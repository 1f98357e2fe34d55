/**
 * Splitting what is due into payments. Every amount is an integer in minor units; each part becomes
 * one payment with its own UUID, and the parts always sum to exactly what they split.
 */

/**
 * `total` shared by `guests`: equal parts, the remainder given one minor unit at a time to the first
 * parts (10 001 F for 3 → 3 334, 3 334, 3 333). Paying part 1 and splitting the rest by the guests
 * left gives the same parts, so the screen only has to remember how many guests are left.
 */
export function splitEvenly(total: number, guests: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0 || !Number.isInteger(guests) || guests < 1) return [];
  const base = Math.floor(total / guests);
  const remainder = total - base * guests;
  return Array.from({ length: guests }, (_, index) => base + (index < remainder ? 1 : 0));
}

/** One order of a table's bill: what is still due on it. */
export interface Due {
  orderId: string;
  due: number;
}

export interface Allocation {
  orderId: string;
  amount: number;
}

/**
 * A payment of `amount` across a table's orders, oldest first (`dues` in that order): each order is
 * paid off before the next is touched. Null when the amount is more than the orders owe together.
 */
export function allocateOldestFirst(dues: readonly Due[], amount: number): Allocation[] | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return [];
  let left = amount;
  const parts: Allocation[] = [];
  for (const { orderId, due } of dues) {
    if (left === 0) break;
    if (due <= 0) continue;
    const part = Math.min(due, left);
    parts.push({ orderId, amount: part });
    left -= part;
  }
  return left > 0 ? null : parts;
}

/** One payment row to record: record_payment's amount, tendered (cash) and tip. */
export interface PaymentPart extends Allocation {
  tendered: number | null;
  tip: number;
}

/**
 * The rows for one tender spread over several orders. The database checks each row on its own
 * (tendered − change = amount + tip), so every part but the last is tendered exactly and the last
 * carries the tip and whatever cash is left over: the change is given once, on the last part.
 * Null when the cash does not cover the amounts and the tip.
 */
export function paymentParts(
  allocations: readonly Allocation[],
  options: { cash: boolean; tendered?: number; tip?: number },
): PaymentPart[] | null {
  const tip = options.tip ?? 0;
  const total = allocations.reduce((sum, part) => sum + part.amount, 0);
  if (allocations.length === 0) return [];
  if (options.cash && (options.tendered ?? total + tip) < total + tip) return null;
  let tenderedLeft = options.tendered ?? total + tip;
  return allocations.map((part, index) => {
    const last = index === allocations.length - 1;
    const partTip = last ? tip : 0;
    if (!options.cash) return { ...part, tendered: null, tip: partTip };
    const tendered = last ? tenderedLeft : part.amount;
    tenderedLeft -= tendered;
    return { ...part, tendered, tip: partTip };
  });
}

/** The change for cash: what was tendered beyond the amount and the tip (never negative). */
export function changeFor(tendered: number, amount: number, tip: number): number {
  return Math.max(tendered - amount - tip, 0);
}

/** What the split-by-items share needs to know of an order. */
export interface ItemsShareOrder {
  total: number;
  lines: readonly { id: string; line_total: number }[];
  /** Live discounts; those with a line_id apply to that line, the others to the whole order. */
  discounts?: readonly { line_id: string | null; amount: number }[];
}

/**
 * The part of the order's total that the picked lines account for. The database discounts a line
 * first, then takes the order discount off what remains, and computes the tax once on the
 * discounted subtotal (inclusive: inside the total; exclusive: added to it). Both the order
 * discount and the tax are therefore proportional to each line's net amount (its total less its
 * own discounts), so the share is `total × picked net ÷ all net`, rounded half up to the minor unit.
 * Picking every line gives exactly the total; rounding may move a share by one minor unit, which
 * the last payment absorbs (the screen never asks for more than is still due).
 */
export function itemsShare(order: ItemsShareOrder, picked: ReadonlySet<string>): number {
  const lineDiscount = new Map<string, number>();
  for (const discount of order.discounts ?? []) {
    if (discount.line_id)
      lineDiscount.set(discount.line_id, (lineDiscount.get(discount.line_id) ?? 0) + discount.amount);
  }
  const net = (line: { id: string; line_total: number }) =>
    Math.max(line.line_total - (lineDiscount.get(line.id) ?? 0), 0);
  const all = order.lines.reduce((sum, line) => sum + net(line), 0);
  const chosen = order.lines.filter((line) => picked.has(line.id));
  if (chosen.length === 0 || all === 0) return 0;
  if (chosen.length === order.lines.length) return order.total;
  const pickedNet = chosen.reduce((sum, line) => sum + net(line), 0);
  return Math.floor((order.total * pickedNet) / all + 0.5);
}
