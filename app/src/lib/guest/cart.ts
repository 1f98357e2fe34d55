import type { GuestGroup, GuestItem, GuestMenu, GuestOrderPayload } from '#lib/guest/api.ts';
import { type CartLine, cartTotals, addLine as mergeLine, unitPrice } from '#lib/orders/cart.ts';
import { checkModifierGroups, checkNote, checkQty, type GroupError, maxQty } from '#lib/orders/validation.ts';

/**
 * The guest's cart: the POS cart's lines and arithmetic (lib/orders/cart.ts), the modifier rules a
 * phone enforces while the guest picks (required groups first, a single choice replaces the other,
 * a full group takes no more), and what is sent. The database checks all of it again and prices
 * the order itself; these only keep a guest from sending what it would refuse.
 */

export type { CartLine };
export { unitPrice };

/** Chosen option ids per group id. */
export type Selection = Readonly<Record<string, readonly string[]>>;

/** The item's groups as the sheet lists them: required ones (min ≥ 1) first, then in menu order. */
export function orderedGroups(item: Pick<GuestItem, 'modifier_groups'>): GuestGroup[] {
  return item.modifier_groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => Number(b.group.min_select > 0) - Number(a.group.min_select > 0) || a.index - b.index)
    .map(({ group }) => group);
}

/**
 * Taps an option: a group of one choice swaps it; otherwise it is added or removed, and a group at
 * its maximum takes no more (the same selection comes back). Sold-out options cannot be chosen.
 */
export function toggleOption(selection: Selection, group: GuestGroup, optionId: string): Selection {
  const option = group.options.find((o) => o.id === optionId);
  if (!option) return selection;
  const chosen = selection[group.id] ?? [];
  if (chosen.includes(optionId)) {
    return { ...selection, [group.id]: chosen.filter((id) => id !== optionId) };
  }
  if (option.available === false) return selection;
  if (group.max_select === 1) return { ...selection, [group.id]: [optionId] };
  if (chosen.length >= group.max_select) return selection;
  return { ...selection, [group.id]: [...chosen, optionId] };
}

/** What keeps the item from going into the cart, group by group, in the sheet's order. */
export function selectionErrors(item: Pick<GuestItem, 'modifier_groups'>, selection: Selection): GroupError[] {
  const counts: Record<string, number> = {};
  for (const [groupId, ids] of Object.entries(selection)) counts[groupId] = ids.length;
  return checkModifierGroups(orderedGroups(item), counts);
}

/** The line the sheet adds: the menu's price and options as shown, one key per distinct line. */
export function lineFor(
  item: GuestItem,
  selection: Selection,
  qty: number,
  note: string,
  key: string = crypto.randomUUID(),
): CartLine {
  const modifiers = orderedGroups(item).flatMap((group) =>
    group.options
      .filter((option) => (selection[group.id] ?? []).includes(option.id))
      .map((option) => ({ optionId: option.id, groupId: group.id, name: option.name, priceDelta: option.price_delta })),
  );
  return { key, itemId: item.id, name: item.name, basePrice: item.price, qty, note: note.trim(), modifiers };
}

/** Adds a line; the same item with the same options and note adds to its quantity. */
export const addLine = mergeLine;

/** Sets a line's quantity; 0 removes it; never more than the database accepts. */
export function setQty(lines: readonly CartLine[], key: string, qty: number): CartLine[] {
  if (qty <= 0) return lines.filter((line) => line.key !== key);
  return lines.map((line) => (line.key === key ? { ...line, qty: Math.min(qty, maxQty) } : line));
}

export const itemCount = (lines: readonly CartLine[]) => lines.reduce((sum, line) => sum + line.qty, 0);

export function totals(
  lines: readonly CartLine[],
  menu: { restaurant: Pick<GuestMenu['restaurant'], 'tax_mode' | 'tax_rate_bp'> },
) {
  return cartTotals(lines, menu.restaurant.tax_mode, menu.restaurant.tax_rate_bp);
}

/** Lines whose item or one of whose options has gone (sold out, or off the menu) since it was added. */
export function unavailableLines(lines: readonly CartLine[], menu: Pick<GuestMenu, 'items'>): Set<string> {
  const items = new Map(menu.items.map((item) => [item.id, item]));
  const gone = new Set<string>();
  for (const line of lines) {
    const item = items.get(line.itemId);
    const options = new Map(item?.modifier_groups.flatMap((g) => g.options.map((o) => [o.id, o])) ?? []);
    if (
      !item ||
      item.available === false ||
      line.modifiers.some((m) => !options.has(m.optionId) || options.get(m.optionId)?.available === false)
    ) {
      gone.add(line.key);
    }
  }
  return gone;
}

export type CartProblem = 'empty_order' | 'too_many_lines' | 'qty_out_of_range' | 'note_too_long' | 'item_unavailable';

/** The first reason the cart cannot be sent, or null. `maxLines` is the restaurant's limit. */
export function cartProblem(
  lines: readonly CartLine[],
  menu: Pick<GuestMenu, 'items'>,
  maxLines: number,
): CartProblem | null {
  if (lines.length === 0) return 'empty_order';
  if (lines.length > maxLines) return 'too_many_lines';
  for (const line of lines) {
    const problem = checkQty(line.qty) ?? checkNote(line.note);
    if (problem === 'qty_out_of_range' || problem === 'note_too_long') return problem;
  }
  return unavailableLines(lines, menu).size > 0 ? 'item_unavailable' : null;
}

/** guest_place_order's body: only id, note and lines — the table and prices are the database's. */
export function orderPayload(id: string, lines: readonly CartLine[]): GuestOrderPayload {
  return {
    id,
    lines: lines.map((line) => ({
      item_id: line.itemId,
      qty: line.qty,
      ...(line.note ? { note: line.note } : {}),
      ...(line.modifiers.length ? { modifiers: line.modifiers.map((m) => m.optionId) } : {}),
    })),
  };
}

/** The cart as kept in localStorage per table: lines and the id of an order not yet confirmed. */
export interface StoredCart {
  lines: CartLine[];
  /** Set when sending starts and kept until the database answers, so a retry reuses it. */
  pendingOrderId: string | null;
}

export function parseStoredCart(raw: string | null): StoredCart {
  try {
    const value = raw ? (JSON.parse(raw) as Partial<StoredCart>) : null;
    if (value && Array.isArray(value.lines)) {
      const lines = value.lines.filter(
        (line): line is CartLine =>
          typeof line?.key === 'string' &&
          typeof line.itemId === 'string' &&
          typeof line.qty === 'number' &&
          Array.isArray(line.modifiers),
      );
      return { lines, pendingOrderId: typeof value.pendingOrderId === 'string' ? value.pendingOrderId : null };
    }
  } catch {
    // A corrupt entry is an empty cart.
  }
  return { lines: [], pendingOrderId: null };
}
