import type { MenuData, MenuItem, ModifierGroup, ModifierOption } from '#lib/menu/types.ts';
import type { OrderLinePayload } from '#lib/orders/commands.ts';

/**
 * The POS cart and its totals preview. Prices are integer minor units; the preview follows the
 * database's rule (supabase/README.md, private.order_tax) so the cashier sees the number the
 * order will store, but the database's numbers are the ones kept and shown after sync.
 */

export interface CartModifier {
  optionId: string;
  groupId: string;
  name: string;
  priceDelta: number;
}

export interface CartLine {
  /** Local identity of the line (two identical pizzas with different notes are two lines). */
  key: string;
  itemId: string;
  name: string;
  /** The item's price as the menu showed it, before modifiers. */
  basePrice: number;
  qty: number;
  note: string;
  modifiers: CartModifier[];
}

export type TaxMode = 'inclusive' | 'exclusive';

export interface CartTotals {
  subtotal: number;
  tax: number;
  total: number;
}

/** One portion: the item's price plus its options' deltas, never below zero (as price_line). */
export function unitPrice(line: Pick<CartLine, 'basePrice' | 'modifiers'>): number {
  return Math.max(line.basePrice + line.modifiers.reduce((sum, option) => sum + option.priceDelta, 0), 0);
}

export function lineTotal(line: Pick<CartLine, 'basePrice' | 'modifiers' | 'qty'>): number {
  return unitPrice(line) * line.qty;
}

/** Rounds half away from zero, as Postgres' numeric round() does. */
function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * Tax on the order's subtotal, once per order: exclusive adds round(subtotal × rate / 10000);
 * inclusive extracts round(subtotal × rate / (10000 + rate)) and the total stays the subtotal.
 */
export function cartTotals(lines: readonly CartLine[], taxMode: TaxMode, taxRateBp: number): CartTotals {
  const subtotal = lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const tax =
    taxMode === 'exclusive'
      ? roundHalfAway((subtotal * taxRateBp) / 10000)
      : roundHalfAway((subtotal * taxRateBp) / (10000 + taxRateBp));
  return { subtotal, tax, total: subtotal + (taxMode === 'exclusive' ? tax : 0) };
}

/** The lines as place_order / add_order_round take them. */
export function linesPayload(lines: readonly CartLine[]): OrderLinePayload[] {
  return lines.map((line) => ({
    item_id: line.itemId,
    qty: line.qty,
    ...(line.note.trim() ? { note: line.note.trim() } : {}),
    ...(line.modifiers.length ? { modifiers: line.modifiers.map((option) => option.optionId) } : {}),
  }));
}

/**
 * The menu version the cart is priced from: every menu row is stamped with the restaurant's
 * menu_version when written, so the newest stamp in the cached menu is the version it shows.
 */
export function menuVersionOf(menu: MenuData): number {
  let version = 0;
  for (const list of [menu.categories, menu.items, menu.groups, menu.options]) {
    for (const row of list) version = Math.max(version, row.version);
  }
  return version;
}

/** An item's modifier groups in the picker's order: required ones first, then by position. */
export function groupsForItem(menu: MenuData, itemId: string): { group: ModifierGroup; options: ModifierOption[] }[] {
  const linked = menu.links.filter((link) => link.item_id === itemId);
  const groups = linked
    .map((link) => ({ link, group: menu.groups.find((group) => group.id === link.group_id) }))
    .filter((entry): entry is { link: (typeof linked)[number]; group: ModifierGroup } => !!entry.group);
  groups.sort(
    (a, b) => Number(b.group.min_select > 0) - Number(a.group.min_select > 0) || a.link.position - b.link.position,
  );
  return groups.map(({ group }) => ({
    group,
    options: menu.options.filter((option) => option.group_id === group.id),
  }));
}

/** Adds a line, merging it into an identical one (same item, options and note) by quantity. */
export function addLine(lines: readonly CartLine[], line: CartLine): CartLine[] {
  const same = (other: CartLine) =>
    other.itemId === line.itemId &&
    other.note === line.note &&
    other.modifiers.map((m) => m.optionId).join() === line.modifiers.map((m) => m.optionId).join();
  const existing = lines.find(same);
  if (!existing) return [...lines, line];
  return lines.map((other) => (other === existing ? { ...other, qty: Math.min(other.qty + line.qty, 99) } : other));
}

/** A fresh cart line for an item and its chosen options. */
export function newLine(item: MenuItem, modifiers: CartModifier[], key = crypto.randomUUID()): CartLine {
  return { key, itemId: item.id, name: item.name, basePrice: item.price, qty: 1, note: '', modifiers };
}

/** Items matching a search, by name (accents and case ignored). */
export function searchItems(items: readonly MenuItem[], query: string): MenuItem[] {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const wanted = fold(query.trim());
  if (!wanted) return [...items];
  return items.filter((item) => fold(item.name).includes(wanted));
}
