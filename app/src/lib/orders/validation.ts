/**
 * Cart checks run before an order is queued, mirroring place_order's (supabase/migrations): a
 * cart the database would refuse is caught while the cashier can still fix it. The database
 * checks everything again; these only spare a parked command.
 */

export const maxQty = 99;
export const maxNoteLength = 500;
export const maxLines = 100;

export const cartErrorCodes = [
  'qty_out_of_range',
  'note_too_long',
  'modifier_min_not_met',
  'modifier_max_exceeded',
  'empty_order',
  'table_required',
  'item_unavailable',
] as const;
export type CartErrorCode = (typeof cartErrorCodes)[number];

/** A whole number of portions from 1 to 99. */
export function checkQty(qty: unknown): CartErrorCode | null {
  return typeof qty === 'number' && Number.isInteger(qty) && qty >= 1 && qty <= maxQty ? null : 'qty_out_of_range';
}

/** Line and order notes: at most 500 characters (as Postgres counts them, by code point). */
export function checkNote(note: string): CartErrorCode | null {
  return [...note].length > maxNoteLength ? 'note_too_long' : null;
}

export interface GroupRule {
  id: string;
  min_select: number;
  max_select: number;
}

export interface GroupError {
  groupId: string;
  code: 'modifier_min_not_met' | 'modifier_max_exceeded';
  min: number;
  max: number;
}

/** Each of the item's groups must have between min_select and max_select chosen options. */
export function checkModifierGroups(
  groups: readonly GroupRule[],
  chosenByGroup: ReadonlyMap<string, number> | Record<string, number>,
): GroupError[] {
  const count = (id: string) =>
    chosenByGroup instanceof Map ? (chosenByGroup.get(id) ?? 0) : ((chosenByGroup as Record<string, number>)[id] ?? 0);
  const errors: GroupError[] = [];
  for (const group of groups) {
    const chosen = count(group.id);
    if (chosen < group.min_select) {
      errors.push({ groupId: group.id, code: 'modifier_min_not_met', min: group.min_select, max: group.max_select });
    } else if (chosen > group.max_select) {
      errors.push({ groupId: group.id, code: 'modifier_max_exceeded', min: group.min_select, max: group.max_select });
    }
  }
  return errors;
}

export interface CartShape {
  lines: readonly { qty: number; note: string; available: boolean }[];
  note: string;
  type: 'dine_in' | 'takeaway';
  tableId: string | null;
  /** False when the restaurant has no tables set up: dine-in then needs none. */
  requireTable?: boolean;
}

export interface CartError {
  code: CartErrorCode;
  /** The line concerned (index in the cart), or null for the order as a whole. */
  line: number | null;
}

/** Everything wrong with a cart before it is placed, line by line; empty when it can go. */
export function checkCart(cart: CartShape): CartError[] {
  const errors: CartError[] = [];
  if (cart.lines.length === 0) errors.push({ code: 'empty_order', line: null });
  cart.lines.forEach((line, index) => {
    const code = checkQty(line.qty) ?? checkNote(line.note) ?? (line.available ? null : 'item_unavailable');
    if (code) errors.push({ code, line: index });
  });
  const noteCode = checkNote(cart.note);
  if (noteCode) errors.push({ code: noteCode, line: null });
  if (cart.type === 'dine_in' && !cart.tableId && cart.requireTable !== false)
    errors.push({ code: 'table_required', line: null });
  return errors;
}
